using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Ranking;
using AiContagion.Tests.Cascades;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Ranking;

[TestClass]
public sealed class WithdrawalRankingTests
{
    // The toy chain by hand (see FundingWithdrawalCascadeTests.Run_ToyChainWithoutVentureFund_EveryLinkDown):
    // vc-fund brings all 8 links down (47.5; 2 direct for 12, 6 cascade), failing model-lab, app-startup, neocloud.
    // bank withdraws its loan of 8 to neocloud and facility of 2 to model-lab: neocloud (buffer 2) fails in round 1,
    // stopping its GPU purchase of 12 and impairing chipmaker's vendor financing of 3; model-lab loses 2 ≤ 4 and
    // stands. 4 links (2 direct for 10, 2 cascade for 15), 1 failure.
    [TestMethod]
    public void Rank_ToyChainFundingSources_VentureFundFirst()
    {
        var ranking = new WithdrawalRanking(new FundingWithdrawalCascade()).Rank(Networks.ToyChain());

        Assert.HasCount(2, ranking.Entries);
        var (first, second) = (ranking.Entries[0], ranking.Entries[1]);
        Assert.AreEqual(new CandidateRank(1, ["vc-fund"], 8, 2, 6, 47.5, 12, 35.5, 3), first);
        CollectionAssert.AreEqual(new[] { "vc-fund" }, first.Sources.ToArray());
        CollectionAssert.AreEqual(new[] { "bank" }, second.Sources.ToArray());
        Assert.AreEqual(2, second.Rank);
        Assert.AreEqual(4, second.LinksDown);
        Assert.AreEqual(2, second.DirectLinks);
        Assert.AreEqual(2, second.CascadeLinks);
        Assert.AreEqual(25.0, second.AmountDown, 1e-12);
        Assert.AreEqual(15.0, second.CascadeAmount, 1e-12);
        Assert.AreEqual(1, second.EntitiesFailed);
        Assert.AreEqual(2, ranking.Runs);
        CollectionAssert.AreEqual(new[] { "vc-fund", "bank" }, ranking.Candidates.ToArray());
    }

    [TestMethod]
    public void Rank_Explain_ReturnsTheFullCascade()
    {
        var ranking = new WithdrawalRanking(new FundingWithdrawalCascade()).Rank(Networks.ToyChain());

        var cascade = ranking.Explain(ranking.Entries[1]);

        Assert.AreEqual(4, cascade.LinksDown);
        CollectionAssert.AreEqual(new[] { "neocloud" }, cascade.FailedEntities.Select(e => e.Id).ToArray());
    }

