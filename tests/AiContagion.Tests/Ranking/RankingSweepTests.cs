using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Ranking;

[TestClass]
public sealed class RankingSweepTests
{
    /// <summary>
    /// Five funders and a three-firm chain, none with cash (so the default tolerance τ decides every failure):
    /// f1 →(Equity 10) a; f2 →(Equity 6) b; a →(ApiSpend 4) b; f3 →(Loan 3) c; b →(ComputeContract 7) c; f4 and f5
    /// fund nothing. Inflows: a 10, b 10, c 10.
    /// </summary>
    /// <remarks>
    /// Funding model by hand (a link is down when its payer stopped, or, for a claim, when its recipient failed):
    /// <list type="bullet">
    /// <item>f1 withdraws: a loses 10/10 and fails; b loses 4 and fails iff 4 &gt; 10τ (τ &lt; 0.4); then c loses 7 and
    /// fails iff τ &lt; 0.7. τ ∈ {0.1, 0.25}: f1→a, a→b, b→c, f2→b (claim on failed b), f3→c (claim on failed c) =
    /// 5 links, 30 down, 3 failed. τ = 0.5: f1→a, a→b = 2 links, 14, 1 failed (a).</item>
    /// <item>f2 withdraws: b loses 6 &gt; 10τ for τ ≤ 0.5 and fails; c loses 7 &gt; 10τ and fails. f2→b, b→c, f3→c
    /// = 3 links, 16, 2 failed (a→b is commercial: a failed recipient does not take it down).</item>
    /// <item>f3 withdraws: c loses 3, fails iff τ &lt; 0.3: τ ∈ {0.1, 0.25}: 1 link (f3→c), 3, 1 failed; τ = 0.5: 1 link, 3, 0 failed.</item>
    /// <item>f4, f5: nothing (0, 0, 0): tied in every setting.</item>
    /// </list>
    /// Rankings: τ = 0.1 and 0.25: f1, f2, f3, f4, f5; τ = 0.5: f2, f1, f3, f4, f5.
    /// </remarks>
    internal static FinancingNetwork Chain() => FinancingNetwork.CreateBuilder()
        .AddEntity("f1", Sector.VentureCapital)
        .AddEntity("f2", Sector.VentureCapital)
        .AddEntity("f3", Sector.Bank)
        .AddEntity("f4", Sector.Sovereign)
        .AddEntity("f5", Sector.PrivateEquity)
        .AddEntity("a", Sector.AppStartup)
        .AddEntity("b", Sector.ModelLab)
        .AddEntity("c", Sector.Neocloud)
        .AddLink("f1", "a", LinkKind.Equity, 10)
        .AddLink("f2", "b", LinkKind.Equity, 6)
        .AddLink("a", "b", LinkKind.ApiSpend, 4)
        .AddLink("f3", "c", LinkKind.Loan, 3)
        .AddLink("b", "c", LinkKind.ComputeContract, 7)
        .Build();

    private static readonly SweepAxis Tolerances = new(SweepParameter.DefaultTolerance, [0.1, 0.25, 0.5]);

    [TestMethod]
    public void Run_DefaultToleranceSweep_RankingsPerSettingByHand()
    {
        var sweep = new RankingSweep(CascadeModelKind.Funding, [Tolerances]).Run(Chain());

        Assert.HasCount(3, sweep.Settings);
        Assert.AreEqual("default-tolerance=0.1", sweep.Settings[0].Label);
        Assert.AreEqual(0.5, sweep.Settings[2].Value(SweepParameter.DefaultTolerance));
        Assert.AreEqual("0.5", sweep.Settings[2].Ranking.Settings["defaultTolerance"]);
        CollectionAssert.AreEqual(new[] { "f1", "f2", "f3", "f4", "f5" }, Labels(sweep.Settings[0]));
        CollectionAssert.AreEqual(new[] { "f1", "f2", "f3", "f4", "f5" }, Labels(sweep.Settings[1]));
        CollectionAssert.AreEqual(new[] { "f2", "f1", "f3", "f4", "f5" }, Labels(sweep.Settings[2]));
        Assert.AreEqual(new CandidateRank(1, ["f1"], 5, 1, 4, 30, 10, 20, 3), sweep.Settings[1].Ranking.Entries[0]);
        Assert.AreEqual(new CandidateRank(2, ["f1"], 2, 1, 1, 14, 10, 4, 1), sweep.Settings[2].Ranking.Entries[1]);
        Assert.AreEqual(new CandidateRank(1, ["f2"], 3, 1, 2, 16, 6, 10, 2), sweep.Settings[2].Ranking.Entries[0]);
        Assert.AreEqual(new CandidateRank(3, ["f3"], 1, 1, 0, 3, 3, 0, 0), sweep.Settings[2].Ranking.Entries[2]);
    }

