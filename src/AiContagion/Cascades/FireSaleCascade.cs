using AiContagion.Cascades.Engines;
using AiContagion.FireSales;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The fire-sale model as a cascade model (<c>fire-sale</c>): firms that hold common assets (the network's holdings layer)
/// sell them when losses push their leverage up, prices fall, every holder loses; a firm fails when its losses reach its
/// equity. The rounds are the rounds of sales, so rankings, sweeps and stress runs work on it unchanged; the richer
/// outcome (price paths, AV, systemicness, indirect vulnerability) is <see cref="RunFireSale"/>.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> One of the four <see cref="FireSaleDynamics"/> (<see cref="FireSaleOptions.Dynamics"/>; default
/// Cont–Schaanning threshold deleveraging) of <see cref="PreparedFireSale"/>, whose remarks give the maths, the balance
/// sheets read from the network (total assets = holdings + external assets + claims funded + receivables; equity =
/// capital, else balance-sheet net worth) and the papers.</para>
/// <para><b>Shock.</b> A failure wipes out the firm's equity (the rounds dynamics liquidate its holdings); an
/// external-asset loss of fraction f costs <c>f × externalAssets</c>; distress h costs <c>h × equity</c>; a withdrawal only
/// brings the withdrawn firm's links down (it has no balance-sheet effect here). Asset price falls are not a part of a
/// <see cref="CascadeShock"/>: give them as <see cref="FireSaleOptions.AssetShocks"/>, applied in every run (a market
/// shock under which a ranking tries its candidates).</para>
/// <para><b>Failure and rounds.</b> Round 0 is the shock; round r the r-th round of sales. A firm fails in the round its
/// losses reach its equity (relative slack 1e-12); a firm of non-positive equity fails in round 1. Links down: links out of
/// a failed firm and claim links into it.</para>
/// <para><b>Direction.</b> No loss travels along a link: losses travel through common holdings, from each seller to every
/// holder of what it sells. Links enter only through the balance sheets.</para>
/// <para><b>Figures.</b> <see cref="EntityOutcome.CreditLoss"/> = direct + fire-sale loss, <see cref="EntityOutcome.Equity"/> =
/// equity − that loss (equity unknown: <see langword="null"/>).</para>
/// <para><b>Convergence.</b> The linear GLT with a spectral radius ≥ 1, or the rounds dynamics past
/// <see cref="FireSaleOptions.MaxRounds"/>, do not converge: <see cref="PreparedCascade.Run(CascadeShock, CancellationToken)"/>
/// throws <see cref="CascadeConvergenceException"/> and <see cref="PreparedCascade.TryRun"/> returns the state reached.</para>
/// <para><b>Complexity.</b> O(n + m + holdings) to prepare; O(holdings) per round of a run. Thread-safe.</para>
/// <para>Greenwood, R., Landier, A. &amp; Thesmar, D. (2015), "Vulnerable banks", Journal of Financial Economics 115(3),
/// 471–485, doi:10.1016/j.jfineco.2014.11.006. Cont, R. &amp; Schaanning, E. (2017), "Fire sales, indirect contagion and
/// systemic stress testing", Norges Bank Working Paper 2/2017, doi:10.2139/ssrn.2541114.</para>
/// </remarks>
public sealed class FireSaleCascade : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FireSaleCascade(FireSaleOptions? options = null)
    {
        Options = options ?? new FireSaleOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public FireSaleOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.FireSale;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.All;

    /// <summary>Runs one shock and returns the fire sale's own outcome: price paths, losses, AV, systemicness, indirect vulnerability.</summary>
    /// <param name="network">The network.</param>
    /// <param name="shock">The shock (the options' asset shocks are added).</param>
    /// <param name="cancellationToken">Cancels the run between rounds.</param>
    /// <returns>The fire-sale result (check <see cref="FireSaleResult.Converged"/>).</returns>
    /// <exception cref="ArgumentException">As <see cref="ICascadeModel.Run"/>.</exception>
    public FireSaleResult RunFireSale(FinancingNetwork network, CascadeShock shock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(shock);
        var resolved = ResolvedShock.Resolve(network, shock);
        resolved.EnsureAccepted(Accepts, Name);
        return ((FireSaleEngine)Prepare(network)).RunFireSale(resolved, cancellationToken);
    }

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new FireSaleEngine(this, network, Options.ToSettings(), Options);
}
