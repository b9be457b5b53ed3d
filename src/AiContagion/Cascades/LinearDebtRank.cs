using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// Linear (differential) DebtRank (Bardoscia et al. 2015): every increase of an entity's distress passes on to the
/// holders of claims on it, in proportion to their exposure over their capital, until the increments die out.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> <c>h_i(t+1) = min(1, h_i(t) + Σ_j Λ_ij (h_j(t) − h_j(t−1)))</c>, <c>h(0) = 0</c>, <c>h(1)</c>
/// the shock, with the interbank leverage <c>Λ_ij = A_ij / E_i</c> (uncapped, as in the paper; capped at 1 when
/// <see cref="DebtRankOptions.CapImpactAtOne"/>). Ends when no distress grows by more than
/// <see cref="DebtRankOptions.Tolerance"/>; more than <see cref="DebtRankOptions.MaxIterations"/> rounds throw
/// <see cref="CascadeConvergenceException"/> (<see cref="PreparedCascade.TryRun"/> returns the state reached instead,
/// with <see cref="CascadeResult.Converged"/> = <see langword="false"/>). Capital, weights, shock, failure, figures: as <see cref="SingleHitDebtRank"/>.</para>
/// <para><b>Closed-form leaps.</b> Near-critical networks (spectral radius of Λ close to 1) make increments decay or
/// grow very slowly. Every 32 passes the engine tries to take the linear stretch ahead at once: if no entity will
/// saturate, the limit <c>h + (I − Λ_UU)⁻¹ y</c> over the unsaturated entities U reached (dense LU, up to 1,000 of
/// them); if distress is still growing, a jump by binary lifting over powers of Λ (up to 200 entities) to the last
/// round before the next entity reaches its failure distress, so failure rounds stay exact. Rounds therefore count
/// the model's rounds, which may be far more than the passes made (<see cref="CascadeResult.Iterations"/>); they
/// saturate at <see cref="int.MaxValue"/>.</para>
/// <para><b>Direction.</b> Walks claim links <b>against</b> their direction (distress of the recipient To reaches the funder From).</para>
/// <para><b>Complexity.</b> O(claim links reached) per round. Thread-safe.</para>
/// <para>Bardoscia, M., Battiston, S., Caccioli, F. &amp; Caldarelli, G. (2015), "DebtRank: A Microscopic Foundation
/// for Shock Propagation", PLoS ONE 10(6), e0130406, doi:10.1371/journal.pone.0130406.</para>
/// </remarks>
public sealed class LinearDebtRank : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public LinearDebtRank(DebtRankOptions? options = null)
    {
        Options = options ?? new DebtRankOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public DebtRankOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.DebtRankLinear;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.All;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new DebtRankEngine(this, network, DebtRankSettings.Of(Options, linear: true), Options, linear: true);
}
