using AiContagion.Centrality;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class HarmonicCentralityTests
{
    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_PeerGraphs_MatchNetworkX(string name)
    {
        // networkx.harmonic_centrality(G[, distance="cost"]) (2.8: distances to each node), and on G.reverse()
        // for the paying direction.
        var peer = PeerCases.Get(name);

        Scores.AreClose(peer.Vector("harmonic", "hops"), HarmonicCentrality.Compute(peer.Network).Scores, 1e-12, "hops");
        Scores.AreClose(peer.Vector("harmonic", "inverseAmount"), HarmonicCentrality.Compute(peer.Network, new HarmonicOptions { Cost = PathCost.InverseAmount }).Scores, 1e-9, "1/amount");
        Scores.AreClose(peer.Vector("harmonic", "paying"), HarmonicCentrality.Compute(peer.Network, new HarmonicOptions { Direction = CentralityDirection.Paying }).Scores, 1e-12, "paying");
    }

    [TestMethod]
    public void Compute_Chain_HandDerived()
    {
        // a -> b -> c. Receiving: h_a = 0, h_b = 1/1, h_c = 1/2 + 1/1 = 1.5. Paying: h_a = 1.5, h_b = 1, h_c = 0.
        // Normalised by n − 1 = 2.
        var chain = PageRankTests.Chain(("a", "b", 4), ("b", "c", 4));

        Scores.AreClose([0, 1, 1.5], HarmonicCentrality.Compute(chain).Scores, 0, "receiving");
        Scores.AreClose([1.5, 1, 0], HarmonicCentrality.Compute(chain, new HarmonicOptions { Direction = CentralityDirection.Paying }).Scores, 0, "paying");
        Scores.AreClose([0, 0.5, 0.75], HarmonicCentrality.Compute(chain, new HarmonicOptions { Normalized = true }).Scores, 0, "normalised");
    }

    [TestMethod]
    public void Compute_LargeNetwork_SameOnAnyThreadCount()
    {
        var network = Networks.Random(1200, 6000, 4, withOptional: false);

        var one = HarmonicCentrality.Compute(network, new HarmonicOptions { MaxDegreeOfParallelism = 1, Cost = PathCost.InverseAmount });
        var all = HarmonicCentrality.Compute(network, new HarmonicOptions { Cost = PathCost.InverseAmount });

        CollectionAssert.AreEqual(one.Scores.ToArray(), all.Scores.ToArray());
    }
}
