using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The chain cascade: the funding-withdrawal and the credit-loss channels at once. An entity fails when its lost
/// inflow exceeds its liquidity buffer <b>or</b> its losses exceed its capital; a failure both stops its payments
/// and impairs the claims on it.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Entity v fails in round r when, after round r − 1,
/// <c>lost_v &gt; τ_v · inflow_v</c> (see <see cref="FundingWithdrawalCascade"/>) or <c>loss_v &gt; capital_v</c>
/// (see <see cref="CreditLossCascade"/>).</para>
/// <para><b>Shock.</b> Withdrawals, failures and external-asset losses (charged to capital), all at round 0.</para>
/// <para><b>Direction.</b> Liquidity walks every link <b>along</b> its direction (a failed payer's recipients lose
/// inflow); losses walk claim links <b>against</b> it (a failed recipient's funders lose).</para>
/// <para><b>Figures.</b> <see cref="EntityOutcome.LostInflow"/>, <see cref="EntityOutcome.CreditLoss"/>, <see cref="EntityOutcome.Equity"/>.</para>
/// <para><b>Complexity.</b> O(n + m) to prepare; each run O(entities and links reached). Thread-safe.</para>
/// <para>Furfine (2003), doi:10.1353/mcb.2003.0004, for the solvency channel; Gai, Haldane &amp; Kapadia (2011),
/// doi:10.1016/j.jmoneco.2011.05.005, for funding contagion.</para>
/// </remarks>
public sealed class ChainCascade : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="liquidity">Liquidity options; <see langword="null"/> for the defaults.</param>
    /// <param name="solvency">Solvency options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ChainCascade(LiquidityOptions? liquidity = null, SolvencyOptions? solvency = null)
    {
        Liquidity = liquidity ?? new LiquidityOptions();
        Solvency = solvency ?? new SolvencyOptions();
        Liquidity.Validate();
        Solvency.Validate();
    }

    /// <summary>The liquidity options.</summary>
    public LiquidityOptions Liquidity { get; }

    /// <summary>The solvency options.</summary>
    public SolvencyOptions Solvency { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.Chain;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.Withdrawal | ShockChannels.Failure | ShockChannels.ExternalAssets;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new ThresholdCascadeEngine(this, network, ModelSettings.Of([.. ModelSettings.Liquidity(Liquidity), .. ModelSettings.Solvency(Solvency)]), Liquidity, SolvencyChannel.CreditLoss(Solvency));
}
