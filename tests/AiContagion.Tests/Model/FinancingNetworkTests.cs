using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Model;

[TestClass]
public sealed class FinancingNetworkTests
{
    [TestMethod]
    public void Queries_ToyChain_HandChecked()
    {
        var network = Networks.ToyChain();

        Assert.AreEqual(6, network.EntityCount);
        Assert.AreEqual(8, network.LinkCount);
        Assert.AreEqual(47.5, network.TotalAmount, 1e-12);
        CollectionAssert.AreEqual(new[] { "vc-fund", "bank" }, network.FundingSources.Select(e => e.Id).ToArray());
        CollectionAssert.AreEqual(new[] { "model-lab", "app-startup" }, network.LinksFrom("vc-fund").Select(l => l.To).ToArray());
        // Into the neocloud: bank loan 8, vendor financing 3, compute contract 9; plus revenue 1.
        CollectionAssert.AreEqual(new[] { "bank", "chipmaker", "model-lab" }, network.LinksTo("neocloud").Select(l => l.From).ToArray());
        Assert.AreEqual(21, network.Inflow("neocloud"), 1e-12);
        Assert.AreEqual(12, network.TotalsByKind()[LinkKind.Equity], 1e-12);
        Assert.AreEqual(1, network.EntitiesIn(Sector.ChipMaker).Count);
    }

    [TestMethod]
    public void Index_CsrRows_MatchLinks()
    {
        var network = Networks.Random(200, 3000, seed: 7);
        var index = network.Index;
        var outDegree = new int[network.EntityCount];
        var inDegree = new int[network.EntityCount];
        for (var l = 0; l < network.LinkCount; l++)
        {
            Assert.AreEqual(network.IndexOf(network.Links[l].From), index.LinkFrom[l]);
            Assert.AreEqual(network.IndexOf(network.Links[l].To), index.LinkTo[l]);
            Assert.AreEqual(network.Links[l].Amount, index.Amount[l]);
            outDegree[index.LinkFrom[l]]++;
            inDegree[index.LinkTo[l]]++;
        }

        for (var v = 0; v < network.EntityCount; v++)
        {
            var outs = index.LinksOutOf(v).ToArray();
            var ins = index.LinksInto(v).ToArray();
            Assert.HasCount(outDegree[v], outs);
            Assert.HasCount(inDegree[v], ins);
            Assert.IsTrue(outs.All(l => index.LinkFrom[l] == v));
            Assert.IsTrue(ins.All(l => index.LinkTo[l] == v));
            CollectionAssert.AreEqual(outs.Order().ToArray(), outs, "rows keep network order");
        }
    }

    [TestMethod]
    public void AsQuikGraph_ToyChain_SameVerticesAndEdges()
    {
        var network = Networks.ToyChain();
        var graph = network.AsQuikGraph();

        Assert.AreEqual(network.EntityCount, graph.VertexCount);
        Assert.AreEqual(network.LinkCount, graph.EdgeCount);
        Assert.AreEqual(3, graph.InDegree("neocloud"));
        Assert.IsTrue(graph.Edges.All(e => e.Source == e.Tag.From && e.Target == e.Tag.To));
    }

    [TestMethod]
    public void Indexer_UnknownId_Throws() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => Networks.ToyChain()["nobody"]);
}
