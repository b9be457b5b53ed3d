using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiContagion.Centrality;

/// <summary>
/// Brandes' hop-count search and dependency accumulation for several sources at once, one SIMD lane per source
/// (<see cref="FourLanes"/> or <see cref="EightLanes"/>): the searches advance level by level together, so each
/// link is read once per level for all of them and each entity's lanes share one record. The sums are
/// bit-for-bit those of one <see cref="ShortestPathSearch"/> per source, added in lane order. One instance per
/// thread.
/// </summary>
/// <remarks>
/// <para>Round d scans the entities that are at level d in at least one lane (the union frontier). For a link
/// v → w, lane k advances when v is at level d in lane k and w is unvisited or already at level d + 1 there:
/// w's level becomes d + 1 and σ_w gains σ_v (path counts are integers, exact in any order below 2⁵³). The
/// accumulation walks the rounds backwards: δ_v = σ_v · Σ (1 + δ_w) / σ_w over the links to entities one level
/// further, summed in row order exactly as the one-source search does (masked-off lanes add 0, which changes
/// nothing). Each lane's δ_v then replaces σ_v and is added to the total in lane order, i.e. source order.</para>
/// <para>Memory: three vectors per entity (96 or 192 bytes), plus one int per entity and lane for the frontier
/// lists.</para>
/// </remarks>
internal sealed class BatchedBreadthFirstSearch<TLanes, TLevel, TValue> : IBatchedSearch
    where TLanes : struct, ILaneVectors<TLevel, TValue>
    where TLevel : struct
    where TValue : struct
{
    private readonly Node[] _nodes;
    private readonly int[] _frontier;
    private readonly List<int> _roundStart = [];
    private readonly int[] _sources = new int[TLanes.Lanes];
    private int _lanes;

    public BatchedBreadthFirstSearch(int entityCount)
    {
        _nodes = new Node[entityCount];
        for (var v = 0; v < entityCount; v++)
        {
            _nodes[v].Level = TLanes.Level(-1);
        }

        _frontier = new int[(TLanes.Lanes * entityCount) + 1];
    }

    public int Lanes => TLanes.Lanes;

    /// <summary>Runs the searches from up to <c>TLanes.Lanes</c> distinct sources and adds their dependencies to <paramref name="total"/>, lane by lane.</summary>
    public void Run(ReadOnlySpan<int> sources, int[] start, int[] target, double[] total)
    {
        _lanes = sources.Length;
        sources.CopyTo(_sources);
        var reached = Search(start, target);
        Accumulate(start, target);
        Collect(reached, total);
    }

    private int Search(int[] start, int[] target)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var targets = ref MemoryMarshal.GetArrayDataReference(target);
        ref var starts = ref MemoryMarshal.GetArrayDataReference(start);
        var frontier = _frontier;
        var tail = 0;
        for (var k = 0; k < _lanes; k++)
        {
            var s = _sources[k];
            ref var node = ref Unsafe.Add(ref nodes, s);
            node.Level = TLanes.WithLevel(node.Level, k, 0);
            node.Sigma = TLanes.WithValue(node.Sigma, k, 1.0);
            frontier[tail++] = s;
        }

        var unvisited = TLanes.Level(-1);
        var zero = TLanes.Value(0);
        _roundStart.Clear();
        var head = 0;
        for (var d = 0L; head < tail; d++)
        {
            _roundStart.Add(head);
            var end = tail;
            var current = TLanes.Level(d);
            var next = TLanes.Level(d + 1);
            for (var f = head; f < end; f++)
            {
                var v = frontier[f];
                ref var node = ref Unsafe.Add(ref nodes, v);
                var active = TLanes.EqualMask(node.Level, current);
                var sigma = node.Sigma;
                var rowEnd = Unsafe.Add(ref starts, v + 1);
                for (var i = Unsafe.Add(ref starts, v); i < rowEnd; i++)
                {
                    var w = Unsafe.Add(ref targets, i);
                    ref var other = ref Unsafe.Add(ref nodes, w);
                    var level = other.Level;
                    var atNext = TLanes.EqualMask(level, next);
                    var eligible = TLanes.And(active, TLanes.Or(TLanes.EqualMask(level, unvisited), atNext));
                    if (TLanes.IsZero(eligible))
                    {
                        continue;
                    }

                    if (TLanes.IsZero(atNext))
                    {
                        frontier[tail++] = w; // the first lane to put w on level d + 1 lists it for that round
                    }

                    other.Level = TLanes.Select(eligible, next, level);
                    other.Sigma = TLanes.Add(other.Sigma, TLanes.Select(eligible, sigma, zero));
                }
            }

            head = end;
        }

        _roundStart.Add(tail);
        return tail;
    }

    private void Accumulate(int[] start, int[] target)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var targets = ref MemoryMarshal.GetArrayDataReference(target);
        ref var starts = ref MemoryMarshal.GetArrayDataReference(start);
        var frontier = _frontier;
        var one = TLanes.Value(1.0);
        var zero = TLanes.Value(0);
        for (var round = _roundStart.Count - 2; round >= 0; round--)
        {
            var current = TLanes.Level(round);
            var next = TLanes.Level(round + 1);
            for (var f = _roundStart[round + 1] - 1; f >= _roundStart[round]; f--)
            {
                var v = frontier[f];
                ref var node = ref Unsafe.Add(ref nodes, v);
                var sum = zero;
                var rowEnd = Unsafe.Add(ref starts, v + 1);
                for (var i = Unsafe.Add(ref starts, v); i < rowEnd; i++)
                {
                    ref var other = ref Unsafe.Add(ref nodes, Unsafe.Add(ref targets, i));
                    sum = TLanes.Add(sum, TLanes.Select(TLanes.EqualMask(other.Level, next), other.Coefficient, zero));
                }

                var active = TLanes.EqualMask(node.Level, current);
                var sigma = node.Sigma;
                var delta = TLanes.Multiply(sigma, sum);
                node.Coefficient = TLanes.Select(active, TLanes.Divide(TLanes.Add(one, delta), sigma), node.Coefficient);
                node.Sigma = TLanes.Select(active, delta, sigma); // σ_v is not needed again: keep δ_v in its place
            }
        }
    }

    private void Collect(int reached, double[] total)
    {
        var frontier = _frontier;
        var unvisited = TLanes.Level(-1);
        for (var f = 0; f < reached; f++)
        {
            var v = frontier[f];
            ref var node = ref _nodes[v];
            if (TLanes.AllEqual(node.Level, unvisited))
            {
                continue; // already collected: v is listed in several rounds
            }

            for (var k = 0; k < _lanes; k++)
            {
                if (TLanes.LevelAt(node.Level, k) >= 0 && _sources[k] != v)
                {
                    total[v] += TLanes.ValueAt(node.Sigma, k);
                }
            }

            node = default;
            node.Level = unvisited;
        }
    }

    /// <summary>One entity's lanes: level (−1 unvisited), σ (then δ), and (1 + δ) / σ.</summary>
    private struct Node
    {
        public TLevel Level;
        public TValue Sigma;
        public TValue Coefficient;
    }
}

