namespace AiContagion.Numerics;

/// <summary>
/// The one reading of a <c>MaxDegreeOfParallelism</c> option across the library: −1 means one worker per processor
/// (<see cref="Environment.ProcessorCount"/>), as every option documents — not the unbounded parallelism that −1
/// means to <see cref="ParallelOptions"/>. Unbounded, the thread pool keeps injecting workers into a long
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>, and each new worker allocates its own
/// network-sized workspace: on a 10⁶-link ranking that made two cores three times slower than one.
/// </summary>
internal static class Parallelism
{
    /// <summary>The workers to use for an option value (−1 or a positive count).</summary>
    public static int Workers(int maxDegreeOfParallelism) =>
        maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>Parallel options for an option value, with cancellation.</summary>
    public static ParallelOptions Options(int maxDegreeOfParallelism, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Workers(maxDegreeOfParallelism), CancellationToken = cancellationToken };
}