    // Pairs: the toy chain has one pair of funding sources; together they bring down all 8 links.
    // Greedy k = 2: vc-fund first (8 links), then bank (still 8 links, the only one left).
    [TestMethod]
    public void Rank_PairsAndGreedy_OnToyChain()
    {
        var network = Networks.ToyChain();
        var pairs = new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { Mode = RankingMode.Pairs }).Rank(network);
        var greedy = new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { Mode = RankingMode.Greedy, GreedySetSize = 2 }).Rank(network);

        Assert.HasCount(1, pairs.Entries);
        Assert.AreEqual("vc-fund+bank", pairs.Entries[0].Label);
        Assert.AreEqual(8, pairs.Entries[0].LinksDown);
        Assert.AreEqual(4, pairs.Entries[0].DirectLinks);
        CollectionAssert.AreEqual(new[] { "vc-fund", "vc-fund+bank" }, greedy.Entries.Select(e => e.Label).ToArray());
        Assert.AreEqual(3, greedy.Runs, "2 candidates in step 1, 1 in step 2");
    }

    // Given candidates keep their order for ties: app-startup and chipmaker each withdraw one link that fails nobody...
    // app-startup's ApiSpend of 1.5 (model-lab's buffer is 4), chipmaker's vendor financing of 3 (neocloud's buffer is 2:
    // it fails). So chipmaker ranks first; app-startup and model-lab follow by links then amount.
    [TestMethod]
    public void Rank_GivenCandidates_RankedByLinksThenAmount()
    {
        var options = new WithdrawalRankingOptions { Candidates = RankingCandidates.Given, CandidateIds = ["app-startup", "chipmaker"] };

        var ranking = new WithdrawalRanking(new FundingWithdrawalCascade(), options).Rank(Networks.ToyChain());

        CollectionAssert.AreEqual(new[] { "chipmaker", "app-startup" }, ranking.Entries.Select(e => e.Label).ToArray());
        Assert.AreEqual(1, ranking.Entries[1].LinksDown);
        Assert.AreEqual(0, ranking.Entries[1].EntitiesFailed);
        Assert.IsGreaterThan(1, ranking.Entries[0].LinksDown);
    }

    [TestMethod]
    public void Rank_AllEntities_OneEntryEach()
    {
        var ranking = new WithdrawalRanking(new ChainCascade(), new WithdrawalRankingOptions { Candidates = RankingCandidates.AllEntities }).Rank(Networks.ToyChain());

        Assert.HasCount(6, ranking.Entries);
        CollectionAssert.AreEqual(Enumerable.Range(1, 6).ToArray(), ranking.Entries.Select(e => e.Rank).ToArray());
        for (var i = 1; i < ranking.Entries.Length; i++)
        {
            Assert.IsGreaterThanOrEqualTo(ranking.Entries[i].LinksDown, ranking.Entries[i - 1].LinksDown);
        }
    }

    // Fail shocks for solvency models: bank failing in the credit model costs nobody (no one holds a claim on it);
    // with the withdraw shock the credit model sees only the direct links.
    [TestMethod]
    public void Rank_FailShockWithCreditModel_CountsImpairedClaims()
    {
        var options = new WithdrawalRankingOptions { Candidates = RankingCandidates.AllEntities, Shock = CandidateShock.Fail };

        var ranking = new WithdrawalRanking(new CreditLossCascade(), options).Rank(Networks.ToyChain());

        var neocloud = ranking.Entries.Single(e => e.Label == "neocloud");
        // Its GPU purchase (out, payer failed) and the bank's loan and chipmaker's vendor financing (claims on it); the
        // compute contract into it is commercial and stays up.
        Assert.AreEqual(3, neocloud.DirectLinks);
        Assert.AreEqual(0, neocloud.EntitiesFailed, "bank (capital 12) loses 8, chipmaker (80) loses 3");
    }

    [TestMethod]
    public void Rank_UnknownOrRepeatedCandidate_Throws()
    {
        var network = Networks.ToyChain();
        Assert.ThrowsExactly<ArgumentException>(() => new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { Candidates = RankingCandidates.Given, CandidateIds = ["nobody"] }).Rank(network));
        Assert.ThrowsExactly<ArgumentException>(() => new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { Candidates = RankingCandidates.Given, CandidateIds = ["bank", "bank"] }).Rank(network));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-2)]
    public void Constructor_BadParallelism_Throws(int degree) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { MaxDegreeOfParallelism = degree }));

    [TestMethod]
    public void Rank_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() => new WithdrawalRanking(new FundingWithdrawalCascade()).Rank(Networks.Random(50, 200, 3), cancellationToken: cancelled.Token));
    }

    [TestMethod]
    public void Rank_Progress_ReportsTheTotal()
    {
        var reports = new List<RankingProgress>();
        var progress = new SynchronousProgress(reports);
        var network = Networks.Random(40, 160, 5);

        var ranking = new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { Candidates = RankingCandidates.AllEntities }).Rank(network, progress);

        Assert.IsNotEmpty(reports);
        lock (reports)
        {
            Assert.AreEqual(new RankingProgress(40, 40), reports.MaxBy(r => r.Completed));
        }

        Assert.AreEqual(40, ranking.Runs);
    }

    // The ranking does not depend on the thread count (property test over random networks and every mode).
    [TestMethod]
    public void Rank_OneThreadOrMany_IdenticalEntries()
    {
        var gen = from network in CascadeGen.Network
                  from mode in Gen.Int[0, 2]
                  from model in Gen.Int[0, CascadeModels.All.Count - 1]
                  select (network, mode, model);
        gen.Sample((network, mode, model) =>
        {
            var kind = CascadeModels.All[model];
            var options = new WithdrawalRankingOptions
            {
                Candidates = RankingCandidates.AllEntities,
                Mode = (RankingMode)mode,
                Shock = kind is CascadeModelKind.Funding or CascadeModelKind.Chain ? CandidateShock.Withdraw : CandidateShock.Fail,
            };
            var one = new WithdrawalRanking(CascadeModels.Create(kind), options with { MaxDegreeOfParallelism = 1 }).Rank(network);
            var many = new WithdrawalRanking(CascadeModels.Create(kind), options with { MaxDegreeOfParallelism = 4 }).Rank(network);

            Assert.AreEqual(one.Entries.Length, many.Entries.Length);
            for (var i = 0; i < one.Entries.Length; i++)
            {
                Assert.AreEqual(one.Entries[i].Label, many.Entries[i].Label);
                Assert.AreEqual(one.Entries[i] with { Sources = [] }, many.Entries[i] with { Sources = [] });
            }
        }, iter: 60);
    }

    // On a larger random network (400 entities, 2,000 links), too.
    [TestMethod]
    public void Rank_LargerNetwork_IdenticalForOneAndFourThreads()
    {
        var network = Networks.Random(400, 2000, 11);
        var options = new WithdrawalRankingOptions { Candidates = RankingCandidates.AllEntities };

        var one = new WithdrawalRanking(new ChainCascade(), options with { MaxDegreeOfParallelism = 1 }).Rank(network);
        var four = new WithdrawalRanking(new ChainCascade(), options with { MaxDegreeOfParallelism = 4 }).Rank(network);

        CollectionAssert.AreEqual(one.Entries.Select(e => e.ToString()).ToArray(), four.Entries.Select(e => e.ToString()).ToArray());
        CollectionAssert.AreEqual(one.Entries.Select(e => e.AmountDown).ToArray(), four.Entries.Select(e => e.AmountDown).ToArray());
    }

    private sealed class SynchronousProgress(List<RankingProgress> reports) : IProgress<RankingProgress>
    {
        public void Report(RankingProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
