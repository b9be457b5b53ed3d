using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// Single-hit DebtRank (Battiston et al. 2012): distress h in [0, 1] spreads from debtors to the holders of claims on
/// them, each entity passing its distress on once; the DebtRank R is the weighted distress the cascade adds.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Impact of j on holder i: <c>W_ij = min(1, A_ij / E_i)</c>, with <c>A_ij</c> the sum of the claim
/// links i → j and <c>E_i</c> i's capital (<see cref="DebtRankOptions.Capital"/>; capital ≤ 0 gives W = 1, unknown
/// capital W = 0). States: undistressed, distressed, inactive. <c>h_i(t) = min(1, h_i(t−1) + Σ_{j distressed at t−1}
/// W_ij h_j(t−1))</c>; an entity distressed at t−1 becomes inactive at t (it passes distress on once); an undistressed
/// entity with h &gt; 0 becomes distressed. Inactive entities still take distress but never pass it on. Ends when no
/// entity is distressed. <c>R = Σ_i v_i h_i(T) − Σ_i v_i h_i(1)</c> with economic weights v
/// (<see cref="DebtRankOptions.EconomicWeights"/>; default: share of total assets).</para>
/// <para><b>Shock.</b> <c>h_i(1)</c> = given distress + external-asset loss over capital <c>min(1, f_i e_i / E_i)</c>,
/// capped at 1; a failure sets h = 1. Withdrawals only bring the withdrawn entities' links down.</para>
/// <para><b>Failure.</b> An entity fails (in the round it gets there) when h reaches
/// <see cref="DebtRankOptions.FailureDistress"/> (default 1: its whole equity is lost). Links down: links out of a
/// failed entity and claim links into it.</para>
/// <para><b>Direction.</b> Walks claim links <b>against</b> their direction (distress of the recipient To reaches the
/// funder From). Commercial links carry no distress.</para>
/// <para><b>Figures.</b> <see cref="EntityOutcome.Distress"/>; <see cref="CascadeResult.DebtRank"/> and <see cref="CascadeResult.InitialStress"/>.</para>
/// <para><b>Complexity.</b> O(n + m log m) to prepare; each run O(entities and claim links reached), at most n
/// rounds. Thread-safe.</para>
/// <para>Battiston, S., Puliga, M., Kaushik, R., Tasca, P. &amp; Caldarelli, G. (2012), "DebtRank: Too Central to
/// Fail? Financial Networks, the FED and Systemic Risk", Scientific Reports 2, 541, doi:10.1038/srep00541.</para>
/// </remarks>
public sealed class SingleHitDebtRank : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SingleHitDebtRank(DebtRankOptions? options = null)
    {
        Options = options ?? new DebtRankOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public DebtRankOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.DebtRank;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.All;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new DebtRankEngine(this, network, DebtRankSettings.Of(Options, linear: false), Options, linear: false);
}
