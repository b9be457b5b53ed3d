using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Flow;

/// <summary>
/// The dominator tree of the funding graph: for each entity, the entities that <b>every</b> money path from the
/// funding sources to it passes through — its single points of failure. Immutable.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> A virtual root R is joined to every source (default: all funding sources). Entity d
/// dominates entity v when every path R → v passes through d; the immediate dominator of v is its closest strict
/// dominator, and these form a tree rooted at R. An entity whose immediate dominator is R has no single point of
/// failure (e.g. a source, or an entity funded along independent routes); entities R cannot reach are
/// <see cref="Unreachable"/> and have no dominators. If d fails and stops paying, all the entities d dominates
/// lose every route to outside funding.</para>
/// <para><b>Direction.</b> Paths follow the money: from the root over the links out of each entity (payer to
/// recipient); the algorithm also walks the links into each entity (predecessors). Links with amount 0 carry no
/// money and are left out.</para>
/// <para><b>Complexity.</b> Lengauer–Tarjan with path compression ("simple" version): O(m log n) time, O(n + m)
/// memory, iterative (no recursion), so deep chains are safe. Queries are O(1) (<see cref="Dominates"/>, by
/// pre/post-order intervals of the tree) or O(depth) (<see cref="DominatorsOf"/>). Safe to share between threads.</para>
/// <para>Reference: T. Lengauer, R. E. Tarjan (1979), "A fast algorithm for finding dominators in a flowgraph",
/// ACM Transactions on Programming Languages and Systems 1(1):121–141, doi:10.1145/357062.357071.</para>
/// </remarks>
public sealed class DominatorTree
{
    private const int Root = -1;
    private const int NotReached = -2;
    private readonly FinancingNetwork _network;
    private readonly int[] _idom;
    private readonly int[] _pre;
    private readonly int[] _post;
    private readonly int[] _size;

    private DominatorTree(FinancingNetwork network, ImmutableArray<string> sources, int[] idom)
    {
        _network = network;
        Sources = sources;
        _idom = idom;
        var n = idom.Length;
        (_pre, _post, _size, var depth) = Intervals(idom);
        var unreachable = ImmutableArray.CreateBuilder<string>();
        var entries = ImmutableArray.CreateBuilder<EntityDominator>();
        for (var v = 0; v < n; v++)
        {
            if (idom[v] == NotReached)
            {
                unreachable.Add(network.Entities[v].Id);
            }
            else
            {
                entries.Add(new EntityDominator(network.Entities[v].Id, idom[v] == Root ? null : network.Entities[idom[v]].Id, depth[v], _size[v] - 1));
            }
        }

        Unreachable = unreachable.ToImmutable();
        Entries = entries.ToImmutable();
    }

    /// <summary>The sources the virtual root is joined to, in network order.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>Every entity reachable from the sources, in network order, with its immediate dominator, depth and the number of entities it dominates.</summary>
    public ImmutableArray<EntityDominator> Entries { get; }

    /// <summary>The entities no money path from the sources reaches, in network order.</summary>
    public ImmutableArray<string> Unreachable { get; }

