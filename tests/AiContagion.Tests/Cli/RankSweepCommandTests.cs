using System.Text.Json;
using AiContagion.Io;
using AiContagion.Tests.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class RankSweepCommandTests
{
    // The network and its rankings by hand: RankingSweepTests.Chain. τ = 0.1, 0.25: f1, f2, f3, f4, f5;
    // τ = 0.5: f2, f1, f3, f4, f5. Stability 0.25 vs 0.5: top-3 overlap 1, τ_b = 7/9.
    [TestMethod]
    public void Sweep_Json_RankingPerSettingAndStability()
    {
        using var temp = new TempFolder();
        var graph = Save(temp);

        var run = CliRunner.Run("rank", graph, "--model", "funding", "--sweep", "default-tolerance=0.1,0.25,0.5", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var settings = json.RootElement.GetProperty("settings");
        Assert.AreEqual(3, settings.GetArrayLength());
        Assert.AreEqual(0.25, settings[1].GetProperty("parameters").GetProperty("default-tolerance").GetDouble());
        Assert.AreEqual("0.5", settings[2].GetProperty("modelSettings").GetProperty("defaultTolerance").GetString());
        CollectionAssert.AreEqual(new[] { "f2", "f1", "f3", "f4", "f5" }, Sources(settings[2]));
        CollectionAssert.AreEqual(new[] { "f1", "f2", "f3", "f4", "f5" }, Sources(settings[0]));
        Assert.AreEqual(5, settings[0].GetProperty("ranking")[0].GetProperty("linksDown").GetInt32());
        var stability = json.RootElement.GetProperty("stability");
        Assert.AreEqual(3, stability.GetArrayLength());
        var last = stability[2];
        Assert.AreEqual((1, 2), (last.GetProperty("a").GetInt32(), last.GetProperty("b").GetInt32()));
        Assert.AreEqual(1.0, last.GetProperty("topKOverlap").GetDouble());
        Assert.AreEqual(7.0 / 9.0, last.GetProperty("kendallTau").GetDouble(), 1e-12);
        Assert.AreEqual(3, json.RootElement.GetProperty("topK").GetInt32());
        Assert.AreEqual("f1", json.RootElement.GetProperty("candidates")[0].GetProperty("source").GetString());
    }

    // Cross product of two axes (chain model: both read), last axis fastest; --top 1 limits the entries and sets k = 1,
    // so 0.25 vs 0.5 has top-1 overlap 0 ({f1} vs {f2}).
    [TestMethod]
    public void Sweep_TwoAxesAndTop_CrossProductAndK()
    {
        using var temp = new TempFolder();
        var graph = Save(temp);

        var run = CliRunner.Run("rank", graph, "--model", "chain", "--sweep", "default-tolerance=0.25,0.5", "--sweep", "recovery=0,0.4", "--top", "1", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var settings = json.RootElement.GetProperty("settings");
        Assert.AreEqual(4, settings.GetArrayLength());
        var parameters = settings[1].GetProperty("parameters");
        Assert.AreEqual((0.25, 0.4), (parameters.GetProperty("default-tolerance").GetDouble(), parameters.GetProperty("recovery").GetDouble()));
        Assert.AreEqual(1, settings[0].GetProperty("ranking").GetArrayLength());
        Assert.AreEqual(6, json.RootElement.GetProperty("stability").GetArrayLength());
        var crossTolerance = json.RootElement.GetProperty("stability").EnumerateArray().Single(s => s.GetProperty("a").GetInt32() == 0 && s.GetProperty("b").GetInt32() == 2);
        Assert.AreEqual(0.0, crossTolerance.GetProperty("topKOverlap").GetDouble());
    }

    [TestMethod]
    public void Sweep_Table_PrintsEverySettingTheMatrixAndTheSummary()
    {
        using var temp = new TempFolder();
        var graph = Save(temp);

        var run = CliRunner.Run("rank", graph, "--sweep", "default-tolerance=0.1,0.25,0.5");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "#3 default-tolerance=0.5");
        StringAssert.Contains(run.Output, "Stability between settings");
        StringAssert.Contains(run.Output, "0.778");
        StringAssert.Contains(run.Output, "minimum Kendall's tau-b 0.778, minimum top-3 overlap 1");
        StringAssert.Contains(run.Output, "Across the grid");
    }

    [TestMethod]
    [DataRow("tolerance=0.1", "unknown parameter 'tolerance'")]
    [DataRow("default-tolerance", "should be NAME=v1,v2")]
    [DataRow("default-tolerance=", "has no value")]
    [DataRow("default-tolerance=abc", "value 'abc' is not a number")]
    [DataRow("default-tolerance=0.1,1.5", "value '1.5' must lie in [0, 1]")]
    [DataRow("default-tolerance=0.1,0.1", "gives 0.1 twice")]
    [DataRow("recovery=0.4", "the funding model does not read recovery")]
    [DataRow("fraction=0", "must lie in (0, 1]")]
    public void Sweep_BadSyntax_ExitCode2NamingTheOption(string value, string message)
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--sweep", value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--sweep");
        StringAssert.Contains(run.Error, message);
    }

    [TestMethod]
    public void Sweep_Conflicts_ExitCode2()
    {
        var graph = Repo.Graph("toy-chain.json");

        var twice = CliRunner.Run("rank", graph, "--sweep", "default-tolerance=0.1", "--sweep", "default-tolerance=0.2");
        var both = CliRunner.Run("rank", graph, "--sweep", "default-tolerance=0.1,0.2", "--default-tolerance", "0.3");
        var greedy = CliRunner.Run("rank", graph, "--sweep", "default-tolerance=0.1,0.2", "--greedy", "2");
        var chart = CliRunner.Run("rank", graph, "--sweep", "default-tolerance=0.1,0.2", "--chart", "x.png");

        Assert.AreEqual((2, 2, 2, 2), (twice.ExitCode, both.ExitCode, greedy.ExitCode, chart.ExitCode));
        StringAssert.Contains(twice.Error, "--sweep: default-tolerance is given twice");
        StringAssert.Contains(both.Error, "--sweep default-tolerance and --default-tolerance: choose one");
        StringAssert.Contains(greedy.Error, "--sweep and --greedy");
        StringAssert.Contains(chart.Error, "--sweep and --chart");
    }

    // Default capital accepts +∞ ("inf"), written back as the string "inf" (JSON has no infinity).
    [TestMethod]
    public void Sweep_DefaultCapitalInfinity_WrittenAsInf()
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--model", "credit", "--shock", "fail", "--candidates", "all", "--sweep", "default-capital=0,inf", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual("inf", json.RootElement.GetProperty("settings")[1].GetProperty("parameters").GetProperty("default-capital").GetString());
        Assert.AreEqual(0.0, json.RootElement.GetProperty("settings")[0].GetProperty("parameters").GetProperty("default-capital").GetDouble());
    }

    private static string Save(TempFolder temp)
    {
        var path = temp.File("sweep-chain.json");
        FinancingNetworkFile.Save(RankingSweepTests.Chain(), path);
        return path;
    }

    private static string[] Sources(JsonElement setting) =>
        [.. setting.GetProperty("ranking").EnumerateArray().Select(e => e.GetProperty("source").GetString()!)];
}
