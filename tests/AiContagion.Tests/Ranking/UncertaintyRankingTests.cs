using System.Collections.Immutable;
using AiContagion.Cascades;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Ranking;

[TestClass]
public sealed class UncertaintyRankingTests
{
    // docs/examples/uncertainty.json by hand: fund-a pays the lab X ∈ [5, 14] (mode 8). The lab has revenue 10 and tolerance
    // 0.5, so when fund-a withdraws it fails iff X > 0.5 (X + 10), i.e. X > 10, and its two contracts go down: 3 links
    // down, else 1. fund-b's withdrawal fails k (tolerance 0): always 2 links. So fund-a ranks first iff X > 10, never
    // tied, and pFirst(fund-a) = P(X > 10):
    //   triangular(5, 8, 14): (14 − 10)² / ((14 − 5)(14 − 8)) = 16/54 = 8/27 = 0.296296…
    //   uniform(5, 14): (14 − 10) / (14 − 5) = 4/9 = 0.444444…
    //   Beta-PERT (λ = 4; α = 7/3, β = 11/3): 1 − I_{5/9}(7/3, 11/3) = 0.198141128778091 (mpmath betainc, 30 digits)
    private static readonly Lazy<FinancingNetwork> Flip = new(() => FinancingNetworkFile.Load(Repo.Path("docs", "examples", "uncertainty.json")));

    private static readonly Lazy<FinancingNetwork> AiChainRanged = new(() => FinancingNetworkFile.Load(Repo.TestData("Uncertainty", "ai-chain-ranged.json")));

    private static readonly Dictionary<(AmountDistribution, int), UncertaintyRankingResult> FlipRuns = [];

    private static UncertaintyRankingResult RunFlip(AmountDistribution distribution, int draws)
    {
        lock (FlipRuns)
        {
            if (!FlipRuns.TryGetValue((distribution, draws), out var result))
            {
                var options = new UncertaintyRankingOptions { Draws = draws, Seed = 2026, Distribution = distribution };
                result = new UncertaintyRanking(new FundingWithdrawalCascade(), options).Run(Flip.Value);
                FlipRuns.Add((distribution, draws), result);
            }

            return result;
        }
    }

    [TestMethod]
    [DataRow(AmountDistribution.Triangular, 8.0 / 27)]
    [DataRow(AmountDistribution.Uniform, 4.0 / 9)]
    [DataRow(AmountDistribution.Pert, 0.198141128778091)]
    public void Run_Flip_PFirstMatchesTheClosedFormWithinThreeStandardErrors(AmountDistribution distribution, double p)
    {
        const int n = 20_000;

        var result = RunFlip(distribution, n);

        var a = result["fund-a"];
        var b = result["fund-b"];
        Assert.AreEqual(p, a.PFirst, 3 * a.PFirstStandardError, $"{distribution}: {a}");
        Assert.AreEqual(1.0, a.PFirst + b.PFirst, 1e-12, "the shares of first place sum to 1");
        // Without ties the shares are 0 or 1: sd² = N p̂ (1 − p̂) / (N − 1), SE = √(p̂ (1 − p̂) / (N − 1)).
        Assert.AreEqual(Math.Sqrt(a.PFirst * (1 - a.PFirst) / (n - 1)), a.PFirstStandardError, 1e-12);
        Assert.AreEqual(a.PFirstStandardError, b.PFirstStandardError, 1e-12);
        Assert.AreEqual(0, result.TiedFirstDraws);
        Assert.AreEqual(1.0, a.PTop3);
        Assert.AreEqual(0.0, a.PTop3StandardError);
        Assert.AreEqual((1, 2, 2), (a.RankLow, a.RankHigh, a.NominalRank), "with the stated 8 ≤ 10 fund-a is second");
        Assert.AreEqual((1, 2, 1), (b.RankLow, b.RankHigh, b.NominalRank));
        Assert.AreEqual((1, 3), (a.LinksDownP05, a.LinksDownP95));
        Assert.AreEqual(1 + (2 * a.PFirst), a.LinksDownMean, 1e-12, "3 links when first, else 1");
        Assert.AreEqual((2.0, 2, 2), (b.LinksDownMean, b.LinksDownP05, b.LinksDownP95));
        CollectionAssert.AreEqual(new[] { 0 }, result.RangedLinks.ToArray());
        Assert.AreEqual(2 + (2 * n), result.Runs);
        Assert.AreEqual(b.PFirst > a.PFirst ? "fund-b" : "fund-a", result.Candidates[0].Label, "most likely first comes first");
    }

