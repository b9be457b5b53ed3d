using System.CommandLine;
using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Centrality;
using AiContagion.Cli.Commands;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Flow;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Export;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class ExportCommandTests
{
    [TestMethod]
    public void Export_Dot_WritesTheWriterText()
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("toy.dot"), "--view", "network");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(DotWriter.ToDot(Networks.ToyChain()), File.ReadAllText(temp.File("toy.dot")));
        StringAssert.Contains(run.Output, "6 of 6 entities, 8 of 8 links");
    }

    [TestMethod]
    public void Export_SvgPngGraphMl_WritesEach()
    {
        using var temp = new TempFolder();

        var svg = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "--output", temp.File("toy.svg"), "--title", "Toy <chain> & co");
        var png = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("toy.png"), "--no-legend", "--no-labels", "--view", "network");
        var graphMl = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("toy.graphml"));

        Assert.AreEqual(0, svg.ExitCode, svg.ToString());
        Assert.AreEqual(0, png.ExitCode, png.ToString());
        Assert.AreEqual(0, graphMl.ExitCode, graphMl.ToString());
        StringAssert.Contains(File.ReadAllText(temp.File("toy.svg")), "Toy &lt;chain&gt; &amp; co");
        Assert.AreEqual(0x89, File.ReadAllBytes(temp.File("toy.png"))[0]);
        Assert.AreEqual(8, FinancingNetworkFile.Load(temp.File("toy.graphml")).LinkCount);
    }

    [TestMethod]
    public void Export_MinAmountAndTop_JsonReportsWhatIsShown()
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("toy.dot"), "--min-amount", "3", "--top", "4", "--json", "--view", "network");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        // Links ≥ 3 are Equity 10, Loan 8, VendorFinancing 3, Compute 9, GpuPurchase 12; the top 4 drop VendorFinancing 3.
        Assert.AreEqual(4, json.RootElement.GetProperty("linksShown").GetInt32());
        Assert.AreEqual(8, json.RootElement.GetProperty("links").GetInt32());
        Assert.AreEqual("Dot", json.RootElement.GetProperty("format").GetString());
    }

    [TestMethod]
    [DataRow(new[] { "-o", "x.pdf" }, "--output: cannot tell the format of 'x.pdf'")]
    [DataRow(new[] { "-o", "x.dot", "--min-amount", "-1" }, "--min-amount: -1")]
    [DataRow(new[] { "-o", "x.dot", "--top", "0" }, "--top: 0 must be positive")]
    [DataRow(new[] { "-o", "x.graphml", "--top", "3" }, "GraphML keeps every entity and link")]
    [DataRow(new[] { "-o", "x.dot", "--overlay", "heatmap" }, "--overlay: unknown overlay 'heatmap'")]
    [DataRow(new[] { "-o", "x.dot", "--overlay", "cascade" }, "--overlay cascade needs --withdraw")]
    [DataRow(new[] { "-o", "x.dot", "--withdraw", "vc-fund" }, "--withdraw and --model apply to --overlay cascade")]
    [DataRow(new[] { "-o", "x.dot", "--overlay", "cut" }, "need --to")]
    [DataRow(new[] { "-o", "x.dot", "--to", "chipmaker" }, "--from and --to apply to")]
    [DataRow(new[] { "-o", "x.dot", "--measure", "katz" }, "--measure applies to --overlay centrality")]
    [DataRow(new[] { "-o", "x.dot", "--overlay", "cascade", "--withdraw", "vc-fund,nobody" }, "--withdraw: the graph has no entity 'nobody'")]
    [DataRow(new[] { "-o", "x.dot", "--overlay", "cut", "--to", "atlantis" }, "--to: 'atlantis' is neither an entity id nor a sector")]
    [DataRow(new[] { "-o", "x.dot", "--overlay", "dominators", "--from", "ghost", "--to", "chipmaker" }, "--from: 'ghost' is neither an entity id nor a sector")]
    public void Export_BadInput_ExitCode2NamingTheOption(string[] options, string message)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "export", Repo.Graph("toy-chain.json") };
        args.AddRange(options.Select(o => o.Contains('.', StringComparison.Ordinal) && o.StartsWith('x') ? temp.File(o) : o));

        var run = CliRunner.Run([.. args]);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message.Replace("'x.pdf'", "'" + temp.File("x.pdf") + "'", StringComparison.Ordinal));
        Assert.IsEmpty(Directory.GetFiles(temp.Path), "nothing written");
    }

    [TestMethod]
    public void Export_CutDominatorsAndCentralityFromTheModels_DrawnOnTheToyChain()
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("x.dot"), "--overlay", "cut,dominators,centrality",
            "--to", "chipmaker", "--measure", "debtrank", "--json", "--view", "network");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.AreEqual(3, json.RootElement.GetProperty("overlays").GetArrayLength());

        // By hand: money reaches the chipmaker only by neocloud → chipmaker (12); into the neocloud flow the bank's
        // loan 8 and the lab's contract 9 (the lab takes in 13.5), so the maximum flow is 12, its minimum cut is
        // that one link, and every funding path to the chipmaker passes through the neocloud.
        var toy = Networks.ToyChain();
        var source = OverlaySources.Instance;
        var cut = source.Cut(toy, EntitySelection.FundingSources, EntitySelection.Of("chipmaker"), CancellationToken.None);
        Assert.AreEqual(12, cut.Value!.Value, 1e-12);
        CollectionAssert.AreEqual(new[] { ToyChainCascade.IndexOf(toy, "neocloud", "chipmaker", AiContagion.Model.LinkKind.GpuPurchase) }, cut.CutLinks.ToArray());
        CollectionAssert.AreEqual(new[] { "neocloud" }, source.Dominators(toy, EntitySelection.FundingSources, EntitySelection.Of("chipmaker"), CancellationToken.None).SinglePointsOfFailure.ToArray());
    }

    [TestMethod]
    public void Export_CascadeOverlayFromTheModel_SameDotAsTheHandDerivedCascade()
    {
        // The funding model's cascade on the toy chain must draw exactly what ToyChainCascade derives by hand
        // (only the caption, which names the model, differs).
        using var temp = new TempFolder();
        var toy = Networks.ToyChain();
        var expected = DotWriter.ToDot(toy, new DotOptions { Overlays = new DiagramOverlays { Cascade = ToyChainCascade.For(toy) } });

        var run = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("x.dot"), "--overlay", "cascade", "--model", "funding", "--withdraw", "vc-fund", "--view", "network");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var actual = File.ReadAllText(temp.File("x.dot"));
        Assert.AreEqual(expected.Replace("funding withdrawal (hand-derived)", "?", StringComparison.Ordinal), actual.Replace("cascade (funding)", "cascade (?)", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Export_EveryOverlayFromASource_DrawsThemAndPassesTheRequest()
    {
        using var temp = new TempFolder();
        var source = new FakeOverlaySource();

        var (code, output, error) = Invoke(source, null,
            "export", Repo.Graph("toy-chain.json"), "-o", temp.File("toy.dot"), "--overlay", "cascade,cut", "--overlay", "dominators",
            "--overlay", "centrality", "--model", "funding", "--withdraw", "vc-fund", "--from", "vc-fund,bank", "--to", "chipmaker", "--measure", "katz", "--view", "network");

        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "with cascade, cut, dominators, centrality");
        Assert.AreEqual("funding|vc-fund|vc-fund,bank|chipmaker|vc-fund,bank|chipmaker|katz", string.Join("|", source.Calls));
        var text = File.ReadAllText(temp.File("toy.dot"));
        StringAssert.Contains(text, "cascade (funding withdrawal (hand-derived))");
        StringAssert.Contains(text, "minimum cut: 1 link in bold");
        StringAssert.Contains(text, "single point of failure");
        StringAssert.Contains(text, "katz 0.5");
    }

    [TestMethod]
    public void Export_SvgWithoutGraphviz_WritesDotAndExits1NamingThePackage()
    {
        using var temp = new TempFolder();
        var missing = new GraphvizRenderer(new GraphvizOptions { DotPath = temp.File("no-dot") });

        var (code, _, error) = Invoke(new FakeOverlaySource(), missing, "export", Repo.Graph("toy-chain.json"), "-o", temp.File("toy.svg"));

        Assert.AreEqual(1, code, error);
        StringAssert.Contains(error, "Install the 'graphviz' package");
        Assert.IsTrue(File.Exists(temp.File("toy.dot")));
        Assert.IsFalse(File.Exists(temp.File("toy.svg")));
    }

    private static (int Code, string Output, string Error) Invoke(IOverlaySource source, GraphvizRenderer? renderer, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, isTerminal: false, CancellationToken.None);
        var root = new RootCommand { ExportCommand.Create(context, source, renderer) };
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private sealed class FakeOverlaySource : IOverlaySource
    {
        public List<string> Calls { get; } = [];

        public CascadeOverlay Cascade(FinancingNetwork network, ICascadeModel model, CascadeShock shock, CancellationToken cancellationToken)
        {
            Calls.Add(model.Name);
            Calls.Add(string.Join(",", shock.Withdrawals.Select(w => w.Id)));
            return ToyChainCascade.For(network);
        }

        public CutOverlay Cut(FinancingNetwork network, EntitySelection from, EntitySelection to, CancellationToken cancellationToken)
        {
            Calls.Add(from.ToString());
            Calls.Add(to.ToString());
            return new CutOverlay([ToyChainCascade.IndexOf(network, "neocloud", "chipmaker", LinkKind.GpuPurchase)]);
        }

        public DominatorOverlay Dominators(FinancingNetwork network, EntitySelection from, EntitySelection to, CancellationToken cancellationToken)
        {
            Calls.Add(from.ToString());
            Calls.Add(to.ToString());
            return new DominatorOverlay(["neocloud"], target: to.ToString());
        }

        public CentralityOverlay Centrality(FinancingNetwork network, CentralityMeasure measure, CancellationToken cancellationToken)
        {
            Calls.Add(MeasureOption.CommandName(measure));
            return new CentralityOverlay(MeasureOption.CommandName(measure), network.Entities.Select(e => KeyValuePair.Create(e.Id, 0.5)));
        }
    }
}
