using System.Text.Json;
using AiContagion.Io;
using AiContagion.Tests.Stress;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class StressCommandTests
{
    // The acceptance test: same seed, one thread or many, byte-identical JSON.
    [TestMethod]
    public void Stress_OneThreadOrMany_IdenticalJson()
    {
        string[] args = ["stress", Repo.Graph("ai-chain.json"), "--model", "chain", "--trials", "2000", "--seed", "11", "--p", "0.2", "--p", "sector:Bank=0.05", "--correlation", "0.3", "--json"];

        var one = CliRunner.Run([.. args, "--threads", "1"]);
        var many = CliRunner.Run([.. args, "--threads", "4"]);
        var again = CliRunner.Run(args);

        Assert.AreEqual(0, one.ExitCode, one.ToString());
        Assert.AreEqual(one.Output, many.Output);
        Assert.AreEqual(one.Output, again.Output);
    }

    // The chain network of the library tests (StressTestTests.Run_Chain_FailuresMatchDrawsExactly): links down are 0 or
    // 2 per trial, so every statistic is 0 or 2, and the start-up's failure probability is the fund's draw frequency.
    [TestMethod]
    public void Stress_Json_RequiredFields()
    {
        using var folder = new TempFolder();
        var graph = folder.File("chain.json");
        FinancingNetworkFile.Save(StressNetworks.Chain(), graph);

        var run = CliRunner.Run("stress", graph, "--model", "funding", "--trials", "1000", "--seed", "5", "--p", "vc=0.5", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.AreEqual(1000, root.GetProperty("trials").GetInt32());
        Assert.AreEqual(5, root.GetProperty("seed").GetInt64());
        foreach (var measure in new[] { "linksDown", "amountDown", "entitiesFailed" })
        {
            var statistics = root.GetProperty(measure);
            foreach (var field in new[] { "mean", "standardError", "p50", "p90", "p95", "p99", "es95", "es99" })
            {
                Assert.IsTrue(statistics.TryGetProperty(field, out _), $"{measure}.{field}");
            }
        }

        Assert.AreEqual(2, root.GetProperty("linksDown").GetProperty("p99").GetDouble());
        Assert.AreEqual(2, root.GetProperty("linksDown").GetProperty("es99").GetDouble());
        var entities = root.GetProperty("entities");
        Assert.AreEqual(5, entities.GetArrayLength());
        Assert.AreEqual("startup", entities[0].GetProperty("id").GetString());
        var vc = entities.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "vc");
        Assert.AreEqual(vc.GetProperty("drawFrequency").GetDouble(), entities[0].GetProperty("failureProbability").GetDouble());
        Assert.AreEqual(1000, root.GetProperty("histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
    }

    [TestMethod]
    public void Stress_Table_AndCharts()
    {
        using var folder = new TempFolder();
        var run = CliRunner.Run("stress", Repo.Graph("toy-chain.json"), "--trials", "500", "--p", "0.3", "--chart", folder.File("h.png"), "--failure-chart", folder.File("f.svg"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "funding stress: 500 trials, seed 1");
        StringAssert.Contains(run.Output, "links down");
        StringAssert.Contains(run.Output, "P(fail)");
        Assert.IsTrue(File.Exists(folder.File("h.png")));
        StringAssert.Contains(File.ReadAllText(folder.File("f.svg")), "<svg");
    }

    [TestMethod]
    [DataRow("--p", "1.5", "--p: '1.5' must lie in [0, 1]")]
    [DataRow("--p", "sector:Banks=0.1", "--p: unknown sector 'Banks'")]
    [DataRow("--p", "nobody=0.1", "--p: the graph has no entity 'nobody'")]
    [DataRow("--correlation", "2", "--correlation: '2' must lie in [0, 1]")]
    [DataRow("--external-shock", "gamma:1,2", "--external-shock: 'gamma:1,2': unknown distribution")]
    [DataRow("--external-shock", "beta:0,2", "--external-shock: 'beta:0,2'")]
    [DataRow("--trials", "0", "--trials: 0 must lie in")]
    [DataRow("--chart", "out.pdf", "--chart: 'out.pdf' should end in .png or .svg")]
    public void Stress_BadValues_ExitTwoNamingTheOption(string option, string value, string message)
    {
        var run = CliRunner.Run("stress", Repo.Graph("toy-chain.json"), option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
    }

    [TestMethod]
    public void Stress_FundingModelWithExternalShock_ExitTwo()
    {
        var run = CliRunner.Run("stress", Repo.Graph("toy-chain.json"), "--model", "funding", "--external-shock", "beta:2,18");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "The funding model does not read external-asset shocks");
    }

    // The AI chain has no external-asset figures: the command warns that the shock changes nothing.
    [TestMethod]
    public void Stress_ExternalShockWithoutExposure_Warns()
    {
        var run = CliRunner.Run("stress", Repo.Graph("ai-chain.json"), "--model", "chain", "--trials", "50", "--external-shock", "lognormal:-3,1", "--external-scope", "entity", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "no entity has external assets");
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual("entity", json.RootElement.GetProperty("externalShock").GetProperty("scope").GetString());
    }
}
