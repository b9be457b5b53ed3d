using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// Non-linear DebtRank (Bardoscia et al. 2016): distress passes on to the holders of claims through a propagation
/// function <c>p(h) = h e^(α(h − 1))</c> of the debtor's relative equity loss — the bridge between linear DebtRank
/// (α = 0) and the threshold (Furfine) cascade (α → ∞), where only a default passes anything on.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> <c>h_i(t+1) = min(1, h_i(t) + Σ_j Λ_ij (p(h_j(t)) − p(h_j(t−1))))</c>, <c>h(0) = 0</c>, <c>p(h(0)) = 0</c>,
/// <c>h(1)</c> the shock (so the shock itself propagates, as in <see cref="LinearDebtRank"/>), with the interbank leverage
/// <c>Λ_ij = A_ij / E_i</c> (uncapped; capped at 1 when <see cref="DebtRankOptions.CapImpactAtOne"/>) and
/// <c>α = </c><see cref="DebtRankOptions.Alpha"/>. p is increasing with <c>p(0) = 0</c>, <c>p(1) = 1</c>, <c>p(h) ≤ h</c>, and
/// non-increasing in α, so the final distress lies between the Furfine cascade's (α = ∞) and linear DebtRank's (α = 0)
/// and falls as α grows. Since the increments are non-negative the difference form equals the level form
/// <c>h_i(t+1) = min(1, h_i(1) + Σ_j Λ_ij p(h_j(t)))</c>. Ends when no entity has more than
/// <see cref="DebtRankOptions.Tolerance"/> of p to pass on; more than <see cref="DebtRankOptions.MaxIterations"/> rounds
/// throw <see cref="CascadeConvergenceException"/>. Capital, weights, shock, failure, figures: as <see cref="SingleHitDebtRank"/>.</para>
/// <para><b>p.</b> The authors' code (rayohauno/nonlinear_debt_rank, <c>_compute_p_i</c>) uses
/// <c>p(h) = min(1, h e^(α(h − 1)))</c>; the form <c>(e^(αh) − 1)/(e^α − 1)</c> shares its limits but gives other numbers.</para>
/// <para><b>Direction.</b> Walks claim links <b>against</b> their direction (distress of the recipient To reaches the funder From).</para>
/// <para><b>Complexity.</b> O(claim links reached) per round; no closed-form leaps (the map is not linear). Thread-safe.</para>
/// <para>Bardoscia, M., Caccioli, F., Perotti, J. I., Vivaldo, G. &amp; Caldarelli, G. (2016), "Distress propagation in
/// complex networks: the case of non-linear DebtRank", PLoS ONE 11(10), e0163825, doi:10.1371/journal.pone.0163825.</para>
/// </remarks>
public sealed class NonLinearDebtRank : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Options (<see cref="DebtRankOptions.Alpha"/> is α); <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public NonLinearDebtRank(DebtRankOptions? options = null)
    {
        Options = options ?? new DebtRankOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public DebtRankOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.DebtRankNonLinear;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.All;

    /// <summary>The propagation function <c>p(h) = h e^(α(h − 1))</c> for h in [0, 1] (1 at h ≥ 1; at α = +∞, 0 below 1).</summary>
    /// <param name="distress">The relative equity loss h.</param>
    /// <param name="alpha">α ≥ 0.</param>
    /// <returns>p(h).</returns>
    public static double Propagation(double distress, double alpha) => DebtRankEngine.Propagation(distress, alpha);

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new DebtRankEngine(this, network, DebtRankSettings.Of(Options, linear: true, nonLinear: true), Options, linear: true, nonLinear: true);
}
