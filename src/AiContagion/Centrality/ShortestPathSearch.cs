using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AiContagion.Centrality;

/// <summary>
/// Single-source shortest paths with path counting (Brandes 2001), on <see cref="PathGraph"/> rows, reusing
/// its buffers between sources: breadth-first search for hop counts, Dijkstra with a binary heap for lengths.
/// One instance per thread; reset costs O(entities reached), not O(n).
/// </summary>
/// <remarks>
/// Per-entity state sits in one array of small structs (σ, the accumulation coefficient, and the level or
/// distance) so that the hot loops touch one cache line per neighbour; inner loops index through
/// <see cref="MemoryMarshal.GetArrayDataReference{T}(T[])"/> without bounds checks (every index comes from the
/// CSR arrays, which the index builder keeps in range).
/// </remarks>
internal sealed class ShortestPathSearch
{
    private readonly Node[] _nodes;
    private readonly int[] _order;
    private double[] _heapKey = new double[64];
    private int[] _heapValue = new int[64];
    private int _heapCount;

    public ShortestPathSearch(int entityCount, bool weighted)
    {
        Weighted = weighted;
        _order = new int[entityCount + 1]; // one spare slot: the branch-free search writes past the tail
        _nodes = new Node[entityCount];
        for (var v = 0; v < entityCount; v++)
        {
            Clear(ref _nodes[v]);
        }
    }

    public bool Weighted { get; }

    /// <summary>Entities reached by the last search, in the order they were settled (non-decreasing distance).</summary>
    public ReadOnlySpan<int> Order => _order.AsSpan(0, Count);

    public int Count { get; private set; }

    /// <summary>The distance of a reached entity from the last source.</summary>
    public double DistanceOf(int entity) => Weighted ? _nodes[entity].Distance : _nodes[entity].Level;

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
    /// <c>δ_v = σ_v · Σ_{w: v is a predecessor of w} (1 + δ_w) / σ_w</c>; adds δ_v to <paramref name="total"/> for
    /// every reached v other than the source. The coefficient <c>(1 + δ_w) / σ_w</c> is computed once per entity.
    /// </summary>
    public void Accumulate(int source, int[] start, int[] target, double[] length, double[] total)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var targets = ref MemoryMarshal.GetArrayDataReference(target);
        ref var lengths = ref MemoryMarshal.GetArrayDataReference(length);
        ref var starts = ref MemoryMarshal.GetArrayDataReference(start);
        ref var totals = ref MemoryMarshal.GetArrayDataReference(total);
        var order = _order;
        for (var k = Count - 1; k >= 0; k--)
        {
            var v = order[k];
            ref var node = ref Unsafe.Add(ref nodes, v);
            var sum = 0.0;
            var end = Unsafe.Add(ref starts, v + 1);
            if (Weighted)
            {
                var dv = node.Distance;
                for (var i = Unsafe.Add(ref starts, v); i < end; i++)
                {
                    ref var next = ref Unsafe.Add(ref nodes, Unsafe.Add(ref targets, i));
                    if (dv + Unsafe.Add(ref lengths, i) == next.Distance)
                    {
                        sum += next.Coefficient;
                    }
                }
            }
            else
            {
                var level = node.Level + 1;
                for (var i = Unsafe.Add(ref starts, v); i < end; i++)
                {
                    ref var next = ref Unsafe.Add(ref nodes, Unsafe.Add(ref targets, i));
                    sum += next.Level == level ? next.Coefficient : 0.0;
                }
            }

            var delta = node.Sigma * sum;
            node.Coefficient = (1 + delta) / node.Sigma;
            if (v != source)
            {
                Unsafe.Add(ref totals, v) += delta;
            }
        }
    }

    /// <summary>Clears what the last search touched.</summary>
    public void Reset()
    {
        foreach (var v in Order)
        {
            Clear(ref _nodes[v]);
        }

        Count = 0;
    }

    private void Clear(ref Node node)
    {
        node.Sigma = 0;
        node.Coefficient = 0;
        if (Weighted)
        {
            node.Distance = double.PositiveInfinity;
        }
        else
        {
            node.Distance = 0;
            node.Level = -1;
        }
    }

    private void BreadthFirst(int source, int[] start, int[] target)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var targets = ref MemoryMarshal.GetArrayDataReference(target);
        ref var starts = ref MemoryMarshal.GetArrayDataReference(start);
        ref var order = ref MemoryMarshal.GetArrayDataReference(_order);
        ref var first = ref Unsafe.Add(ref nodes, source);
        first.Level = 0;
        first.Sigma = 1;
        order = source;
        var head = 0;
        var tail = 1;
        while (head < tail)
        {
            var v = Unsafe.Add(ref order, head++);
            ref var node = ref Unsafe.Add(ref nodes, v);
            var level = node.Level + 1;
            var sigma = node.Sigma;
            var end = Unsafe.Add(ref starts, v + 1);
            for (var i = Unsafe.Add(ref starts, v); i < end; i++)
            {
                // Branch-free: whether w is new or already on the next level is unpredictable, so the queue
                // slot is always written and the tail only advances for a new entity; σ_w gains σ_v exactly when
                // w sits on the next level (new entities start at σ = 0, and x + 0 = x leaves others unchanged).
                var w = Unsafe.Add(ref targets, i);
                ref var next = ref Unsafe.Add(ref nodes, w);
                var found = next.Level;
                var isNew = found < 0;
                Unsafe.Add(ref order, tail) = w;
                tail += isNew ? 1 : 0;
                found = isNew ? level : found;
                next.Level = found;
                next.Sigma += found == level ? sigma : 0.0;
            }
        }

        Count = tail;
    }

    private void Dijkstra(int source, int[] start, int[] target, double[] length)
    {
        var nodes = _nodes;
        var order = _order;
        var count = 0;
        _heapCount = 0;
        nodes[source].Distance = 0;
        nodes[source].Sigma = 1;
        Push(0, source);
        while (_heapCount > 0)
        {
            var (d, v) = Pop();
            if (d > nodes[v].Distance)
            {
                continue; // stale entry
            }

            order[count++] = v;
            var sigma = nodes[v].Sigma;
            for (var i = start[v]; i < start[v + 1]; i++)
            {
                ref var next = ref nodes[target[i]];
                var alternative = d + length[i];
                if (alternative < next.Distance)
                {
                    next.Distance = alternative;
                    next.Sigma = sigma;
                    Push(alternative, target[i]);
                }
                else if (alternative == next.Distance)
                {
                    next.Sigma += sigma;
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

    /// <summary>
    /// Per-entity search state, 24 bytes: path count σ, accumulation coefficient (1 + δ) / σ, and the level (hop
    /// searches) or distance (length searches) sharing one slot — an instance uses only one of the two.
    /// </summary>
    [StructLayout(LayoutKind.Explicit)]
    private struct Node
    {
        [FieldOffset(0)]
        public double Sigma;

        [FieldOffset(8)]
        public double Coefficient;

        [FieldOffset(16)]
        public double Distance;

        [FieldOffset(16)]
        public int Level;
    }
}
