using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// Katz centrality: every entity gets an exogenous score β plus α times the scores of the entities that pay it
/// (or, reversed, that it pays), summed over walks of every length; computed by NetworkX 2.8's iteration.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> <c>x = α Aᵀ x + β</c>, i.e. <c>x = β (I − α Aᵀ)⁻¹ 1</c>, where <c>A[u][v]</c> is the
/// total amount (or link count) u pays v. Iteration from <c>x⁰ = 0</c>:
/// <code>x'_v = α · Σ_{l: u→v} w_l · x_u + β_v</code>
/// until <c>‖x' − x‖₁ &lt; n · tol</c>; then, if <see cref="KatzOptions.Normalized"/>, <c>x' / ‖x'‖₂</c>. The
/// series converges iff α &lt; 1/λ_max; beyond that the iterates grow without bound and the result reports
/// non-convergence (the iteration stops early once they overflow).</para>
/// <para><b>Direction.</b> <see cref="CentralityDirection.Receiving"/> (default, NetworkX's convention): each
/// step pulls over the links <b>into</b> every entity — an entity is important when important entities pay
/// it. <see cref="CentralityDirection.Paying"/> pulls over the links out of it — important when it pays
/// important entities.</para>
/// <para><b>Complexity.</b> O(n + m) per iteration, parallel over blocks for large graphs; results independent
/// of the thread count. Stateless; safe to call concurrently.</para>
/// <para>Reference: L. Katz (1953), "A new status index derived from sociometric analysis", Psychometrika
/// 18(1):39–43, doi:10.1007/BF02289026.</para>
/// </remarks>
public static class KatzCentrality
{
    /// <summary>
    /// Computes Katz centrality and says whether it converged — the library's <c>Try…</c> form (docs/architecture.md,
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
    public static bool TryCompute(FinancingNetwork network, KatzOptions? options, out CentralityScores scores, CancellationToken cancellationToken = default)
    {
        scores = Compute(network, options, cancellationToken);
        return scores.Converged;
    }

    /// <summary>Computes Katz centrality (measure name <c>katz</c>).</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="KatzOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between iterations.</param>
    /// <returns>Scores with iterations and convergence. An empty network gives an empty, converged set. At the iteration cap the scores come back with <see cref="CentralityScores.Converged"/> = <see langword="false"/> (call <see cref="CentralityScores.EnsureConverged"/> to throw); see <see cref="TryCompute"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException"><see cref="KatzOptions.BetaByEntity"/> names an unknown entity or holds a non-finite value.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CentralityScores Compute(FinancingNetwork network, KatzOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= KatzOptions.Default;
        options.Validate();
        var n = network.EntityCount;
        if (n == 0)
        {
            return new CentralityScores(network, "katz", []);
        }

        var beta = new double[n];
        Array.Fill(beta, options.Beta);
        if (options.BetaByEntity is { } byEntity)
        {
            foreach (var (id, value) in byEntity)
            {
                var index = network.IndexOf(id);
                if (index < 0)
                {
                    throw new ArgumentException($"BetaByEntity names entity '{id}', which is not in the network.", nameof(options));
                }

                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"BetaByEntity value of '{id}' is not finite.", nameof(options));
                }

                beta[index] = value;
            }
        }

        var graph = PullGraph.Build(network.Index, options.Direction, options.Weighted, options.MaxDegreeOfParallelism, cancellationToken);
        var start = graph.Start;
        var neighbour = graph.Neighbour;
        var weight = graph.Weight;
        var alpha = options.Alpha;
        var x = new double[n];
        var next = new double[n];
        var partials = new double[BlockedLoop.BlockCount(n)];
        var work = (long)n + weight.Length;
        var threshold = n * options.Tolerance;
        var error = double.PositiveInfinity;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = x;
            var target = next;
            error = BlockedLoop.Sum(n, work, options.MaxDegreeOfParallelism, partials, (from, to) =>
                Pull(from, to, start, neighbour, weight, current, target, alpha, beta), cancellationToken);

            (x, next) = (next, x);
            if (error < threshold)
            {
                if (options.Normalized)
                {
                    var squares = 0.0;
                    foreach (var value in x)
                    {
                        squares += value * value;
                    }

                    var norm = Math.Sqrt(squares);
                    var scale = norm == 0 ? 1 : 1 / norm;
                    for (var v = 0; v < n; v++)
                    {
                        x[v] *= scale;
                    }
                }

                return new CentralityScores(network, "katz", x, converged: true, iterations: iteration, residual: error);
            }

            if (!double.IsFinite(error))
            {
                return new CentralityScores(network, "katz", x, converged: false, iterations: iteration, residual: error);
            }
        }

        return new CentralityScores(network, "katz", x, converged: false, iterations: options.MaxIterations, residual: error);
    }
    /// <summary>One block of a step x' = α A x + β: entities [from, to), returning the block's l1 change. A static
    /// method over locals, so the JIT hoists loads and bounds checks that a lambda's captured fields defeat.</summary>
    private static double Pull(int from, int to, int[] start, int[] neighbour, double[] weight, double[] current, double[] target, double alpha, double[] beta)
    {
        var blockError = 0.0;
        for (var v = from; v < to; v++)
        {
            var sum = 0.0;
            for (var i = start[v]; i < start[v + 1]; i++)
            {
                sum += current[neighbour[i]] * weight[i];
            }

            var value = (alpha * sum) + beta[v];
            target[v] = value;
            blockError += Math.Abs(value - current[v]);
        }

        return blockError;
    }
}
