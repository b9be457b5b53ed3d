using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>
/// One spelling, one meaning: an option two commands share is one validated type, so the same bad value gets the
/// same message from every command that takes it — checked while parsing, before the graph is read; old spellings
/// that scripts and tests use still work but are hidden from the help; the root command is named aicontagion.
/// </summary>
[TestClass]
public sealed class SharedOptionsTests
{
    [TestMethod]
    public void Help_UsageNamesAicontagion()
    {
        var root = CliRunner.Run("--help");
        var cascade = CliRunner.Run("cascade", "--help");

        Assert.AreEqual(0, root.ExitCode, root.ToString());
        StringAssert.Contains(root.Output, "Usage:\n  aicontagion [command] [options]");
        StringAssert.Contains(cascade.Output, "aicontagion cascade <graph> [options]");
        Assert.IsFalse(root.Output.Contains("AiContagion.Cli", StringComparison.Ordinal), root.Output);
    }

    // The same bad value of a shared option, through every command that takes it: the same message, exit 2, and the
    // graph is never read (it does not exist: a check after reading would report the missing file instead).
    [TestMethod]
    [DataRow("--top|0", "--top: 0 must be positive.", "cascade,rank,stress,centrality|--measure|pagerank,runway,flow|--to|x,dominators,trace,info,export|-o|{out}.dot")]
    [DataRow("--seed|abc", "--seed: 'abc' is not a whole number.", "stress,centrality|--measure|betweenness")]
    [DataRow("--threads|0", "--threads: 0 must be positive.", "rank,stress")]
    [DataRow("--withdraw|vc-fund=1.5", "--withdraw: '1.5' must lie in (0, 1].", "cascade,runway,export|-o|{out}.dot|--overlay|cascade")]
    [DataRow("-w|vc-fund=abc", "--withdraw: 'abc' is not a number.", "cascade,runway,export|-o|{out}.dot|--overlay|cascade")]
    [DataRow("--model|bogus", "--model: unknown model 'bogus'", "cascade,rank,stress,export|-o|{out}.dot|--overlay|cascade|--withdraw|a")]
    [DataRow("--alpha|2", "--alpha: '2' must lie in [0, 1].", "cascade|--model|rogers-veraart,rank|--model|rogers-veraart,stress|--model|rogers-veraart")]
    [DataRow("--recovery|Mortgage=0.5", "--recovery: unknown link kind 'Mortgage'", "cascade|--model|credit,rank|--model|credit,stress|--model|credit")]
    [DataRow("--shock|jump", "--shock: 'jump' should be 'withdraw' or 'fail'.", "rank,stress")]
    [DataRow("--fraction|0", "--fraction: '0' must lie in (0, 1].", "rank,stress")]
    [DataRow("--chart|{out}.bmp", "should end in .png or .svg.", "rank,stress,runway")]
    [DataRow("--output|{out}.xlsx", "cannot tell the format of", "cascade,rank,stress,centrality|--measure|pagerank,runway,flow|--to|x,dominators,trace")]
    [DataRow("--from|sector:Hedgefund", "--from: unknown sector 'Hedgefund'", "flow|--to|x,dominators,export|-o|{out}.dot|--overlay|cut|--to|x")]
    [DataRow("--to|sector:Hedgefund", "--to: unknown sector 'Hedgefund'", "flow,trace,export|-o|{out}.dot|--overlay|cut")]
    [DataRow("--measure|bogus", "--measure: unknown measure 'bogus'", "centrality,export|-o|{out}.dot|--overlay|centrality")]
    [DataRow("--external-shock-all|2", "--external-shock-all: '2' must lie in [0, 1].", "cascade,export|-o|{out}.dot|--overlay|cascade")]
    public void SharedOption_SameBadValue_SameMessageBeforeReading(string option, string message, string commands)
    {
        using var temp = new TempFolder();
        var missing = temp.File("missing.json");
        foreach (var command in commands.Split(','))
        {
            var parts = command.Split('|').Concat(option.Split('|')).Select(p => p.Replace("{out}", temp.File("out"), StringComparison.Ordinal)).ToArray();

            var run = CliRunner.Run([parts[0], missing, .. parts[1..]]);

            Assert.AreEqual(2, run.ExitCode, $"{command}: {run}");
            StringAssert.Contains(run.Error, message, command);
            Assert.IsFalse(run.Error.Contains("No such file", StringComparison.Ordinal), $"{command}: read the graph before checking {option}");
        }

        Assert.IsEmpty(Directory.GetFiles(temp.Path));
    }

    // Unknown ids, checked against the graph: the same message from every command.
    [TestMethod]
    [DataRow("--withdraw|nobody", "--withdraw: the graph has no entity 'nobody'.", "cascade,runway,export|-o|{out}.dot|--overlay|cascade")]
    [DataRow("--from|nobody", "--from: 'nobody' is neither an entity id nor a sector", "flow|--to|chipmaker,dominators,export|-o|{out}.dot|--overlay|cut|--to|chipmaker")]
    [DataRow("--to|nobody", "--to: 'nobody' is neither an entity id nor a sector", "flow,trace,export|-o|{out}.dot|--overlay|cut")]
    public void SharedOption_UnknownId_SameMessage(string option, string message, string commands)
    {
        using var temp = new TempFolder();
        foreach (var command in commands.Split(','))
        {
            var parts = command.Split('|').Concat(option.Split('|')).Select(p => p.Replace("{out}", temp.File("out"), StringComparison.Ordinal)).ToArray();

            var run = CliRunner.Run([parts[0], Repo.Graph("toy-chain.json"), .. parts[1..]]);

            Assert.AreEqual(2, run.ExitCode, $"{command}: {run}");
            StringAssert.Contains(run.Error, message, command);
        }
    }

