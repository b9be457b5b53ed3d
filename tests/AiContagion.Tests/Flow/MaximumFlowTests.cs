using AiContagion.Flow;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Centrality;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Flow;

[TestClass]
public sealed class MaximumFlowTests
{
    internal static FinancingNetwork Clrs() => FinancingNetworkFile.Load(Repo.Path("graphs", "textbook", "c7-maxflow-clrs.json"));

    [TestMethod]
    public void Compute_C7Clrs_ValueSourceSideAndCut()
    {
        // Published case C7 (CLRS Fig. 26.6, NetworkX test_maxflow.py): max flow 23, source side {s, v1, v2, v4},
        // cut links v1->v3 12, v4->v3 7, v4->t 4.
        var result = MaximumFlow.Compute(Clrs(), EntitySelection.Of("s"), EntitySelection.Of("t"));

        Assert.AreEqual(23, result.Value, 1e-12);
        Assert.AreEqual(23, result.CutCapacity, 1e-12);
        CollectionAssert.AreEqual(new[] { "s", "v1", "v2", "v4" }, result.SourceSide.ToArray());
        CollectionAssert.AreEqual(new[] { "v1>v3", "v4>v3", "v4>t" }, result.CutLinks.Select(l => l.From + ">" + l.To).ToArray());
        Assert.AreEqual("Maximum flow (3 cut links, 4 vs 2 entities, value=23.0000)", result.ToString());
    }

    [TestMethod]
    public void Compute_C7FromFunding_SameAsFromS()
    {
        // s is flagged fundingSource in the file.
        var result = MaximumFlow.Compute(Clrs(), EntitySelection.FundingSources, EntitySelection.Of("t"));

        Assert.AreEqual(23, result.Value, 1e-12);
        CollectionAssert.AreEqual(new[] { "s" }, result.Sources.ToArray());
    }

    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Compute_PeerGraphs_MatchNetworkXAndIgraph(string name)
    {
        // networkx.maximum_flow_value and igraph Graph.maxflow, super-source -> funding sources, sinks -> super-sink.
        var peer = PeerCases.Get(name);
        var sink = PeerCase.Id(peer.Element("maxFlow", "sink").GetInt32());
        var sinkSet = peer.Element("maxFlow", "sinkSet").EnumerateArray().Select(e => PeerCase.Id(e.GetInt32())).ToArray();

        var single = MaximumFlow.Compute(peer.Network, EntitySelection.FundingSources, EntitySelection.Of(sink));
        var set = MaximumFlow.Compute(peer.Network, EntitySelection.FundingSources, EntitySelection.Of(sinkSet));

        Assert.AreEqual(peer.Element("maxFlow", "networkx").GetDouble(), single.Value, 1e-9);
        Assert.AreEqual(peer.Element("maxFlow", "igraph").GetDouble(), single.Value, 1e-9);
        Assert.AreEqual(peer.Element("maxFlow", "networkxSet").GetDouble(), set.Value, 1e-9);
        Assert.AreEqual(peer.Element("maxFlow", "igraphSet").GetDouble(), set.Value, 1e-9);
        FlowInvariants.Check(peer.Network, single);
        FlowInvariants.Check(peer.Network, set);
    }

    [TestMethod]
    public void Compute_RandomNetworks_FlowInvariantsHold() =>
        Gen.Select(Gen.Int[3, 30], Gen.Int[0, 120], Gen.Int).Sample((n, m, seed) =>
        {
            var network = Networks.Random(n, m, seed, withOptional: false);
            var random = new Random(seed);
            var sources = Enumerable.Range(0, n).Where(_ => random.NextDouble() < 0.3).Select(v => "e" + v).ToList();
            if (sources.Count == 0 || sources.Count == n)
            {
                return;
            }

            var sinks = Enumerable.Range(0, n).Select(v => "e" + v).Except(sources).Where(_ => random.NextDouble() < 0.4).ToList();
            if (sinks.Count == 0)
            {
                return;
            }

            var result = MaximumFlow.Compute(network, EntitySelection.Of(sources), EntitySelection.Of(sinks));

            FlowInvariants.Check(network, result);
        }, iter: 150);

