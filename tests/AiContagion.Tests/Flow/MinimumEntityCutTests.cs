using AiContagion.Flow;
using AiContagion.Model;
using AiContagion.Tests.Centrality;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Flow;

[TestClass]
public sealed class MinimumEntityCutTests
{
    [TestMethod]
    public void Compute_C7_TwoEntities()
    {
        // CLRS network: two minimum entity cuts exist, {v1, v2} (s's only recipients) and {v3, v4} (t's only
        // payers); no single entity separates s from t. The cut reported is the one closest to the sources.
        var result = MinimumEntityCut.Compute(MaximumFlowTests.Clrs(), EntitySelection.Of("s"), EntitySelection.Of("t"));

        Assert.AreEqual(2, result.Value);
        CollectionAssert.AreEqual(new[] { "v1", "v2" }, result.Entities.ToArray());
        EntityCutInvariants.Check(MaximumFlowTests.Clrs(), result);
    }

    [TestMethod]
    public void Compute_ToyChain_NeocloudIsTheBottleneck()
    {
        // Every money path from vc-fund and bank to the chipmaker ends neocloud -> chipmaker.
        var result = MinimumEntityCut.Compute(Networks.ToyChain(), EntitySelection.FundingSources, EntitySelection.Of("chipmaker"));

        CollectionAssert.AreEqual(new[] { "neocloud" }, result.Entities.ToArray());
        Assert.AreEqual("Minimum entity cut (1 entities, value=1.0000): neocloud", result.ToString());
    }

    [TestMethod]
    public void Compute_Inflow_PicksTheCheapestEntities()
    {
        // s -> a -> t and s -> b -> c -> t. Fewest: {a, b} or {a, c} (2 entities). By inflow: a = 5, b = 1, c = 1 + 9
        // (revenue 9): cheapest {a, b} = 6.
        var builder = FinancingNetwork.CreateBuilder();
        foreach (var id in new[] { "s", "a", "b", "t" })
        {
            builder.AddEntity(new Entity(id, Sector.Other));
        }

        builder.AddEntity(new Entity("c", Sector.Other) { Revenue = 9 });
        builder.AddLink(new Link("s", "a", LinkKind.Loan, 5)).AddLink(new Link("a", "t", LinkKind.Loan, 5))
            .AddLink(new Link("s", "b", LinkKind.Loan, 1)).AddLink(new Link("b", "c", LinkKind.Loan, 1)).AddLink(new Link("c", "t", LinkKind.Loan, 1));
        var network = builder.Build();

        var result = MinimumEntityCut.Compute(network, EntitySelection.Of("s"), EntitySelection.Of("t"), new EntityCutOptions { Cost = EntityCutCost.Inflow });

        Assert.AreEqual(6, result.Value, 1e-12);
        CollectionAssert.AreEqual(new[] { "a", "b" }, result.Entities.ToArray());
    }

    [TestMethod]
    public void Compute_InfiniteOverride_ProtectsAnEntity()
    {
        var protectedNeocloud = new EntityCutOptions { CostOverrides = new Dictionary<string, double> { ["neocloud"] = double.PositiveInfinity } };

        var error = Assert.ThrowsExactly<UnboundedFlowException>(() =>
            MinimumEntityCut.Compute(Networks.ToyChain(), EntitySelection.FundingSources, EntitySelection.Of("chipmaker"), protectedNeocloud));
        StringAssert.Contains(error.Message, "bank → neocloud → chipmaker");
    }

    [TestMethod]
    public void Compute_SourcePaysSinkDirectly_UnboundedErrorNamesThePath()
    {
        var error = Assert.ThrowsExactly<UnboundedFlowException>(() =>
            MinimumEntityCut.Compute(Networks.ToyChain(), EntitySelection.FundingSources, EntitySelection.Of("model-lab")));
        StringAssert.Contains(error.Message, "vc-fund → model-lab");
    }

    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_PeerGraphs_MatchNetworkXNodeSplitting(string name)
    {
        // networkx.minimum_cut_value on the split graph built by the peer script (count and inflow costs).
        var peer = PeerCases.Get(name);
        var sink = EntitySelection.Of(PeerCase.Id(peer.Element("entityCut", "sink").GetInt32()));

        var fewest = MinimumEntityCut.Compute(peer.Network, EntitySelection.FundingSources, sink);
        var cheapest = MinimumEntityCut.Compute(peer.Network, EntitySelection.FundingSources, sink, new EntityCutOptions { Cost = EntityCutCost.Inflow });

        Assert.AreEqual(peer.Element("entityCut", "count").GetDouble(), fewest.Value, 1e-9);
        Assert.AreEqual(peer.Element("entityCut", "inflow").GetDouble(), cheapest.Value, 1e-9);
        EntityCutInvariants.Check(peer.Network, fewest);
        EntityCutInvariants.Check(peer.Network, cheapest);
    }

    [TestMethod]
    public void Compute_RandomNetworks_RemovingTheCutDisconnects() =>
        Gen.Select(Gen.Int[4, 25], Gen.Int[0, 90], Gen.Int).Sample((n, m, seed) =>
        {
            var network = Networks.Random(n, m, seed, withOptional: false);
            var sink = "e" + (seed & 0x7fffffff) % n;
            var sources = new[] { "e" + ((seed & 0x7fffffff) / 7 % n) }.Where(s => s != sink).ToArray();
            if (sources.Length == 0)
            {
                return;
            }

            EntityCutResult result;
            try
            {
                result = MinimumEntityCut.Compute(network, EntitySelection.Of(sources), EntitySelection.Of(sink));
            }
            catch (UnboundedFlowException)
            {
                // Only when the source pays the sink directly.
                Assert.IsTrue(network.Links.Any(l => l.From == sources[0] && l.To == sink && l.Amount > 0));
                return;
            }

            EntityCutInvariants.Check(network, result);
        }, iter: 150);
}

internal static class EntityCutInvariants
{
    public static void Check(FinancingNetwork network, EntityCutResult result)
    {
        var removed = result.Entities.ToHashSet();
        Assert.IsFalse(result.Sources.Any(removed.Contains) || result.Sinks.Any(removed.Contains), "sources and sinks are never cut");
        var sinks = result.Sinks.ToHashSet();
        var seen = new HashSet<string>(result.Sources);
        var queue = new Queue<string>(result.Sources);
        while (queue.TryDequeue(out var v))
        {
            Assert.IsFalse(sinks.Contains(v), $"sink {v} still reachable without {string.Join(",", removed)}");
            foreach (var link in network.LinksFrom(v))
            {
                if (link.Amount > 0 && !removed.Contains(link.To) && seen.Add(link.To))
                {
                    queue.Enqueue(link.To);
                }
            }
        }
    }
}
