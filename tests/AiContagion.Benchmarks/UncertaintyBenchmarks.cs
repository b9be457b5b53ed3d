using AiContagion.Cascades;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Ranking;
using BenchmarkDotNet.Attributes;

namespace AiContagion.Benchmarks;

/// <summary>
/// Uncertainty runs (issue 15) on the AI chain with ±30 % ranges on its ten largest links
/// (tests/AiContagion.Tests/Data/Uncertainty/ai-chain-ranged.json; 73 entities, 108 links, 41 funding sources): the whole
/// <c>rank --uncertainty 1000</c> computation of the funding model, one draw of the amounts, and one draw ranked.
/// </summary>
[Config(typeof(LargeGraphConfig))]
public class UncertaintyBenchmarks
{
    private FinancingNetwork _network = null!;
    private AmountDraws _draws = null!;
    private WithdrawalRanking _ranking = null!;
    private int _draw;

    [GlobalSetup]
    public void Setup()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AiContagion.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("AiContagion.sln not found above " + AppContext.BaseDirectory);
        _network = FinancingNetworkFile.Load(Path.Combine(root, "tests", "AiContagion.Tests", "Data", "Uncertainty", "ai-chain-ranged.json"));
        _draws = new AmountDraws(_network);
        _ranking = new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { MaxDegreeOfParallelism = 1 });
    }

    /// <summary>1,000 triangular draws, each ranked over the 41 funding sources (funding model), both cores: what <c>rank --uncertainty 1000</c> computes.</summary>
    [Benchmark(Description = "uncertainty-1000")]
    public object Uncertainty1000() =>
        new UncertaintyRanking(new FundingWithdrawalCascade(), new UncertaintyRankingOptions { Draws = 1000 }).Run(_network);

    /// <summary>One draw of the ten ranged amounts: the drawn network (links and amounts copied, tables shared); per draw, over 1,000.</summary>
    [Benchmark(Description = "amount-draw", OperationsPerInvoke = 1000)]
    public object Draw()
    {
        FinancingNetwork? last = null;
        for (var i = 0; i < 1000; i++)
        {
            last = _draws.Draw(_draw++);
        }

        return last!;
    }

    /// <summary>One draw ranked on one thread: the draw, the model's preparation and 41 runs; per draw, over 100.</summary>
    [Benchmark(Description = "draw-and-rank", OperationsPerInvoke = 100)]
    public object DrawAndRank()
    {
        RankingResult? last = null;
        for (var i = 0; i < 100; i++)
        {
            last = _ranking.Rank(_draws.Draw(_draw++));
        }

        return last!;
    }
}
