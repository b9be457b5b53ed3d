using AiContagion.Model;

namespace AiContagion.Flow;

/// <summary>
/// A residual network on compact arrays, built once per call, with Dinic's maximum-flow algorithm. Arcs are
/// added as (tail, head, capacity) pairs; <see cref="Freeze"/> lays them out in CSR order by tail, each arc next
/// to its reverse. Capacities may be <see cref="double.PositiveInfinity"/>. Not thread-safe; never shared.
/// </summary>
/// <remarks>
/// Dinic (1970): repeat { a breadth-first search over arcs with residual capacity builds the level graph — here from
/// both ends at once, meeting in the middle (<see cref="BuildLevels"/>), so a phase visits the nodes within half the
/// path length of either end rather than all those nearer the source than the sink; a depth-first search with
/// current-arc pointers sends a blocking flow along level-increasing arcs } until the sink is unreachable. Each phase strictly lengthens the shortest augmenting path, so there are at most
/// (nodes − 1) phases, each O(nodes · arcs); on sparse financing graphs phases are few and close to O(arcs).
/// Residual capacities at or below a tolerance (1e-12 × the largest finite capacity) count as saturated, so
/// rounding dust never drives extra augmentations; pushes never exceed residuals, so 0 ≤ flow ≤ capacity holds.
/// The search is iterative (no recursion), safe on long chains.
/// </remarks>
internal sealed class ResidualNetwork
{
    private readonly int _nodeCount;
    private int[] _arcTail;
    private int[] _arcHead;
    private double[] _arcCapacity;
    private int _pairCount;

    // CSR layout after Freeze.
    private int[] _start = [];
    private int[] _to = [];
    private double[] _residual = [];
    private int[] _mate = [];
    private int[] _forwardPosition = [];
    private int[] _level = [];
    private int[] _distanceToSink = [];
    private int[] _backQueue = [];
    private int _forwardCount;
    private int _backCount;
    private double _epsilon;

    public ResidualNetwork(int nodeCount, int pairCapacity)
    {
        _nodeCount = nodeCount;
        _arcTail = new int[Math.Max(4, pairCapacity)];
        _arcHead = new int[_arcTail.Length];
        _arcCapacity = new double[_arcTail.Length];
    }

    private ResidualNetwork(int nodeCount, int[] start, int[] to, double[] residual, int[] mate, double epsilon)
    {
        _nodeCount = nodeCount;
        _arcTail = [];
        _arcHead = [];
        _arcCapacity = [];
        _start = start;
        _to = to;
        _residual = residual;
        _mate = mate;
        _epsilon = epsilon;
        _level = new int[nodeCount];
        _distanceToSink = new int[nodeCount];
        _backQueue = new int[nodeCount];
    }

    public int NodeCount => _nodeCount;

    /// <summary>
    /// The residual network of a flow problem on the index's links: node v &lt; n is entity v, node n the super-source,
    /// node n + 1 the super-sink. Exactly the network <see cref="AddArc"/> and <see cref="Freeze"/> make from, in this
    /// order, every link with a positive amount (capacity = amount, in link order), an infinite arc from the
    /// super-source to each source and one from each sink to the super-sink (the same arcs at the same places, so the
    /// same flow), built straight from the index's arrays: no staged arc lists, no per-pair positions (32 bytes per
    /// link instead of 64). Read the flow on each link with <see cref="LinkFlows"/>.
    /// </summary>
    /// <param name="index">The network's index.</param>
    /// <param name="sources">The source entities.</param>
    /// <param name="sinks">The sink entities.</param>
    /// <returns>The frozen residual network.</returns>
    public static ResidualNetwork ForLinks(NetworkIndex index, int[] sources, int[] sinks)
    {
        var n = index.EntityCount;
        var m = index.LinkCount;
        var nodes = n + 2;
        var superSource = n;
        var superSink = n + 1;
        var from = index.LinkFrom;
        var head = index.LinkTo;
        var amount = index.Amount;
        var start = new int[nodes + 1];
        var pairs = sources.Length + sinks.Length;
        var largest = 0.0;
        for (var l = 0; l < m; l++)
        {
            var a = amount[l];
            if (a > 0)
            {
                start[from[l] + 1]++;
                start[head[l] + 1]++;
                pairs++;
                largest = Math.Max(largest, a);
            }
        }

        start[superSource + 1] += sources.Length;
        foreach (var s in sources)
        {
            start[s + 1]++;
        }

        start[superSink + 1] += sinks.Length;
        foreach (var t in sinks)
        {
            start[t + 1]++;
        }

        for (var v = 0; v < nodes; v++)
        {
            start[v + 1] += start[v];
        }

        var next = start.AsSpan(0, nodes).ToArray();
        var to = new int[2 * pairs];
        var residual = new double[2 * pairs];
        var mate = new int[2 * pairs];
        for (var l = 0; l < m; l++)
        {
            var a = amount[l];
            if (a > 0)
            {
                int tail = from[l], h = head[l];
                var forward = next[tail]++;
                var backward = next[h]++;
                to[forward] = h;
                to[backward] = tail;
                residual[forward] = a;
                mate[forward] = backward;
                mate[backward] = forward;
            }
        }

        foreach (var s in sources)
        {
            Pair(superSource, s);
        }

        foreach (var t in sinks)
        {
            Pair(t, superSink);
        }

        return new ResidualNetwork(nodes, start, to, residual, mate, largest * 1e-12);

        void Pair(int tail, int h)
        {
            var forward = next[tail]++;
            var backward = next[h]++;
            to[forward] = h;
            to[backward] = tail;
            residual[forward] = double.PositiveInfinity;
            mate[forward] = backward;
            mate[backward] = forward;
        }
    }

