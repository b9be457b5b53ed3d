using System.Text.Json;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Docs;

/// <summary>
/// docs/concepts.md's runway example, run through the tool: the months the page derives by hand (lab month 2, cloud month
/// 4; with <c>--at 3</c>, months 5 and 7) are what <c>runway</c> and <c>cascade --model runway</c> print, and the page still
/// says so. A change to the model or to the page that breaks the agreement fails here.
/// </summary>
[TestClass]
public sealed class ConceptsRunwayExampleTests
{
    private static readonly string Example = Repo.Path("docs", "examples", "runway.json");

    [TestMethod]
    [DataRow("0", 2, 4)]
    [DataRow("3", 5, 7)]
    public void Runway_Example_FailureMonthsAsTheConceptsPageDerives(string at, int labMonth, int cloudMonth)
    {
        var run = CliRunner.Run("runway", Example, "--withdraw", "fund", "--months", "12", "--at", at, "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var failed = json.RootElement.GetProperty("entities").EnumerateArray()
            .Where(e => e.GetProperty("failedMonth").ValueKind == JsonValueKind.Number)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("failedMonth").GetInt32());
        Assert.AreEqual(2, failed.Count, run.Output);
        Assert.AreEqual(labMonth, failed["lab"]);
        Assert.AreEqual(cloudMonth, failed["cloud"]);
    }

    [TestMethod]
    public void CascadeModelRunway_Example_TwoFailedTwoLinksDownAmount72()
    {
        var run = CliRunner.Run("cascade", Example, "--model", "runway", "--withdraw", "fund", "--months", "12");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "2 entities failed (2 in the cascade), 2 of 2 links down (1 direct, 1 cascade), amount down 72 USD bn");
    }

    [TestMethod]
    public void ConceptsPage_StatesTheMonthsTheToolPrints()
    {
        var page = File.ReadAllText(Repo.Path("docs", "concepts.md"));

        StringAssert.Contains(page, "**fails in month 2**");
        StringAssert.Contains(page, "**fails in month 4**");
        StringAssert.Contains(page, "the lab fails in month 5, the cloud in month\n7");
        StringAssert.Contains(page, "2 failed, 2 of 2 links down, amount down 72");
    }
}
