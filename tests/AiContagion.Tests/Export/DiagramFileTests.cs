using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

[TestClass]
public sealed class DiagramFileTests
{
    [TestMethod]
    [DataRow("a.dot", DiagramFormat.Dot)]
    [DataRow("a.GV", DiagramFormat.Dot)]
    [DataRow("dir/a.svg", DiagramFormat.Svg)]
    [DataRow("a.PNG", DiagramFormat.Png)]
    [DataRow("a.graphml", DiagramFormat.GraphMl)]
    public void FormatOf_Extension(string path, DiagramFormat expected) => Assert.AreEqual(expected, DiagramFile.FormatOf(path));

    [TestMethod]
    public void FormatOf_UnknownExtension_ThrowsNamingTheChoices()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => DiagramFile.FormatOf("a.pdf"));

        StringAssert.Contains(e.Message, ".dot, .gv, .svg, .png or .graphml");
        Assert.IsFalse(DiagramFile.TryFormatOf("a", out _));
    }

    [TestMethod]
    public void Save_EveryFormat_WritesFiles()
    {
        using var temp = new TempFolder();
        var network = Networks.ToyChain();
        var options = new DotOptions { Overlays = new DiagramOverlays { Cascade = ToyChainCascade.For(network) } };

        var dot = DiagramFile.Save(network, temp.File("d.dot"), options);
        var svg = DiagramFile.Save(network, temp.File("d.svg"), options);
        var png = DiagramFile.Save(network, temp.File("d.png"), options);
        var graphMl = DiagramFile.Save(network, temp.File("d.graphml"), options);

        Assert.AreEqual(DotWriter.ToDot(network, options), File.ReadAllText(dot.Path));
        Assert.AreEqual(temp.File("d.dot"), dot.DotPath);
        StringAssert.Contains(File.ReadAllText(svg.Path), "<svg");
        Assert.IsNull(svg.DotPath);
        Assert.AreEqual(0x89, File.ReadAllBytes(png.Path)[0]);
        Assert.AreEqual(8, png.LinksShown);
        var back = FinancingNetworkFile.Load(graphMl.Path);
        Assert.AreEqual("1", back["model-lab"].Attributes["failureRound"]);
    }

    [TestMethod]
    public void Save_PngWithoutGraphviz_WritesDotAndThrowsNamingPackageAndFile()
    {
        using var temp = new TempFolder();
        var missing = new GraphvizRenderer(new GraphvizOptions { DotPath = temp.File("no-dot-here") });

        var e = Assert.ThrowsExactly<GraphvizNotFoundException>(() => DiagramFile.Save(Networks.ToyChain(), temp.File("chain.png"), renderer: missing));

        StringAssert.Contains(e.Message, "'graphviz' package");
        StringAssert.Contains(e.Message, temp.File("chain.dot"));
        Assert.IsTrue(File.Exists(temp.File("chain.dot")));
        Assert.IsFalse(File.Exists(temp.File("chain.png")));
    }
}
