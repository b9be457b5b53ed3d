using AiContagion.Export;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

[TestClass]
public sealed class DotWriterTests
{
    private const string GoldenName = "toy-chain-cascade.dot";

    /// <summary>The toy chain with the hand-derived cascade (ToyChainCascade), as the committed golden DOT text.</summary>
    private static string ToyChainCascadeDot(FinancingNetwork network) =>
        DotWriter.ToDot(network, new DotOptions { Overlays = new DiagramOverlays { Cascade = ToyChainCascade.For(network) } });

    [TestMethod]
    public void ToDot_ToyChainWithCascade_MatchesGoldenFile()
    {
        var text = ToyChainCascadeDot(Networks.ToyChain());

        if (Environment.GetEnvironmentVariable("AICONTAGION_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Repo.Path("tests", "AiContagion.Tests", "Data", "Export", GoldenName), text);
        }

        // The golden file was reviewed by eye: tiers in chain order, vc-fund withdrawn, three failures coloured by
        // round, all eight links red and dashed with their cause (derivation in ToyChainCascade).
        var golden = File.ReadAllText(Repo.TestData("Export", GoldenName));
        Assert.AreEqual(golden, text);
    }

    [TestMethod]
    public void ToDot_ReversedInsertionOrder_ByteIdentical()
    {
        var network = Networks.ToyChain();
        var reversed = Reversed(network);
        Assert.AreNotEqual(network.Links[0], reversed.Links[0], "the copy really is in another order");

        Assert.AreEqual(ToyChainCascadeDot(network), ToyChainCascadeDot(reversed));
    }

    [TestMethod]
    public void ToDot_ShuffledRandomNetworkWithEveryOverlay_ByteIdentical()
    {
        var network = Networks.Random(60, 300, seed: 7);
        var shuffled = Shuffled(network, seed: 11);

        Assert.AreEqual(DotWriter.ToDot(network, EveryOverlay(network)), DotWriter.ToDot(shuffled, EveryOverlay(shuffled)));
    }

    [TestMethod]
    public void ToDot_ManyThreads_SameText()
    {
        var network = Networks.Random(80, 400, seed: 3);
        var options = EveryOverlay(network);
        var expected = DotWriter.ToDot(network, options);
        var texts = new string[16];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => texts[i] = DotWriter.ToDot(network, options));

        foreach (var text in texts)
        {
            Assert.AreEqual(expected, text);
        }
    }

    [TestMethod]
    public void Create_ToyChain_TiersInChainOrderWithInvisibleEdgesBetweenThem()
    {
        var text = DotWriter.ToDot(Networks.ToyChain());

        // Funders, start-ups, labs, clouds, chipmakers: the tier clusters appear in that order.
        var order = new[] { "cluster_tier0", "cluster_tier1", "cluster_tier2", "cluster_tier3", "cluster_tier4" }
            .Select(c => text.IndexOf(c, StringComparison.Ordinal)).ToArray();
        CollectionAssert.AreEqual(order.Order().ToArray(), order);
        Assert.IsFalse(order.Contains(-1));
        StringAssert.Contains(text, "rankdir=LR");
        StringAssert.Contains(text, "\"bank\" -> \"app-startup\" [style=invis];");
        StringAssert.Contains(text, "\"neocloud\" -> \"chipmaker\" [style=invis];");
        StringAssert.Contains(text, "charset=\"UTF-8\"");
    }

    [TestMethod]
    public void Create_ToyChain_StylesByKindAndAmount()
    {
        var text = DotWriter.ToDot(Networks.ToyChain());

        // Largest link (GpuPurchase 12) gets the widest pen: 1 + 4·ln(13)/ln(13) = 5; Equity 2 gets
        // 1 + 4·ln(3)/ln(13) = 2.713. Claims are solid, commercial links dotted.
        StringAssert.Contains(text, "\"neocloud\" -> \"chipmaker\" [label=\"GpuPurchase 12 USD bn\", color=\"#7f8c8d\", style=\"dotted\", penwidth=5, arrowhead=vee");
        StringAssert.Contains(text, "\"vc-fund\" -> \"app-startup\" [label=\"Equity 2 USD bn\", color=\"#34495e\", style=\"solid\", penwidth=2.713, arrowhead=normal");
        // Vendor financing runs from the chipmaker back to the cloud: it must not pull the tiers out of order.
        StringAssert.Contains(text, "\"chipmaker\" -> \"neocloud\" [label=\"VendorFinancing 3 USD bn\", color=\"#34495e\", style=\"solid\", penwidth=3.162, arrowhead=normal, constraint=false");
        StringAssert.Contains(text, "label=\"Toy AI financing chain (illustrative)\\nas of 2026-01-01 · amounts in USD bn\"");
    }