    // Convergence: with the same seed, N = 200, 2,000 and 20,000 draws (the first draws of each are the same), every
    // estimate lies within 3 of its standard errors of 8/27, the standard error falls as 1/√N (a factor √10 ≈ 3.16 per
    // step, ±20 % as p̂ moves), and at N = 20,000 the estimate is within 0.01.
    [TestMethod]
    public void Run_Flip_ConvergesAsDrawsGrow()
    {
        const double p = 8.0 / 27;
        var results = new[] { 200, 2_000, 20_000 }.Select(n => RunFlip(AmountDistribution.Triangular, n)["fund-a"]).ToArray();

        foreach (var r in results)
        {
            Assert.AreEqual(p, r.PFirst, 3 * r.PFirstStandardError, r.ToString());
        }

        for (var i = 1; i < results.Length; i++)
        {
            Assert.AreEqual(Math.Sqrt(10), results[i - 1].PFirstStandardError / results[i].PFirstStandardError, 0.2 * Math.Sqrt(10));
        }

        Assert.AreEqual(p, results[^1].PFirst, 0.01);
        Assert.IsLessThan(0.0035, results[^1].PFirstStandardError);
    }

    // Determinism: one and two threads give the same result, field for field, on the AI chain with ranges on its ten
    // largest links (ties included: two SoftBank lender syndicates tie in every draw).
    [TestMethod]
    public void Run_AiChain_SameResultAtOneAndTwoThreads()
    {
        var options = new UncertaintyRankingOptions { Draws = 60, Seed = 7 };

        var one = new UncertaintyRanking(new FundingWithdrawalCascade(), options with { MaxDegreeOfParallelism = 1 }).Run(AiChainRanged.Value);
        var two = new UncertaintyRanking(new FundingWithdrawalCascade(), options with { MaxDegreeOfParallelism = 2 }).Run(AiChainRanged.Value);

        CollectionAssert.AreEqual(one.Candidates.ToArray(), two.Candidates.ToArray());
        Assert.AreEqual(one.TiedFirstDraws, two.TiedFirstDraws);
        Assert.AreEqual(one.Runs, two.Runs);
        Assert.HasCount(10, one.RangedLinks);
        Assert.AreEqual(1.0, one.Candidates.Sum(c => c.PFirst), 1e-9);
        Assert.AreEqual(3.0, one.Candidates.Sum(c => c.PTop3), 1e-9);
        var seed8 = new UncertaintyRanking(new FundingWithdrawalCascade(), options with { Seed = 8 }).Run(AiChainRanged.Value);
        Assert.IsFalse(one.Candidates.SequenceEqual(seed8.Candidates), "another seed, other draws");
    }

