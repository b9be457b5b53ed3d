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
}
