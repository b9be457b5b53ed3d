using AiContagion.Centrality;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class EigenvectorCentralityTests
{
    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_PeerGraphs_MatchNetworkX(string name)
    {
        // networkx.eigenvector_centrality(G, weight=..., tol=1e-13, max_iter=10000): (A + I) power iteration.
        var peer = PeerCases.Get(name);
        var options = new EigenvectorOptions { Tolerance = 1e-13, MaxIterations = 10_000 };

        var weighted = EigenvectorCentrality.Compute(peer.Network, options);
        var unweighted = EigenvectorCentrality.Compute(peer.Network, options with { Weighted = false });

        Assert.IsTrue(weighted.Converged);
        Scores.AreClose(peer.Vector("eigenvector", "weighted"), weighted.Scores, 1e-11, "weighted");
        Scores.AreClose(peer.Vector("eigenvector", "unweighted"), unweighted.Scores, 1e-11, "unweighted");
    }

    [TestMethod]
    public void Compute_Cycle_UniformUnitVector()
    {
        // Hand derivation: on a directed 3-cycle with equal amounts every entity receives from exactly one
        // equally important payer, so x = (1, 1, 1) / √3 after the first step and the iteration stops at once.
        var cycle = PageRankTests.Chain(("a", "b", 2), ("b", "c", 2), ("c", "a", 2));

        var scores = EigenvectorCentrality.Compute(cycle);

        Assert.IsTrue(scores.Converged);
        Scores.AreClose([1 / Math.Sqrt(3), 1 / Math.Sqrt(3), 1 / Math.Sqrt(3)], scores.Scores, 1e-15, "cycle");
    }

    [TestMethod]
    public void Compute_Paying_SameAsReceivingOnReversedLinks()
    {
        var network = Networks.Random(40, 160, 11, withOptional: false);
        var reversed = PageRankTests.Chain([.. network.Links.Select(l => (l.To, l.From, l.Amount))]);
        var options = new EigenvectorOptions { Tolerance = 1e-12, MaxIterations = 5000 };

        var paying = EigenvectorCentrality.Compute(network, options with { Direction = CentralityDirection.Paying });
        var receiving = EigenvectorCentrality.Compute(reversed, options);

        foreach (var id in network.Entities.Select(e => e.Id).Where(reversed.Contains))
        {
            Assert.AreEqual(receiving[id], paying[id], 1e-12, id);
        }
    }

    [TestMethod]
    public void Compute_AcyclicChain_ReportsNonConvergence()
    {
        // On a chain the leading eigenvalue of A is 0; (A + I)^k x drifts slowly towards the sink, so 100 steps
        // at tolerance 1e-12 do not settle: reported, not silent.
        var chain = PageRankTests.Chain(("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("d", "e", 1));

        var scores = EigenvectorCentrality.Compute(chain, new EigenvectorOptions { Tolerance = 1e-12 });

        Assert.IsFalse(scores.Converged);
        Assert.AreEqual(100, scores.Iterations);
        Assert.ThrowsExactly<CentralityConvergenceException>(() => scores.EnsureConverged());
    }
}