    // The statistics against a direct computation: rank every draw with WithdrawalRanking on AmountDraws.Draw(k), find the
    // tie groups by the ranking key, and compute shares, ranks and quantiles the plain way. Singles on the AI chain, and
    // pairs of every entity of the toy chain with ranges on three links (15 pairs, ties among them).
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Run_StatisticsMatchADirectComputation(bool pairs)
    {
        var network = pairs ? ToyChainWithRanges() : AiChainRanged.Value;
        var ranking = pairs
            ? new WithdrawalRankingOptions { Mode = RankingMode.Pairs, Candidates = RankingCandidates.AllEntities }
            : new WithdrawalRankingOptions();
        var model = new FundingWithdrawalCascade();
        const int n = 41;
        var options = new UncertaintyRankingOptions { Draws = n, Seed = 99, Distribution = AmountDistribution.Uniform, Ranking = ranking };

        var result = new UncertaintyRanking(model, options).Run(network);

        var draws = new AmountDraws(network, AmountDistribution.Uniform, 99);
        var perDraw = Enumerable.Range(0, n).Select(k => new WithdrawalRanking(model, ranking).Rank(draws.Draw(k)).Entries).ToList();
        var nominal = new WithdrawalRanking(model, ranking).Rank(network);
        Assert.HasCount(nominal.Entries.Length, result.Candidates);
        var tiedFirst = 0;
        foreach (var entries in perDraw)
        {
            tiedFirst += entries.Length > 1 && Tied(entries[0], entries[1]) ? 1 : 0;
        }

        Assert.AreEqual(tiedFirst, result.TiedFirstDraws);
        foreach (var row in result.Candidates)
        {
            var first = new double[n];
            var top = new double[n];
            var ranks = new int[n];
            var links = new int[n];
            for (var k = 0; k < n; k++)
            {
                var entries = perDraw[k];
                var me = entries.Single(e => e.Label == row.Label);
                var place = entries.IndexOf(entries.First(e => Tied(e, me))) + 1;
                var tied = entries.Count(e => Tied(e, me));
                first[k] = place == 1 ? 1.0 / tied : 0;
                top[k] = Enumerable.Range(place, tied).Count(q => q <= 3) / (double)tied;
                ranks[k] = place;
                links[k] = me.LinksDown;
            }

            Assert.AreEqual(first.Average(), row.PFirst, 1e-12, row.Label);
            Assert.AreEqual(top.Average(), row.PTop3, 1e-12, row.Label);
            Assert.AreEqual(StandardError(first), row.PFirstStandardError, 1e-12, row.Label);
            Assert.AreEqual(StandardError(top), row.PTop3StandardError, 1e-12, row.Label);
            Array.Sort(ranks);
            Array.Sort(links);
            // Type 1 quantile with N = 41: ⌈0.05 · 41⌉ = ⌈2.05⌉ = 3rd value, ⌈0.95 · 41⌉ = ⌈38.95⌉ = 39th.
            Assert.AreEqual((ranks[2], ranks[38]), (row.RankLow, row.RankHigh), row.Label);
            Assert.AreEqual((links[2], links[38]), (row.LinksDownP05, row.LinksDownP95), row.Label);
            Assert.AreEqual(links.Average(), row.LinksDownMean, 1e-12, row.Label);
            var stated = nominal.Entries.Single(e => e.Label == row.Label);
            Assert.AreEqual(nominal.Entries.IndexOf(nominal.Entries.First(e => Tied(e, stated))) + 1, row.NominalRank, row.Label);
        }

        var candidateOrder = nominal.Entries.OrderBy(e => nominal.Candidates.IndexOf(e.Sources[0])).ThenBy(e => nominal.Candidates.IndexOf(e.Sources[^1])).Select(e => e.Label).ToList();
        var order = result.Candidates.Select(c => (-c.PFirst, -c.PTop3, -c.LinksDownMean, c.NominalRank, candidateOrder.IndexOf(c.Label))).ToList();
        CollectionAssert.AreEqual(order.Order().ToList(), order, "by pFirst, pTop3, mean links down, nominal rank, candidate order");
    }

