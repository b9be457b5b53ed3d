using System.Buffers.Binary;
using AiContagion.Export;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

/// <summary>The Sankey of money by tier on the toy chain, by hand, and its SVG and PNG.</summary>
[TestClass]
public sealed class SankeyDiagramTests
{
    [TestMethod]
    public void Create_ToyChain_FunderKindsIntoTiersAndTierToTier()
    {
        var sankey = SankeyDiagram.Create(Networks.ToyChain());

        // Funders: venture 10 → labs, 2 → apps; banks 8 → GPU clouds, 2 → labs. Down the chain: apps → labs 1.5,
        // labs → GPU clouds 9, GPU clouds → chip makers 12. Left out: the chip maker's vendor financing back to the
        // GPU cloud (3). Shown 10 + 2 + 8 + 2 + 1.5 + 9 + 12 = 44.5.
        var flows = sankey.Flows.Select(f => $"{f.From} > {f.To}: {f.Amount}").ToList();
        CollectionAssert.AreEquivalent(new[]
        {
            "Venture & growth > Model labs: 10", "Venture & growth > App start-ups: 2", "Banks > GPU clouds: 8", "Banks > Model labs: 2",
            "App start-ups > Model labs: 1.5", "Model labs > GPU clouds: 9", "GPU clouds > Chip makers: 12",
        }, flows);
        Assert.AreEqual(44.5, sankey.AmountShown, 1e-12);
        Assert.AreEqual(3, sankey.AmountLeftOut, 1e-12);
    }

    [TestMethod]
    public void Create_AiChain_AcyclicLeftToRight()
    {
        var network = AiContagion.Io.FinancingNetworkFile.Load(Repo.Graph("ai-chain.json"));
        var sankey = SankeyDiagram.Create(network);
        string[] order = ["App start-ups", "Model labs", "Hyperscalers", "GPU clouds", "Data-centre vehicles", "Chip makers"];

        foreach (var flow in sankey.Flows)
        {
            var from = Array.IndexOf(order, flow.From);
            Assert.IsLessThan(Array.IndexOf(order, flow.To), from, $"{flow.From} > {flow.To}");
        }

        Assert.AreEqual(network.TotalAmount, sankey.AmountShown + sankey.AmountLeftOut, 1e-9);
    }

    [TestMethod]
    public void ToSvgAndPng_WellFormedSameSize()
    {
        var sankey = SankeyDiagram.Create(Networks.ToyChain(), new SankeyOptions { Title = "Toy <money> & co", Width = 900, Height = 600 });

        var svg = GraphvizTools.Xml(sankey.ToSvg());
        var png = sankey.ToPng(2);

        Assert.AreEqual("900pt", svg.DocumentElement!.GetAttribute("width"));
        StringAssert.Contains(svg.OuterXml, "Toy &lt;money&gt; &amp; co");
        Assert.AreEqual(7, svg.GetElementsByTagName("path").Count);
        Assert.AreEqual(1800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.AreEqual(1200, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.IsTrue(Readability.Measure(sankey.ToSvg()).SmallestText >= 12);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SankeyDiagram.Create(Networks.ToyChain(), new SankeyOptions { Width = 10 }));
    }
}
