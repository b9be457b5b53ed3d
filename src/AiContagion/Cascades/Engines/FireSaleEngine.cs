using System.Collections.Immutable;
using AiContagion.FireSales;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The engine behind <see cref="FireSaleCascade"/>: runs the fire-sale family's <see cref="PreparedFireSale"/> on a cascade
/// shock and reads its failures, rounds and losses into a <see cref="CascadeResult"/>.
/// </summary>
internal sealed class FireSaleEngine : CascadeEngine
{
    private readonly PreparedFireSale _fireSale;
    private readonly double[] _falls;

    public FireSaleEngine(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings, FireSaleOptions options)
        : base(model, network, settings)
    {
        _fireSale = FireSaleSimulation.Prepare(network, options);
        _falls = _fireSale.OptionFalls;
    }

    public FireSaleResult RunFireSale(ResolvedShock shock, CancellationToken cancellationToken) =>
        _fireSale.Run(new FireSaleInputs(_falls, shock.Failed, shock.ExternallyHit, shock.ExternalFractions, shock.Distressed, shock.DistressValues), cancellationToken);

    internal override CascadeResult Run(ResolvedShock shock, CancellationToken cancellationToken)
    {
        var result = RunFireSale(shock, cancellationToken);
        var n = Network.EntityCount;
        var failRound = new int[n];
        Array.Fill(failRound, -1);
        var order = new List<int>();
        var capital = new double[n];
        var loss = new double[n];
        var touched = new List<int>();
        for (var v = 0; v < n; v++)
        {
            var outcome = result.Entities[v];
            capital[v] = outcome.Equity ?? double.PositiveInfinity;
            loss[v] = outcome.DirectLoss + outcome.FireSaleLoss;
            if (loss[v] != 0)
            {
                touched.Add(v);
            }

            if (outcome.FailedRound is { } round)
            {
                failRound[v] = round;
                order.Add(v);
            }
        }

        order.Sort((a, b) => failRound[a] != failRound[b] ? failRound[a].CompareTo(failRound[b]) : a.CompareTo(b));
        var ledger = new LinkLedger(Network.Index);
        ledger.ApplyWithdrawals(shock);
        foreach (var v in order)
        {
            ledger.ApplyFailure(v, failRound[v]);
        }

        var figures = new EntityFigures { Capital = capital, CreditLoss = SparseValues.Collect(touched, loss) };
        return Result(shock, result.Rounds, result.Rounds + 1, order, failRound, ledger, figures, unconvergedResidual: result.Converged ? null : result.Residual);
    }
}