    // Ties split first place evenly: four funds with the same single link of the same amount tie in every draw (the one
    // ranged link, between two firms, reaches none of them): pFirst ¼ each with no spread (SE 0), pTop3 ¾ (the group of
    // four holds places 1–3), rank 1 always. The same without any range (the stated network stands for every draw).
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Run_FourTiedFunds_SplitFirstPlaceEvenly(bool ranged)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata())
            .AddEntity(new Entity("x", Sector.ModelLab)).AddEntity(new Entity("y", Sector.Neocloud))
            .AddLink(new Link("x", "y", LinkKind.ComputeContract, 5) { Low = ranged ? 1 : null, High = ranged ? 9 : null });
        foreach (var fund in new[] { "f1", "f2", "f3", "f4" })
        {
            builder.AddEntity(new Entity(fund, Sector.VentureCapital)).AddEntity(new Entity(fund + "-firm", Sector.AppStartup) { Tolerance = 0 })
                .AddLink(fund, fund + "-firm", LinkKind.Equity, 3);
        }

        var result = new UncertaintyRanking(new FundingWithdrawalCascade(), new UncertaintyRankingOptions { Draws = 25 }).Run(builder.Build());

        Assert.HasCount(4, result.Candidates);
        Assert.AreEqual(25, result.TiedFirstDraws);
        Assert.AreEqual(ranged ? 1 : 0, result.RangedLinks.Length);
        Assert.AreEqual(ranged ? 4 + (25 * 4) : 4, result.Runs, "without a range the stated ranking stands for every draw");
        foreach (var (row, i) in result.Candidates.Select((r, i) => (r, i)))
        {
            Assert.AreEqual(new CandidateUncertainty([$"f{i + 1}"], 1, 0.25, 0, 0.75, 0, 1, 1, 1, 1, 1), row, "tied: all stated first, in candidate order");
        }
    }

    // Two lenders to t (0.1 and 0.2; t has tolerance 0): either withdrawal fails t, whose purchase from u (c ∈ [0.2, 0.4])
    // stops and whose other loan goes down as a claim on it. The same three links go down, summed in another order:
    // (0.1 + c) + 0.2 against (0.2 + c) + 0.1, which differ in the last bit for many c (with c = 0.3: 0.6000000000000001
    // against 0.6). Amounts equal to 1e-9 relative tie, so first place is split in every draw.
    [TestMethod]
    public void Run_SameLinksSummedInAnotherOrder_Tie()
    {
        var network = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata())
            .AddEntity(new Entity("s1", Sector.Bank)).AddEntity(new Entity("s2", Sector.Bank))
            .AddEntity(new Entity("t", Sector.Neocloud) { Tolerance = 0 }).AddEntity(new Entity("u", Sector.ChipMaker) { Tolerance = 1 })
            .AddLink("s1", "t", LinkKind.Loan, 0.1).AddLink("s2", "t", LinkKind.Loan, 0.2)
            .AddLink(new Link("t", "u", LinkKind.GpuPurchase, 0.3) { Low = 0.2, High = 0.4 })
            .Build();
        var model = new FundingWithdrawalCascade();
        var draws = new AmountDraws(network, AmountDistribution.Uniform, 4);
        var differing = Enumerable.Range(0, 50).Count(k =>
        {
            var entries = new WithdrawalRanking(model).Rank(draws.Draw(k)).Entries;
            return entries[0].AmountDown != entries[1].AmountDown;
        });

        var result = new UncertaintyRanking(model, new UncertaintyRankingOptions { Draws = 50, Seed = 4, Distribution = AmountDistribution.Uniform }).Run(network);

        Assert.IsGreaterThan(5, differing, "the sums differ in the last bits in many draws");
        Assert.AreEqual(50, result.TiedFirstDraws);
        Assert.AreEqual(new CandidateUncertainty(["s1"], 1, 0.5, 0, 1, 0, 1, 1, 3, 3, 3), result["s1"]);
        Assert.AreEqual(new CandidateUncertainty(["s2"], 1, 0.5, 0, 1, 0, 1, 1, 3, 3, 3), result["s2"]);
        CollectionAssert.AreEqual(new[] { "s1", "s2" }, result.Candidates.Select(c => c.Label).ToArray(), "candidate order");
    }

    // A tie straddling place 3: one fund brings down 2 links, four others 1 link of the same amount each. The four share
    // places 2–5, so each holds ½ of the top-3 places (2 places for 4 funds) and ranks 2; the leader has pTop3 = 1.
    [TestMethod]
    public void Run_TieStraddlingThirdPlace_SharesTheTopThreeEvenly()
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata())
            .AddEntity(new Entity("lead", Sector.VentureCapital)).AddEntity(new Entity("lead-firm", Sector.AppStartup) { Tolerance = 0 })
            .AddEntity(new Entity("lead-supplier", Sector.Neocloud) { Tolerance = 1 })
            .AddLink(new Link("lead", "lead-firm", LinkKind.Equity, 3) { Low = 2, High = 4 })
            .AddLink("lead-firm", "lead-supplier", LinkKind.ComputeContract, 1);
        foreach (var fund in new[] { "f1", "f2", "f3", "f4" })
        {
            builder.AddEntity(new Entity(fund, Sector.VentureCapital)).AddEntity(new Entity(fund + "-firm", Sector.AppStartup) { Tolerance = 1 })
                .AddLink(fund, fund + "-firm", LinkKind.Equity, 3);
        }

        var result = new UncertaintyRanking(new FundingWithdrawalCascade(), new UncertaintyRankingOptions { Draws = 10 }).Run(builder.Build());

        Assert.AreEqual(new CandidateUncertainty(["lead"], 1, 1, 0, 1, 0, 1, 1, 2, 2, 2), result.Candidates[0]);
        for (var i = 1; i <= 4; i++)
        {
            Assert.AreEqual(new CandidateUncertainty([$"f{i}"], 2, 0, 0, 0.5, 0, 2, 2, 1, 1, 1), result.Candidates[i]);
        }

        Assert.AreEqual(3.0, result.Candidates.Sum(c => c.PTop3), 1e-12);
        Assert.AreEqual(0, result.TiedFirstDraws);
    }

    // Every model reads the drawn amounts through the generic interface: a drawn network (the trusted path, sharing the
    // stated network's tables) ranks exactly as the same network built and validated from scratch — for every model in
    // CascadeModels.All, so a model added later (the runway) is covered once it is listed there.
    [TestMethod]
    public void Draw_EveryModelRanksTheDrawnNetworkAsARebuiltOne()
    {
        var network = AiChainRanged.Value;
        var draws = new AmountDraws(network, AmountDistribution.Triangular, 5);
        foreach (var kind in CascadeModels.All)
        {
            var model = CascadeModels.Create(kind);
            var options = new WithdrawalRankingOptions
            {
                Shock = (model.Accepts & ShockChannels.Withdrawal) != 0 ? CandidateShock.Withdraw : CandidateShock.Fail,
            };
            for (var k = 0; k < 2; k++)
            {
                var drawn = draws.Draw(k);
                var rebuilt = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
                foreach (var entity in network.Entities)
                {
                    rebuilt.AddEntity(entity);
                }

                foreach (var link in drawn.Links)
                {
                    rebuilt.AddLink(link with { });
                }

                var expected = new WithdrawalRanking(model, options).Rank(rebuilt.Build());
                var actual = new WithdrawalRanking(model, options).Rank(drawn);

                CollectionAssert.AreEqual(expected.Entries.ToArray(), actual.Entries.ToArray(), $"{kind}, draw {k}");
            }

            var uncertain = new UncertaintyRanking(model, new UncertaintyRankingOptions { Draws = 3, Ranking = options }).Run(network);
            CollectionAssert.AreEqual(
                new WithdrawalRanking(model, options).Rank(network).Entries.ToArray(), uncertain.Nominal.Entries.ToArray(), kind.ToString());
        }
    }

    [TestMethod]
    public void Run_ReportsProgressAndCancels()
    {
        var reports = new List<RankingProgress>();
        var progress = new SynchronousProgress(reports.Add);

        new UncertaintyRanking(new FundingWithdrawalCascade(), new UncertaintyRankingOptions { Draws = 50 }).Run(Flip.Value, progress);

        Assert.AreEqual(new RankingProgress(50, 50), reports.MaxBy(r => r.Completed));
        using var cancel = new CancellationTokenSource();
        var cancelling = new SynchronousProgress(p =>
        {
            if (p.Completed >= 5)
            {
                cancel.Cancel();
            }
        });
        Assert.Throws<OperationCanceledException>(() =>
            new UncertaintyRanking(new FundingWithdrawalCascade(), new UncertaintyRankingOptions { Draws = 100_000 }).Run(Flip.Value, cancelling, cancel.Token));
    }

    [TestMethod]
    public void Constructor_BadOptions_Throw()
    {
        var model = new FundingWithdrawalCascade();

        Assert.ThrowsExactly<ArgumentNullException>(() => new UncertaintyRanking(null!));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UncertaintyRanking(model, new UncertaintyRankingOptions { Draws = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UncertaintyRanking(model, new UncertaintyRankingOptions { Draws = 1_000_001 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UncertaintyRanking(model, new UncertaintyRankingOptions { Distribution = (AmountDistribution)9 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UncertaintyRanking(model, new UncertaintyRankingOptions { MaxDegreeOfParallelism = 0 }));
        Assert.ThrowsExactly<ArgumentException>(() => new UncertaintyRanking(model, new UncertaintyRankingOptions { Ranking = new WithdrawalRankingOptions { Mode = RankingMode.Greedy } }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new UncertaintyRanking(model, new UncertaintyRankingOptions { Ranking = new WithdrawalRankingOptions { WithdrawalFraction = 2 } }));
        var ranking = new UncertaintyRanking(model, new UncertaintyRankingOptions { Draws = 2, Ranking = new WithdrawalRankingOptions { Candidates = RankingCandidates.Given, CandidateIds = ["nobody"] } });
        Assert.ThrowsExactly<ArgumentException>(() => ranking.Run(Flip.Value));
        Assert.ThrowsExactly<KeyNotFoundException>(() => new UncertaintyRanking(model, new UncertaintyRankingOptions { Draws = 2 }).Run(Flip.Value)["nobody"]);
    }

    [TestMethod]
    public void Quantile_TypeOne_ByHand()
    {
        // N = 20: ⌈0.05 · 20⌉ = 1st value, ⌈0.95 · 20⌉ = 19th (0.95 · 20 = 19.000000000000004 in binary, rounded first).
        var values = Enumerable.Range(1, 20).ToArray();

        Assert.AreEqual(1, UncertaintyRanking.Quantile(values, 0.05));
        Assert.AreEqual(19, UncertaintyRanking.Quantile(values, 0.95));
        Assert.AreEqual(7, UncertaintyRanking.Quantile([7], 0.05));
        Assert.AreEqual(7, UncertaintyRanking.Quantile([7], 0.95));
    }

    // The tie test: same links and failures, amounts equal to 1e-9 relative (the same links summed in another order).
    private static bool Tied(CandidateRank a, CandidateRank b) =>
        a.LinksDown == b.LinksDown && a.EntitiesFailed == b.EntitiesFailed && Math.Abs(a.AmountDown - b.AmountDown) <= 1e-9 * Math.Max(a.AmountDown, b.AmountDown);

    private static double StandardError(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1) / values.Length);
    }

    /// <summary>The toy chain with ranges on three links (the loan, the compute contract, the GPU purchase).</summary>
    private static FinancingNetwork ToyChainWithRanges()
    {
        var toy = Networks.ToyChain();
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(toy.Metadata);
        foreach (var entity in toy.Entities)
        {
            builder.AddEntity(entity);
        }

        foreach (var link in toy.Links)
        {
            builder.AddLink(link.Kind switch
            {
                LinkKind.Loan or LinkKind.ComputeContract or LinkKind.GpuPurchase => link with { Low = link.Amount / 2, High = link.Amount * 2 },
                _ => link,
            });
        }

        return builder.Build();
    }

    private sealed class SynchronousProgress(Action<RankingProgress> report) : IProgress<RankingProgress>
    {
        private readonly Lock _gate = new();

        public void Report(RankingProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