    [TestMethod]
    public void Create_MinimumAmount_HidesSmallLinksAndLonelyEntities()
    {
        var network = Networks.ToyChain();

        var diagram = DotWriter.Create(network, new DotOptions { MinimumAmount = 3 });

        // Links ≥ 3: Equity 10, Loan 8, VendorFinancing 3, ComputeContract 9, GpuPurchase 12 → 5 of 8.
        // app-startup keeps no link (Equity 2, ApiSpend 1.5 hidden) and disappears.
        Assert.AreEqual(5, diagram.LinksShown);
        Assert.AreEqual(5, diagram.EntitiesShown);
        Assert.IsFalse(diagram.Text.Contains("\"app-startup\" [", StringComparison.Ordinal));
        StringAssert.Contains(diagram.Text, "showing 5 of 8 links and 5 of 6 entities (amount ≥ 3)");
    }

    [TestMethod]
    public void Create_TopLinks_KeepsTheLargest()
    {
        var diagram = DotWriter.Create(Networks.ToyChain(), new DotOptions { TopLinks = 2 });

        // The two largest: GpuPurchase 12 and Equity 10.
        Assert.AreEqual(2, diagram.LinksShown);
        StringAssert.Contains(diagram.Text, "GpuPurchase 12 USD bn");
        StringAssert.Contains(diagram.Text, "Equity 10 USD bn");
        Assert.IsFalse(diagram.Text.Contains("ComputeContract 9", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Create_TopLinksWithCut_KeepsHighlightedLinksUnlessAskedNot()
    {
        var network = Networks.ToyChain();
        var small = ToyChainCascade.IndexOf(network, "app-startup", "model-lab", LinkKind.ApiSpend);
        var overlays = new DiagramOverlays { Cut = new CutOverlay([small]) };

        var kept = DotWriter.Create(network, new DotOptions { TopLinks = 1, Overlays = overlays });
        var dropped = DotWriter.Create(network, new DotOptions { TopLinks = 1, Overlays = overlays, KeepHighlightedLinks = false });

        Assert.AreEqual(2, kept.LinksShown);
        StringAssert.Contains(kept.Text, "ApiSpend 1.5 USD bn\\ncut");
        Assert.AreEqual(1, dropped.LinksShown);
    }

    [TestMethod]
    public void Create_EveryOverlay_MarksEntitiesAndLinks()
    {
        var network = Networks.ToyChain();
        var cut = ToyChainCascade.IndexOf(network, "neocloud", "chipmaker", LinkKind.GpuPurchase);
        var options = new DotOptions
        {
            Overlays = new DiagramOverlays
            {
                Cascade = ToyChainCascade.For(network),
                Cut = new CutOverlay([cut], ["vc-fund", "bank", "model-lab", "app-startup", "neocloud"], 12, "funding sources → chipmaker"),
                Dominators = new DominatorOverlay(["neocloud"], [KeyValuePair.Create("chipmaker", "neocloud")], "chipmaker"),
                Centrality = new CentralityOverlay("pagerank", [KeyValuePair.Create("chipmaker", 0.4), KeyValuePair.Create("vc-fund", 0.1)]),
            },
        };

        var text = DotWriter.ToDot(network, options);

        StringAssert.Contains(text, "\"vc-fund\" [label=\"Frontier Ventures\\npagerank 0.1\\nwithdrawn\"");
        StringAssert.Contains(text, "fillcolor=\"#3b3b3b\"");
        StringAssert.Contains(text, "\"neocloud\" [label=\"GridCloud\\npagerank n/a\\nfailed in round 2\\nsingle point of failure\"");
        StringAssert.Contains(text, "peripheries=2");
        StringAssert.Contains(text, "GpuPurchase 12 USD bn\\ncut\\ndown: PayerFailed (round 2)");
        StringAssert.Contains(text, "style=\"dashed,bold\"");
        StringAssert.Contains(text, "immediate dominator: neocloud");
        // Centrality: chipmaker has the top score → the largest node (width 0.9 + 1.8 = 2.7); vc-fund the smallest.
        StringAssert.Contains(text, "\"chipmaker\" [label=\"Silicon Forge\\npagerank 0.4\", fillcolor=\"#9ecae1\", width=2.7, height=1.35, fontsize=20");
        StringAssert.Contains(text, "minimum cut (funding sources → chipmaker): 1 link in bold, capacity 12 USD bn");
        StringAssert.Contains(text, "dominators of chipmaker: 1 single point of failure");
        StringAssert.Contains(text, "node size: pagerank centrality");
        StringAssert.Contains(text, "link in the minimum cut");
    }

    [TestMethod]
    public void Create_OverlayNamesUnknownEntity_ThrowsNamingIt()
    {
        var options = new DotOptions { Overlays = new DiagramOverlays { Dominators = new DominatorOverlay(["nobody"]) } };

        var e = Assert.ThrowsExactly<ArgumentException>(() => DotWriter.Create(Networks.ToyChain(), options));

        StringAssert.Contains(e.Message, "unknown entity 'nobody'");
    }

    [TestMethod]
    public void Create_OverlayNamesLinkOutOfRange_Throws()
    {
        var options = new DotOptions { Overlays = new DiagramOverlays { Cut = new CutOverlay([8]) } };

        var e = Assert.ThrowsExactly<ArgumentException>(() => DotWriter.Create(Networks.ToyChain(), options));

        StringAssert.Contains(e.Message, "link #8; the network has 8 links");
    }

    [TestMethod]
    [DataRow(-1.0, null, 80)]
    [DataRow(double.NaN, null, 80)]
    [DataRow(double.PositiveInfinity, null, 80)]
    [DataRow(0.0, 0, 80)]
    [DataRow(0.0, null, 0)]
    public void Create_InvalidOptions_ThrowsOutOfRange(double minimum, int? top, int maximumText) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            DotWriter.Create(Networks.ToyChain(), new DotOptions { MinimumAmount = minimum, TopLinks = top, MaximumTextLength = maximumText }));

    [TestMethod]
    public void Create_EntityNamedLegend_LegendTakesAnotherId()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("legend", Sector.Bank)
            .AddEntity("legend_", Sector.ModelLab)
            .AddLink(new Link("legend", "legend_", LinkKind.Loan, 1))
            .Build();

        var text = DotWriter.ToDot(network);

        StringAssert.Contains(text, "\"legend__\" [shape=plain");
        Assert.AreEqual((3, 2), GraphvizTools.Counts([text])[0], "2 entities + legend; 1 link + 1 between the two tiers");
    }

    [TestMethod]
    public void Create_NoLegendNoLabelsNoTooltips_LeavesThemOut()
    {
        var text = DotWriter.ToDot(Networks.ToyChain(), new DotOptions { ShowLegend = false, ShowLinkLabels = false, IncludeTooltips = false });

        Assert.IsFalse(text.Contains("tooltip", StringComparison.Ordinal));
        Assert.IsFalse(text.Contains("TABLE", StringComparison.Ordinal));
        Assert.IsFalse(text.Contains("[label=\"Equity", StringComparison.Ordinal), "no link labels");
    }

    [TestMethod]
    public void Create_EmptyNetwork_WritesAValidGraph()
    {
        var network = FinancingNetwork.CreateBuilder().Build();

        var diagram = DotWriter.Create(network);

        Assert.AreEqual(0, diagram.EntitiesShown);
        Assert.AreEqual((1, 0), GraphvizTools.Counts([diagram.Text])[0], "only the legend");
    }

    [TestMethod]
    public void WriteFile_WritesUtf8WithoutBom()
    {
        using var temp = new TempFolder();
        var path = temp.File("toy.dot");

        var diagram = DotWriter.WriteFile(Networks.ToyChain(), path);

        var bytes = File.ReadAllBytes(path);
        Assert.AreEqual((byte)'d', bytes[0]);
        Assert.AreEqual(diagram.Text, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.AreEqual("6 of 6 entities, 8 of 8 links", diagram.ToString());
    }

    internal static DotOptions EveryOverlay(FinancingNetwork network)
    {
        // Overlays keyed by stable properties (ids, link payer/recipient/kind/amount) so that a reordered copy gets the same marks.
        var ids = network.Entities.Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        var links = Enumerable.Range(0, network.LinkCount)
            .OrderBy(l => network.Links[l].From, StringComparer.Ordinal).ThenBy(l => network.Links[l].To, StringComparer.Ordinal)
            .ThenBy(l => network.Links[l].Kind).ThenBy(l => network.Links[l].Amount).ThenBy(l => network.Links[l].Date, StringComparer.Ordinal)
            .ToArray();
        return new DotOptions
        {
            Overlays = new DiagramOverlays
            {
                Cascade = new CascadeOverlay(
                    ids.Skip(1).Take(10).Select((id, i) => KeyValuePair.Create(id, 1 + (i % 7))),
                    ids.Take(1),
                    links.Where((_, i) => i % 3 == 0).Select((l, i) => KeyValuePair.Create(l, new CascadeLinkDown(i % 2 == 0 ? "PayerFailed" : "RecipientFailed", 1 + (i % 4)))),
                    "test"),
                Cut = new CutOverlay(links.Where((_, i) => i % 17 == 0), ids.Take(5), 42.5, "test cut"),
                Dominators = new DominatorOverlay(ids.Skip(3).Take(2), ids.Skip(5).Take(3).Select(id => KeyValuePair.Create(id, ids[0]))),
                Centrality = new CentralityOverlay("degree", ids.Select((id, i) => KeyValuePair.Create(id, (double)(i % 9)))),
            },
        };
    }

    internal static FinancingNetwork Reversed(FinancingNetwork network)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
        foreach (var entity in network.Entities.Reverse())
        {
            builder.AddEntity(entity);
        }

        foreach (var link in network.Links.Reverse())
        {
            builder.AddLink(link);
        }

        return builder.Build();
    }

    private static FinancingNetwork Shuffled(FinancingNetwork network, int seed)
    {
        var random = new Random(seed);
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
        foreach (var entity in network.Entities.OrderBy(_ => random.Next()))
        {
            builder.AddEntity(entity);
        }

        foreach (var link in network.Links.OrderBy(_ => random.Next()))
        {
            builder.AddLink(link);
        }

        return builder.Build();
    }
}
