namespace AiContagion.Centrality;

/// <summary>
/// Single-source shortest paths with path counting (Brandes 2001), on <see cref="PathGraph"/> rows, reusing
/// its buffers between sources: breadth-first search for hop counts, Dijkstra with a binary heap for lengths.
/// One instance per thread; reset costs O(entities reached), not O(n).
/// </summary>
internal sealed class ShortestPathSearch
{
    private readonly int[] _level;
    private readonly double[] _distance;
    private readonly double[] _sigma;
    private readonly double[] _delta;
    private readonly int[] _order;
    private double[] _heapKey = new double[64];
    private int[] _heapValue = new int[64];
    private int _heapCount;

    public ShortestPathSearch(int entityCount, bool weighted)
    {
        Weighted = weighted;
        _order = new int[entityCount];
        _sigma = new double[entityCount];
        _delta = new double[entityCount];
        if (weighted)
        {
            _level = [];
            _distance = new double[entityCount];
            Array.Fill(_distance, double.PositiveInfinity);
        }
        else
        {
            _distance = [];
            _level = new int[entityCount];
            Array.Fill(_level, -1);
        }
    }

    public bool Weighted { get; }

    /// <summary>Entities reached by the last search, in the order they were settled (non-decreasing distance).</summary>
    public ReadOnlySpan<int> Order => _order.AsSpan(0, Count);

    public int Count { get; private set; }

    /// <summary>The distance of a reached entity from the last source.</summary>
    public double DistanceOf(int entity) => Weighted ? _distance[entity] : _level[entity];

    /// <summary>Runs a search from <paramref name="source"/> over the rows given (forward or reverse).</summary>
    public void Search(int source, int[] start, int[] target, double[] length)
    {
        if (Weighted)
        {
            Dijkstra(source, start, target, length);
        }
        else
        {
            BreadthFirst(source, start, target);
        }
    }

    /// <summary>
    /// Brandes' dependency accumulation after a search over the forward rows, in reverse settle order:
    /// <c>δ_v = Σ_{w: v is a predecessor of w} σ_v / σ_w · (1 + δ_w)</c>; adds δ_v to <paramref name="total"/>
    /// for every reached v other than the source.
    /// </summary>
    public void Accumulate(int source, int[] start, int[] target, double[] length, double[] total)
    {
        var order = _order;
        var sigma = _sigma;
        var delta = _delta;
        if (Weighted)
        {
            var distance = _distance;
            for (var k = Count - 1; k >= 0; k--)
            {
                var v = order[k];
                var dv = distance[v];
                var sum = 0.0;
                for (var i = start[v]; i < start[v + 1]; i++)
                {
                    var w = target[i];
                    if (dv + length[i] == distance[w])
                    {
                        sum += (1 + delta[w]) / sigma[w];
                    }
                }

                delta[v] = sigma[v] * sum;
                if (v != source)
                {
                    total[v] += delta[v];
                }
            }
        }
        else
        {
            var level = _level;
            for (var k = Count - 1; k >= 0; k--)
            {
                var v = order[k];
                var next = level[v] + 1;
                var sum = 0.0;
                for (var i = start[v]; i < start[v + 1]; i++)
                {
                    var w = target[i];
                    if (level[w] == next)
                    {
                        sum += (1 + delta[w]) / sigma[w];
                    }
                }

                delta[v] = sigma[v] * sum;
                if (v != source)
                {
                    total[v] += delta[v];
                }
            }
        }
    }

    /// <summary>Clears what the last search touched.</summary>
    public void Reset()
    {
        foreach (var v in Order)
        {
            _sigma[v] = 0;
            _delta[v] = 0;
            if (Weighted)
            {
                _distance[v] = double.PositiveInfinity;
            }
            else
            {
                _level[v] = -1;
            }
        }

        Count = 0;
    }

    private void BreadthFirst(int source, int[] start, int[] target)
    {
        var level = _level;
        var sigma = _sigma;
        var order = _order;
        level[source] = 0;
        sigma[source] = 1;
        order[0] = source;
        var head = 0;
        var tail = 1;
        while (head < tail)
        {
            var v = order[head++];
            var next = level[v] + 1;
            var sv = sigma[v];
            for (var i = start[v]; i < start[v + 1]; i++)
            {
                var w = target[i];
                var lw = level[w];
                if (lw < 0)
                {
                    level[w] = next;
                    order[tail++] = w;
                    sigma[w] = sv;
                }
                else if (lw == next)
                {
                    sigma[w] += sv;
                }
            }
        }

        Count = tail;
    }

    private void Dijkstra(int source, int[] start, int[] target, double[] length)
    {
        var distance = _distance;
        var sigma = _sigma;
        var order = _order;
        var count = 0;
        _heapCount = 0;
        distance[source] = 0;
        sigma[source] = 1;
        Push(0, source);
        while (_heapCount > 0)
        {
            var (d, v) = Pop();
            if (d > distance[v])
            {
                continue; // stale entry
            }

            order[count++] = v;
            var sv = sigma[v];
            for (var i = start[v]; i < start[v + 1]; i++)
            {
                var w = target[i];
                var alternative = d + length[i];
                var dw = distance[w];
                if (alternative < dw)
                {
                    distance[w] = alternative;
                    sigma[w] = sv;
                    Push(alternative, w);
                }
                else if (alternative == dw)
                {
                    sigma[w] += sv;
                }
            }
        }

        Count = count;
    }

    private void Push(double key, int value)
    {
        if (_heapCount == _heapKey.Length)
        {
            Array.Resize(ref _heapKey, _heapKey.Length * 2);
            Array.Resize(ref _heapValue, _heapValue.Length * 2);
        }

        var keys = _heapKey;
        var values = _heapValue;
        var i = _heapCount++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (keys[parent] <= key)
            {
                break;
            }

            keys[i] = keys[parent];
            values[i] = values[parent];
            i = parent;
        }

        keys[i] = key;
        values[i] = value;
    }

    private (double Key, int Value) Pop()
    {
        var keys = _heapKey;
        var values = _heapValue;
        var top = (keys[0], values[0]);
        var count = --_heapCount;
        if (count > 0)
        {
            var key = keys[count];
            var value = values[count];
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= count)
                {
                    break;
                }

                if (child + 1 < count && keys[child + 1] < keys[child])
                {
                    child++;
                }

                if (keys[child] >= key)
                {
                    break;
                }

                keys[i] = keys[child];
                values[i] = values[child];
                i = child;
            }

            keys[i] = key;
            values[i] = value;
        }

        return top;
    }
}
