using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// The adjacency a power iteration pulls scores over, built once per call from the <see cref="NetworkIndex"/>:
/// row v lists the entities v pulls from, with each link's weight, in compact arrays.
/// </summary>
/// <remarks>
/// <see cref="CentralityDirection.Receiving"/>: row v holds the links <b>into</b> v and pulls from their payers;
/// <see cref="CentralityDirection.Paying"/>: row v holds the links <b>out of</b> v and pulls from their
/// recipients. <see cref="PushTotal"/>[u] is the total weight u hands on in that direction (out-strength for
/// Receiving, in-strength for Paying). Parallel links stay separate rows entries; their weights add.
/// </remarks>
internal sealed class PullGraph
{
    private PullGraph(int[] start, int[] neighbour, double[] weight, double[] pushTotal)
    {
        Start = start;
        Neighbour = neighbour;
        Weight = weight;
        PushTotal = pushTotal;
    }

    /// <summary>Row starts (length n + 1).</summary>
    public int[] Start { get; }

    /// <summary>The entity each row entry pulls from.</summary>
    public int[] Neighbour { get; }

    /// <summary>The weight of each row entry's link (its amount, or 1 when unweighted).</summary>
    public double[] Weight { get; }

    /// <summary>Total weight each entity hands on in the walk's direction.</summary>
    public double[] PushTotal { get; }

    public int EntityCount => Start.Length - 1;

    /// <summary>Builds the pull arrays, in parallel blocks of entities on large graphs.</summary>
    /// <param name="index">The network's index.</param>
    /// <param name="direction">Which way the walk goes.</param>
    /// <param name="weighted">Link amounts as weights, else 1.</param>
    /// <param name="maxDegreeOfParallelism">−1 for every core, 1 for the calling thread; the arrays do not depend on it.</param>
    /// <param name="cancellationToken">Cancels between blocks.</param>
    /// <remarks>
    /// Row entries are filled row by row (each row's links in index order); <see cref="PushTotal"/>[u] sums u's
    /// links in the opposite CSR in index order. Both are per-entity loops, so blocks of entities run independently.
    /// </remarks>
    public static PullGraph Build(NetworkIndex index, CentralityDirection direction, bool weighted, int maxDegreeOfParallelism = 1, CancellationToken cancellationToken = default)
    {
        var receiving = direction == CentralityDirection.Receiving;
        var start = receiving ? index.InStart : index.OutStart;
        var links = receiving ? index.InLinks : index.OutLinks;
        var other = receiving ? index.LinkFrom : index.LinkTo;
        var pushStart = receiving ? index.OutStart : index.InStart;
        var pushLinks = receiving ? index.OutLinks : index.InLinks;
        var n = index.EntityCount;
        var m = index.LinkCount;
        var neighbour = new int[m];
        var weight = new double[m];
        var pushTotal = new double[n];
        var amount = index.Amount;
        var partials = new double[BlockedLoop.BlockCount(n)];
        BlockedLoop.Sum(n, (long)n + (2L * m), maxDegreeOfParallelism, partials, (from, to) =>
        {
            Fill(from, to, start, links, other, amount, weighted, neighbour, weight);
            Totals(from, to, pushStart, pushLinks, amount, weighted, pushTotal);
            return 0.0;
        }, cancellationToken);

        return new PullGraph(start, neighbour, weight, pushTotal);
    }

    private static void Fill(int from, int to, int[] start, int[] links, int[] other, double[] amount, bool weighted, int[] neighbour, double[] weight)
    {
        for (var i = start[from]; i < start[to]; i++)
        {
            var l = links[i];
            neighbour[i] = other[l];
            weight[i] = weighted ? amount[l] : 1.0;
        }
    }

    private static void Totals(int from, int to, int[] pushStart, int[] pushLinks, double[] amount, bool weighted, double[] pushTotal)
    {
        for (var u = from; u < to; u++)
        {
            var total = 0.0;
            for (var j = pushStart[u]; j < pushStart[u + 1]; j++)
            {
                total += weighted ? amount[pushLinks[j]] : 1.0;
            }

            pushTotal[u] = total;
        }
    }
}