/// <summary>A batched hop search of some lane width (see <see cref="BatchedBreadthFirstSearch{TLanes, TLevel, TValue}"/>).</summary>
internal interface IBatchedSearch
{
    /// <summary>Sources per batch.</summary>
    int Lanes { get; }

    /// <summary>Runs the searches from up to <see cref="Lanes"/> distinct sources and adds their dependencies to <paramref name="total"/> in lane order.</summary>
    void Run(ReadOnlySpan<int> sources, int[] start, int[] target, double[] total);

    /// <summary>
    /// A batched search with <paramref name="lanes"/> lanes (4 or 8); for −1 the best this machine runs in
    /// hardware: 8 lanes while the 192-byte records of every entity stay within a few megabytes of cache
    /// (measured: up to about 40,000 entities), else 4; <see langword="null"/> for 0 or without wide vectors
    /// (search one source at a time).
    /// </summary>
    static IBatchedSearch? Create(int entityCount, int lanes) => lanes switch
    {
        8 => new BatchedBreadthFirstSearch<EightLanes, Vector512<long>, Vector512<double>>(entityCount),
        4 => new BatchedBreadthFirstSearch<FourLanes, Vector256<long>, Vector256<double>>(entityCount),
        -1 when EightLanes.IsHardwareAccelerated && entityCount <= 40_000 => Create(entityCount, 8),
        -1 when FourLanes.IsHardwareAccelerated => Create(entityCount, 4),
        _ => null,
    };
}