    [TestMethod]
    public void Compute_ParallelLinksAdd()
    {
        // a pays b twice (3 + 4), b pays c 10: the flow a -> c is 7.
        var network = PageRankTests.Chain(("a", "b", 3), ("a", "b", 4), ("b", "c", 10));

        var result = MaximumFlow.Compute(network, EntitySelection.Of("a"), EntitySelection.Of("c"));

        Assert.AreEqual(7, result.Value, 0);
        CollectionAssert.AreEqual(new[] { 0, 1 }, result.CutLinkIndices.ToArray());
    }

    [TestMethod]
    public void Compute_SectorSink_DrainsEveryEntityOfTheSector()
    {
        // Toy chain, funding -> the ChipMaker sector: only neocloud pays the chipmaker (12), and it receives 20.
        var result = MaximumFlow.Compute(Networks.ToyChain(), EntitySelection.FundingSources, EntitySelection.InSector(Sector.ChipMaker));

        Assert.AreEqual(12, result.Value, 1e-12);
        CollectionAssert.AreEqual(new[] { "chipmaker" }, result.Sinks.ToArray());
    }

    [TestMethod]
    public void Compute_SinkUnreachable_ZeroFlowEmptyCut()
    {
        var network = PageRankTests.Chain(("a", "b", 3), ("c", "b", 4));

        var result = MaximumFlow.Compute(network, EntitySelection.Of("a"), EntitySelection.Of("c"));

        Assert.AreEqual(0, result.Value);
        Assert.IsEmpty(result.CutLinks);
        CollectionAssert.AreEqual(new[] { "a", "b" }, result.SourceSide.ToArray());
    }

    [TestMethod]
    public void Compute_SourceIsSink_UnboundedError()
    {
        var error = Assert.ThrowsExactly<UnboundedFlowException>(() => MaximumFlow.Compute(Clrs(), EntitySelection.Of("s", "v1"), EntitySelection.Of("v1")));
        StringAssert.Contains(error.Message, "v1");
    }

    [TestMethod]
    public void Compute_BadSelections_Throw()
    {
        var network = Clrs();
        Assert.ThrowsExactly<KeyNotFoundException>(() => MaximumFlow.Compute(network, EntitySelection.Of("zz"), EntitySelection.Of("t")));
        Assert.ThrowsExactly<ArgumentException>(() => MaximumFlow.Compute(network, EntitySelection.InSector(Sector.Bank), EntitySelection.Of("t")));
    }
}

/// <summary>The invariants every flow result must satisfy, checked from the network alone.</summary>
internal static class FlowInvariants
{
    public static void Check(FinancingNetwork network, FlowResult result)
    {
        var sources = result.Sources.ToHashSet();
        var sinks = result.Sinks.ToHashSet();
        var scale = Math.Max(1, network.TotalAmount);
        var balance = network.Entities.ToDictionary(e => e.Id, _ => 0.0);
        for (var l = 0; l < network.LinkCount; l++)
        {
            var link = network.Links[l];
            var flow = result.LinkFlows[l];
            Assert.IsTrue(flow >= 0 && flow <= link.Amount, $"0 ≤ flow ≤ capacity on link {l}");
            balance[link.From] -= flow;
            balance[link.To] += flow;
        }

        foreach (var (id, net) in balance)
        {
            if (!sources.Contains(id) && !sinks.Contains(id))
            {
                Assert.AreEqual(0, net, 1e-9 * scale, $"conservation at {id}");
            }
        }

        Assert.AreEqual(result.Value, sinks.Sum(t => balance[t]), 1e-9 * scale, "value = net inflow of the sinks");
        Assert.AreEqual(result.Value, -sources.Sum(s => balance[s]), 1e-9 * scale, "value = net outflow of the sources");
        Assert.AreEqual(result.Value, result.CutCapacity, 1e-9 * scale, "cut = flow");

        // Removing the cut links leaves no money path from a source to a sink.
        var cut = result.CutLinkIndices.ToHashSet();
        var seen = new HashSet<string>(sources);
        var queue = new Queue<string>(sources);
        while (queue.TryDequeue(out var v))
        {
            Assert.IsFalse(sinks.Contains(v), $"sink {v} still reachable after removing the cut");
            for (var l = 0; l < network.LinkCount; l++)
            {
                var link = network.Links[l];
                if (link.From == v && link.Amount > 0 && !cut.Contains(l) && seen.Add(link.To))
                {
                    queue.Enqueue(link.To);
                }
            }
        }

        Assert.IsTrue(result.SourceSide.All(id => !sinks.Contains(id)) && sources.All(s => result.SourceSide.Contains(s)), "sources on the source side, sinks not");
    }
}
