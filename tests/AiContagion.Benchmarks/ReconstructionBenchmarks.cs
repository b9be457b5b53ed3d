using AiContagion.Reconstruction;
using BenchmarkDotNet.Attributes;

namespace AiContagion.Benchmarks;

/// <summary>
/// Reconstruction from totals on a dense n × n problem (every pair but the diagonal allowed): maximum entropy (issue 15's
/// target: 1,000 × 1,000 in at most 1 s), the same with forbidden pairs (adds the maximum-flow feasibility check), and
/// minimum density. Each operation builds its problem, so the cached feasibility analysis is measured too.
/// <c>dotnet run -c Release --project tests/AiContagion.Benchmarks -- --filter '*Reconstruction*'</c>.
/// </summary>
[Config(typeof(LargeGraphConfig))]
public class ReconstructionBenchmarks
{
    private EntityTotals[] _totals = [];
    private EntityPair[] _forbidden = [];

    [Params(1000)]
    public int Entities { get; set; } = 1000;

    [GlobalSetup]
    public void Setup() => (_totals, _forbidden) = Totals(Entities, seed: 1);

    [Benchmark(Description = "max-entropy")]
    public object MaximumEntropy() => new MaximumEntropyReconstruction().Estimate(ReconstructionProblem.FromTotals(_totals));

    /// <summary>With n forbidden pairs: the maximum flow over ~n² allowed pairs decides feasibility first.</summary>
    [Benchmark(Description = "max-entropy+forbidden")]
    public object MaximumEntropyWithForbidden() => new MaximumEntropyReconstruction().Estimate(ReconstructionProblem.FromTotals(_totals, forbidden: _forbidden));

    [Benchmark(Description = "min-density")]
    public object MinimumDensity() => new MinimumDensityReconstruction().Estimate(ReconstructionProblem.FromTotals(_totals));

    /// <summary>Random totals in [1, 101), the totals in a permutation of the totals out (so they balance), and n forbidden pairs i → i + 1.</summary>
    public static (EntityTotals[] Totals, EntityPair[] Forbidden) Totals(int n, int seed)
    {
        var random = new Random(seed);
        var outs = Enumerable.Range(0, n).Select(_ => 1 + (100 * random.NextDouble())).ToArray();
        var ins = outs.OrderBy(_ => random.Next()).ToArray();
        var totals = Enumerable.Range(0, n).Select(i => new EntityTotals("e" + i, outs[i], ins[i])).ToArray();
        var forbidden = Enumerable.Range(0, n).Select(i => new EntityPair("e" + i, "e" + ((i + 1) % n))).ToArray();
        return (totals, forbidden);
    }
}
