using System.Diagnostics;
using AiContagion.Cascades;
using AiContagion.Generators;
using AiContagion.Model;
using AiContagion.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Ship;

/// <summary>
/// 10⁶ links: a cancelled ranking stops promptly (the command-line tool reading and ranking such a network inside a
/// bounded heap is <c>Cli/LargeNetworkCommandTests</c>). The network (100,000 entities, 10⁶ links, seed 20261126) is
/// generated once for the class.
/// </summary>
[TestClass]
public sealed class LargeNetworkTests
{
    private const int Seed = 20261126;

    private static readonly Lazy<FinancingNetwork> Million = new(() => SyntheticFinancingNetwork.Create(100_000, 1_000_000, Seed));

    // The bound: a ranking of a 10⁶-link network, cancelled 0.5 s after it started, throws
    // OperationCanceledException within 1 s of the cancellation. Every entity is a candidate (10⁵ cascades, minutes
    // of work), so the ranking is certainly still running when the token fires.
    [TestMethod]
    [DataRow(CascadeModelKind.Funding)]
    [DataRow(CascadeModelKind.Chain)]
    [DataRow(CascadeModelKind.EisenbergNoe)]
    [DataRow(CascadeModelKind.DebtRank)]
    public void Ranking_OneMillionLinksCancelledWhileRunning_StopsWithinOneSecond(CascadeModelKind kind)
    {
        var network = Million.Value;
        Assert.AreEqual(1_000_000, network.LinkCount);
        var model = CascadeModels.Create(kind);
        var ranking = new WithdrawalRanking(model, new WithdrawalRankingOptions
        {
            Candidates = RankingCandidates.AllEntities,
            Shock = (model.Accepts & ShockChannels.Withdrawal) != 0 ? CandidateShock.Withdraw : CandidateShock.Fail,
        });
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => ranking.Rank(network, null, cancellation.Token));
        TimeSpan cancelledAt;
        try
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(500));
            Assert.IsFalse(run.IsCompleted, $"the ranking ended before it was cancelled: {run.Status}");
        }
        finally
        {
            cancelledAt = clock.Elapsed;
            cancellation.Cancel();
        }

        var stopped = run.ContinueWith(_ => clock.Elapsed, TaskScheduler.Default).Result;
        Assert.Throws<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        var latency = stopped - cancelledAt;
        Assert.IsLessThan(TimeSpan.FromSeconds(1), latency, $"{kind}: stopped {latency.TotalMilliseconds:0} ms after the cancellation");
    }
}
