using AiContagion.Model;

namespace AiContagion.Provenance;

/// <summary>
/// Money provenance by proportional flow tracing: for each entity, the share of its inflow that originates —
/// traced back through the graph in proportion — with each funding source and with each entity's outside revenue.
/// Answers "what share of the chipmaker's income is, ultimately, venture or credit money?".
/// </summary>
/// <remarks>
/// <para><b>Model (an absorbing Markov chain walked backwards).</b> Entity v's inflow is
/// <c>I_v = Σ_{l: u→v} a_l + r_v</c> (links in plus known outside revenue r_v; unknown revenue counts as 0). A
/// dollar received by v came over link <c>u → v</c> with probability <c>a_l / I_v</c>, or from v's revenue with
/// probability <c>r_v / I_v</c>. Each entity passes its receipts on <b>in proportion</b>: the money it pays has the
/// same origin mix <c>y_v</c> as the money it received, whatever the amounts (an entity paying out more than it
/// receives is assumed to pay the excess with the same mix — from reserves built the same way; one receiving
/// more keeps the rest, which changes nobody else's mix). <b>Origins</b> (absorbing states) are: every funding
/// source (what it pays originates with it; its own receipts are traced like anyone's), the revenue of each
/// entity (<c>revenue:ID</c>), and <i>untraced payers</i> — entities that pay but receive nothing, and the members
/// of a closed loop that receive only from each other, whose payments are attributed to themselves. With
/// <c>x_u = δ_u</c> for an origin entity and <c>x_u = y_u</c> otherwise:
/// <code>y_v = Σ_{l: u→v} (a_l / I_v) · x_u  +  (r_v / I_v) · δ_revenue:v</code>
/// i.e. <c>(I − Q) Y = R</c> over the non-origin entities (Q: transitions between them, R: into origins), the
/// absorption probabilities of the chain. Each <c>y_v</c> is a probability vector: shares are non-negative and
/// sum to 1 for every entity with inflow; entities without inflow are reported with none.</para>
/// <para><b>Cycles.</b> The non-origin entities are grouped into strongly connected loops (Tarjan) and solved in
/// upstream-first order: an entity on no loop by direct substitution (exact), a loop by solving its block
/// <c>(I − Q_CC) Y_C = R_C</c> with MathNet.Numerics — dense LU up to <see cref="ProvenanceOptions.DenseLoopLimit"/>
/// entities, sparse ML(k)-BiCGStab (Yeung, Chan 1999, doi:10.1137/S1064827597321581) with ILU(0) beyond (a
/// sparse solve that breaks down falls back to dense LU up to 5,000 entities, else throws). A loop with outside
/// input is an M-matrix block and always solvable; a closed loop (no revenue, no link from outside) has no origin beyond itself, so its members become
/// untraced origins, as above.</para>
/// <para><b>Targets behind a large loop.</b> When <see cref="ProvenanceOptions.Targets"/> are given and a loop they
/// depend on is larger than <see cref="ProvenanceOptions.DenseLoopLimit"/>, each target is traced by the transposed
/// (adjoint) system instead: <c>y_t = c_t + zᵀR</c> with <c>z = q_t + Qᵀz</c>, the expected visits of the backward
/// walk from t, pushed downstream-first and solved per loop by Gauss–Seidel to
/// <see cref="ProvenanceOptions.SolverTolerance"/> — one sparse solve per target and loop rather than one per origin,
/// so a target in a loop of 10⁵ entities fed by 10⁵ origins costs O(links upstream × sweeps). Shares agree with the
/// forward solve to rounding (≈ 1e-14).</para>
/// <para><b>Direction.</b> Tracing walks <b>against</b> the money: from each entity over the links into it, back
/// to the payers; shares then propagate along the money, upstream first. Links with amount 0 carry no money and
/// are ignored.</para>
/// <para><b>Complexity.</b> O(Σ_v indegree(v) × origins reaching v) for the substitution, plus O(k³) (dense) or
/// iterations × nnz per origin (sparse) for each loop of size k. Memory: the share vectors, O(entities × origins
/// reaching them) in the worst case — trace <see cref="ProvenanceOptions.Targets"/> on very large graphs. The
/// network is never modified. Stateless; safe to call concurrently.</para>
/// <para>References: J. Bialek (1996), "Tracing the flow of electricity", IEE Proceedings – Generation,
/// Transmission and Distribution 143(4):313–320, doi:10.1049/ip-gtd:19960461 (proportional sharing);
/// J. G. Kemeny, J. L. Snell (1960), Finite Markov Chains, Van Nostrand (absorption probabilities
/// <c>(I − Q)⁻¹R</c>); R. E. Tarjan (1972), "Depth-first search and linear graph algorithms", SIAM Journal on
/// Computing 1(2):146–160, doi:10.1137/0201010.</para>
/// </remarks>
public static class MoneyProvenance
{
    /// <summary>Traces every entity's (or the targets') inflow back to its origins.</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="ProvenanceOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between loops.</param>
    /// <returns>One <see cref="EntityProvenance"/> per traced entity, in network order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="KeyNotFoundException">A target id is not in the network.</exception>
    /// <exception cref="ProvenanceSolveException">A sparse loop solve did not converge, or (no targets) a loop is too large to trace
    /// for every member at once: members × origins above 5·10⁷.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ProvenanceResult Trace(FinancingNetwork network, ProvenanceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= ProvenanceOptions.Default;
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return new ProvenanceTracer(network, options, cancellationToken).Run();
    }
}