    // Stability by hand. 0.1 vs 0.25: identical keys → overlap 1, τ_b = 1 (f4, f5 tied in both: n1 = n2 = n3 = 1,
    // n0 = 10, nc = 9: 9 / √(9·9) = 1). 0.25 vs 0.5: top 3 {f1,f2,f3} both → 1; pairs: (f1,f2) discordant, (f4,f5)
    // tied in both, the other 8 concordant → τ_b = (8 − 1) / √((10 − 1)(10 − 1)) = 7/9. With k = 1: {f1} vs {f2} → 0.
    [TestMethod]
    public void Run_DefaultToleranceSweep_StabilityByHand()
    {
        var sweep = new RankingSweep(CascadeModelKind.Funding, [Tolerances]).Run(Chain());
        var topOne = new RankingSweep(CascadeModelKind.Funding, [Tolerances], new RankingSweepOptions { TopK = 1 }).Run(Chain());

        Assert.HasCount(3, sweep.Stability);
        Assert.AreEqual(new RankingStability(0, 1, 3, 5, 1.0, 1.0), sweep.Stability[0]);
        Assert.AreEqual((0, 2), (sweep.Stability[1].A, sweep.Stability[1].B));
        var changed = sweep.Between(2, 1);
        Assert.AreEqual((1, 2, 5), (changed.A, changed.B, changed.CommonCandidates));
        Assert.AreEqual(1.0, changed.TopKOverlap);
        Assert.AreEqual(7.0 / 9.0, changed.KendallTau, 1e-15);
        Assert.AreEqual(0.0, topOne.Between(1, 2).TopKOverlap);
        Assert.AreEqual(0.0, topOne.MinimumTopKOverlap);
        Assert.AreEqual(7.0 / 9.0, sweep.MinimumKendallTau, 1e-15);
    }

    // Across τ ∈ {0.1, 0.25, 0.5}: f1 ranks 1, 1, 2 with 5, 5, 2 links; f2 ranks 2, 2, 1 with 3 links each.
    // f4 and f5 tie (nothing down) at positions 4 and 5: as competition ranks both are 4 everywhere.
    [TestMethod]
    public void Candidates_AcrossTheGrid_BestWorstAndCounts()
    {
        var sweep = new RankingSweep(CascadeModelKind.Funding, [Tolerances]).Run(Chain());

        Assert.AreEqual(new CandidateSweepSummary("f1", 1, 2, 2, 5, 2, 2, 3, 3), sweep.Candidates[0]);
        Assert.AreEqual(new CandidateSweepSummary("f2", 1, 2, 3, 3, 1, 1, 3, 3), sweep.Candidates[1]);
        Assert.IsTrue(sweep.Candidates.All(c => !c.AlwaysWorst));
        Assert.IsTrue(sweep.Candidates[2].AlwaysInTopK, "f3 is third everywhere");
        Assert.AreEqual(new CandidateSweepSummary("f5", 4, 4, 0, 0, 0, 0, 0, 3), sweep.Candidates[4]);
        var topFour = new RankingSweep(CascadeModelKind.Funding, [Tolerances], new RankingSweepOptions { TopK = 4 }).Run(Chain());
        Assert.AreEqual(3, topFour.Candidates.Single(c => c.Label == "f5").TimesInTopK, "position 5, but tied with the 4th");
        CollectionAssert.AreEqual(new[] { "f1", "f2", "f3", "f4", "f5" }, sweep.Candidates.Select(c => c.Label).ToArray());
    }

