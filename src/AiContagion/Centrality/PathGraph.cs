using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// The simple directed graph shortest-path measures run on, built once per call: parallel links merged (amounts
/// add), zero-amount links dropped, each remaining pair with its length (<see cref="PathCost"/>), in both
/// directions as compact CSR arrays.
/// </summary>
/// <remarks>
/// Forward rows (<see cref="Start"/>, <see cref="Target"/>, <see cref="Length"/>) follow the money: row v lists
/// the entities v pays. Reverse rows (<see cref="ReverseStart"/>, <see cref="ReverseTarget"/>,
/// <see cref="ReverseLength"/>) list the entities that pay v. Rows keep first-link order, so walks are
/// deterministic.
/// </remarks>
internal sealed class PathGraph
{
    private PathGraph(int[] start, int[] target, double[] length, int[] reverseStart, int[] reverseTarget, double[] reverseLength)
    {
        Start = start;
        Target = target;
        Length = length;
        ReverseStart = reverseStart;
        ReverseTarget = reverseTarget;
        ReverseLength = reverseLength;
    }

    public int[] Start { get; }

    public int[] Target { get; }

    public double[] Length { get; }

    public int[] ReverseStart { get; }

    public int[] ReverseTarget { get; }

    public double[] ReverseLength { get; }

    public int EntityCount => Start.Length - 1;

    public int PairCount => Target.Length;

    public static PathGraph Build(NetworkIndex index, PathCost cost)
    {
        var n = index.EntityCount;
        var start = new int[n + 1];
        var target = new List<int>(index.LinkCount);
        var amount = new List<double>(index.LinkCount);
        var owner = new int[n];
        var slot = new int[n];
        Array.Fill(owner, -1);
        for (var v = 0; v < n; v++)
        {
            start[v] = target.Count;
            foreach (var l in index.LinksOutOf(v))
            {
                var a = index.Amount[l];
                if (a <= 0)
                {
                    continue;
                }

                var w = index.LinkTo[l];
                if (owner[w] == v)
                {
                    amount[slot[w]] += a;
                }
                else
                {
                    owner[w] = v;
                    slot[w] = target.Count;
                    target.Add(w);
                    amount.Add(a);
                }
            }
        }

        start[n] = target.Count;
        var pairs = target.Count;
        var forwardTarget = target.ToArray();
        var length = new double[pairs];
        for (var i = 0; i < pairs; i++)
        {
            length[i] = cost == PathCost.Hops ? 1.0 : 1.0 / amount[i];
        }

        var reverseStart = new int[n + 1];
        foreach (var w in forwardTarget)
        {
            reverseStart[w + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            reverseStart[v + 1] += reverseStart[v];
        }

        var next = reverseStart.AsSpan(0, n).ToArray();
        var reverseTarget = new int[pairs];
        var reverseLength = new double[pairs];
        for (var v = 0; v < n; v++)
        {
            for (var i = start[v]; i < start[v + 1]; i++)
            {
                var position = next[forwardTarget[i]]++;
                reverseTarget[position] = v;
                reverseLength[position] = length[i];
            }
        }

        return new PathGraph(start, forwardTarget, length, reverseStart, reverseTarget, reverseLength);
    }
}
