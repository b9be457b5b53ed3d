using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Centrality;

/// <summary>
/// Harmonic closeness: the sum of reciprocal shortest-path distances between an entity and every other entity
/// (unreachable ones add 0), as NetworkX 2.8 defines it.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> <see cref="CentralityDirection.Receiving"/> (default): <c>h_u = Σ_{v ≠ u} 1 / d(v, u)</c>,
/// how close the other entities' money is to u; <see cref="CentralityDirection.Paying"/>:
/// <c>h_u = Σ_{v ≠ u} 1 / d(u, v)</c>, how close u's money gets to the others. Distances on the simple graph of
/// <see cref="PathCost"/> (parallel links merged, zero-amount links left out), hops by default. Optionally divided
/// by n − 1.</para>
/// <para><b>Direction.</b> A path follows the money (payer to recipient). Receiving searches from u
/// <b>against</b> the money (over the links into each entity) to find d(v, u); Paying searches from u
/// <b>along</b> it (over the links out of each entity).</para>
/// <para><b>Complexity.</b> O(n·m) for hops, O(n·m + n² log n) for lengths; memory O(n + m) per thread; parallel
/// over entities, each score computed by one thread in a fixed order, so results do not depend on the thread
/// count. Stateless; safe to call concurrently.</para>
/// <para>Reference: M. Marchiori, V. Latora (2000), "Harmony in the small-world", Physica A 285(3–4):539–546,
/// doi:10.1016/S0378-4371(00)00311-3; P. Boldi, S. Vigna (2014), "Axioms for centrality", Internet Mathematics
/// 10(3–4):222–262, doi:10.1080/15427951.2013.865686.</para>
/// </remarks>
public static class HarmonicCentrality
{
    /// <summary>Computes harmonic closeness (measure name <c>harmonic</c>).</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="HarmonicOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between entities.</param>
    /// <returns>The scores (direct: converged, 0 iterations).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CentralityScores Compute(FinancingNetwork network, HarmonicOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= HarmonicOptions.Default;
        options.Validate();
        var n = network.EntityCount;
        var scores = new double[n];
        if (n == 0)
        {
            return new CentralityScores(network, "harmonic", scores);
        }

        var graph = PathGraph.Build(network.Index, options.Cost);
        var weighted = options.Cost != PathCost.Hops;
        var receiving = options.Direction == CentralityDirection.Receiving;
        var start = receiving ? graph.ReverseStart : graph.Start;
        var target = receiving ? graph.ReverseTarget : graph.Target;
        var length = receiving ? graph.ReverseLength : graph.Length;
        var scale = options.Normalized && n > 1 ? 1.0 / (n - 1) : 1.0;

        double Score(ShortestPathSearch search, int u)
        {
            search.Search(u, start, target, length);
            var sum = 0.0;
            foreach (var v in search.Order)
            {
                var d = search.DistanceOf(v);
                if (d > 0)
                {
                    sum += 1 / d;
                }
            }

            search.Reset();
            return sum * scale;
        }

        var parallel = options.MaxDegreeOfParallelism != 1 && (long)n * (graph.PairCount + n) >= BlockedLoop.ParallelThreshold;
        if (!parallel)
        {
            var search = new ShortestPathSearch(n, weighted);
            for (var u = 0; u < n; u++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                scores[u] = Score(search, u);
            }
        }
        else
        {
            var parallelOptions = Parallelism.Options(options.MaxDegreeOfParallelism, cancellationToken);
            Parallel.For(0, n, parallelOptions, () => new ShortestPathSearch(n, weighted), (u, _, search) =>
            {
                scores[u] = Score(search, u);
                return search;
            }, _ => { });
        }

        return new CentralityScores(network, "harmonic", scores);
    }
}
