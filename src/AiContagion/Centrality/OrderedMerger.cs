namespace AiContagion.Centrality;

/// <summary>
/// Adds per-chunk partial vectors into a total <b>in chunk order</b>, whatever order the chunks finish in, so a
/// parallel sum is bit-for-bit reproducible. Chunks that finish early wait (as buffers) until their turn; finished
/// buffers are recycled. Thread-safe.
/// </summary>
internal sealed class OrderedMerger
{
    private readonly double[] _total;
    private readonly double[]?[] _pending;
    private readonly Stack<double[]> _free = new();
    private readonly Lock _gate = new();
    private int _nextToMerge;

    public OrderedMerger(double[] total, int chunks)
    {
        _total = total;
        _pending = new double[]?[chunks];
    }

    /// <summary>A zeroed buffer the size of the total.</summary>
    public double[] Rent()
    {
        lock (_gate)
        {
            if (_free.TryPop(out var buffer))
            {
                return buffer;
            }
        }

        return new double[_total.Length];
    }

    /// <summary>Hands in chunk <paramref name="chunk"/>'s partial sums; merges every chunk whose turn has come.</summary>
    public void Complete(int chunk, double[] partial)
    {
        lock (_gate)
        {
            _pending[chunk] = partial;
            while (_nextToMerge < _pending.Length && _pending[_nextToMerge] is { } ready)
            {
                var total = _total;
                for (var v = 0; v < total.Length; v++)
                {
                    total[v] += ready[v];
                }

                Array.Clear(ready);
                _free.Push(ready);
                _pending[_nextToMerge] = null;
                _nextToMerge++;
            }
        }
    }
}
