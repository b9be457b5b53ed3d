using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
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

    [TestMethod]
    public void ToSvg_AiChain_RibbonsLeaveAndEnterABarInTheOrderOfTheOtherEnd()
    {
        var network = AiContagion.Io.FinancingNetworkFile.Load(Repo.Graph("ai-chain.json"));
        var svg = GraphvizTools.Xml(SankeyDiagram.Create(network).ToSvg());

        // Bars: name -> middle y; ribbons: (from, to, y where it leaves, y where it lands), read back from the SVG.
        var middle = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (XmlElement bar in svg.GetElementsByTagName("rect"))
        {
            if (bar.GetAttribute("class") == "bar")
            {
                var name = bar.InnerText[..bar.InnerText.IndexOf(": in ", StringComparison.Ordinal)];
                middle[name] = Number(bar.GetAttribute("y")) + (Number(bar.GetAttribute("height")) / 2);
            }
        }

        var ribbons = new List<(string From, string To, double Leaves, double Lands)>();
        foreach (XmlElement path in svg.GetElementsByTagName("path"))
        {
            var ends = path.InnerText.Split(" → ")[..2];
            var to = ends[1][..ends[1].IndexOf(':', StringComparison.Ordinal)];
            var d = Regex.Match(path.GetAttribute("d"), @"^M[\d.]+,([\d.]+) C[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,([\d.]+) ");
            Assert.IsTrue(d.Success, path.GetAttribute("d"));
            ribbons.Add((ends[0], to, Number(d.Groups[1].Value), Number(d.Groups[2].Value)));
        }

        Assert.HasCount(27, ribbons); // tier-to-tier ribbons of the AI chain v2
        foreach (var group in ribbons.GroupBy(r => r.From))
        {
            var leaving = group.OrderBy(r => r.Leaves).Select(r => middle[r.To]).ToList();
            CollectionAssert.AreEqual(leaving.Order().ToList(), leaving, $"ribbons leaving {group.Key}, top to bottom, land top to bottom");
        }

        foreach (var group in ribbons.GroupBy(r => r.To))
        {
            var entering = group.OrderBy(r => r.Lands).Select(r => middle[r.From]).ToList();
            CollectionAssert.AreEqual(entering.Order().ToList(), entering, $"ribbons entering {group.Key}, top to bottom, come from top to bottom");
        }
    }

    [TestMethod]
    public void ToSvg_LongTitle_ShortenedToThePictureWidth()
    {
        var sankey = SankeyDiagram.Create(Networks.ToyChain(), new SankeyOptions { Title = string.Concat(Enumerable.Repeat("A very long title ", 20)), Width = 900 });

        var title = GraphvizTools.Xml(sankey.ToSvg()).GetElementsByTagName("text")[0]!.InnerText;

        StringAssert.EndsWith(title, "…");
        // 852 pt (900 less two 24 pt margins) of 22 pt bold: about 70 characters, far from the 360 given.
        Assert.IsLessThan(100, title.Length);
        Assert.IsGreaterThan(40, title.Length);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
