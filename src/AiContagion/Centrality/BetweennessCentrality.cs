using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// Betweenness centrality: for each entity, the share of shortest money paths between other entities that run
/// through it (Brandes' exact algorithm, optionally on a seeded sample of sources).
/// </summary>
/// <remarks>
/// <para><b>Model.</b> <c>b_v = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st</c>, where <c>σ_st</c> counts the shortest paths
/// from s to t and <c>σ_st(v)</c> those through v; normalised (default) by <c>1 / ((n − 1)(n − 2))</c> as NetworkX
/// does for directed graphs (no normalisation when n ≤ 2). Paths run on the simple graph of
/// <see cref="PathCost"/>: parallel links merged, zero-amount links left out; link length = 1 (hops, default) or
/// 1 / amount. Endpoints are not counted. With <see cref="BetweennessOptions.Samples"/> = k, only k sources
/// (drawn without replacement with the seed) are used and the sums are scaled by n / k, normalised or not (NetworkX
/// skips that scale for unnormalised directed graphs; here the estimate stays unbiased either way).</para>
/// <para><b>Direction.</b> Paths follow the money: from each source a search walks the links <b>out of</b>
/// each entity (payer to recipient), and dependencies are accumulated back over the same links. An entity with
/// high betweenness is a conduit: much of the money routed between others passes through it.</para>
/// <para><b>Complexity.</b> O(n·m) for hops, O(n·m + n² log n) for lengths (k instead of n sources when sampled);
/// memory O(n + m) per thread. Sources are split into chunks fixed by the source count alone; each chunk sums
/// its sources' contributions in source order and chunks are added in chunk order, so the result is the same to
/// the last bit on any number of threads. Stateless; safe to call concurrently.</para>
/// <para>Reference: U. Brandes (2001), "A faster algorithm for betweenness centrality", Journal of Mathematical
/// Sociology 25(2):163–177, doi:10.1080/0022250X.2001.9990249; sampling: U. Brandes, C. Pich (2007), "Centrality
/// estimation in large networks", International Journal of Bifurcation and Chaos 17(7):2303–2318,
/// doi:10.1142/S0218127407018403.</para>
/// </remarks>
public static class BetweennessCentrality
{
    /// <summary>Sources per chunk are chosen so that there are at most this many chunks.</summary>
    private const int MaxChunks = 256;

    /// <summary>Computes betweenness centrality (measure name <c>betweenness</c>).</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="BetweennessOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between sources.</param>
    /// <returns>The scores (direct: <see cref="CentralityScores.Converged"/> is <see langword="true"/>, 0 iterations).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CentralityScores Compute(FinancingNetwork network, BetweennessOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= BetweennessOptions.Default;
        options.Validate();
        var n = network.EntityCount;
        var sources = ChooseSources(n, options.Samples, options.Seed);
        var total = new double[n];
        if (n > 0 && sources.Length > 0)
        {
            var graph = PathGraph.Build(network.Index, options.Cost);
            Accumulate(graph, sources, options.Cost != PathCost.Hops, options.BatchLanes, options.MaxDegreeOfParallelism, total, cancellationToken);
        }

        var scale = 1.0;
        if (options.Normalized && n > 2)
        {
            scale = 1.0 / ((n - 1.0) * (n - 2.0));
        }

        if (sources.Length < n)
        {
            scale *= (double)n / sources.Length;
        }

        if (scale != 1.0)
        {
            for (var v = 0; v < n; v++)
            {
                total[v] *= scale;
            }
        }

        return new CentralityScores(network, "betweenness", total);
    }

    internal static int[] ChooseSources(int n, int? samples, int seed)
    {
        if (samples is not { } k || k >= n)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        // Partial Fisher–Yates with a seeded generator, then sorted so sources run in a fixed order.
        var all = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < k; i++)
        {
            var j = i + random.Next(n - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all.AsSpan(0, k).ToArray();
        Array.Sort(chosen);
        return chosen;
    }

    private static void Accumulate(PathGraph graph, int[] sources, bool weighted, int batchLanes, int maxDegreeOfParallelism, double[] total, CancellationToken cancellationToken)
    {
        var n = graph.EntityCount;
        // Chunk sizes depend on the source count only (never on threads or vector width), and are multiples of
        // 8 so that SIMD batches of 4 or 8 sources fill up.
        var perChunk = Math.Max(1, (sources.Length + MaxChunks - 1) / MaxChunks);
        perChunk = (perChunk + 7) / 8 * 8;
        var chunks = (sources.Length + perChunk - 1) / perChunk;
        var workers = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        workers = Math.Max(1, Math.Min(workers, chunks));
        if ((long)sources.Length * (graph.PairCount + n) < BlockedLoop.ParallelThreshold)
        {
            workers = 1;
        }

        var merger = new OrderedMerger(total, chunks);
        var nextChunk = -1;
        void Work()
        {
            var batch = weighted ? null : IBatchedSearch.Create(n, batchLanes);
            var search = batch is null ? new ShortestPathSearch(n, weighted) : null;
            while (true)
            {
                var chunk = Interlocked.Increment(ref nextChunk);
                if (chunk >= chunks)
                {
                    return;
                }

                var partial = merger.Rent();
                var end = Math.Min(sources.Length, (chunk + 1) * perChunk);
                for (var k = chunk * perChunk; k < end;)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (batch is not null)
                    {
                        var lanes = Math.Min(batch.Lanes, end - k);
                        batch.Run(sources.AsSpan(k, lanes), graph.Start, graph.Target, partial);
                        k += lanes;
                    }
                    else
                    {
                        var source = sources[k++];
                        search!.Search(source, graph.Start, graph.Target, graph.Length);
                        search.Accumulate(source, graph.Start, graph.Target, graph.Length, partial);
                        search.Reset();
                    }
                }

                merger.Complete(chunk, partial);
            }
        }

        if (workers == 1)
        {
            Work();
        }
        else
        {
            // One long-running worker per thread, each pulling the next chunk (Parallel.For over a handful of
            // indices may hand them all to one thread).
            var tasks = new Task[workers];
            for (var t = 0; t < workers; t++)
            {
                tasks[t] = Task.Factory.StartNew(Work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            Task.WhenAll(tasks).GetAwaiter().GetResult();
        }
    }
}
