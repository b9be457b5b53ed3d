using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The Gai–Kapadia threshold cascade: an entity fails when the share of its counterparties (debtors) that have
/// failed, times its interbank assets, exceeds its capital.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Entity i holds interbank assets <c>A_i</c> = Σ amounts of the claim links out of it (loans made,
/// stakes held), spread evenly, as in the paper, over its <c>j_i</c> distinct debtors (recipients of those links with a
/// positive amount). With <c>φ_i</c> the share of those debtors that have failed and R the recovery rate, i fails in
/// round r when, after round r − 1, <c>(1 − R) · φ_i · A_i + f_i · e_i &gt; K_i</c> (<see cref="GaiKapadiaOptions.Rule"/>;
/// strict by default: Gai &amp; Kapadia's vulnerability condition <c>K_i / A_i &lt; 1 / j_i</c> is strict, so a bank
/// whose loss on one of five debtors equals its capital survives). <c>K_i</c> by <see cref="CapitalOptions"/>. When
/// the exposures of a network really are even, the result equals <see cref="CreditLossCascade"/>'s with the same
/// recovery; when they are not, this model counts counterparties and ignores amounts, as the paper's threshold model does.</para>
/// <para><b>Shock.</b> Failures at round 0; external-asset losses <c>f_i · e_i</c> charged to capital; withdrawals only
/// bring the withdrawn entities' links down.</para>
/// <para><b>Direction.</b> Walks claim links <b>against</b> their direction (a failed recipient is a loss for its
/// funder). Links down as in <see cref="FundingWithdrawalCascade"/>.</para>
/// <para><b>Complexity.</b> O(n + m) to prepare; each run O(entities and links reached). Thread-safe.</para>
/// <para>Gai, P. &amp; Kapadia, S. (2010), "Contagion in financial networks", Proceedings of the Royal Society A
/// 466(2120), 2401–2423, doi:10.1098/rspa.2009.0410.</para>
/// </remarks>
public sealed class GaiKapadiaCascade : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults (strict rule, zero recovery).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public GaiKapadiaCascade(GaiKapadiaOptions? options = null)
    {
        Options = options ?? new GaiKapadiaOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public GaiKapadiaOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.GaiKapadia;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.Withdrawal | ShockChannels.Failure | ShockChannels.ExternalAssets;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new ThresholdCascadeEngine(this, network, ModelSettings.Of([("failureRule", Options.Rule), ("recovery", Options.Recovery), .. ModelSettings.Capital(Options.Capital)]), null, SolvencyChannel.GaiKapadia(Options));
}
