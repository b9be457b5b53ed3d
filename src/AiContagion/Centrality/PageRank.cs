using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// Weighted PageRank with damping, personalisation and a dangling-node distribution, exactly as NetworkX
/// defines it (<c>networkx.pagerank</c>, 2.8).
/// </summary>
/// <remarks>
/// <para><b>Model.</b> With weights <c>w_l</c> (link amounts, or 1 when unweighted; parallel links add), the
/// transition probability along link <c>u → v</c> is <c>w_l / W_u</c> where <c>W_u</c> is u's total outgoing
/// weight. Entities with <c>W_u = 0</c> (no links out, or only zero-amount ones) are <i>dangling</i>. Power
/// iteration from <c>x⁰</c> (uniform, or <see cref="PageRankOptions.Start"/> normalised):
/// <code>x'_v = α · ( Σ_{l: u→v} x_u · w_l / W_u  +  d_v · Σ_{u dangling} x_u )  +  (1 − α) · p_v</code>
/// with personalisation <c>p</c> and dangling distribution <c>d</c> (default <c>p</c>), both normalised to sum 1.
/// It stops when <c>‖x' − x‖₁ &lt; n · tol</c> (NetworkX's criterion); the scores sum to 1.</para>
/// <para><b>Direction.</b> <see cref="CentralityDirection.Receiving"/> (default): the walker follows the money,
/// so rank accumulates at entities that are paid by highly ranked entities; each step pulls over the links
/// <b>into</b> every entity. <see cref="CentralityDirection.Paying"/>: the walker goes against the money
/// (reverse PageRank), ranking the funders of important entities; each step pulls over the links out of every
/// entity, and "dangling" means receiving nothing.</para>
/// <para><b>Complexity.</b> O(n + m) per iteration on compact arrays (a pull over the in-CSR with precomputed
/// <c>w_l / W_u</c>), parallel over blocks of entities for large graphs; memory O(n + m). The result does not
/// depend on the thread count (block sums are combined in a fixed order).</para>
/// <para><b>Thread safety.</b> Stateless; safe to call concurrently.</para>
/// <para>Reference: L. Page, S. Brin, R. Motwani, T. Winograd (1999), "The PageRank citation ranking: bringing
/// order to the web", Stanford InfoLab technical report 1999-66, http://ilpubs.stanford.edu:8090/422/.</para>
/// </remarks>
public static class PageRank
{
    /// <summary>
    /// Computes PageRank and says whether it converged — the library's <c>Try…</c> form (docs/architecture.md,
    /// "Convergence"): <see langword="false"/> with the scores of the last iteration when the iteration cap was reached.
    /// </summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <param name="scores">The scores, converged or not (<see cref="CentralityScores.Converged"/>).</param>
    /// <param name="cancellationToken">Cancels between iterations.</param>
    /// <returns>Whether the iteration met its tolerance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range or names an unknown entity.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static bool TryCompute(FinancingNetwork network, PageRankOptions? options, out CentralityScores scores, CancellationToken cancellationToken = default)
    {
        scores = Compute(network, options, cancellationToken);
        return scores.Converged;
    }

    /// <summary>Computes PageRank scores (measure name <c>pagerank</c>).</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="PageRankOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between iterations.</param>
    /// <returns>The scores (summing to 1), the iterations run and whether they converged. An empty network gives an empty, converged set. At the iteration cap the scores come back with <see cref="CentralityScores.Converged"/> = <see langword="false"/> (call <see cref="CentralityScores.EnsureConverged"/> to throw); see <see cref="TryCompute"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">A personalisation, dangling or start map names an unknown entity,
    /// holds a negative or non-finite weight, or sums to zero.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CentralityScores Compute(FinancingNetwork network, PageRankOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= PageRankOptions.Default;
        options.Validate();
        var n = network.EntityCount;
        if (n == 0)
        {
            return new CentralityScores(network, "pagerank", []);
        }

        var personalisation = Check.Distribution(network, options.Personalisation, nameof(options.Personalisation));
        var dangling = options.DanglingDistribution is null
            ? personalisation
            : Check.Distribution(network, options.DanglingDistribution, nameof(options.DanglingDistribution));
        var x = Check.Distribution(network, options.Start, nameof(options.Start));

        var graph = PullGraph.Build(network.Index, options.Direction, options.Weighted, options.MaxDegreeOfParallelism, cancellationToken);
        var start = graph.Start;
        var neighbour = graph.Neighbour;

        // Transition probability of each row entry: w_l / W_u, computed once (0 from a dangling payer, whose
        // zero-weight links lead nowhere).
        var probability = graph.Weight;
        var pushTotal = graph.PushTotal;
        var partials = new double[BlockedLoop.BlockCount(n)];
        var work = (long)n + probability.Length;
        BlockedLoop.Sum(n, work, options.MaxDegreeOfParallelism, partials, (from, to) =>
        {
            Normalise(start[from], start[to], neighbour, probability, pushTotal);
            return 0.0;
        }, cancellationToken);

        var danglingEntities = new List<int>();
        for (var u = 0; u < n; u++)
        {
            if (pushTotal[u] == 0)
            {
                danglingEntities.Add(u);
            }
        }

        var alpha = options.Damping;
        var next = new double[n];
        var threshold = n * options.Tolerance;
        var error = double.PositiveInfinity;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var danglingMass = 0.0;
            foreach (var u in danglingEntities)
            {
                danglingMass += x[u];
            }

            var current = x;
            var target = next;
            var mass = danglingMass;
            error = BlockedLoop.Sum(n, work, options.MaxDegreeOfParallelism, partials, (from, to) =>
                Pull(from, to, start, neighbour, probability, current, target, alpha, mass, dangling, personalisation), cancellationToken);

            (x, next) = (next, x);
            if (error < threshold)
            {
                return new CentralityScores(network, "pagerank", x, converged: true, iterations: iteration, residual: error);
            }
        }

        return new CentralityScores(network, "pagerank", x, converged: false, iterations: options.MaxIterations, residual: error);
    }
    /// <summary>One block of a power-iteration step: the pull for entities [from, to), returning the block's l1 change.</summary>
    private static double Pull(
        int from, int to, int[] start, int[] neighbour, double[] probability, double[] current, double[] target,
        double alpha, double danglingMass, double[] dangling, double[] personalisation)
    {
        var blockError = 0.0;
        var rowEnd = start[from];
        for (var v = from; v < to; v++)
        {
            var sum = 0.0;
            var i = rowEnd;
            rowEnd = start[v + 1];
            for (; i < rowEnd; i++)
            {
                sum += current[neighbour[i]] * probability[i];
            }

            var value = (alpha * (sum + (danglingMass * dangling[v]))) + ((1 - alpha) * personalisation[v]);
            target[v] = value;
            blockError += Math.Abs(value - current[v]);
        }

        return blockError;
    }
    /// <summary>Turns row entries [from, to) from weights into transition probabilities w_l / W_u (0 from a dangling payer).</summary>
    private static void Normalise(int from, int to, int[] neighbour, double[] probability, double[] pushTotal)
    {
        for (var i = from; i < to; i++)
        {
            var total = pushTotal[neighbour[i]];
            probability[i] = total > 0 ? probability[i] / total : 0;
        }
    }
}
