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

    public static PullGraph Build(NetworkIndex index, CentralityDirection direction, bool weighted)
    {
        var receiving = direction == CentralityDirection.Receiving;
        var start = receiving ? index.InStart : index.OutStart;
        var links = receiving ? index.InLinks : index.OutLinks;
        var other = receiving ? index.LinkFrom : index.LinkTo;
        var m = index.LinkCount;
        var neighbour = new int[m];
        var weight = new double[m];
        var pushTotal = new double[index.EntityCount];
        var amount = index.Amount;
        for (var i = 0; i < m; i++)
        {
            var l = links[i];
            var u = other[l];
            var w = weighted ? amount[l] : 1.0;
            neighbour[i] = u;
            weight[i] = w;
            pushTotal[u] += w;
        }

        return new PullGraph(start, neighbour, weight, pushTotal);
    }
}