    /// <summary>
    /// After <see cref="MaximumFlow"/> on a network made by <see cref="ForLinks"/> from <paramref name="index"/>: the
    /// flow on each link (its reverse arc's residual, clamped to [0, amount]; 0 on links without an amount), found by
    /// walking the links in the order <see cref="ForLinks"/> placed them.
    /// </summary>
    /// <param name="index">The index the network was made from.</param>
    /// <returns>The flow on each link, by link index.</returns>
    public double[] LinkFlows(NetworkIndex index)
    {
        var m = index.LinkCount;
        var from = index.LinkFrom;
        var head = index.LinkTo;
        var amount = index.Amount;
        var next = _start.AsSpan(0, _nodeCount).ToArray();
        var flows = new double[m];
        for (var l = 0; l < m; l++)
        {
            var a = amount[l];
            if (a > 0)
            {
                next[from[l]]++;
                flows[l] = Math.Clamp(_residual[next[head[l]]++], 0, a);
            }
        }

        return flows;
    }

    /// <summary>Adds an arc and its zero-capacity reverse; returns the pair's id.</summary>
    public int AddArc(int tail, int head, double capacity)
    {
        if (_pairCount == _arcTail.Length)
        {
            var size = _arcTail.Length * 2;
            Array.Resize(ref _arcTail, size);
            Array.Resize(ref _arcHead, size);
            Array.Resize(ref _arcCapacity, size);
        }

        _arcTail[_pairCount] = tail;
        _arcHead[_pairCount] = head;
        _arcCapacity[_pairCount] = capacity;
        return _pairCount++;
    }

