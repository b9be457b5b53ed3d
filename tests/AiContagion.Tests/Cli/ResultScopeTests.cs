using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Generators;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>
/// <c>--json</c> on both sides of the 10,000-element threshold (entities + links): at 10,000 every documented array is
/// whole; at 10,001 the JSON carries the summary fields, the top rows (<c>--top</c>, default 20) and a <c>truncated</c>
/// object naming the arrays cut and how to get the rest; <c>--detail</c> gives every row again. The networks come from
/// the library's generator (<see cref="SyntheticFinancingNetwork"/>, 1,000 entities, seed 7).
/// </summary>
[TestClass]
public sealed class ResultScopeTests
{
    private static readonly Lazy<TempFolder> Folder = new(() => new TempFolder());

    private static readonly Lazy<(FinancingNetwork Network, string Path)> AtThreshold = new(() => Save(9_000));

    private static readonly Lazy<(FinancingNetwork Network, string Path)> AboveThreshold = new(() => Save(9_001));

    [ClassCleanup]
    public static void CleanUp()
    {
        if (Folder.IsValueCreated)
        {
            Folder.Value.Dispose();
        }
    }

    [TestMethod]
    public void Networks_SitOnEitherSideOfTheThreshold()
    {
        Assert.AreEqual(10_000, AtThreshold.Value.Network.EntityCount + AtThreshold.Value.Network.LinkCount);
        Assert.AreEqual(10_001, AboveThreshold.Value.Network.EntityCount + AboveThreshold.Value.Network.LinkCount);
    }

    // 10,000 elements: today's document, whole: every entity and link in network order, every shocked id.
    [TestMethod]
    public void Cascade_AtThreshold_EveryRow()
    {
        var (network, path) = AtThreshold.Value;

        using var json = Json("cascade", path, "--model", "eisenberg-noe", "--external-shock-all", "0.08", "--json");

        var root = json.RootElement;
        Assert.IsFalse(root.TryGetProperty("truncated", out _));
        Assert.AreEqual(network.EntityCount, root.GetProperty("entities").GetArrayLength());
        Assert.AreEqual(network.LinkCount, root.GetProperty("links").GetArrayLength());
        Assert.AreEqual(network.EntityCount, root.GetProperty("shocked").GetArrayLength());
        Assert.AreEqual(network.Entities[0].Id, root.GetProperty("entities")[0].GetProperty("id").GetString());
        Assert.AreEqual("external shock 8 % on every entity", root.GetProperty("shock").GetString());
    }

