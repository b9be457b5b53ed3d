using AiContagion.Centrality;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class PageRankTests
{
    private static FinancingNetwork C6() => FinancingNetworkFile.Load(Repo.Path("graphs", "textbook", "c6-pagerank-networkx.json"));

    private static FinancingNetwork K4() => FinancingNetworkFile.Load(Repo.Path("graphs", "textbook", "c6-pagerank-complete4.json"));

    [TestMethod]
    public void Compute_C6Damping09_MatchesNetworkXTestSuite()
    {
        // Published case C6 (NetworkX test_pagerank.py, damping 0.9; NetworkX checks 4 places).
        var scores = PageRank.Compute(C6(), new PageRankOptions { Damping = 0.9, Tolerance = 1e-8 });

        Assert.IsTrue(scores.Converged);
        Scores.AreClose([0.03721197, 0.05395735, 0.04150565, 0.37508082, 0.20599833, 0.28624589], scores.Scores, 1e-4, "C6");
    }

    [TestMethod]
    public void Compute_C6DanglingDistribution_MatchesNetworkXTestSuite()
    {
        // Published case C6: damping 0.85, dangling {1: 2, 2: 3}, others 0.
        var scores = PageRank.Compute(C6(), new PageRankOptions
        {
            Tolerance = 1e-8,
            DanglingDistribution = new Dictionary<string, double> { ["1"] = 2, ["2"] = 3 },
        });

        Scores.AreClose([0.10844518, 0.18618601, 0.0710892, 0.2683668, 0.15919783, 0.20671497], scores.Scores, 1e-4, "C6 dangling");
    }

    [TestMethod]
    [DataRow(new[] { 1.0, 1, 4, 4 }, new[] { 0.232467, 0.232467, 0.267533, 0.267533 })]
    [DataRow(new[] { 0.0, 0, 0, 1 }, new[] { 0.220779, 0.220779, 0.220779, 0.337662 })]
    public void Compute_K4Personalisation_MatchesNetworkXTestSuite(double[] personalisation, double[] expected)
    {
        // Published case C6, complete graph on 4 nodes, damping 0.85.
        var weights = personalisation.Select((w, i) => (Id: i.ToString(System.Globalization.CultureInfo.InvariantCulture), w)).Where(p => p.w > 0).ToDictionary(p => p.Id, p => p.w);

        var scores = PageRank.Compute(K4(), new PageRankOptions { Personalisation = weights, Tolerance = 1e-10 });

        Scores.AreClose(expected, scores.Scores, 1e-6, "K4");
    }

    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_DefaultOptions_SameIteratesAsNetworkX(string name)
    {
        // NetworkX pagerank(G, alpha=0.85, weight="weight") with its default tol=1e-6: stopping at the same
        // iteration with the same criterion gives the same (not fully converged) vector to rounding.
        var peer = PeerCases.Get(name);

        var scores = PageRank.Compute(peer.Network);

        Scores.AreClose(peer.Vector("pagerank", "default"), scores.Scores, 1e-13, name);
    }

    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_Variants_MatchNetworkX(string name)
    {
        var peer = PeerCases.Get(name);
        var tight = new PageRankOptions { Tolerance = 1e-13, MaxIterations = 10_000 };

        Scores.AreClose(peer.Vector("pagerank", "tight"), PageRank.Compute(peer.Network, tight).Scores, 1e-12, "weighted");
        Scores.AreClose(peer.Vector("pagerank", "unweighted"), PageRank.Compute(peer.Network, tight with { Weighted = false }).Scores, 1e-12, "unweighted");
        Scores.AreClose(peer.Vector("pagerank", "reversed"), PageRank.Compute(peer.Network, tight with { Direction = CentralityDirection.Paying }).Scores, 1e-12, "paying = reversed graph");
        var personalised = tight with
        {
            Damping = peer.Element("pagerank", "damping").GetDouble(),
            Personalisation = peer.Map("pagerank", "personalisation"),
            DanglingDistribution = peer.Map("pagerank", "dangling"),
        };
        Scores.AreClose(peer.Vector("pagerank", "personalised"), PageRank.Compute(peer.Network, personalised).Scores, 1e-12, "personalised");
    }

    [TestMethod]
    public void Compute_AnyNetwork_SumsToOneAndNonNegative() =>
        Gen.Select(Gen.Int[2, 30], Gen.Int[0, 90], Gen.Int, Gen.Double[0, 0.95]).Sample((n, m, seed, damping) =>
        {
            var network = Networks.Random(n, m, seed, withOptional: false);

            var scores = PageRank.Compute(network, new PageRankOptions { Damping = damping, MaxIterations = 1000 });

            Assert.IsTrue(scores.Converged);
            Assert.AreEqual(1.0, scores.Scores.Sum(), 1e-9);
            Assert.IsTrue(scores.Scores.All(s => s >= 0));
        }, iter: 100);

    [TestMethod]
    public void Compute_ParallelLinks_SameAsOneMergedLink()
    {
        // a pays b twice (3 + 4); the walk weighs a -> b by 7, as NetworkX does for a MultiDiGraph.
        var split = Chain(("a", "b", 3), ("a", "b", 4), ("a", "c", 2), ("b", "c", 1), ("c", "a", 5));
        var merged = Chain(("a", "b", 7), ("a", "c", 2), ("b", "c", 1), ("c", "a", 5));

        Scores.AreClose(PageRank.Compute(merged).Scores, PageRank.Compute(split).Scores, 1e-15, "merged");
    }

    [TestMethod]
    public void Compute_ZeroAmountOutflows_TreatedAsDangling()
    {
        // b's only link has amount 0: its row sums to 0, so NetworkX treats b as dangling; same as no link.
        var zero = Chain(("a", "b", 2), ("b", "c", 0), ("c", "a", 1));
        var none = Chain(("a", "b", 2), ("c", "a", 1));

        Scores.AreClose(PageRank.Compute(none).Scores, PageRank.Compute(zero).Scores, 1e-15, "dangling");
    }

    [TestMethod]
    public void Compute_LargeNetwork_SameBitsOnAnyThreadCount()
    {
        var network = Networks.Random(20_000, 200_000, 7, withOptional: false);

        var sequential = PageRank.Compute(network, new PageRankOptions { MaxDegreeOfParallelism = 1 });
        var parallel = PageRank.Compute(network, new PageRankOptions { MaxDegreeOfParallelism = -1 });

        CollectionAssert.AreEqual(sequential.Scores.ToArray(), parallel.Scores.ToArray());
        Assert.AreEqual(sequential.Iterations, parallel.Iterations);
    }

    [TestMethod]
    public void Compute_IterationCapReached_ReportsNotConvergedAndEnsureThrows()
    {
        var scores = PageRank.Compute(C6(), new PageRankOptions { MaxIterations = 2, Tolerance = 1e-12 });

        Assert.IsFalse(scores.Converged);
        Assert.AreEqual(2, scores.Iterations);
        var error = Assert.ThrowsExactly<CentralityConvergenceException>(() => scores.EnsureConverged());
        Assert.AreSame(scores, error.Scores);
    }

    [TestMethod]
    public void TryCompute_IterationCapReached_FalseWithTheScoresOfCompute()
    {
        var options = new PageRankOptions { MaxIterations = 2, Tolerance = 1e-12 };

        Assert.IsFalse(PageRank.TryCompute(C6(), options, out var scores));

        Assert.IsFalse(scores.Converged);
        Assert.AreEqual(2, scores.Iterations);
        CollectionAssert.AreEqual(PageRank.Compute(C6(), options).Scores.ToArray(), scores.Scores.ToArray());
    }

    [TestMethod]
    public void TryCompute_Converging_True()
    {
        Assert.IsTrue(PageRank.TryCompute(C6(), null, out var scores));
        Assert.IsTrue(scores.Converged);
        Assert.IsTrue(CentralityMeasures.TryCompute(C6(), CentralityMeasure.Katz, out var katz));
        Assert.IsTrue(katz.Converged);
    }

    [TestMethod]
    public void Compute_EmptyNetwork_EmptyConverged()
    {
        var scores = PageRank.Compute(FinancingNetwork.CreateBuilder().Build());

        Assert.AreEqual(0, scores.Count);
        Assert.IsTrue(scores.Converged);
    }

    [TestMethod]
    public void Compute_BadOptions_Throw()
    {
        var network = C6();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PageRank.Compute(network, new PageRankOptions { Damping = 1.5 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PageRank.Compute(network, new PageRankOptions { Tolerance = double.NaN }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PageRank.Compute(network, new PageRankOptions { MaxDegreeOfParallelism = 0 }));
        Assert.ThrowsExactly<ArgumentException>(() => PageRank.Compute(network, new PageRankOptions { Personalisation = new Dictionary<string, double> { ["nope"] = 1 } }));
        Assert.ThrowsExactly<ArgumentException>(() => PageRank.Compute(network, new PageRankOptions { Personalisation = new Dictionary<string, double> { ["1"] = 0 } }));
        Assert.ThrowsExactly<ArgumentException>(() => PageRank.Compute(network, new PageRankOptions { DanglingDistribution = new Dictionary<string, double> { ["1"] = -1 } }));
    }

    internal static FinancingNetwork Chain(params (string From, string To, double Amount)[] links)
    {
        var builder = FinancingNetwork.CreateBuilder();
        foreach (var id in links.SelectMany(l => new[] { l.From, l.To }).Distinct())
        {
            builder.AddEntity(new Entity(id, Sector.Other));
        }

        foreach (var (from, to, amount) in links)
        {
            builder.AddLink(new Link(from, to, LinkKind.Loan, amount));
        }

        return builder.Build();
    }
}
