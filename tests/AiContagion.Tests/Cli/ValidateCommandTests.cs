using System.Reflection;
using AiContagion.Io;
using AiContagion.Tests.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class ValidateCommandTests
{
    /// <summary>The rows of the bad-input corpus table (<see cref="BadInputTests.Corpus_EachFile_RejectedWithPlace"/>): one table, read by both halves.</summary>
    public static IEnumerable<object[]> CorpusRows =>
        typeof(BadInputTests).GetMethod(nameof(BadInputTests.Corpus_EachFile_RejectedWithPlace))!
            .GetCustomAttributes<DataRowAttribute>()
            .Select(row => row.Data.Select(value => value!).ToArray());

    // The CLI's half of the corpus test (moved from Io/BadInputTests): exit code 2, the place and the message on
    // standard error, nothing on standard output, no stack trace.
    [TestMethod]
    [DynamicData(nameof(CorpusRows))]
    public void Corpus_EachFile_ExitCode2WithThePlace(string file, string place, string message)
    {
        var run = CliRunner.Run("validate", Repo.TestData("BadInput", file));

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, place);
        StringAssert.Contains(run.Error, message);
        Assert.IsFalse(run.Error.Contains("   at ", StringComparison.Ordinal), "no stack trace");
        Assert.AreEqual(string.Empty, run.Output);
    }

    [TestMethod]
    public void CorpusRows_AreTheIoTable() => Assert.IsGreaterThanOrEqualTo(20, CorpusRows.Count());

    // Moved from Datasets/AiChainDatasetTests.
    [TestMethod]
    public void Validate_AiChainJson_ExitCode0()
    {
        var run = CliRunner.Run("validate", Repo.Graph("ai-chain.json"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
    }

    // Moved from Io/BadInputTests.
    [TestMethod]
    public void Validate_JsonFlag_ListsProblemsWithPaths()
    {
        var run = CliRunner.Run("validate", Repo.TestData("BadInput", "json/unknown-field.json"), "--json");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.IsFalse(json.RootElement.GetProperty("valid").GetBoolean());
        var problems = json.RootElement.GetProperty("problems");
        Assert.AreEqual(2, problems.GetArrayLength());
        Assert.AreEqual("$.links[0].ammount", problems[0].GetProperty("path").GetString());
        Assert.AreEqual("ammount", problems[0].GetProperty("field").GetString());
    }

    // Moved from Io/GoodInputTests.
    [TestMethod]
    public void Load_FiftyMegabyteJson_ReadNotRejected()
    {
        using var temp = new TempFolder();
        var path = temp.File("big.json");
        var network = Networks.Random(50_000, 400_000, seed: 5);
        FinancingNetworkFile.Save(network, path);
        var size = new FileInfo(path).Length;
        if (size < 50L * 1024 * 1024)
        {
            // Pad with a long description so the file is at least 50 MB whatever the generator's density.
            var padded = network.ToBuilder().WithMetadata(m => m with { Description = new string('x', (int)(50L * 1024 * 1024 - size + 1024)) }).Build();
            FinancingNetworkFile.Save(padded, path);
        }

        Assert.IsGreaterThanOrEqualTo(50L * 1024 * 1024, new FileInfo(path).Length);
        var run = CliRunner.Run("validate", path, "--json");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        StringAssert.Contains(run.Output, "\"links\": 400000");
    }
}
