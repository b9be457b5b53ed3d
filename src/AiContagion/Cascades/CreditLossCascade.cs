using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The credit-loss cascade (Furfine sequential default): when an entity fails, everyone holding a claim on it loses
/// <c>(1 − recovery[kind]) × amount</c>; an entity whose losses exceed its capital fails in turn.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> <c>loss_i</c> = Σ over claim links i → j with j failed of <c>(1 − R[kind]) · amount</c>, plus
/// external-asset losses <c>f_i · externalAssets_i</c>. Entity i fails in round r when, after round r − 1,
/// <c>loss_i &gt; capital_i</c> (<see cref="SolvencyOptions.Rule"/>; strict by default). Capital by
/// <see cref="CapitalOptions"/>: the figure, else balance-sheet net worth, else immune. An entity whose capital is
/// already below zero (non-strict: at most zero) fails in round 1 of every run.</para>
/// <para><b>Shock.</b> Round 0: failures fail; external-asset losses are charged to capital; withdrawals stop the
/// withdrawn entities' outgoing links (reported as down) but cause no loss (no liquidity channel here).</para>
/// <para><b>Direction.</b> Walks claim links <b>against</b> their direction (To → From): a failed recipient is a
/// loss for its funder. Commercial links carry no loss. Links down as in <see cref="FundingWithdrawalCascade"/>.</para>
/// <para><b>Figures.</b> <see cref="EntityOutcome.CreditLoss"/> and <see cref="EntityOutcome.Equity"/> = capital − loss
/// (<see langword="null"/> when capital is unknown and defaults to +∞).</para>
/// <para><b>Complexity.</b> O(n + m) to prepare; each run O(entities and links reached). Thread-safe.</para>
/// <para>Furfine, C. H. (2003), "Interbank Exposures: Quantifying the Risk of Contagion", Journal of Money, Credit
/// and Banking 35(1), 111–128, doi:10.1353/mcb.2003.0004.</para>
/// </remarks>
public sealed class CreditLossCascade : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Solvency options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CreditLossCascade(SolvencyOptions? options = null)
    {
        Options = options ?? new SolvencyOptions();
        Options.Validate();
    }

    /// <summary>The solvency options.</summary>
    public SolvencyOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.Credit;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.Withdrawal | ShockChannels.Failure | ShockChannels.ExternalAssets;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new ThresholdCascadeEngine(this, network, ModelSettings.Of(ModelSettings.Solvency(Options)), null, SolvencyChannel.CreditLoss(Options));
}