    /// <summary>Lays the arcs out by tail (counting sort, stable).</summary>
    public void Freeze()
    {
        var n = _nodeCount;
        var pairs = _pairCount;
        _start = new int[n + 1];
        for (var k = 0; k < pairs; k++)
        {
            _start[_arcTail[k] + 1]++;
            _start[_arcHead[k] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            _start[v + 1] += _start[v];
        }

        var next = _start.AsSpan(0, n).ToArray();
        _to = new int[2 * pairs];
        _residual = new double[2 * pairs];
        _mate = new int[2 * pairs];
        _forwardPosition = new int[pairs];
        var largest = 0.0;
        for (var k = 0; k < pairs; k++)
        {
            var tail = _arcTail[k];
            var head = _arcHead[k];
            var forward = next[tail]++;
            var backward = next[head]++;
            _to[forward] = head;
            _to[backward] = tail;
            _residual[forward] = _arcCapacity[k];
            _mate[forward] = backward;
            _mate[backward] = forward;
            _forwardPosition[k] = forward;
            if (double.IsFinite(_arcCapacity[k]))
            {
                largest = Math.Max(largest, _arcCapacity[k]);
            }
        }

        _epsilon = largest * 1e-12;
        _level = new int[n];
        _distanceToSink = new int[n];
        _backQueue = new int[n];
    }

    /// <summary>
    /// A path from <paramref name="source"/> to <paramref name="sink"/> made only of infinite-capacity arcs, as the
    /// list of nodes on it, or <see langword="null"/> when every path has a finite arc (the flow is bounded).
    /// </summary>
    public List<int>? InfinitePath(int source, int sink)
    {
        var parent = new int[_nodeCount];
        Array.Fill(parent, -1);
        parent[source] = source;
        var queue = new Queue<int>();
        queue.Enqueue(source);
        while (queue.TryDequeue(out var v))
        {
            for (var a = _start[v]; a < _start[v + 1]; a++)
            {
                var w = _to[a];
                if (parent[w] < 0 && double.IsPositiveInfinity(_residual[a]))
                {
                    parent[w] = v;
                    if (w == sink)
                    {
                        var path = new List<int> { w };
                        while (w != source)
                        {
                            w = parent[w];
                            path.Add(w);
                        }

                        path.Reverse();
                        return path;
                    }

                    queue.Enqueue(w);
                }
            }
        }

        return null;
    }

    /// <summary>Runs Dinic's algorithm from <paramref name="source"/> to <paramref name="sink"/>; returns the flow value.</summary>
    public double MaximumFlow(int source, int sink, CancellationToken cancellationToken)
    {
        var n = _nodeCount;
        var start = _start;
        var to = _to;
        var residual = _residual;
        var mate = _mate;
        var level = _level;
        var epsilon = _epsilon;
        var current = new int[n];
        var queue = new int[n];
        var pathArc = new int[n];
        var pathNode = new int[n + 1];
        var total = 0.0;
        Array.Fill(level, -1);
        Array.Fill(_distanceToSink, -1);
        _forwardCount = 0;
        _backCount = 0;
        while (BuildLevels(source, sink, queue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Copy(start, current, n);
            var sinkLevel = level[sink];
            var depth = 0;
            pathNode[0] = source;
            var v = source;
            while (true)
            {
                if (v == sink)
                {
                    var bottleneck = double.PositiveInfinity;
                    for (var i = 0; i < depth; i++)
                    {
                        bottleneck = Math.Min(bottleneck, residual[pathArc[i]]);
                    }

                    if (double.IsPositiveInfinity(bottleneck))
                    {
                        throw new InvalidOperationException("Unbounded flow: a path of infinite capacities joins the source to the sink.");
                    }

                    var firstSaturated = -1;
                    for (var i = 0; i < depth; i++)
                    {
                        var a = pathArc[i];
                        residual[a] -= bottleneck;
                        residual[mate[a]] += bottleneck;
                        if (firstSaturated < 0 && residual[a] <= epsilon)
                        {
                            firstSaturated = i;
                        }
                    }

                    total += bottleneck;
                    depth = firstSaturated < 0 ? 0 : firstSaturated;
                    v = pathNode[depth];
                    continue;
                }

                var advanced = false;
                if (level[v] < sinkLevel)
                {
                    var end = start[v + 1];
                    var nextLevel = level[v] + 1;
                    for (var a = current[v]; a < end; a++)
                    {
                        var w = to[a];
                        if (level[w] == nextLevel && residual[a] > epsilon)
                        {
                            current[v] = a;
                            pathArc[depth] = a;
                            pathNode[++depth] = w;
                            v = w;
                            advanced = true;
                            break;
                        }
                    }
                }

                if (advanced)
                {
                    continue;
                }

                // Dead end: nothing more reaches the sink through v in this phase.
                if (v == source)
                {
                    break;
                }

                level[v] = -1;
                depth--;
                v = pathNode[depth];
                current[v]++;
            }
        }

        return total;
    }

    /// <summary>Whether each node is reachable from <paramref name="source"/> over unsaturated arcs (after <see cref="MaximumFlow"/>: the source side of a minimum cut).</summary>
    public bool[] Reachable(int source)
    {
        var seen = new bool[_nodeCount];
        var queue = new int[_nodeCount];
        var head = 0;
        var tail = 0;
        seen[source] = true;
        queue[tail++] = source;
        while (head < tail)
        {
            var v = queue[head++];
            for (var a = _start[v]; a < _start[v + 1]; a++)
            {
                var w = _to[a];
                if (!seen[w] && _residual[a] > _epsilon)
                {
                    seen[w] = true;
                    queue[tail++] = w;
                }
            }
        }

        return seen;
    }

    /// <summary>The flow on pair <paramref name="pair"/>'s arc: its reverse residual, clamped to [0, capacity].</summary>
    public double FlowOn(int pair)
    {
        var flow = _residual[_mate[_forwardPosition[pair]]];
        return Math.Clamp(flow, 0, _arcCapacity[pair]);
    }

    /// <summary>
    /// Labels the level graph of one phase: <c>level[v]</c> is v's place on a shortest augmenting path (0 at the source,
    /// L at the sink), −1 where v is on none that this phase can use; false when the sink cannot be reached.
    /// </summary>
    /// <remarks>
    /// <para>Bidirectional: breadth-first layers grow from the source (over arcs with residual capacity) and from the sink
    /// (backwards, over the arcs into a node with residual capacity), always on the side whose next layer is smaller,
    /// until a node is reached from both. With a complete layers from the source and b from the sink when they meet,
    /// the shortest path has length L = a + b (before the last layer, a + b &lt; L, else a node on a shortest path would
    /// carry both labels). A node reached from the source takes its distance d_s, one reached only from the sink
    /// L − d_t. These labels never rise by more than one along a residual arc (for two labels from the same side by
    /// the search; across sides because d_s + d_t ≤ a + b = L), every node on a shortest path carries one (its d_s ≤ a
    /// or its d_t ≤ b), and a path that rises by one at each arc from 0 to L is a shortest path: so the phase's
    /// blocking flow is Dinic's, and each phase still lengthens the shortest path. A search of radius L/2 from each
    /// end visits far fewer nodes than one of radius L from the source on a graph that fans out.</para>
    /// </remarks>
    private bool BuildLevels(int source, int sink, int[] queue)
    {
        var level = _level;
        var distanceToSink = _distanceToSink;
        var back = _backQueue;
        for (var i = 0; i < _forwardCount; i++)
        {
            level[queue[i]] = -1;
        }

        for (var i = 0; i < _backCount; i++)
        {
            level[back[i]] = -1;
            distanceToSink[back[i]] = -1;
        }

        var start = _start;
        var to = _to;
        var residual = _residual;
        var mate = _mate;
        var epsilon = _epsilon;
        level[source] = 0;
        queue[0] = source;
        distanceToSink[sink] = 0;
        back[0] = sink;
        int forwardHead = 0, forwardTail = 1, backHead = 0, backTail = 1;
        int a = 0, b = 0;
        var met = false;
        while (!met)
        {
            if (forwardHead == forwardTail || backHead == backTail)
            {
                _forwardCount = forwardTail;
                _backCount = backTail;
                return false; // one side ran out: the sink cannot be reached
            }

            if (forwardTail - forwardHead <= backTail - backHead)
            {
                // The next layer from the source.
                var layerEnd = forwardTail;
                for (; forwardHead < layerEnd && !met; forwardHead++)
                {
                    var v = queue[forwardHead];
                    for (var arc = start[v]; arc < start[v + 1]; arc++)
                    {
                        var w = to[arc];
                        if (level[w] < 0 && residual[arc] > epsilon)
                        {
                            level[w] = a + 1;
                            queue[forwardTail++] = w;
                            if (distanceToSink[w] >= 0)
                            {
                                met = true;
                                break;
                            }
                        }
                    }
                }

                a++;
            }
            else
            {
                // The next layer towards the sink: u is one closer when the arc u → v has residual capacity.
                var layerEnd = backTail;
                for (; backHead < layerEnd && !met; backHead++)
                {
                    var v = back[backHead];
                    for (var arc = start[v]; arc < start[v + 1]; arc++)
                    {
                        var u = to[arc];
                        if (distanceToSink[u] < 0 && residual[mate[arc]] > epsilon)
                        {
                            distanceToSink[u] = b + 1;
                            back[backTail++] = u;
                            if (level[u] >= 0)
                            {
                                met = true;
                                break;
                            }
                        }
                    }
                }

                b++;
            }
        }

        var length = a + b;
        for (var i = 0; i < backTail; i++)
        {
            var u = back[i];
            if (level[u] < 0)
            {
                level[u] = length - distanceToSink[u];
            }
        }

        _forwardCount = forwardTail;
        _backCount = backTail;
        return true;
    }
}
