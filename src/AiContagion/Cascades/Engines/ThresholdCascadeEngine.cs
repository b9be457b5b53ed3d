using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The round-by-round engine behind the funding-withdrawal, credit-loss, chain and Gai–Kapadia cascades: a liquidity
/// channel (lost inflow against τ × inflow, along links) and a solvency channel (losses on claims against capital,
/// against claim links), either or both. The solvency channel's loss kernel (<see cref="LossKernel"/>) is what tells
/// the credit-loss cascade (losses by claim amount) from Gai–Kapadia (losses by counterparty share).
/// </summary>
/// <remarks>
/// <para>Event-driven: only entities whose lost inflow or losses changed in a round are tested in the next, and
/// every work array is pooled and cleared only where the run wrote, so a run costs O(entities and links reached).</para>
/// <para>Deterministic: the shock is applied in entity order, each round's failures are processed in entity order,
/// and each entity's links in network order.</para>
/// </remarks>
internal sealed class ThresholdCascadeEngine : CascadeEngine
{
    private const int LostInflowSlot = 0;
    private const int CreditLossSlot = 1;

    private readonly NetworkIndex _index;
    private readonly bool _liquidity;
    private readonly bool _solvency;
    private readonly double[] _liquidityThreshold = [];
    private readonly double[] _inflow = [];
    private readonly double[] _capital = [];
    private readonly FailureRule _rule;
    private readonly LossKernel? _kernel;
    private readonly int[] _insolventAtStart = [];
    private readonly WorkspacePool _pool;

    // Row-ordered copies of the link data the hot loop reads, so a failing entity's links are read sequentially:
    // out-rows (recipient, amount) as in OutLinks; in-rows of claim links only (link, amount).
    private readonly int[] _outTo;
    private readonly double[] _outAmount;
    private readonly int[] _claimStart;
    private readonly int[] _claimLink;
    private readonly double[] _claimAmount;

    public ThresholdCascadeEngine(
        ICascadeModel model,
        FinancingNetwork network,
        ImmutableSortedDictionary<string, string> settings,
        LiquidityOptions? liquidity,
        SolvencyChannel? solvency)
        : base(model, network, settings)
    {
        _index = network.Index;
        if (liquidity is not null)
        {
            _liquidity = true;
            _inflow = BalanceSheet.Inflow(_index);
            var tolerance = BalanceSheet.Tolerance(_index, _inflow, liquidity);
            _liquidityThreshold = new double[_inflow.Length];
            for (var v = 0; v < _inflow.Length; v++)
            {
                _liquidityThreshold[v] = tolerance[v] * _inflow[v];
            }
        }

        var m = _index.LinkCount;
        _outTo = new int[m];
        _outAmount = new double[m];
        for (var k = 0; k < m; k++)
        {
            var l = _index.OutLinks[k];
            _outTo[k] = _index.LinkTo[l];
            _outAmount[k] = _index.Amount[l];
        }

        var claims = ClaimRows.Build(_index);
        _claimStart = claims.Start;
        _claimLink = claims.Link;
        _claimAmount = claims.Amount;
        if (solvency is not null)
        {
            _solvency = true;
            _capital = BalanceSheet.Capital(_index, solvency.Capital);
            _rule = solvency.Rule;
            _kernel = solvency.Kernel(_index, claims, _capital);
            _insolventAtStart = [.. Enumerable.Range(0, _index.EntityCount).Where(v => BalanceSheet.Breaks(_rule, 0.0, _capital[v]))];
        }

        _pool = new WorkspacePool(_index, accumulators: 2);
    }

    internal override CascadeResult Run(ResolvedShock shock, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ws = _pool.Rent();
        try
        {
            var (round, iterations) = Execute(ws, shock, cancellationToken);
            var figures = new EntityFigures
            {
                LostInflow = _liquidity ? SparseValues.Collect(ws.Touched, ws.Accumulator(LostInflowSlot)) : null,
                CreditLoss = _solvency ? SparseValues.Collect(ws.Touched, ws.Accumulator(CreditLossSlot)) : null,
                Capital = _solvency ? _capital : null,
            };
            return Result(shock, round, iterations, ws.FailedOrder, ws.FailRound, ws.Ledger, figures);
        }
        finally
        {
            _pool.Return(ws);
        }
    }

