using AiContagion.Model;

namespace AiContagion.FireSales;

/// <summary>
/// A fire-sale model bound to one network: the balance sheets (equity, total assets, holdings) and each asset's price
/// impact, computed once; runs many shocks, from many threads at once.
/// </summary>
/// <remarks>
/// <para><b>What it models.</b> Firms that hold the same assets (the network's holdings layer: GPUs pledged as collateral,
/// listed stakes) and must sell them when losses push their leverage up; sales move prices; every holder marks its
/// holdings to the new prices and loses. The four <see cref="FireSaleDynamics"/> are two closed forms of Greenwood,
/// Landier &amp; Thesmar (2015) and two rounds dynamics on updated balance sheets (leverage targeting; Cont &amp; Schaanning
/// 2017). docs/fire-sales.md gives the maths, the mapping and worked examples.</para>
/// <para><b>Balance sheets</b> (<see cref="FireSaleOptions"/>): total assets = holdings + external assets + claims funded
/// + commercial receivables; equity = <c>capital</c>, else the balance-sheet net worth; leverage = assets / equity. Links
/// enter only through these balance sheets: no loss travels along a link in this model (the cascade model
/// <c>fire-sale</c> reports the links of failed firms as down).</para>
/// <para><b>Direction.</b> None along links: losses travel through common holdings, from sellers to every holder of what
/// they sell.</para>
/// <para><b>Complexity.</b> Preparing: O(n + m + holdings). A run: O(holdings) per round (one round for
/// <see cref="FireSaleDynamics.GreenwoodOneRound"/>; the linear GLT adds O(holdings) per conjugate-gradient and power
/// step). The rounds engine on 10⁴ firms × 10³ assets (10⁶ holdings) takes well under 0.5 s (docs/performance.md).</para>
/// <para>Thread-safe: a run allocates its own state.</para>
/// </remarks>
public sealed class PreparedFireSale
{
    private readonly FireSaleBook _book;
    private readonly double[] _optionFalls;

    internal PreparedFireSale(FinancingNetwork network, FireSaleOptions options)
    {
        Network = network;
        Options = options;
        _book = new FireSaleBook(network, options);
        _optionFalls = FireSaleInputs.OptionFalls(network, options);
    }

    /// <summary>The network.</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The options.</summary>
    public FireSaleOptions Options { get; }

    /// <summary>Runs one shock.</summary>
    /// <param name="shock">The shock (added to <see cref="FireSaleOptions.AssetShocks"/>).</param>
    /// <param name="cancellationToken">Cancels the run between rounds.</param>
    /// <returns>The result; check <see cref="FireSaleResult.Converged"/>.</returns>
    /// <exception cref="ArgumentException">The shock names an unknown entity or asset, or a fraction outside [0, 1].</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public FireSaleResult Run(FireSaleShock shock, CancellationToken cancellationToken = default) =>
        Run(FireSaleInputs.Resolve(Network, _optionFalls, shock), cancellationToken);

    /// <summary>Runs a resolved shock (the cascade model's way in).</summary>
    internal FireSaleResult Run(FireSaleInputs inputs, CancellationToken cancellationToken)
    {
        var run = Options.Dynamics switch
        {
            FireSaleDynamics.GreenwoodOneRound => GreenwoodLandierThesmar.Run(_book, inputs, Options, iterate: false, cancellationToken),
            FireSaleDynamics.GreenwoodLinear => GreenwoodLandierThesmar.Run(_book, inputs, Options, iterate: true, cancellationToken),
            _ => DeleveragingRounds.Run(_book, inputs, Options, cancellationToken),
        };
        return run.ToResult(_book, Options);
    }

    /// <summary>The options' asset shocks as per-asset falls (the cascade model combines them with nothing else: a cascade shock has no asset part).</summary>
    internal double[] OptionFalls => (double[])_optionFalls.Clone();
}
