using AiContagion.Model;

namespace AiContagion.Provenance;

/// <summary>
/// Circular money: for each entity, the share of its income that originates from its own payments — money it paid
/// out that comes back to it through the graph (a vendor's equity stake spent on the vendor's products, a cloud's
/// stake in a lab that buys its cloud). Traced backwards under the same proportional-mixing rule as
/// <see cref="MoneyProvenance"/>.
/// </summary>
/// <remarks>
/// <para><b>Definition.</b> As in <see cref="MoneyProvenance"/>, entity v's income is
/// <c>I_v = Σ_{l: u→v, a_l &gt; 0} a_l + r_v</c> (links in plus known outside revenue), and a dollar of it came from
/// payer u with probability <c>P_vu = a_uv / I_v</c> (a_uv: the amounts of all links u → v) or from v's revenue with
/// probability <c>r_v / I_v</c>. Walking back from payer to payer, the walk stops at an origin: outside revenue, a
/// funding source (its payments originate with it) or an entity with no income. The <b>round-trip share</b>
/// <c>ρ_i</c> of entity i is the probability that the backward walk started from i's income reaches i itself before
/// it stops — the share of i's income that started as a payment by i:
/// <code>h_v = Σ_{u→v} P_vu · [u = i]  +  Σ_{u→v, u ∉ O ∪ {i}} P_vu · h_u ,    ρ_i = h_i</code>
/// where O is the set of origins and <c>h_v</c> is the share of v's income that traces back to a payment by i.
/// This is exactly the provenance trace with i's own payments made an origin: ρ_i equals the share of origin i in
/// i's own inflow when <see cref="MoneyProvenance.Trace"/> runs on the network with i marked a funding source (for
/// a funding source i, in the unmodified trace). Money that passes through another funding source on its way back
/// is attributed to that source, not to i, as in the provenance trace.</para>
/// <para><b>Direction.</b> Money flows along a link (payer → recipient); the trace walks against it, from each
/// entity to its payers. Only a cycle of links with positive amounts through i can bring money back, so
/// <c>0 ≤ ρ_i ≤ 1</c>, <c>ρ_i = 0</c> for every entity on no cycle (in particular on every acyclic graph), and
/// <c>ρ_i = 1</c> when i's income comes only from a closed loop (its members pay only each other, no revenue and no
/// outside payer: a finite irreducible walk that cannot stop always returns). The model has no self-links (the builder
/// rejects them). An entity with no income has no round-trip share (<see cref="EntityRoundTrip.Share"/> is
/// <see langword="null"/>).</para>
/// <para><b>Solution.</b> Let T be the entities that pass money on (not funding sources, income &gt; 0) and
/// <c>T_i = T ∪ {i}</c>. A walk from i back to i stays in C, i's strongly connected group of <c>T_i</c> (Tarjan, over
/// links with positive amounts); with <c>P_CC</c> the transitions inside C and <c>G = (I − P_CC)⁻¹</c> (the expected
/// visits of the walk, Kemeny–Snell), <c>G_ii = 1 / (1 − ρ_i)</c>, i.e.
/// <code>ρ_i = 1 − 1 / G_ii .</code>
/// An entity alone in its group has <c>ρ_i = 0</c>. A closed group has <c>ρ = 1</c> for every member. A group of at
/// most <see cref="ProvenanceOptions.DenseLoopLimit"/> entities is inverted once by dense LU (MathNet.Numerics), every
/// member at once: O(k³). A larger group is solved per reported member by Gauss–Seidel on the system for h over C with
/// <c>h_i</c> pinned to 1 (the CSR rows of the links into each member, O(links in C) per sweep, to
/// <see cref="ProvenanceOptions.SolverTolerance"/>), then <c>ρ_i = Σ_u P_iu h_u</c>; the sweeps converge because every
/// member reaches i, where the pinned walk stops. For a funding source i (an origin for everyone else) the group is
/// found by one search forward and one backward from i through T: O(links) each.</para>
/// <para><b>Cost.</b> O(n + m) for the groups, O(k³) per small group, O(reported members × links in the group ×
/// sweeps) per large one, O(m) per funding source with income. A whole-network run whose large groups would need more
/// than 10⁹ link-visits per sweep (reported members × links inside their group) stops with
/// <see cref="ProvenanceSolveException"/>; choose <see cref="ProvenanceOptions.Targets"/> instead. Stateless; safe to
/// call concurrently; the network is never modified.</para>
/// <para>References: J. Bialek (1996), "Tracing the flow of electricity", IEE Proceedings – Generation,
/// Transmission and Distribution 143(4):313–320, doi:10.1049/ip-gtd:19960461 (proportional sharing);
/// J. G. Kemeny, J. L. Snell (1960), Finite Markov Chains, Van Nostrand (expected visits <c>(I − Q)⁻¹</c> and return
/// probabilities); R. E. Tarjan (1972), "Depth-first search and linear graph algorithms", SIAM Journal on Computing
/// 1(2):146–160, doi:10.1137/0201010.</para>
/// </remarks>
public static class MoneyRoundTrip
{
    /// <summary>The round-trip share of every entity (or of the targets).</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options (<see cref="ProvenanceOptions.Targets"/>, the dense limit and the sparse solve's
    /// tolerance and cap); <see langword="null"/> for <see cref="ProvenanceOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between groups and during the sweeps.</param>
    /// <returns>One <see cref="EntityRoundTrip"/> per reported entity, in network order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="KeyNotFoundException">A target id is not in the network.</exception>
    /// <exception cref="ProvenanceSolveException">A sparse solve did not converge, or the large groups need more work
    /// than a whole-network run does at once (the message names <see cref="ProvenanceOptions.Targets"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static RoundTripResult Compute(FinancingNetwork network, ProvenanceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= ProvenanceOptions.Default;
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return new RoundTripSolver(network, options, cancellationToken).Run();
    }
}