    internal override CascadeSummary Summarize(ResolvedShock shock, List<int>? failed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ws = _pool.Rent();
        try
        {
            var (rounds, _) = Execute(ws, shock, cancellationToken);
            var cascadeFailures = 0;
            foreach (var v in ws.FailedOrder)
            {
                cascadeFailures += ws.FailRound[v] > 0 ? 1 : 0;
            }

            failed?.AddRange(ws.FailedOrder);
            var ledger = ws.Ledger;

            // Links go down only when an entity fails or withdraws, so the last failure round bounds the link rounds.
            return new CascadeSummary(Math.Max(rounds, ws.LastFailureRound), ws.FailedOrder.Count, cascadeFailures, ledger.Count, ledger.DirectCount, ledger.Amount, ledger.DirectAmount, null);
        }
        finally
        {
            _pool.Return(ws);
        }
    }

    /// <summary>Runs the cascade, leaving its state in the workspace; returns the last failure round and the rounds checked.</summary>
    private (int Round, int Iterations) Execute(EngineWorkspace ws, ResolvedShock shock, CancellationToken cancellationToken)
    {
        var lostInflow = ws.Accumulator(LostInflowSlot);
        var creditLoss = ws.Accumulator(CreditLossSlot);

        // Round 0: the shock. Withdrawn entities stop (part of) their outgoing links; external-asset losses hit
        // capital; failed entities fail now.
        for (var i = 0; i < shock.Withdrawn.Length; i++)
        {
            foreach (var l in _index.LinksOutOf(shock.Withdrawn[i]))
            {
                var stopped = ws.Ledger.StopFlow(l, LinkDownCause.Withdrawn, 0, shock.WithdrawnFractions[i]);
                if (_liquidity && stopped > 0)
                {
                    var to = _index.LinkTo[l];
                    lostInflow[to] += stopped;
                    ws.Enqueue(to);
                }
            }
        }

        for (var i = 0; i < shock.ExternallyHit.Length; i++)
        {
            var v = shock.ExternallyHit[i];
            creditLoss[v] += shock.ExternalFractions[i] * BalanceSheet.OrZero(_index.ExternalAssets[v]);
            ws.Enqueue(v);
        }

        foreach (var v in shock.Failed)
        {
            Fail(ws, v, 0);
        }

        foreach (var v in _insolventAtStart)
        {
            ws.Enqueue(v);
        }

        // Rounds 1, 2, ...: whoever the previous round pushed over its buffer fails.
        var round = 0;
        var iterations = 0;
        var next = new List<int>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            next.Clear();
            foreach (var v in ws.Queue)
            {
                ws.IsQueued[v] = false;
                if (ws.FailRound[v] < 0 && Breaks(lostInflow, creditLoss, v))
                {
                    next.Add(v);
                }
            }

            ws.Queue.Clear();
            if (next.Count == 0)
            {
                break;
            }

            round++;
            next.Sort();
            foreach (var v in next)
            {
                Fail(ws, v, round);
            }
        }

        return (round, iterations);
    }

    private bool Breaks(double[] lostInflow, double[] creditLoss, int v) =>
        (_liquidity && _inflow[v] > 0 && BalanceSheet.Exceeds(lostInflow[v], _liquidityThreshold[v]))
        || (_solvency && BalanceSheet.Breaks(_rule, creditLoss[v], _capital[v]));

    /// <summary>
    /// Entity <paramref name="v"/> fails: it stops paying along every link out of it (liquidity: each recipient
    /// loses the flow) and every claim link into it is impaired (solvency: the kernel's creditors lose their share).
    /// </summary>
    private void Fail(EngineWorkspace ws, int v, int round)
    {
        ws.Fail(v, round);
        var ledger = ws.Ledger;
        var outLinks = _index.OutLinks;
        var lostInflow = ws.Accumulator(LostInflowSlot);
        for (var k = _index.OutStart[v]; k < _index.OutStart[v + 1]; k++)
        {
            var stopped = ledger.StopFlow(outLinks[k], _outAmount[k], LinkDownCause.PayerFailed, round, 1.0);
            if (_liquidity && stopped > 0)
            {
                lostInflow[_outTo[k]] += stopped;
                ws.Enqueue(_outTo[k]);
            }
        }

        for (var k = _claimStart[v]; k < _claimStart[v + 1]; k++)
        {
            ledger.MarkDown(_claimLink[k], LinkDownCause.RecipientFailed, round, _claimAmount[k]);
        }

        if (_kernel is { } kernel)
        {
            var creditLoss = ws.Accumulator(CreditLossSlot);
            var creditor = kernel.Creditor;
            var loss = kernel.Loss;
            for (var e = kernel.Start[v]; e < kernel.Start[v + 1]; e++)
            {
                creditLoss[creditor[e]] += loss[e];
                ws.Enqueue(creditor[e]);
            }
        }
    }
}
