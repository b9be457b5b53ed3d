using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

[TestClass]
public sealed class GraphMlOverlayColumnsTests
{
    [TestMethod]
    public void WriteFile_EveryOverlay_ResultsReadBackAsAttributes()
    {
        using var temp = new TempFolder();
        var network = Networks.ToyChain();
        var gpu = ToyChainCascade.IndexOf(network, "neocloud", "chipmaker", LinkKind.GpuPurchase);
        var overlays = new DiagramOverlays
        {
            Cascade = ToyChainCascade.For(network),
            Cut = new CutOverlay([gpu], ["neocloud", "bank"]),
            Dominators = new DominatorOverlay(["neocloud"], [KeyValuePair.Create("chipmaker", "neocloud")]),
            Centrality = new CentralityOverlay("pagerank", [KeyValuePair.Create("chipmaker", 0.25)]),
        };

        GraphMlOverlayColumns.WriteFile(network, temp.File("toy.graphml"), overlays);
        var back = FinancingNetworkFile.Load(temp.File("toy.graphml"));

        Assert.AreEqual("2", back["neocloud"].Attributes["failureRound"]);
        Assert.IsFalse(back["chipmaker"].Attributes.ContainsKey("failureRound"), "survivors have no round");
        Assert.AreEqual("true", back["vc-fund"].Attributes["withdrawn"]);
        Assert.AreEqual("false", back["bank"].Attributes["withdrawn"]);
        Assert.AreEqual("true", back["bank"].Attributes["cutSourceSide"]);
        Assert.AreEqual("true", back["neocloud"].Attributes["singlePointOfFailure"]);
        Assert.AreEqual("neocloud", back["chipmaker"].Attributes["immediateDominator"]);
        Assert.AreEqual("0.25", back["chipmaker"].Attributes["centrality_pagerank"]);
        var link = back.Links[gpu];
        Assert.AreEqual("true", link.Attributes["down"]);
        Assert.AreEqual("PayerFailed", link.Attributes["downCause"]);
        Assert.AreEqual("2", link.Attributes["downRound"]);
        Assert.AreEqual("true", link.Attributes["cut"]);
        Assert.AreEqual(network.EntityCount, back.EntityCount);
        Assert.AreEqual(network.LinkCount, back.LinkCount);
    }

    [TestMethod]
    public void Create_NoOverlay_NoColumns()
    {
        var columns = GraphMlOverlayColumns.Create(Networks.ToyChain(), DiagramOverlays.None);

        Assert.IsEmpty(columns.NodeColumns);
        Assert.IsEmpty(columns.EdgeColumns);
    }

    [TestMethod]
    public void Create_OverlayForAnotherNetwork_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => GraphMlOverlayColumns.Create(Networks.ToyChain(),
            new DiagramOverlays { Centrality = new CentralityOverlay("degree", [KeyValuePair.Create("openai", 1.0)]) }));
}