    // Cross product, last axis fastest. The chain model with no capital figures (default capital +∞) cannot fail
    // anyone by losses, so the recovery rate changes nothing: each tolerance's two recovery points agree exactly.
    [TestMethod]
    public void Run_TwoAxes_CrossProductInOrder()
    {
        var sweep = new RankingSweep(CascadeModelKind.Chain, [Tolerances, new SweepAxis(SweepParameter.Recovery, [0, 0.4])]).Run(Chain());

        CollectionAssert.AreEqual(
            new[] { "default-tolerance=0.1, recovery=0", "default-tolerance=0.1, recovery=0.4", "default-tolerance=0.25, recovery=0",
             "default-tolerance=0.25, recovery=0.4", "default-tolerance=0.5, recovery=0", "default-tolerance=0.5, recovery=0.4" },
            sweep.Settings.Select(s => s.Label).ToArray());
        Assert.HasCount(15, sweep.Stability);
        CollectionAssert.AreEqual("Loan=0.4, Bond=0.4, CreditFacility=0.4, VendorFinancing=0.4, Equity=0.4, SpvContribution=0.4".Split(", ").Order().ToArray(),
            sweep.Settings[5].Ranking.Settings["recovery"].Split(", ").Order().ToArray());
        Assert.AreEqual(1.0, sweep.Between(4, 5).KendallTau);
        CollectionAssert.AreEqual(sweep.Settings[4].Ranking.Entries.ToList(), sweep.Settings[5].Ranking.Entries.ToList());
    }