    // --from and --to take the same selections everywhere: funding, sector:NAME, ids, or a bare sector name (an
    // entity id wins over a sector of that name). By hand: all money into the chip makers passes neocloud → chipmaker (12).
    [TestMethod]
    [DataRow("flow", "--from", "sector:VentureCapital,bank", "--to", "ChipMaker")]
    [DataRow("flow", "--from", "funding", "--to", "chipmaker")]
    public void Selection_SectorsAndIds_SameAnswer(string command, string fromOption, string from, string toOption, string to)
    {
        var run = CliRunner.Run(command, Repo.Graph("toy-chain.json"), fromOption, from, toOption, to, "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual(12, json.RootElement.GetProperty("maxFlow").GetDouble(), 1e-12);
    }

    // export --overlay cascade takes cascade's model and shock options: the credit model with a 50 % loan recovery
    // after the neocloud fails draws exactly the library's run.
    [TestMethod]
    public void Export_CascadeOverlay_TakesCascadesModelAndShockOptions()
    {
        using var temp = new TempFolder();
        var toy = Networks.ToyChain();
        var model = CascadeModels.Create(CascadeModelKind.Credit, new CascadeModelSettings { Solvency = new SolvencyOptions { Recovery = RecoveryRates.Zero.With(LinkKind.Loan, 0.5) } });
        var expected = DotWriter.ToDot(toy, new DotOptions { Overlays = new DiagramOverlays { Cascade = ModelOverlays.Cascade(model.Run(toy, CascadeShock.Fail("neocloud"))) } });

        var run = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("x.dot"), "--overlay", "cascade", "--model", "credit", "--fail", "neocloud", "--recovery", "Loan=0.5", "--view", "network");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(expected, File.ReadAllText(temp.File("x.dot")));
    }

    [TestMethod]
    public void Export_CascadeOverlay_ExternalShockOnAClearingModel()
    {
        using var temp = new TempFolder();
        var c3 = FinancingNetworkFile.Load(Repo.Path("graphs", "textbook", "c3-seniority.json"));
        var expected = DotWriter.ToDot(c3, new DotOptions
        {
            Overlays = new DiagramOverlays { Cascade = ModelOverlays.Cascade(CascadeModels.Create(CascadeModelKind.EisenbergNoe).Run(c3, CascadeShock.ExternalAssetsLostByAll(c3, 0.1))) },
        });

        var run = CliRunner.Run("export", Repo.Path("graphs", "textbook", "c3-seniority.json"), "-o", temp.File("x.dot"), "--overlay", "cascade", "--model", "eisenberg-noe", "--external-shock-all", "0.1", "--view", "network");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(expected, File.ReadAllText(temp.File("x.dot")));
    }

    [TestMethod]
    [DataRow("--fail", "bank")]
    [DataRow("--model", "credit")]
    [DataRow("--external-shock-all", "0.1")]
    public void Export_ModelOrShockOptionWithoutCascadeOverlay_ExitCode2(string option, string value)
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("export", Repo.Graph("toy-chain.json"), "-o", temp.File("x.dot"), option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "apply to --overlay cascade");
        StringAssert.Contains(run.Error, option);
    }

    // Old spellings kept for scripts and tests, hidden from the help, same result as the new spelling.
    [TestMethod]
    [DataRow("stress|{ai}|--model|chain|--trials|50|--json|--external-scope|entity", "--external-shock|lognormal:-3,1", "--external-shock-distribution|lognormal:-3,1")]
    [DataRow("centrality|{c6}|--measure|katz|--json", "--alpha|0.05", "--attenuation|0.05")]
    public void OldSpelling_SameResultAsTheNewOne_HiddenFromHelp(string commandLine, string old, string current)
    {
        string[] Args(string option) => [.. commandLine.Split('|').Concat(option.Split('|')).Select(a => a
            .Replace("{ai}", Repo.Graph("ai-chain.json"), StringComparison.Ordinal)
            .Replace("{c6}", Repo.Path("graphs", "textbook", "c6-pagerank-networkx.json"), StringComparison.Ordinal))];

        var before = CliRunner.Run(Args(old));
        var after = CliRunner.Run(Args(current));
        var help = CliRunner.Run(commandLine.Split('|')[0], "--help");

        Assert.AreEqual(0, after.ExitCode, after.ToString());
        Assert.AreEqual(after.Output, before.Output);
        StringAssert.Contains(help.Output, current.Split('|')[0] + " ");
        Assert.IsFalse(help.Output.Contains(old.Split('|')[0] + " ", StringComparison.Ordinal), help.Output);
    }

    [TestMethod]
    public void Experiment_OldCsvSpelling_SameFileAsOutput()
    {
        using var temp = new TempFolder();
        string[] args = ["experiment", "gai-kapadia", "--n", "60", "--trials", "5", "--z-max", "3"];

        var old = CliRunner.Run([.. args, "--csv", temp.File("old.csv")]);
        var current = CliRunner.Run([.. args, "--output", temp.File("new.csv")]);

        Assert.AreEqual(0, current.ExitCode, current.ToString());
        Assert.AreEqual(0, old.ExitCode, old.ToString());
        Assert.AreEqual(File.ReadAllText(temp.File("new.csv")), File.ReadAllText(temp.File("old.csv")));
        StringAssert.StartsWith(File.ReadAllText(temp.File("new.csv")), "z,trials,contagious,frequency,frequencyStandardError,extentGivenContagion,meanDefaults,realisedDegree\n");
    }
}