    // 10,001 elements: the summary fields as the library computes them, 20 rows per array, and the way to the rest.
    [TestMethod]
    public void Cascade_AboveThreshold_SummaryTopRowsAndHowToGetTheRest()
    {
        var (network, path) = AboveThreshold.Value;
        var expected = CascadeModels.Create(CascadeModelKind.EisenbergNoe).Run(network, CascadeShock.ExternalAssetsLostByAll(network, 0.08));

        using var json = Json("cascade", path, "--model", "eisenberg-noe", "--external-shock-all", "0.08", "--json");

        var root = json.RootElement;
        Assert.AreEqual(expected.EntitiesFailed, root.GetProperty("entitiesFailed").GetInt32());
        Assert.AreEqual(expected.LinksDown, root.GetProperty("linksDown").GetInt32());
        Assert.AreEqual(expected.AmountDown, root.GetProperty("amountDown").GetDouble());
        Assert.AreEqual(expected.Rounds, root.GetProperty("rounds").GetInt32());
        Assert.IsGreaterThan(20, expected.EntitiesFailed, "the test needs more failures than rows");
        Assert.IsGreaterThan(20, expected.LinksDown, "the test needs more links down than rows");
        var truncated = root.GetProperty("truncated");
        Assert.AreEqual(20, truncated.GetProperty("rows").GetInt32());
        StringAssert.Contains(truncated.GetProperty("reason").GetString(), "10,001 entities + links");
        StringAssert.Contains(truncated.GetProperty("use").GetString(), "--detail");
        StringAssert.Contains(truncated.GetProperty("use").GetString(), "--output");
        CollectionAssert.AreEqual(new[] { "shocked", "entities", "links", "history[].failed" }, truncated.GetProperty("arrays").EnumerateArray().Select(a => a.GetString()).ToArray());
        Assert.AreEqual(20, root.GetProperty("shocked").GetArrayLength());
        // The top rows: the first failures, in failure order, and the first links down.
        CollectionAssert.AreEqual(
            expected.FailedEntityIndices.Take(20).Select(i => network.Entities[i].Id).ToArray(),
            root.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToArray());
        CollectionAssert.AreEqual(
            expected.DownLinkIndices.Take(20).ToArray(),
            root.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("index").GetInt32()).ToArray());
        Assert.IsTrue(root.GetProperty("history").EnumerateArray().All(r => r.GetProperty("failed").GetArrayLength() <= 20));
    }

    [TestMethod]
    public void Cascade_AboveThresholdWithDetail_EveryRow()
    {
        var (network, path) = AboveThreshold.Value;

        using var json = Json("cascade", path, "--model", "eisenberg-noe", "--external-shock-all", "0.08", "--json", "--detail");

        Assert.IsFalse(json.RootElement.TryGetProperty("truncated", out _));
        Assert.AreEqual(network.EntityCount, json.RootElement.GetProperty("entities").GetArrayLength());
        Assert.AreEqual(network.LinkCount, json.RootElement.GetProperty("links").GetArrayLength());
    }

    [TestMethod]
    public void Cascade_AboveThresholdWithTop_ThatManyRows()
    {
        using var json = Json("cascade", AboveThreshold.Value.Path, "--model", "eisenberg-noe", "--external-shock-all", "0.08", "--json", "--top", "3");

        Assert.AreEqual(3, json.RootElement.GetProperty("truncated").GetProperty("rows").GetInt32());
        Assert.AreEqual(3, json.RootElement.GetProperty("entities").GetArrayLength());
        Assert.AreEqual(3, json.RootElement.GetProperty("links").GetArrayLength());
    }

    // Every command with per-entity or per-link arrays, on both sides: the array named is whole at 10,000 elements
    // (its full length given) and cut to the top rows (20, or --top) at 10,001 with the truncated field naming it.
    [TestMethod]
    [DataRow("centrality|--measure|pagerank", "scores", "entities", 20)]
    [DataRow("info|--top|5", "fundingSources", "funding", 5)]
    [DataRow("stress|--trials|50", "entities", "entities", 20)]
    [DataRow("runway|--withdraw|e0", "entities", "entities", 20)]
    [DataRow("rank|--candidates|all", "ranking", "entities", 20)]
    [DataRow("dominators", "tree", "reached", 20)]
    [DataRow("flow|--to|sector:ChipMaker", "sourceSide", "sourceSide", 20)]
    public void EveryCommand_BothSidesOfTheThreshold(string commandLine, string array, string expectedLength, int cut)
    {
        var parts = commandLine.Split('|');
        foreach (var (network, path) in new[] { AtThreshold.Value, AboveThreshold.Value })
        {
            var complete = network.EntityCount + network.LinkCount <= 10_000;

            using var json = Json([parts[0], path, .. parts[1..], "--json"]);

            var rows = json.RootElement.GetProperty(array).GetArrayLength();
            if (complete)
            {
                Assert.IsFalse(json.RootElement.TryGetProperty("truncated", out _), commandLine);
                Assert.AreEqual(Length(expectedLength, network, json.RootElement), rows, commandLine);
                Assert.IsGreaterThan(cut, rows, $"{commandLine}: the array must be longer than the top rows");
            }
            else
            {
                var truncated = json.RootElement.GetProperty("truncated");
                CollectionAssert.Contains(truncated.GetProperty("arrays").EnumerateArray().Select(a => a.GetString()).ToArray(), array, commandLine);
                Assert.AreEqual(cut, rows, commandLine);
            }
        }
    }

    private static int Length(string what, FinancingNetwork network, JsonElement root) => what switch
    {
        "entities" => network.EntityCount,
        "funding" => network.FundingSources.Count,
        "reached" => network.EntityCount - root.GetProperty("unreachable").GetArrayLength(),
        _ => root.GetProperty("sourceSide").GetArrayLength(),
    };

    private static JsonDocument Json(params string[] args)
    {
        var run = CliRunner.Run(args);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        return JsonDocument.Parse(run.Output);
    }

    private static (FinancingNetwork Network, string Path) Save(int links)
    {
        var network = SyntheticFinancingNetwork.Create(1_000, links, 7);
        var path = Folder.Value.File($"synthetic-1000-{links}");
        FinancingNetworkFile.Save(network, path);
        return (network, path);
    }
}
