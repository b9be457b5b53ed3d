using System.Text.Json;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class StructureCommandTests
{
    private static string Clrs => Repo.Path("graphs", "textbook", "c7-maxflow-clrs.json");

    private static string C6 => Repo.Path("graphs", "textbook", "c6-pagerank-networkx.json");

    [TestMethod]
    public void Centrality_PageRankJson_C6Values()
    {
        // Published case C6, damping 0.9: node 4 ranks first with 0.37508082.
        var run = CliRunner.Run("centrality", C6, "--measure", "pagerank", "--damping", "0.9", "--tolerance", "1e-10", "--top", "2", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual("pagerank", json.RootElement.GetProperty("measure").GetString());
        Assert.IsTrue(json.RootElement.GetProperty("converged").GetBoolean());
        Assert.IsGreaterThan(0, json.RootElement.GetProperty("iterations").GetInt32());
        var scores = json.RootElement.GetProperty("scores");
        Assert.AreEqual(2, scores.GetArrayLength());
        Assert.AreEqual("4", scores[0].GetProperty("id").GetString());
        Assert.AreEqual(0.37508082, scores[0].GetProperty("score").GetDouble(), 1e-4);
    }

    // Moved from Centrality/DebtRankImpactTests (published case C5: a has the largest impact).
    [TestMethod]
    public void Centrality_DebtRankMeasure_TopEntityFirst()
    {
        var run = CliRunner.Run("centrality", Repo.Path("graphs", "textbook", "c5-debtrank.json"), "--measure", "debtrank", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.AreEqual("a", json.RootElement.GetProperty("scores")[0].GetProperty("id").GetString());
    }

    [TestMethod]
    [DataRow("strength")]
    [DataRow("eigenvector")]
    [DataRow("katz")]
    [DataRow("betweenness")]
    [DataRow("harmonic")]
    public void Centrality_EveryMeasure_Table(string measure)
    {
        var run = CliRunner.Run("centrality", Repo.Graph("toy-chain.json"), "--measure", measure);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "neocloud");
    }

    [TestMethod]
    public void Centrality_NotConverged_ExitCode1WithMessage()
    {
        var run = CliRunner.Run("centrality", C6, "--measure", "pagerank", "--max-iterations", "2", "--json");

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "did not converge in 2 iterations");
        using var json = JsonDocument.Parse(run.Output);
        Assert.IsFalse(json.RootElement.GetProperty("converged").GetBoolean());
    }

    [TestMethod]
    [DataRow("--measure", "debtrankish", "--measure")]
    [DataRow("--damping", "2", "--damping")]
    [DataRow("--direction", "sideways", "--direction")]
    [DataRow("--cost", "miles", "--cost")]
    public void Centrality_BadValue_ExitCode2NamingTheOption(string option, string value, string named)
    {
        var args = option == "--measure"
            ? new[] { "centrality", C6, option, value }
            : new[] { "centrality", C6, "--measure", option == "--cost" ? "betweenness" : "pagerank", option, value };

        var run = CliRunner.Run(args);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, named);
    }

    [TestMethod]
    public void Centrality_OptionForAnotherMeasure_ExitCode2()
    {
        var run = CliRunner.Run("centrality", C6, "--measure", "betweenness", "--damping", "0.5");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--damping applies to pagerank");
    }

    [TestMethod]
    public void Flow_C7Json_ValueSourceSideCutAndEntityCut()
    {
        // Published case C7: 23; source side {s, v1, v2, v4}; cut v1->v3 12, v4->v3 7, v4->t 4; entity cut {v1, v2}.
        var run = CliRunner.Run("flow", Clrs, "--from", "funding", "--to", "t", "--entities", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.AreEqual(23, root.GetProperty("maxFlow").GetDouble(), 1e-12);
        CollectionAssert.AreEqual(new[] { "s", "v1", "v2", "v4" }, root.GetProperty("sourceSide").EnumerateArray().Select(e => e.GetString()).ToArray());
        var cut = root.GetProperty("cut").EnumerateArray().Select(e => $"{e.GetProperty("from").GetString()}>{e.GetProperty("to").GetString()}:{e.GetProperty("kind").GetString()}:{e.GetProperty("amount").GetDouble()}").ToArray();
        CollectionAssert.AreEqual(new[] { "v1>v3:Loan:12", "v4>v3:Loan:7", "v4>t:Loan:4" }, cut);
        CollectionAssert.AreEqual(new[] { "v1", "v2" }, root.GetProperty("entityCut").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [TestMethod]
    public void Flow_Table_SectorSinkAndUnboundedEntityCutReported()
    {
        var run = CliRunner.Run("flow", Repo.Graph("toy-chain.json"), "--to", "sector:ModelLab", "--entities");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "Maximum flow (");
        StringAssert.Contains(run.Output, "no entity cut:");
    }

    [TestMethod]
    [DataRow("--to", "nobody")]
    [DataRow("--to", "sector:Spaceships")]
    [DataRow("--from", "sector:Sovereign")]
    public void Flow_BadSelection_ExitCode2NamingTheOption(string option, string value)
    {
        var args = option == "--to"
            ? new[] { "flow", Repo.Graph("toy-chain.json"), "--to", value }
            : new[] { "flow", Repo.Graph("toy-chain.json"), "--to", "chipmaker", option, value };

        var run = CliRunner.Run(args);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, option);
        StringAssert.Contains(run.Error, value.Replace("sector:", string.Empty, StringComparison.Ordinal));
    }

    [TestMethod]
    public void Dominators_ToyChainJson_TreeAndDominators()
    {
        var run = CliRunner.Run("dominators", Repo.Graph("toy-chain.json"), "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var tree = json.RootElement.GetProperty("tree").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("idom").GetString());
        Assert.AreEqual("neocloud", tree["chipmaker"]);
        Assert.IsNull(tree["neocloud"]);
        CollectionAssert.AreEqual(new[] { "vc-fund" }, json.RootElement.GetProperty("dominators").GetProperty("app-startup").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [TestMethod]
    public void Dominators_Table_ShowsSinglePointsOfFailure()
    {
        var run = CliRunner.Run("dominators", Repo.Graph("toy-chain.json"), "--from", "bank");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "single points of failure");
        StringAssert.Contains(run.Output, "unreachable from the sources: vc-fund, app-startup");
    }

    [TestMethod]
    public void Trace_ToJson_SharesOfOneEntity()
    {
        // app-startup: vc-fund 2 / 2.5 = 0.8, its own revenue 0.5 / 2.5 = 0.2.
        var run = CliRunner.Run("trace", Repo.Graph("toy-chain.json"), "--to", "app-startup", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var entities = json.RootElement.GetProperty("entities");
        Assert.AreEqual(1, entities.GetArrayLength());
        var origins = entities[0].GetProperty("origins").EnumerateArray().ToDictionary(e => e.GetProperty("origin").GetString()!, e => e.GetProperty("share").GetDouble());
        Assert.AreEqual(0.8, origins["vc-fund"], 1e-15);
        Assert.AreEqual(0.2, origins["revenue:app-startup"], 1e-15);
    }

    [TestMethod]
    public void Trace_Table_ReportsEntitiesWithoutInflow()
    {
        var run = CliRunner.Run("trace", Repo.Graph("toy-chain.json"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "(no inflow)");
        StringAssert.Contains(run.Output, "revenue:chipmaker");
    }

    [TestMethod]
    public void Trace_UnknownTarget_ExitCode2()
    {
        var run = CliRunner.Run("trace", Repo.Graph("toy-chain.json"), "--to", "ghost");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--to");
        StringAssert.Contains(run.Error, "ghost");
    }

    [TestMethod]
    public void Trace_RoundTrip_TableJsonAndFile()
    {
        // graphs/toy-chain.json: neocloud ⇄ chipmaker is the only loop; ρ = 3/21 · 12/72 = 1/42 for both
        // (MoneyRoundTripTests derives it); chipmaker's amount 72/42, neocloud's 21/42.
        using var folder = new TempFolder();
        var file = folder.File("round-trip.csv");

        var table = CliRunner.Run("trace", Repo.Graph("toy-chain.json"), "--round-trip", "--top", "2", "--output", file);
        var json = CliRunner.Run("trace", Repo.Graph("toy-chain.json"), "--round-trip", "--json");

        Assert.AreEqual(0, table.ExitCode, table.ToString());
        StringAssert.Contains(table.Output, "2 of 4 with income get some of their own money back (largest loop 2)");
        StringAssert.Contains(table.Output, "2.38 %");
        StringAssert.Contains(table.Output, "… 4 more entities");
        var lines = File.ReadAllLines(file);
        Assert.AreEqual("id,inflow,roundTripShare,roundTripAmount,loop,fundingSource", lines[0]);
        Assert.HasCount(7, lines);
        StringAssert.StartsWith(lines[1], "chipmaker,72,0.0238095238095238");
        StringAssert.StartsWith(lines[5], "vc-fund,0,,0,1,true");
        Assert.AreEqual(0, json.ExitCode, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var ranked = document.RootElement.GetProperty("ranked");
        Assert.AreEqual(6, ranked.GetArrayLength());
        Assert.AreEqual("neocloud", ranked[1].GetProperty("id").GetString());
        Assert.AreEqual(1.0 / 42, ranked[1].GetProperty("roundTripShare").GetDouble(), 1e-15);
        Assert.AreEqual(0.5, ranked[1].GetProperty("roundTripAmount").GetDouble(), 1e-14);
        Assert.AreEqual(2, document.RootElement.GetProperty("circular").GetInt32());
    }
}