    // Credit model, shock = fail, candidates x and y: b1 (capital 5) lent 10 to x, b2 (capital 5) lent 4 to y.
    // x fails: b1 loses (1 − R)·10: R = 0 → 10 > 5, b1 fails (1 cascade failure); R = 0.6 → 4 ≤ 5, b1 stands.
    // y fails: b2 loses (1 − R)·4 ≤ 5 either way. One link down each time: the loan into the failed firm, in round 0
    // (direct); b1 failing adds no link (it has no other link).
    [TestMethod]
    public void Run_RecoverySweep_ChangesCreditFailures()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("b1", Sector.Bank) { Capital = 5 })
            .AddEntity(new Entity("b2", Sector.Bank) { Capital = 5 })
            .AddEntity(new Entity("x", Sector.Neocloud) { Capital = 1 })
            .AddEntity(new Entity("y", Sector.Neocloud) { Capital = 1 })
            .AddLink("b1", "x", LinkKind.Loan, 10)
            .AddLink("b2", "y", LinkKind.Loan, 4)
            .Build();
        var options = new RankingSweepOptions
        {
            Ranking = new WithdrawalRankingOptions { Candidates = RankingCandidates.Given, CandidateIds = ["x", "y"], Shock = CandidateShock.Fail },
        };

        var sweep = new RankingSweep(CascadeModelKind.Credit, [new SweepAxis(SweepParameter.Recovery, [0, 0.6])], options).Run(network);

        Assert.AreEqual(new CandidateRank(1, ["x"], 1, 1, 0, 10, 10, 0, 1), sweep.Settings[0].Ranking.Entries[0]);
        Assert.AreEqual(0, sweep.Settings[1].Ranking.Entries[0].EntitiesFailed);
        Assert.AreEqual(1.0, sweep.Stability[0].KendallTau);
    }

    [TestMethod]
    public void Run_Progress_CoversEveryPoint()
    {
        var reports = new List<RankingProgress>();
        var progress = new SynchronousProgress(reports);
        var options = new RankingSweepOptions { Ranking = new WithdrawalRankingOptions { MaxDegreeOfParallelism = 1 } };

        _ = new RankingSweep(CascadeModelKind.Funding, [Tolerances], options).Run(Chain(), progress);

        Assert.AreEqual(new RankingProgress(15, 15), reports[^1]);
        Assert.IsTrue(reports.All(r => r.Total == 15));
    }

    [TestMethod]
    public void Constructor_BadAxes_Throw()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new RankingSweep(CascadeModelKind.Funding, []));
        Assert.ThrowsExactly<ArgumentException>(() => new RankingSweep(CascadeModelKind.Funding, [new SweepAxis(SweepParameter.Recovery, [0.4])]), "funding does not read recovery");
        Assert.ThrowsExactly<ArgumentException>(() => new RankingSweep(CascadeModelKind.Funding, [Tolerances, Tolerances]));
        Assert.ThrowsExactly<ArgumentException>(() => new RankingSweep(CascadeModelKind.Funding, [new SweepAxis(SweepParameter.DefaultTolerance, [])]));
        Assert.ThrowsExactly<ArgumentException>(() => new RankingSweep(CascadeModelKind.Funding, [new SweepAxis(SweepParameter.DefaultTolerance, [0.1, 0.1])]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RankingSweep(CascadeModelKind.Funding, [new SweepAxis(SweepParameter.DefaultTolerance, [1.5])]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RankingSweep(CascadeModelKind.Funding, [new SweepAxis(SweepParameter.WithdrawalFraction, [0])]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RankingSweep(CascadeModelKind.Credit, [new SweepAxis(SweepParameter.DefaultCapital, [double.NaN])]));
        Assert.ThrowsExactly<ArgumentException>(() => new RankingSweep(
            CascadeModelKind.Credit,
            [new SweepAxis(SweepParameter.WithdrawalFraction, [0.5])],
            new RankingSweepOptions { Ranking = new WithdrawalRankingOptions { Shock = CandidateShock.Fail } }));
        Assert.ThrowsExactly<ArgumentException>(() => new RankingSweep(
            CascadeModelKind.Funding, [Tolerances], new RankingSweepOptions { Ranking = new WithdrawalRankingOptions { Mode = RankingMode.Greedy } }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RankingSweep(CascadeModelKind.Funding, [Tolerances], new RankingSweepOptions { TopK = 0 }));
    }

    // Half withdrawal by hand (τ = 0.25): f1 stops 5 of a's 10 → a fails (5 > 2.5); then as the full withdrawal.
    // f2 stops 3 of b's 10 → b fails (3 > 2.5), then c. f3 stops 1.5 of c's 10 → c stands (1.5 ≤ 2.5).
    [TestMethod]
    public void Run_FractionSweep_HalfWithdrawalByHand()
    {
        var sweep = new RankingSweep(CascadeModelKind.Funding, [new SweepAxis(SweepParameter.WithdrawalFraction, [1, 0.5])]).Run(Chain());

        var half = sweep.Settings[1].Ranking;
        Assert.AreEqual(0.5, half.Options.WithdrawalFraction);
        CollectionAssert.AreEqual(new[] { "f1", "f2", "f3", "f4", "f5" }, Labels(sweep.Settings[1]));
        Assert.AreEqual(5, half.Entries[0].LinksDown);
        Assert.AreEqual(0, half.Entries[2].EntitiesFailed);
    }

    [TestMethod]
    public void Compare_Pairs_MatchesByLabel()
    {
        var options = new WithdrawalRankingOptions { Mode = RankingMode.Pairs, Candidates = RankingCandidates.Given, CandidateIds = ["f1", "f2", "f3"] };
        var low = new WithdrawalRanking(new FundingWithdrawalCascade(new LiquidityOptions { DefaultTolerance = 0.25 }), options).Rank(Chain());
        var high = new WithdrawalRanking(new FundingWithdrawalCascade(new LiquidityOptions { DefaultTolerance = 0.5 }), options).Rank(Chain());

        var stability = RankingStability.Compare(low, high, 2);

        Assert.AreEqual(3, stability.CommonCandidates);
        Assert.AreEqual((0, 1, 2), (stability.A, stability.B, stability.K));
        Assert.IsTrue(stability.KendallTau is >= -1 and <= 1);
        Assert.ThrowsExactly<ArgumentException>(() => RankingStability.Compare(
            low, new WithdrawalRanking(new FundingWithdrawalCascade(), new WithdrawalRankingOptions { Mode = RankingMode.Greedy }).Rank(Chain()), 2));
    }

    [TestMethod]
    public void SweepParameter_TryParse_NamesAndAliases()
    {
        Assert.IsTrue(SweepParameter.TryParse("default-tolerance", out var tolerance));
        Assert.AreSame(SweepParameter.DefaultTolerance, tolerance);
        Assert.IsTrue(SweepParameter.TryParse("DefaultCapital", out var capital));
        Assert.AreSame(SweepParameter.DefaultCapital, capital);
        Assert.IsTrue(SweepParameter.TryParse("withdrawal_fraction", out var fraction));
        Assert.AreSame(SweepParameter.WithdrawalFraction, fraction);
        Assert.IsFalse(SweepParameter.TryParse("tolerance", out _));
        Assert.IsTrue(SweepParameter.DefaultCapital.IsValid(double.PositiveInfinity));
        Assert.IsFalse(SweepParameter.Recovery.IsValid(double.PositiveInfinity));
        Assert.AreEqual("(0, 1]", SweepParameter.WithdrawalFraction.RangeText());
        Assert.AreEqual("[0, ∞]", SweepParameter.DefaultCapital.RangeText());
    }

    private static string[] Labels(SweepSetting setting) => [.. setting.Ranking.Entries.Select(e => e.Label)];

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
