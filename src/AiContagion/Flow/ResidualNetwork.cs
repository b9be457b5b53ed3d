namespace AiContagion.Flow;

/// <summary>
/// A residual network on compact arrays, built once per call, with Dinic's maximum-flow algorithm. Arcs are
/// added as (tail, head, capacity) pairs; <see cref="Freeze"/> lays them out in CSR order by tail, each arc next
/// to its reverse. Capacities may be <see cref="double.PositiveInfinity"/>. Not thread-safe; never shared.
/// </summary>
/// <remarks>
/// Dinic (1970): repeat { breadth-first search from the source over arcs with residual capacity builds the level
/// graph; a depth-first search with current-arc pointers sends a blocking flow along level-increasing arcs } until
/// the sink is unreachable. Each phase strictly lengthens the shortest augmenting path, so there are at most
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
    private double _epsilon;

    public ResidualNetwork(int nodeCount, int pairCapacity)
    {
        _nodeCount = nodeCount;
        _arcTail = new int[Math.Max(4, pairCapacity)];
        _arcHead = new int[_arcTail.Length];
        _arcCapacity = new double[_arcTail.Length];
    }

    public int NodeCount => _nodeCount;

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

    private bool BuildLevels(int source, int sink, int[] queue)
    {
        var level = _level;
        Array.Fill(level, -1);
        var start = _start;
        var to = _to;
        var residual = _residual;
        var epsilon = _epsilon;
        level[source] = 0;
        queue[0] = source;
        var head = 0;
        var tail = 1;
        while (head < tail)
        {
            var v = queue[head++];
            var next = level[v] + 1;
            if (level[sink] >= 0 && next > level[sink])
            {
                break; // nodes beyond the sink's level cannot lie on a shortest augmenting path
            }

            for (var a = start[v]; a < start[v + 1]; a++)
            {
                var w = to[a];
                if (level[w] < 0 && residual[a] > epsilon)
                {
                    level[w] = next;
                    queue[tail++] = w;
                }
            }
        }

        return level[sink] >= 0;
    }
}
