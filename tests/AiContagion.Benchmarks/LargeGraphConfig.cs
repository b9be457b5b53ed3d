using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace AiContagion.Benchmarks;

/// <summary>
/// The job every benchmark runs with: operations on 10⁵–10⁶ links take milliseconds to seconds, so one invocation per
/// iteration, one warm-up iteration (JIT tiers) and a fixed number of measured iterations; median, min and max
/// reported, with allocations per operation (the <see cref="MemoryDiagnoser"/>).
/// </summary>
public sealed class LargeGraphConfig : ManualConfig
{
    /// <summary>Measured iterations per benchmark (override with the environment variable AICONTAGION_BENCH_ITERATIONS).</summary>
    public static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("AICONTAGION_BENCH_ITERATIONS"), out var n) && n > 0 ? n : 7;

    public LargeGraphConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(Iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithGcServer(false)
            .WithGcConcurrent(false));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        WithOptions(ConfigOptions.JoinSummary);
    }
}
