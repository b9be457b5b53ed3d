using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

/// <summary>
/// Renders every kind of DOT document the suite writes with the real Graphviz <c>dot</c>: the toy chain with
/// every option and overlay used in <see cref="DotWriterTests"/>, every graph shipped in graphs/, every
/// published case graph (C1–C6), and a generated 1,000-link network. One dot process renders them all.
/// </summary>
[TestClass]
public sealed class DotRenderingTests
{
    public static IEnumerable<(string Name, FinancingNetwork Network, DotOptions Options)> Corpus()
    {
        var toy = Networks.ToyChain();
        yield return ("toy chain", toy, DotOptions.Default);
        yield return ("toy chain, cascade", toy, new DotOptions { Overlays = new DiagramOverlays { Cascade = ToyChainCascade.For(toy) } });
        yield return ("toy chain, every overlay", toy, DotWriterTests.EveryOverlay(toy));
        yield return ("toy chain, amount ≥ 3", toy, new DotOptions { MinimumAmount = 3 });
        yield return ("toy chain, top 2 and a cut", toy, new DotOptions { TopLinks = 2, Overlays = new DiagramOverlays { Cut = new CutOverlay([6]) } });
        yield return ("toy chain, bare", toy, new DotOptions { ShowLegend = false, ShowLinkLabels = false, IncludeTooltips = false });
        yield return ("toy chain reversed, cascade", DotWriterTests.Reversed(toy), new DotOptions { Overlays = new DiagramOverlays { Cascade = ToyChainCascade.For(DotWriterTests.Reversed(toy)) } });

        foreach (var path in ShippedGraphs())
        {
            yield return (Path.GetFileName(path), FinancingNetworkFile.Load(path), DotOptions.Default);
        }

        foreach (var (name, network) in PublishedCaseGraphs.All())
        {
            yield return ("published case " + name, network, DotOptions.Default);
        }

        var large = Networks.Random(200, 1000, seed: 2026);
        yield return ("1,000 links", large, DotOptions.Default);
        yield return ("1,000 links, every overlay", large, DotWriterTests.EveryOverlay(large));
        yield return ("1,000 links, top 50", large, new DotOptions { TopLinks = 50 });
        yield return ("1,000 links, amount ≥ 9.5", large, new DotOptions { MinimumAmount = 9.5, ShowLinkLabels = false });
        yield return ("empty", FinancingNetwork.CreateBuilder().Build(), DotOptions.Default);
    }

    /// <summary>Every graph under graphs/: .json and .graphml files, and folders holding entities.csv and links.csv.</summary>
    public static IEnumerable<string> ShippedGraphs()
    {
        var root = Repo.Path("graphs");
        return Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, "*.graphml", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(root, "links.csv", SearchOption.AllDirectories).Select(Path.GetDirectoryName).OfType<string>()
                .Where(folder => File.Exists(Path.Combine(folder, "entities.csv"))))
            .Order(StringComparer.Ordinal);
    }

    [TestMethod]
    public void Render_EveryDocumentTheSuiteWrites_DotExitsZeroWithOneSvgEach()
    {
        var corpus = Corpus().ToList();
        var diagrams = corpus.Select(c => DotWriter.Create(c.Network, c.Options)).ToList();
        Assert.IsGreaterThanOrEqualTo(3, ShippedGraphs().Count(), "toy chain as JSON, GraphML and CSV at least");

        var svgs = GraphvizTools.RenderSvgs([.. diagrams.Select(d => d.Text)]);

        for (var i = 0; i < corpus.Count; i++)
        {
            var legend = corpus[i].Options.ShowLegend ? 1 : 0;
            Assert.AreEqual(diagrams[i].EntitiesShown + legend, GraphvizTools.CountClass(svgs[i], "node"), corpus[i].Name + ": nodes drawn");
            Assert.AreEqual(diagrams[i].LinksShown, GraphvizTools.CountClass(svgs[i], "edge"), corpus[i].Name + ": links drawn (invisible edges are not)");
        }
    }

    [TestMethod]
    public void Render_ToyChainCascadePng_IsAPng()
    {
        var network = Networks.ToyChain();
        var dot = DotWriter.ToDot(network, new DotOptions { Overlays = new DiagramOverlays { Cascade = ToyChainCascade.For(network) } });

        var png = GraphvizTools.Renderer.Render(dot, GraphvizFormat.Png).Content;

        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.IsGreaterThan(10_000, png.Length);
    }
}
