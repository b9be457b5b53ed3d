using AiContagion.Centrality;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class BetweennessCentralityTests
{
    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_PeerGraphs_MatchNetworkXAndIgraph(string name)
    {
        // networkx.betweenness_centrality(G, normalized=True|False, weight=None|"cost" with cost = 1/amount);
        // igraph Graph.betweenness(directed=True) equals the unnormalised values.
        var peer = PeerCases.Get(name);

        var hops = BetweennessCentrality.Compute(peer.Network);
        var raw = BetweennessCentrality.Compute(peer.Network, new BetweennessOptions { Normalized = false });
        var inverse = BetweennessCentrality.Compute(peer.Network, new BetweennessOptions { Cost = PathCost.InverseAmount });

        Scores.AreClose(peer.Vector("betweenness", "hops"), hops.Scores, 1e-12, "hops");
        Scores.AreClose(peer.Vector("betweenness", "hopsRaw"), raw.Scores, 1e-9, "raw");
        Scores.AreClose(peer.Vector("betweenness", "igraphHops"), raw.Scores, 1e-9, "igraph");
        Scores.AreClose(peer.Vector("betweenness", "inverseAmount"), inverse.Scores, 1e-12, "1/amount");
    }

    [TestMethod]
    public void Compute_DiamondWithParallelLinks_HandDerived()
    {
        // a -> b -> d and a -> c -> d (a -> b twice: merged, so still one path): two shortest a–d paths, b and c
        // each carry half of it; raw betweenness b = c = 0.5, a = d = 0.
        var diamond = PageRankTests.Chain(("a", "b", 1), ("a", "b", 2), ("b", "d", 1), ("a", "c", 1), ("c", "d", 1));

        var raw = BetweennessCentrality.Compute(diamond, new BetweennessOptions { Normalized = false });

        Scores.AreClose([0, 0.5, 0, 0.5], raw.Scores, 1e-15, "diamond");
    }

    [TestMethod]
    public void Compute_InverseAmount_FollowsTheThickMoney()
    {
        // a -> b -> d costs 1/10 + 1/10 = 0.2; a -> c -> d costs 1 + 1 = 2: only b lies on the shortest path.
        var diamond = PageRankTests.Chain(("a", "b", 10), ("b", "d", 10), ("a", "c", 1), ("c", "d", 1));

        var raw = BetweennessCentrality.Compute(diamond, new BetweennessOptions { Normalized = false, Cost = PathCost.InverseAmount });

        Scores.AreClose([0, 1, 0, 0], raw.Scores, 1e-15, "thick path");
    }

    [TestMethod]
    public void Compute_ZeroAmountLink_IsNoPath()
    {
        // b -> c carries no money: c is unreachable from a, so b lies on no shortest path.
        var chain = PageRankTests.Chain(("a", "b", 1), ("b", "c", 0));

        Scores.AreClose([0, 0, 0], BetweennessCentrality.Compute(chain, new BetweennessOptions { Normalized = false }).Scores, 0, "zero link");
    }

    [TestMethod]
    public void Compute_SamplesAllEntities_EqualsExact()
    {
        var network = Networks.Random(30, 120, 5, withOptional: false);

        var exact = BetweennessCentrality.Compute(network);
        var sampled = BetweennessCentrality.Compute(network, new BetweennessOptions { Samples = 30, Seed = 42 });

        CollectionAssert.AreEqual(exact.Scores.ToArray(), sampled.Scores.ToArray());
    }

    [TestMethod]
    public void Compute_Sampled_DeterministicBySeedAndScaled()
    {
        var network = Networks.Random(200, 1000, 6, withOptional: false);
        var options = new BetweennessOptions { Samples = 50, Seed = 3, Normalized = false };

        var first = BetweennessCentrality.Compute(network, options);
        var again = BetweennessCentrality.Compute(network, options with { MaxDegreeOfParallelism = 1 });
        var other = BetweennessCentrality.Compute(network, options with { Seed = 4 });
        var exact = BetweennessCentrality.Compute(network, new BetweennessOptions { Normalized = false });

        CollectionAssert.AreEqual(first.Scores.ToArray(), again.Scores.ToArray());
        CollectionAssert.AreNotEqual(first.Scores.ToArray(), other.Scores.ToArray());

        // Unbiased estimate scaled by n / k: the totals agree within sampling noise (well inside 30 %).
        Assert.AreEqual(exact.Scores.Sum(), first.Scores.Sum(), 0.3 * exact.Scores.Sum());
    }

    [TestMethod]
    public void Compute_AnyThreadCount_SameBits()
    {
        // Enough work to run in parallel: the chunked, ordered reduction must not depend on the thread count.
        var network = Networks.Random(1000, 6000, 9, withOptional: false);
        var options = new BetweennessOptions { Cost = PathCost.InverseAmount };

        var one = BetweennessCentrality.Compute(network, options with { MaxDegreeOfParallelism = 1 });
        var two = BetweennessCentrality.Compute(network, options with { MaxDegreeOfParallelism = 2 });
        var all = BetweennessCentrality.Compute(network, options with { MaxDegreeOfParallelism = 7 });

        CollectionAssert.AreEqual(one.Scores.ToArray(), two.Scores.ToArray());
        CollectionAssert.AreEqual(one.Scores.ToArray(), all.Scores.ToArray());
    }

    [TestMethod]
    public void Compute_SimdBatches_SameBitsAsOneSourceSearches() =>
        Gen.Select(Gen.Int[2, 60], Gen.Int[0, 300], Gen.Int).Sample((n, m, seed) =>
        {
            // Hop searches run 4 or 8 sources per SIMD batch; the result must equal one search per source exactly.
            var network = Networks.Random(n, m, seed, withOptional: false);
            var options = new BetweennessOptions { Normalized = false, MaxDegreeOfParallelism = 1 };

            var single = BetweennessCentrality.Compute(network, options with { BatchLanes = 0 });
            var four = BetweennessCentrality.Compute(network, options with { BatchLanes = 4 });
            var eight = BetweennessCentrality.Compute(network, options with { BatchLanes = 8 });

            CollectionAssert.AreEqual(single.Scores.ToArray(), four.Scores.ToArray());
            CollectionAssert.AreEqual(single.Scores.ToArray(), eight.Scores.ToArray());
        }, iter: 100);

    [TestMethod]
    public void Compute_AnyNetwork_NonNegativeAndBounded() =>
        Gen.Select(Gen.Int[3, 25], Gen.Int[0, 80], Gen.Int).Sample((n, m, seed) =>
        {
            var network = Networks.Random(n, m, seed, withOptional: false);

            var scores = BetweennessCentrality.Compute(network);

            // Normalised betweenness lies in [0, 1]: at most every ordered pair of other entities.
            Assert.IsTrue(scores.Scores.All(s => s >= 0 && s <= 1 + 1e-12));
        }, iter: 60);

    [TestMethod]
    public void Compute_BadOptions_Throw()
    {
        var pair = PageRankTests.Chain(("a", "b", 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => BetweennessCentrality.Compute(pair, new BetweennessOptions { Samples = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => BetweennessCentrality.Compute(pair, new BetweennessOptions { Cost = (PathCost)9 }));
    }
}
