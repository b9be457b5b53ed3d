using System.Globalization;
using System.Text;

namespace AiContagion.Model;

/// <summary>
/// The closed ownership groups of a network's equity stakes: sets of firms whose equity is held 100 % by members of the
/// set (through Equity links with a <see cref="Link.Share"/>), so that no holder outside the group owns any of it. Such
/// a group has no defined equity values: the equity equations <c>E = b + C E</c> restricted to it have a column-stochastic
/// matrix (spectral radius 1) and so no finite solution, or infinitely many. The builder rejects them.
/// </summary>
/// <remarks>
/// <para>The check is the one that makes the share matrix <c>C</c> (<c>C[h][k]</c> = share of k held by h) have spectral
/// radius below 1: a non-negative matrix whose column sums are at most 1 has <c>ρ(C) = 1</c> exactly when some set S of
/// firms has all of its columns summing to 1 inside S. "A firm whose equity is held more than 100 %" is a different rule
/// (the shares of one firm sum to at most 1) and is checked first; a sum within <see cref="FieldSchema.ShareSumTolerance"/>
/// of 1 counts as 1 here.</para>
/// <para>Algorithm, O(m) with work lists: start from the firms held ≥ 100 % in total; repeatedly drop a firm whose
/// shares held by the remaining firms sum below 1 (the largest closed set remains); then repeatedly drop a firm that
/// holds nothing in the remaining set (a firm owned by the group but owning none of it is not itself the cause, as a
/// subsidiary of a closed group is not). What remains is split into groups connected by stakes; each is reported once,
/// on its link of highest index.</para>
/// </remarks>
internal static class OwnershipGroups
{
    private const int NamesShown = 8;

    /// <summary>One problem per closed ownership group: the position of the link it is reported on, and the message.</summary>
    public static IEnumerable<(int Index, string Message)> Closed(IReadOnlyList<Link> links)
    {
        // The stakes: Equity links with a valid share between two different named firms.
        List<int>? stakes = null;
        for (var l = 0; l < links.Count; l++)
        {
            var link = links[l];
            if (link.Kind == LinkKind.Equity && link.Share is > 0 and <= 1 && link.From is not null && link.To is not null && link.From != link.To)
            {
                (stakes ??= []).Add(l);
            }
        }

        if (stakes is null)
        {
            return [];
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        int Id(string name)
        {
            if (!ids.TryGetValue(name, out var v))
            {
                v = ids[name] = names.Count;
                names.Add(name);
            }

            return v;
        }

        var holder = new int[stakes.Count];
        var issuer = new int[stakes.Count];
        for (var s = 0; s < stakes.Count; s++)
        {
            holder[s] = Id(links[stakes[s]].From);
            issuer[s] = Id(links[stakes[s]].To);
        }

        var n = names.Count;
        var byHolder = GroupBy(holder, n);
        var byIssuer = GroupBy(issuer, n);
        var share = new double[stakes.Count];
        var heldInGroup = new double[n];
        for (var s = 0; s < stakes.Count; s++)
        {
            share[s] = links[stakes[s]].Share!.Value;
            heldInGroup[issuer[s]] += share[s];
        }

        // 1. The largest set S in which every firm is held 100 % by firms of S.
        const double Full = 1 - FieldSchema.ShareSumTolerance;
        var inGroup = new bool[n];
        var queue = new Queue<int>();
        for (var v = 0; v < n; v++)
        {
            inGroup[v] = heldInGroup[v] >= Full;
            if (!inGroup[v])
            {
                queue.Enqueue(v);
            }
        }

        while (queue.Count > 0)
        {
            var h = queue.Dequeue();
            foreach (var s in byHolder.Row(h))
            {
                var k = issuer[s];
                heldInGroup[k] -= share[s];
                if (inGroup[k] && heldInGroup[k] < Full)
                {
                    inGroup[k] = false;
                    queue.Enqueue(k);
                }
            }
        }

        // 2. Drop the firms that hold nothing inside the group (owned by it, owning none of it).
        var holdsInGroup = new int[n];
        for (var s = 0; s < stakes.Count; s++)
        {
            if (inGroup[holder[s]] && inGroup[issuer[s]])
            {
                holdsInGroup[holder[s]]++;
            }
        }

        for (var v = 0; v < n; v++)
        {
            if (inGroup[v] && holdsInGroup[v] == 0)
            {
                inGroup[v] = false;
                queue.Enqueue(v);
            }
        }

        while (queue.Count > 0)
        {
            var k = queue.Dequeue();
            foreach (var s in byIssuer.Row(k))
            {
                var h = holder[s];
                if (inGroup[h] && --holdsInGroup[h] == 0)
                {
                    inGroup[h] = false;
                    queue.Enqueue(h);
                }
            }
        }

        return Report(links, stakes, holder, issuer, byHolder, byIssuer, inGroup, names);
    }

    private static List<(int Index, string Message)> Report(
        IReadOnlyList<Link> links, List<int> stakes, int[] holder, int[] issuer, Rows byHolder, Rows byIssuer, bool[] inGroup, List<string> names)
    {
        var problems = new List<(int, string)>();
        var seen = new bool[names.Count];
        for (var start = 0; start < names.Count; start++)
        {
            if (!inGroup[start] || seen[start])
            {
                continue;
            }

            // One group: the firms connected to `start` by stakes inside the group, and those stakes.
            var members = new List<int>();
            var groupStakes = new SortedSet<int>();
            var stack = new Stack<int>();
            stack.Push(start);
            seen[start] = true;
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                members.Add(v);
                foreach (var (rows, other) in new[] { (byHolder, issuer), (byIssuer, holder) })
                {
                    foreach (var s in rows.Row(v))
                    {
                        var w = other[s];
                        if (!inGroup[w])
                        {
                            continue;
                        }

                        groupStakes.Add(stakes[s]);
                        if (!seen[w])
                        {
                            seen[w] = true;
                            stack.Push(w);
                        }
                    }
                }
            }

            members.Sort();
            var firms = Listed(members.Select(v => "'" + names[v] + "'").ToList(), "and");
            var through = Listed(groupStakes.Select(l => "#" + l.ToString(CultureInfo.InvariantCulture)).ToList(), null);
            problems.Add((groupStakes.Max, $"{firms} are owned 100 % within their group (links {through}): a closed ownership group, held by no one outside it, whose equity values are undefined; at least one of them must be held partly from outside"));
        }

        return problems;
    }

    // 'a', 'b' and 'c' (or: #0, #1, #2), cut after a few: 'a', 'b', … and 12 more.
    private static string Listed(List<string> items, string? lastJoin)
    {
        var text = new StringBuilder();
        var shown = Math.Min(items.Count, NamesShown);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0)
            {
                text.Append(lastJoin is not null && i == items.Count - 1 ? " " + lastJoin + " " : ", ");
            }

            text.Append(items[i]);
        }

        if (items.Count > shown)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {items.Count - shown} more");
        }

        return text.ToString();
    }

    private static Rows GroupBy(int[] key, int n)
    {
        var start = new int[n + 1];
        foreach (var k in key)
        {
            start[k + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            start[v + 1] += start[v];
        }

        var items = new int[key.Length];
        var next = start.AsSpan(0, n).ToArray();
        for (var s = 0; s < key.Length; s++)
        {
            items[next[key[s]]++] = s;
        }

        return new Rows(start, items);
    }

    /// <summary>Stake positions grouped by a firm (CSR).</summary>
    private readonly record struct Rows(int[] Start, int[] Items)
    {
        public ReadOnlySpan<int> Row(int v) => Items.AsSpan(Start[v], Start[v + 1] - Start[v]);
    }
}
