using AiContagion.Centrality;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class KatzCentralityTests
{
    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_PeerGraphs_MatchNetworkX(string name)
    {
        // networkx.katz_centrality(G, alpha, beta=1, weight=None|"weight", tol=1e-13, max_iter=10000), normalised.
        var peer = PeerCases.Get(name);
        var options = new KatzOptions { Tolerance = 1e-13, MaxIterations = 10_000 };

        var unweighted = KatzCentrality.Compute(peer.Network, options);
        var weighted = KatzCentrality.Compute(peer.Network, options with { Weighted = true, Alpha = peer.Element("katz", "weightedAlpha").GetDouble() });

        Scores.AreClose(peer.Vector("katz", "unweighted"), unweighted.Scores, 1e-12, "unweighted");
        Scores.AreClose(peer.Vector("katz", "weighted"), weighted.Scores, 1e-12, "weighted");
    }

    [TestMethod]
    public void Compute_Chain_HandDerivedUnnormalised()
    {
        // a -> b -> c, α = 0.5, β = 1, unnormalised: x_a = 1, x_b = 1 + 0.5·1 = 1.5, x_c = 1 + 0.5·1.5 = 1.75.
        var chain = PageRankTests.Chain(("a", "b", 3), ("b", "c", 3));

        var scores = KatzCentrality.Compute(chain, new KatzOptions { Alpha = 0.5, Normalized = false, Tolerance = 1e-14 });

        Scores.AreClose([1, 1.5, 1.75], scores.Scores, 1e-14, "chain");
    }

    [TestMethod]
    public void Compute_BetaByEntity_OverridesBeta()
    {
        // a -> b, α = 0.1, β_a = 10, β_b = 1 (default): x_a = 10, x_b = 1 + 0.1·10 = 2.
        var pair = PageRankTests.Chain(("a", "b", 1));

        var scores = KatzCentrality.Compute(pair, new KatzOptions { Normalized = false, BetaByEntity = new Dictionary<string, double> { ["a"] = 10 } });

        Scores.AreClose([10, 2], scores.Scores, 1e-12, "beta");
    }

    [TestMethod]
    public void Compute_AlphaAboveSpectralBound_ReportsNonConvergence()
    {
        // A 2-cycle has λ_max = 1 (unweighted); α = 2 > 1 makes the series diverge.
        var cycle = PageRankTests.Chain(("a", "b", 1), ("b", "a", 1));

        var scores = KatzCentrality.Compute(cycle, new KatzOptions { Alpha = 2 });

        Assert.IsFalse(scores.Converged);
        Assert.ThrowsExactly<CentralityConvergenceException>(() => scores.EnsureConverged());
    }

    [TestMethod]
    public void Compute_BadOptions_Throw()
    {
        var pair = PageRankTests.Chain(("a", "b", 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => KatzCentrality.Compute(pair, new KatzOptions { Alpha = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => KatzCentrality.Compute(pair, new KatzOptions { Beta = double.PositiveInfinity }));
        Assert.ThrowsExactly<ArgumentException>(() => KatzCentrality.Compute(pair, new KatzOptions { BetaByEntity = new Dictionary<string, double> { ["zz"] = 1 } }));
    }
}
