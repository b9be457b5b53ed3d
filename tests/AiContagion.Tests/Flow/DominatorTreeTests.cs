using AiContagion.Flow;
using AiContagion.Model;
using AiContagion.Tests.Centrality;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Flow;

[TestClass]
public sealed class DominatorTreeTests
{
    [TestMethod]
    public void Compute_ToyChain_HandDerived()
    {
        // Funding sources vc-fund and bank. app-startup is paid only by vc-fund; the chipmaker only by neocloud;
        // neocloud by bank, chipmaker and model-lab (independent routes); model-lab by vc-fund, bank, app-startup.
        var tree = DominatorTree.Compute(Networks.ToyChain());

        Assert.AreEqual("vc-fund", tree.ImmediateDominator("app-startup"));
        Assert.AreEqual("neocloud", tree.ImmediateDominator("chipmaker"));
        Assert.IsNull(tree.ImmediateDominator("neocloud"));
        Assert.IsNull(tree.ImmediateDominator("model-lab"));
        Assert.IsNull(tree.ImmediateDominator("bank"));
        Assert.IsTrue(tree.Dominates("neocloud", "chipmaker"));
        Assert.IsFalse(tree.Dominates("chipmaker", "neocloud"));
        Assert.IsFalse(tree.Dominates("neocloud", "neocloud"));
        Assert.AreEqual(1, tree.DominatedCount("vc-fund"));
        Assert.IsEmpty(tree.Unreachable);
        CollectionAssert.AreEqual(new[] { "vc-fund", "neocloud" }, tree.SinglePointsOfFailure().Select(e => e.Id).ToArray());
    }

    [TestMethod]
    public void Compute_DeepChain_DominatorsNearestFirstAndUnreachable()
    {
        // f -> a -> b -> c, and x -> y (x is not a source): c is dominated by b, a and f; x, y unreachable.
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("f", Sector.VentureCapital));
        foreach (var id in new[] { "a", "b", "c", "x", "y" })
        {
            builder.AddEntity(new Entity(id, Sector.Other));
        }

        builder.AddLink(new Link("f", "a", LinkKind.Equity, 1)).AddLink(new Link("a", "b", LinkKind.Services, 1))
            .AddLink(new Link("b", "c", LinkKind.Services, 1)).AddLink(new Link("x", "y", LinkKind.Services, 1));

        var tree = DominatorTree.Compute(builder.Build());

        CollectionAssert.AreEqual(new[] { "b", "a", "f" }, tree.DominatorsOf("c").ToArray());
        CollectionAssert.AreEqual(new[] { "x", "y" }, tree.Unreachable.ToArray());
        Assert.IsFalse(tree.IsReachable("y"));
        Assert.IsNull(tree.ImmediateDominator("y"));
        Assert.AreEqual(3, tree.DominatedCount("f"));
        Assert.AreEqual(3, tree.Entries.Single(e => e.Id == "c").Depth);
    }

    [TestMethod]
    public void Compute_LongChain_NoStackOverflow()
    {
        const int length = 200_000;
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("e0", Sector.Bank));
        for (var i = 1; i < length; i++)
        {
            builder.AddEntity(new Entity("e" + i, Sector.Other));
            builder.AddLink(new Link("e" + (i - 1), "e" + i, LinkKind.Loan, 1));
        }

        var tree = DominatorTree.Compute(builder.Build());

        Assert.AreEqual("e199998", tree.ImmediateDominator("e199999"));
        Assert.AreEqual(length - 1, tree.DominatedCount("e0"));
    }

    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_PeerGraphs_MatchNetworkX(string name)
    {
        // networkx.immediate_dominators on the graph with a virtual root joined to the funding sources.
        var peer = PeerCases.Get(name);
        var expected = peer.Element("dominators").EnumerateObject().ToDictionary(p => PeerCase.Id(int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)), p => p.Value.GetInt32());

        var tree = DominatorTree.Compute(peer.Network);

        foreach (var entity in peer.Network.Entities)
        {
            if (expected.TryGetValue(entity.Id, out var idom))
            {
                Assert.AreEqual(idom < 0 ? null : PeerCase.Id(idom), tree.ImmediateDominator(entity.Id), entity.Id);
            }
            else
            {
                Assert.IsFalse(tree.IsReachable(entity.Id), entity.Id);
            }
        }
    }

    [TestMethod]
    public void Compute_RandomNetworks_DominanceMeansRemovalDisconnects() =>
        Gen.Select(Gen.Int[2, 18], Gen.Int[0, 50], Gen.Int).Sample((n, m, seed) =>
        {
            var network = Networks.Random(n, m, seed, withOptional: false);
            if (network.FundingSources.Count == 0)
            {
                return;
            }

            var tree = DominatorTree.Compute(network);
            var reachable = Reach(network, null);
            foreach (var d in network.Entities)
            {
                var without = Reach(network, d.Id);
                foreach (var v in network.Entities)
                {
                    // d dominates v (v ≠ d) iff v is reachable, and not once d is removed.
                    var expected = v.Id != d.Id && reachable.Contains(v.Id) && !without.Contains(v.Id);
                    Assert.AreEqual(expected, tree.Dominates(d.Id, v.Id), $"{d.Id} dominates {v.Id}");
                }
            }
        }, iter: 80);

    private static HashSet<string> Reach(FinancingNetwork network, string? removed)
    {
        var seen = network.FundingSources.Select(s => s.Id).Where(id => id != removed).ToHashSet();
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var v))
        {
            foreach (var link in network.LinksFrom(v))
            {
                if (link.Amount > 0 && link.To != removed && seen.Add(link.To))
                {
                    queue.Enqueue(link.To);
                }
            }
        }

        return seen;
    }
}
