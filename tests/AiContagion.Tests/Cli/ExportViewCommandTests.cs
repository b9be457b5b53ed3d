using System.Text.Json;
using AiContagion.Export;
using AiContagion.Tests.Export;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary><c>export</c>'s views: the tiered chain by default, focus, cascade, cut, core and Sankey, the readability rule and its report.</summary>
[TestClass]
public sealed class ExportViewCommandTests
{
    [TestMethod]
    public void Export_Default_TheTieredChainWithItsReadability()
    {
        using var temp = new TempFolder();

        var dot = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("toy.dot"));
        var svg = CliRunner.Run("export", Repo.Graph("ai-chain.json"), "-o", temp.File("chain.svg"), "--json");

        Assert.AreEqual(0, dot.ExitCode, dot.ToString());
        Assert.AreEqual(ChainDiagram.Tiered(Networks.ToyChain()).Text, File.ReadAllText(temp.File("toy.dot")));
        Assert.AreEqual(0, svg.ExitCode, svg.ToString());
        using var json = JsonDocument.Parse(svg.Output);
        var root = json.RootElement;
        Assert.AreEqual("tiered", root.GetProperty("view").GetString());
        Assert.AreEqual(5, root.GetProperty("minimumAmount").GetDouble());
        var readability = root.GetProperty("readability");
        Assert.AreEqual("A3", readability.GetProperty("page").GetString());
        Assert.AreEqual("landscape", readability.GetProperty("orientation").GetString());
        Assert.IsGreaterThanOrEqualTo(7, readability.GetProperty("smallestTextOnPage").GetDouble());
        Assert.AreEqual(16, readability.GetProperty("smallestTextOnScreenPx").GetDouble(), 1e-9);
        Assert.AreEqual(Readability.Measure(File.ReadAllText(temp.File("chain.svg"))).SmallestTextOnPage, readability.GetProperty("smallestTextOnPage").GetDouble(), 0.01);
    }

    [TestMethod]
    public void Export_EveryView_WritesAndReportsReadability()
    {
        using var temp = new TempFolder();
        var graph = Repo.Graph("ai-chain.json");
        string[][] runs =
        [
            ["-o", temp.File("grouped.png"), "--group-funders", "--label-min", "20"],
            ["-o", temp.File("focus.svg"), "--focus", "nvidia", "--depth", "2"],
            ["-o", temp.File("cascade.svg"), "--overlay", "cascade", "--withdraw", "anthropic-2026-round-investors"],
            ["-o", temp.File("cut.svg"), "--overlay", "cut,dominators", "--to", "nvidia"],
            ["-o", temp.File("core.svg"), "--core", "10"],
            ["-o", temp.File("sankey.png"), "--view", "sankey"],
        ];
        foreach (var options in runs)
        {
            var run = CliRunner.Run(["export", graph, .. options]);

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "readability: ", options[1]);
            StringAssert.Contains(run.Output, "on A3", options[1]);
            Assert.IsGreaterThan(1000L, new FileInfo(options[1]).Length, options[1]);
        }

        StringAssert.Contains(File.ReadAllText(temp.File("cascade.svg")), "fails round 1");
        StringAssert.Contains(File.ReadAllText(temp.File("cut.svg")), "cut $");
    }

    [TestMethod]
    public void Export_UnreadablePicture_Exit1NamesTheOptionsNothingWritten()
    {
        using var temp = new TempFolder();
        var big = ChainRenderingTests.Grown(AiContagion.Io.FinancingNetworkFile.Load(Repo.Graph("ai-chain.json")), 41, seed: 3);
        AiContagion.Io.FinancingNetworkFile.Save(big, temp.File("big.json"));

        var refused = CliRunner.Run("export", temp.File("big.json"), "-o", temp.File("big.svg"));
        var fitted = CliRunner.Run("export", temp.File("big.json"), "-o", temp.File("fitted.svg"), "--fit", "a3");

        Assert.AreEqual(1, refused.ExitCode, refused.ToString());
        StringAssert.Contains(refused.Error, "the floor is 7 pt, so nothing was written");
        StringAssert.Contains(refused.Error, "--min-amount");
        StringAssert.Contains(refused.Error, "--fit a3");
        Assert.IsFalse(File.Exists(temp.File("big.svg")));
        Assert.AreEqual(0, fitted.ExitCode, fitted.ToString());
        StringAssert.Contains(fitted.Output, "fit: threshold 5: smallest text");
        Assert.IsTrue(Readability.Measure(File.ReadAllText(temp.File("fitted.svg"))).IsReadable());
    }

    [TestMethod]
    [DataRow(new[] { "-o", "x.dot", "--view", "flat" }, "--view: unknown view 'flat'")]
    [DataRow(new[] { "-o", "x.dot", "--view", "sankey" }, "--view sankey writes .svg or .png")]
    [DataRow(new[] { "-o", "x.svg", "--view", "core", "--focus", "vc-fund" }, "--focus applies to --view chain")]
    [DataRow(new[] { "-o", "x.svg", "--depth", "2" }, "--depth applies to --focus")]
    [DataRow(new[] { "-o", "x.svg", "--focus", "nobody" }, "--focus: the graph has no entity 'nobody'")]
    [DataRow(new[] { "-o", "x.svg", "--core", "1" }, "--core")]
    [DataRow(new[] { "-o", "x.svg", "--view", "chain", "--core", "5" }, "--core applies to --view core")]
    [DataRow(new[] { "-o", "x.svg", "--top", "3" }, "--top applies to --view network")]
    [DataRow(new[] { "-o", "x.svg", "--overlay", "centrality" }, "--overlay centrality is not drawn on --view chain")]
    [DataRow(new[] { "-o", "x.svg", "--view", "core", "--overlay", "cut", "--to", "chipmaker" }, "is not drawn on --view core")]
    [DataRow(new[] { "-o", "x.dot", "--fit", "a3" }, "--fit applies to .svg and .png")]
    [DataRow(new[] { "-o", "x.svg", "--fit", "letter" }, "--fit: 'letter' is not a3, a4 or none")]
    [DataRow(new[] { "-o", "x.graphml", "--view", "chain" }, "a .graphml file keeps every entity and link")]
    [DataRow(new[] { "-o", "x.svg", "--label-min", "-2" }, "--label-min: -2")]
    public void Export_BadViewOptions_ExitCode2NothingWritten(string[] options, string message)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "export", Repo.Graph("toy-chain.json") };
        args.AddRange(options.Select(o => o.StartsWith("x.", StringComparison.Ordinal) ? temp.File(o) : o));

        var run = CliRunner.Run([.. args]);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
        Assert.IsEmpty(Directory.GetFiles(temp.Path), "nothing written");
    }
}
