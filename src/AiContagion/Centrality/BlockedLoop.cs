using AiContagion.Numerics;

namespace AiContagion.Centrality;

/// <summary>
/// Runs a loop over <c>[0, count)</c> in fixed-size blocks, in parallel when it pays, and sums the blocks'
/// results <b>in block order</b>, so the total is bit-for-bit the same whatever the thread count.
/// </summary>
internal static class BlockedLoop
{
    /// <summary>Entities per block.</summary>
    public const int BlockSize = 4096;

    /// <summary>Below this much work (row entries + entities) a loop runs on the calling thread.</summary>
    public const int ParallelThreshold = 200_000;

    /// <summary>Runs <paramref name="body"/> on every block and returns the ordered sum of its results.</summary>
    /// <param name="count">Number of items.</param>
    /// <param name="work">An estimate of the total work, to decide whether to go parallel.</param>
    /// <param name="maxDegreeOfParallelism">−1 for all cores, 1 for sequential.</param>
    /// <param name="partials">Scratch of length ≥ block count, reused between calls.</param>
    /// <param name="body">Computes items [start, end) and returns their partial result.</param>
    /// <param name="cancellationToken">Cancels between blocks.</param>
    public static double Sum(int count, long work, int maxDegreeOfParallelism, double[] partials, Func<int, int, double> body, CancellationToken cancellationToken)
    {
        var blocks = BlockCount(count);
        if (blocks <= 1 || maxDegreeOfParallelism == 1 || work < ParallelThreshold)
        {
            for (var b = 0; b < blocks; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                partials[b] = body(b * BlockSize, Math.Min(count, (b + 1) * BlockSize));
            }
        }
        else
        {
            var options = Parallelism.Options(maxDegreeOfParallelism, cancellationToken);
            Parallel.For(0, blocks, options, b => partials[b] = body(b * BlockSize, Math.Min(count, (b + 1) * BlockSize)));
        }

        var total = 0.0;
        for (var b = 0; b < blocks; b++)
        {
            total += partials[b];
        }

        return total;
    }

    public static int BlockCount(int count) => (count + BlockSize - 1) / BlockSize;
}
