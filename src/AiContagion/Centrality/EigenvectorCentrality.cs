using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// Eigenvector centrality: an entity is important when important entities pay it (or, reversed, when it pays
/// important entities), computed by power iteration exactly as NetworkX 2.8 does.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> The score vector is the leading left eigenvector of the weighted adjacency
/// <c>A</c> (<c>A[u][v]</c> = total amount u pays v, or the link count when unweighted). Starting from
/// <c>x⁰</c> (all ones, or <see cref="EigenvectorOptions.Start"/>) normalised to sum 1, each step applies
/// <c>A + I</c> (the shift keeps periodic graphs from oscillating without changing the eigenvector) and
/// normalises to unit Euclidean length:
/// <code>y_v = x_v + Σ_{l: u→v} a_l · x_u,   x' = y / ‖y‖₂</code>
/// and stops when <c>‖x' − x‖₁ &lt; n · tol</c>. Scores have unit Euclidean norm. On a graph without cycles the
/// leading eigenvalue is 0 and the iteration converges only slowly towards the sinks; expect non-convergence
/// there (reported, never silent).</para>
/// <para><b>Direction.</b> <see cref="CentralityDirection.Receiving"/> (default, NetworkX's convention: a
/// node is important when important nodes point at it, and a link points from payer to recipient): each step
/// pulls over the links <b>into</b> every entity, so recipients of money from important payers score high.
/// <see cref="CentralityDirection.Paying"/> pulls over the links out of every entity: funders of important
/// entities score high.</para>
/// <para><b>Complexity.</b> O(n + m) per iteration, parallel over blocks of entities for large graphs; results
/// independent of the thread count. Stateless; safe to call concurrently.</para>
/// <para>Reference: P. Bonacich (1987), "Power and centrality: a family of measures", American Journal of
/// Sociology 92(5):1170–1182, doi:10.1086/228631.</para>
/// </remarks>
public static class EigenvectorCentrality
{
    /// <summary>
    /// Computes eigenvector centrality and says whether it converged — the library's <c>Try…</c> form (docs/architecture.md,
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
    public static bool TryCompute(FinancingNetwork network, EigenvectorOptions? options, out CentralityScores scores, CancellationToken cancellationToken = default)
    {
        scores = Compute(network, options, cancellationToken);
        return scores.Converged;
    }

    /// <summary>Computes eigenvector centrality (measure name <c>eigenvector</c>).</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="EigenvectorOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between iterations.</param>
    /// <returns>Unit-norm scores with iterations and convergence. An empty network gives an empty, converged set. At the iteration cap the scores come back with <see cref="CentralityScores.Converged"/> = <see langword="false"/> (call <see cref="CentralityScores.EnsureConverged"/> to throw); see <see cref="TryCompute"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The start vector names an unknown entity, holds a negative weight or is all zero.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CentralityScores Compute(FinancingNetwork network, EigenvectorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= EigenvectorOptions.Default;
        options.Validate();
        var n = network.EntityCount;
        if (n == 0)
        {
            return new CentralityScores(network, "eigenvector", []);
        }

        var x = Check.Distribution(network, options.Start, nameof(options.Start));
        var graph = PullGraph.Build(network.Index, options.Direction, options.Weighted, options.MaxDegreeOfParallelism, cancellationToken);
        var start = graph.Start;
        var neighbour = graph.Neighbour;
        var weight = graph.Weight;
        var y = new double[n];
        var partials = new double[BlockedLoop.BlockCount(n)];
        var work = (long)n + weight.Length;
        var threshold = n * options.Tolerance;
        var error = double.PositiveInfinity;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = x;
            var target = y;
            var squares = BlockedLoop.Sum(n, work, options.MaxDegreeOfParallelism, partials, (from, to) =>
                Pull(from, to, start, neighbour, weight, current, target), cancellationToken);

            // As NetworkX: a zero norm (only possible through rounding) is taken as 1.
            var norm = Math.Sqrt(squares);
            var inverse = norm == 0 ? 1 : 1 / norm;
            error = BlockedLoop.Sum(n, n, options.MaxDegreeOfParallelism, partials, (from, to) =>
            {
                var blockError = 0.0;
                for (var v = from; v < to; v++)
                {
                    var value = target[v] * inverse;
                    target[v] = value;
                    blockError += Math.Abs(value - current[v]);
                }

                return blockError;
            }, cancellationToken);

            (x, y) = (y, x);
            if (error < threshold)
            {
                return new CentralityScores(network, "eigenvector", x, converged: true, iterations: iteration, residual: error);
            }

            if (!double.IsFinite(error))
            {
                return new CentralityScores(network, "eigenvector", x, converged: false, iterations: iteration, residual: error);
            }
        }

        return new CentralityScores(network, "eigenvector", x, converged: false, iterations: options.MaxIterations, residual: error);
    }
    /// <summary>One block of a step (NetworkX's x + Ax): entities [from, to), returning the block's sum of squares.
    /// A static method over locals, so the JIT hoists loads and bounds checks that a lambda's captured fields defeat.</summary>
    private static double Pull(int from, int to, int[] start, int[] neighbour, double[] weight, double[] current, double[] target)
    {
        var blockSquares = 0.0;
        for (var v = from; v < to; v++)
        {
            var sum = current[v];
            for (var i = start[v]; i < start[v + 1]; i++)
            {
                sum += current[neighbour[i]] * weight[i];
            }

            target[v] = sum;
            blockSquares += sum * sum;
        }

        return blockSquares;
    }
}
