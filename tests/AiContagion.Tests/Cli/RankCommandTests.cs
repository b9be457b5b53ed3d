using System.Text.Json;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class RankCommandTests
{
    // See WithdrawalRankingTests.Rank_ToyChainFundingSources_VentureFundFirst for the hand derivation.
    [TestMethod]
    public void Rank_ToyChainJson_RankOrderAndFields()
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--model", "funding", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var ranking = json.RootElement.GetProperty("ranking");
        Assert.AreEqual(2, ranking.GetArrayLength());
        Assert.AreEqual("vc-fund", ranking[0].GetProperty("source").GetString());
        Assert.AreEqual(8, ranking[0].GetProperty("linksDown").GetInt32());
        Assert.AreEqual(2, ranking[0].GetProperty("directLinks").GetInt32());
        Assert.AreEqual(6, ranking[0].GetProperty("cascadeLinks").GetInt32());
        Assert.AreEqual(47.5, ranking[0].GetProperty("amountDown").GetDouble(), 1e-12);
        Assert.AreEqual(3, ranking[0].GetProperty("entitiesFailed").GetInt32());
        Assert.AreEqual("bank", ranking[1].GetProperty("source").GetString());
        Assert.AreEqual(4, ranking[1].GetProperty("linksDown").GetInt32());
    }

    [TestMethod]
    public void Rank_TopAndAllCandidates_LimitsEntries()
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--candidates", "all", "--model", "chain", "--top", "3", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual(3, json.RootElement.GetProperty("ranking").GetArrayLength());
        Assert.AreEqual(6, json.RootElement.GetProperty("candidates").GetInt32());
    }

    [TestMethod]
    public void Rank_Pairs_OneEntryForTwoSources()
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--pairs", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var entry = json.RootElement.GetProperty("ranking")[0];
        Assert.AreEqual("vc-fund+bank", entry.GetProperty("source").GetString());
        Assert.AreEqual(2, entry.GetProperty("sources").GetArrayLength());
    }

    [TestMethod]
    public void Rank_GivenCandidatesWithFailShock_Table()
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--model", "credit", "--shock", "fail", "--candidates", "neocloud,model-lab");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "credit ranking: 2 candidates");
        StringAssert.Contains(run.Output, "neocloud");
    }

    [TestMethod]
    [DataRow("--candidates", "nobody", "--candidates: the graph has no entity 'nobody'")]
    [DataRow("--top", "0", "--top: 0 must be positive")]
    [DataRow("--greedy", "0", "--greedy: 0 must be a positive number")]
    [DataRow("--shock", "explode", "--shock: 'explode'")]
    [DataRow("--fraction", "0", "--fraction: '0' must lie in (0, 1]")]
    public void Rank_BadInput_ExitCode2(string option, string value, string message)
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
    }

    [TestMethod]
    public void Rank_PairsAndGreedy_ExitCode2()
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--pairs", "--greedy", "2");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "choose one");
    }
}