    /// <summary>Builds the dominator tree.</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="from">The sources the virtual root is joined to; <see langword="null"/> for <see cref="EntitySelection.FundingSources"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The selection names an unknown entity.</exception>
    /// <exception cref="ArgumentException">The selection selects nothing.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static DominatorTree Compute(FinancingNetwork network, EntitySelection? from = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        from ??= EntitySelection.FundingSources;
        var sources = from.Resolve(network);
        cancellationToken.ThrowIfCancellationRequested();
        var idom = LengauerTarjan(network.Index, sources, cancellationToken);
        return new DominatorTree(network, [.. sources.Select(v => network.Entities[v].Id)], idom);
    }

    /// <summary>Whether some money path from the sources reaches the entity.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns><see langword="true"/> when reachable.</returns>
    /// <exception cref="KeyNotFoundException">Unknown id.</exception>
    public bool IsReachable(string id) => _idom[_network.IndexOfRequired(id)] != NotReached;

    /// <summary>The closest entity every funding path to <paramref name="id"/> passes through, or <see langword="null"/> when there is none (only the virtual root) or the entity is unreachable.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The immediate dominator's id, or <see langword="null"/>.</returns>
    /// <exception cref="KeyNotFoundException">Unknown id.</exception>
    public string? ImmediateDominator(string id)
    {
        var d = _idom[_network.IndexOfRequired(id)];
        return d >= 0 ? _network.Entities[d].Id : null;
    }

    /// <summary>Every entity that every funding path to <paramref name="id"/> passes through (its strict dominators), nearest first.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The dominators; empty for sources, entities with independent funding routes, and unreachable entities.</returns>
    /// <exception cref="KeyNotFoundException">Unknown id.</exception>
    public IReadOnlyList<string> DominatorsOf(string id)
    {
        var result = new List<string>();
        for (var d = _idom[_network.IndexOfRequired(id)]; d >= 0; d = _idom[d])
        {
            result.Add(_network.Entities[d].Id);
        }

        return result;
    }

    /// <summary>Whether every funding path to <paramref name="id"/> passes through <paramref name="dominator"/> (strictly: an entity does not dominate itself here).</summary>
    /// <param name="dominator">The candidate dominator's id.</param>
    /// <param name="id">The entity id.</param>
    /// <returns><see langword="true"/> when <paramref name="dominator"/> strictly dominates <paramref name="id"/>.</returns>
    /// <exception cref="KeyNotFoundException">Unknown id.</exception>
    public bool Dominates(string dominator, string id)
    {
        var d = _network.IndexOfRequired(dominator);
        var v = _network.IndexOfRequired(id);
        return d != v && _idom[d] != NotReached && _idom[v] != NotReached && _pre[d] < _pre[v] && _post[v] < _post[d];
    }

    /// <summary>How many entities every funding path to which passes through <paramref name="id"/>.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The number of entities it strictly dominates (0 when unreachable).</returns>
    /// <exception cref="KeyNotFoundException">Unknown id.</exception>
    public int DominatedCount(string id)
    {
        var v = _network.IndexOfRequired(id);
        return _idom[v] == NotReached ? 0 : _size[v] - 1;
    }

    /// <summary>The single points of failure: entities that dominate at least one other, most dominated first (ties in network order).</summary>
    /// <returns>The entries, sorted.</returns>
    public IReadOnlyList<EntityDominator> SinglePointsOfFailure() =>
        [.. Entries.Where(e => e.DominatedCount > 0).OrderByDescending(e => e.DominatedCount).ThenBy(e => _network.IndexOf(e.Id))];

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString()
    {
        var points = SinglePointsOfFailure();
        var top = string.Join(", ", points.Take(3).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Id} ({p.DominatedCount})")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Dominator tree ({Sources.Length} sources, {Entries.Length} reachable, {Unreachable.Length} unreachable, {points.Count} single points of failure{(points.Count > 0 ? ": " + top : string.Empty)})");
    }

    /// <summary>Immediate dominators of entities: an entity index, <see cref="Root"/> or <see cref="NotReached"/>.</summary>
    private static int[] LengauerTarjan(NetworkIndex index, int[] sources, CancellationToken cancellationToken)
    {
        var n = index.EntityCount;
        var root = n;
        var count = n + 1;
        var isSource = new bool[n];
        foreach (var s in sources)
        {
            isSource[s] = true;
        }

        var dfn = new int[count];
        var vertex = new int[count];
        var parent = new int[count];
        Array.Fill(dfn, -1);

        // Iterative depth-first search from the root, along the money.
        var stackNode = new int[count];
        var stackCursor = new int[count];
        var top = 0;
        var numbered = 0;
        dfn[root] = numbered;
        vertex[numbered++] = root;
        stackNode[0] = root;
        stackCursor[0] = 0;
        while (top >= 0)
        {
            var v = stackNode[top];
            var next = -1;
            if (v == root)
            {
                while (stackCursor[top] < sources.Length && next < 0)
                {
                    var w = sources[stackCursor[top]++];
                    if (dfn[w] < 0)
                    {
                        next = w;
                    }
                }
            }
            else
            {
                var end = index.OutStart[v + 1];
                if (stackCursor[top] == 0)
                {
                    stackCursor[top] = index.OutStart[v];
                }

                while (stackCursor[top] < end && next < 0)
                {
                    var l = index.OutLinks[stackCursor[top]++];
                    var w = index.LinkTo[l];
                    if (index.Amount[l] > 0 && dfn[w] < 0)
                    {
                        next = w;
                    }
                }
            }

            if (next < 0)
            {
                top--;
                continue;
            }

            dfn[next] = numbered;
            vertex[numbered++] = next;
            parent[next] = v;
            top++;
            stackNode[top] = next;
            stackCursor[top] = 0;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var semi = (int[])dfn.Clone();
        var label = new int[count];
        var ancestor = new int[count];
        var idom = new int[count];
        var bucketHead = new int[count];
        var bucketNext = new int[count];
        var compressStack = new int[count];
        for (var v = 0; v < count; v++)
        {
            label[v] = v;
        }

        Array.Fill(ancestor, -1);
        Array.Fill(bucketHead, -1);

        int Eval(int v)
        {
            if (ancestor[v] < 0)
            {
                return v;
            }

            // Iterative path compression.
            var depth = 0;
            var x = v;
            while (ancestor[ancestor[x]] >= 0)
            {
                compressStack[depth++] = x;
                x = ancestor[x];
            }

            while (depth > 0)
            {
                x = compressStack[--depth];
                var a = ancestor[x];
                if (semi[label[a]] < semi[label[x]])
                {
                    label[x] = label[a];
                }

                ancestor[x] = ancestor[a];
            }

            return label[v];
        }

        for (var i = numbered - 1; i >= 1; i--)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var w = vertex[i];

            // Predecessors of w: the root if w is a source, and the payers of its money-carrying links.
            if (isSource[w])
            {
                var u = Eval(root);
                if (semi[u] < semi[w])
                {
                    semi[w] = semi[u];
                }
            }

            foreach (var l in index.LinksInto(w))
            {
                var v = index.LinkFrom[l];
                if (index.Amount[l] > 0 && dfn[v] >= 0)
                {
                    var u = Eval(v);
                    if (semi[u] < semi[w])
                    {
                        semi[w] = semi[u];
                    }
                }
            }

            var b = vertex[semi[w]];
            bucketNext[w] = bucketHead[b];
            bucketHead[b] = w;
            var p = parent[w];
            ancestor[w] = p;
            for (var v = bucketHead[p]; v >= 0; v = bucketNext[v])
            {
                var u = Eval(v);
                idom[v] = semi[u] < semi[v] ? u : p;
            }

            bucketHead[p] = -1;
        }

        for (var i = 1; i < numbered; i++)
        {
            var w = vertex[i];
            if (idom[w] != vertex[semi[w]])
            {
                idom[w] = idom[idom[w]];
            }
        }

        var result = new int[n];
        for (var v = 0; v < n; v++)
        {
            result[v] = dfn[v] < 0 ? NotReached : idom[v] == root ? Root : idom[v];
        }

        return result;
    }

    /// <summary>Pre/post-order numbers, subtree sizes and depths (number of entity dominators) in the dominator tree, by an iterative walk from the virtual root.</summary>
    private static (int[] Pre, int[] Post, int[] Size, int[] Depth) Intervals(int[] idom)
    {
        var n = idom.Length;
        var childStart = new int[n + 3];
        foreach (var d in idom)
        {
            if (d != NotReached)
            {
                childStart[(d == Root ? n : d) + 2]++;
            }
        }

        for (var v = 0; v <= n; v++)
        {
            childStart[v + 2] += childStart[v + 1];
        }

        var children = new int[n];
        for (var v = 0; v < n; v++)
        {
            if (idom[v] != NotReached)
            {
                children[childStart[(idom[v] == Root ? n : idom[v]) + 1]++] = v;
            }
        }

        // childStart[p] .. childStart[p + 1] now holds p's children (p = n is the virtual root).
        var pre = new int[n];
        var post = new int[n];
        var size = new int[n];
        var depth = new int[n];
        var stack = new int[n + 1];
        var cursor = new int[n + 1];
        var clock = 0;
        var top = 0;
        stack[0] = n;
        cursor[0] = childStart[n];
        while (top >= 0)
        {
            var v = stack[top];
            if (cursor[top] < childStart[v + 1])
            {
                var child = children[cursor[top]++];
                pre[child] = clock++;
                size[child] = 1;
                depth[child] = v < n ? depth[v] + 1 : 0;
                top++;
                stack[top] = child;
                cursor[top] = childStart[child];
            }
            else
            {
                if (v < n)
                {
                    post[v] = clock++;
                    if (idom[v] >= 0)
                    {
                        size[idom[v]] += size[v];
                    }
                }

                top--;
            }
        }

        return (pre, post, size, depth);
    }
}
