using System.Text.Json;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class RunwayCommandTests
{
    // The chain of three of RunwaySimulationTests.Run_ChainOfThree_HandDerivedTimeline: b fails in month 5, c in month 8.
    // (The round states its one-year term: an undated claim is paid once in its start month since issue 14.)
    [TestMethod]
    public void Runway_ChainOfThreeJson_FailedMonthsAndTimeline()
    {
        using var folder = new TempFolder();
        var graph = folder.File("chain.json");
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("vc", Sector.VentureCapital));
        builder.AddEntity(new Entity("b", Sector.AppStartup) { Cash = 6, Costs = 24 });
        builder.AddEntity(new Entity("c", Sector.ModelLab) { Cash = 2, Revenue = 24, Costs = 36 });
        builder.AddLink(new Link("vc", "b", LinkKind.Equity, 36) { TermYears = 1 });
        builder.AddLink("b", "c", LinkKind.ApiSpend, 12);
        FinancingNetworkFile.Save(builder.Build(), graph);

        var run = CliRunner.Run("runway", graph, "--withdraw", "vc", "--at", "2", "--months", "12", "--cash-paths", "--json", "--chart", folder.File("r.png"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var entities = json.RootElement.GetProperty("entities");
        Assert.AreEqual("b", entities[0].GetProperty("id").GetString());
        Assert.AreEqual(5, entities[0].GetProperty("failedMonth").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, entities[0].GetProperty("baselineFailedMonth").ValueKind);
        Assert.AreEqual("fails-only-with-shock", entities[0].GetProperty("outcome").GetString());
        Assert.AreEqual(6, entities[0].GetProperty("cash").GetArrayLength());
        Assert.AreEqual("c", entities[1].GetProperty("id").GetString());
        Assert.AreEqual(8, entities[1].GetProperty("failedMonth").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, entities[2].GetProperty("failedMonth").ValueKind);
        var timeline = json.RootElement.GetProperty("timeline");
        Assert.AreEqual(13, timeline.GetArrayLength());
        Assert.AreEqual(1, timeline[2].GetProperty("linksDown").GetInt32());
        Assert.AreEqual(2, timeline[8].GetProperty("entitiesFailed").GetInt32());
        Assert.IsTrue(File.Exists(folder.File("r.png")));
    }

    // RunwayChannelTests.CollateralSale_MarksDownAnotherNeocloudAndCallsItsLoan through the command line: nebius fails in
    // month 3 with both channels (--model runway and the runway command alike), survives without them.
    [TestMethod]
    [DataRow(new[] { "runway" }, new[] { "--collateral-sales", "--margin-calls" }, 3)]
    [DataRow(new[] { "runway" }, new string[0], null)]
    [DataRow(new[] { "runway" }, new[] { "--collateral-sales" }, null)]
    public void Runway_CollateralSalesAndMarginCalls(string[] command, string[] flags, int? nebiusMonth)
    {
        using var folder = new TempFolder();
        var graph = folder.File("gpu.json");
        FinancingNetworkFile.Save(AiContagion.Tests.Cascades.RunwayChannelTests.Gpu(100), graph);

        var run = CliRunner.Run([.. command, graph, "--months", "5", "--json", .. flags]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var nebius = json.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "nebius");
        Assert.AreEqual(nebiusMonth, nebius.GetProperty("failedMonth").ValueKind == JsonValueKind.Null ? null : nebius.GetProperty("failedMonth").GetInt32());
    }

    [TestMethod]
    [DataRow("--margin-calls", "funding")]
    [DataRow("--collateral-sales", "chain")]
    [DataRow("--stake-losses", "funding")]
    public void Cascade_ChannelOutsideItsModels_Exit2(string flag, string model)
    {
        using var folder = new TempFolder();
        var graph = folder.File("gpu.json");
        FinancingNetworkFile.Save(AiContagion.Tests.Cascades.RunwayChannelTests.Gpu(100), graph);

        var run = CliRunner.Run("cascade", graph, "--model", model, flag);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, $"{flag} does not apply to the {model} model");
    }

    // The stake of RunwayChannelTests.Stake (valuation 100): with --stake-losses the holder loses 30 > 20 and fails.
    [TestMethod]
    [DataRow("chain", false, 1)]
    [DataRow("chain", true, 2)]
    [DataRow("runway", true, 2)]
    public void Cascade_StakeLosses(string model, bool stakes, int failed)
    {
        using var folder = new TempFolder();
        var graph = folder.File("stake.json");
        FinancingNetworkFile.Save(AiContagion.Tests.Cascades.RunwayChannelTests.Stake(100, null), graph);

        string[] args = ["cascade", graph, "--model", model, "--fail", "lab", "--json", .. stakes ? new[] { "--stake-losses" } : []];
        var run = CliRunner.Run(args);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual(failed, json.RootElement.GetProperty("entitiesFailed").GetInt32(), run.Output);
    }

    [TestMethod]
    public void Runway_AiChainTable()
    {
        var run = CliRunner.Run("runway", Repo.Graph("ai-chain.json"), "--withdraw", "softbank", "--months", "24");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "runway over 24 months, withdrawal of softbank at month 0");
        StringAssert.Contains(run.Output, "months in which something changed:");
    }

    [TestMethod]
    [DataRow("--withdraw", "nobody", "--withdraw: the graph has no entity 'nobody'")]
    [DataRow("--months", "0", "--months: 0 must lie in [1, 1200]")]
    [DataRow("--at", "30", "--at: 30 must lie in [0, --months = 24]")]
    [DataRow("--unknown-cash", "some", "--unknown-cash: 'some' should be")]
    [DataRow("--default-term", "0", "--default-term: '0' must be a positive number of years")]
    public void Runway_BadValues_ExitTwo(string option, string value, string message)
    {
        var run = CliRunner.Run("runway", Repo.Graph("toy-chain.json"), option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
    }

    // The two funders of RunwayDatedTests.TwoFunders (asOf 2026-01): withdrawing vc fails lab in month 2 (2026-02) and
    // its supplier cloud in month 4 (2026-04); burner fails anyway in month 2 (the baseline, cause cash: cash 3 +
    // received 2 − paid 2 − costs 6 = −3).
    private static string TwoFundersGraph(TempFolder folder)
    {
        var graph = folder.File("two-funders.json");
        FinancingNetworkFile.Save(AiContagion.Tests.Cascades.RunwayDatedTests.TwoFunders(), graph);
        return graph;
    }

    [TestMethod]
    public void Runway_Dated_MonthsWithTheirCalendarDates()
    {
        using var folder = new TempFolder();
        var graph = TwoFundersGraph(folder);

        var text = CliRunner.Run("runway", graph, "--withdraw", "vc", "--months", "12");
        var run = CliRunner.Run("runway", graph, "--withdraw", "vc", "--months", "12", "--json");

        Assert.AreEqual(0, text.ExitCode, text.ToString());
        StringAssert.Contains(text.Output, "calendar: asOf 2026-01; month 0 is the state at asOf, month 1 is 2026-01, month 12 is 2026-12");
        StringAssert.Contains(text.Output, "4 (2026-04)");
        StringAssert.Contains(text.Output, "2 (2026-02)");
        StringAssert.Contains(text.Output, "baseline (no withdrawal): 1 firms fail anyway within 12 months:");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.AreEqual("2026-01", root.GetProperty("assumptions").GetProperty("asOf").GetString());
        var entities = root.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.AreEqual((4, "2026-04", JsonValueKind.Null), (entities["cloud"].GetProperty("failedMonth").GetInt32(), entities["cloud"].GetProperty("failedDate").GetString(), entities["cloud"].GetProperty("baselineFailedMonth").ValueKind));
        Assert.AreEqual((2, "2026-02"), (entities["lab"].GetProperty("failedMonth").GetInt32(), entities["lab"].GetProperty("failedDate").GetString()));
        Assert.AreEqual((2, "2026-02", "cash"), (entities["burner"].GetProperty("baselineFailedMonth").GetInt32(), entities["burner"].GetProperty("baselineFailedDate").GetString(), entities["burner"].GetProperty("baselineFailureCause").GetString()));
        Assert.AreEqual(JsonValueKind.Null, entities["tool"].GetProperty("failedDate").ValueKind);
        var failure = root.GetProperty("baseline").GetProperty("failures")[0];
        Assert.AreEqual(("burner", 2, "2026-02", "cash", -3.0), (failure.GetProperty("id").GetString(), failure.GetProperty("month").GetInt32(), failure.GetProperty("date").GetString(), failure.GetProperty("cause").GetString(), failure.GetProperty("cash").GetDouble()));
        var timeline = root.GetProperty("timeline");
        Assert.AreEqual(JsonValueKind.Null, timeline[0].GetProperty("date").ValueKind);
        Assert.AreEqual("2026-04", timeline[4].GetProperty("date").GetString());
    }

    // rank --model runway against the baseline (RunwayDatedTests.Rank_AgainstTheBaseline_CreditsOnlyWhatFailsBeyondIt):
    // vc 2 links (1 direct, 1 cascade), 60, 2 firms, first failure month 2 (2026-02); vc2 nothing beyond the baseline
    // but one earlier failure in month 1 (2026-01).
    [TestMethod]
    public void Rank_ModelRunway_AgainstTheBaselineWithDates()
    {
        using var folder = new TempFolder();
        var graph = TwoFundersGraph(folder);

        var text = CliRunner.Run("rank", graph, "--model", "runway", "--months", "12");
        var run = CliRunner.Run("rank", graph, "--model", "runway", "--months", "12", "--json");

        Assert.AreEqual(0, text.ExitCode, text.ToString());
        StringAssert.Contains(text.Output, "calendar: asOf 2026-01; month 0 is the state at asOf, month 1 is 2026-01, month 12 is 2026-12");
        StringAssert.Contains(text.Output, "first failure month");
        StringAssert.Contains(text.Output, "1 (2026-01)");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.IsTrue(root.GetProperty("againstBaseline").GetBoolean());
        Assert.AreEqual("burner", root.GetProperty("baseline").GetProperty("failures")[0].GetProperty("id").GetString());
        var ranking = root.GetProperty("ranking");
        string Row(JsonElement e) => string.Join(" ", new[] { "source", "linksDown", "directLinks", "cascadeLinks", "amountDown", "entitiesFailed", "earlierFailures", "firstFailureMonth", "firstFailureDate" }.Select(p => e.GetProperty(p).ToString()));
        Assert.AreEqual("vc 2 1 1 60 2 0 2 2026-02", Row(ranking[0]));
        Assert.AreEqual("vc2 0 0 0 0 0 1 1 2026-01", Row(ranking[1]));
    }

    // Bad dated input, through runway and rank --model runway: exit 2, the file and JSON path in the message, no output file.
    [TestMethod]
    [DataRow("schedule-sum.json", "schedule-sum.json $.links[0]: link #0 (a -> b): 'schedule': the payments sum to 9, the link's amount is 10")]
    [DataRow("maturity-before-start.json", "maturity-before-start.json $.links[0]: link #0 (a -> b): 'maturity': must not be before the start; got 2026-03, start 2026-06")]
    [DataRow("rate-on-commercial.json", "rate-on-commercial.json $.links[0]: link #0 (a -> b): 'rate': only debt links")]
    [DataRow("bad-month.json", "bad-month.json $.links[0].start: 'start': '2026-13' is not a month")]
    public void RunwayAndRank_BadDatedInput_ExitTwoLocatedNothingWritten(string file, string message)
    {
        using var folder = new TempFolder();
        var graph = Repo.TestData("BadInput", "json", file);

        foreach (string[] args in new[] { new[] { "runway", graph, "--json", "-o", folder.File("r.csv") }, ["rank", graph, "--model", "runway", "-o", folder.File("r.csv")] })
        {
            var run = CliRunner.Run(args);

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, message);
            Assert.AreEqual(string.Empty, run.Output, run.ToString());
            Assert.IsFalse(Directory.EnumerateFileSystemEntries(folder.Path).Any(), run.ToString());
        }
    }
}
