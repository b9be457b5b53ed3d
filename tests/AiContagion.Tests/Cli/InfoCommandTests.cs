using System.Text.Json;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class InfoCommandTests
{
    [TestMethod]
    public void Info_ToyChainJson_CountsEntitiesAndLinks()
    {
        var run = CliRunner.Run("info", Repo.Graph("toy-chain.json"), "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual(6, json.RootElement.GetProperty("entities").GetInt32());
        Assert.AreEqual(8, json.RootElement.GetProperty("links").GetInt32());
        Assert.AreEqual(47.5, json.RootElement.GetProperty("totalAmount").GetDouble(), 1e-12);
        Assert.AreEqual(2, json.RootElement.GetProperty("fundingSources").GetArrayLength());
    }

    [TestMethod]
    public void Info_Table_NamesFundingSources()
    {
        var run = CliRunner.Run("info", Repo.Graph("toy-chain.json"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "funding sources (2): vc-fund, bank");
    }

    [TestMethod]
    public void Info_MissingFile_ExitCode2WithoutStackTrace()
    {
        var run = CliRunner.Run("info", "no/such/file.json");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "no/such/file.json");
        Assert.IsFalse(run.Error.Contains("   at ", StringComparison.Ordinal), "no stack trace");
    }

    [TestMethod]
    public void UnknownOption_ExitCode2() => Assert.AreEqual(2, CliRunner.Run("info", Repo.Graph("toy-chain.json"), "--bogus").ExitCode);
}
