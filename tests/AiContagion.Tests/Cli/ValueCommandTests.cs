using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiContagion.Cli.Commands.Value;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>
/// <c>aicontagion value</c>: the documented JSON (<c>entities: [{id, value, equity, netWorth, defaulted, debtPaid}]</c>,
/// <c>sensitivities: {value|equity|debtValue: {i: {j: ∂xᵢ/∂aⱼ}}}</c>) on the published cases V1 (Suzuki / Fischer) and
/// V2 (Elsinger), the Eisenberg–Noe reduction, an external shock, <c>--wrt</c>, <c>--output</c>, and bad input.
/// Expected numbers: graphs/textbook/README.md (V1, V2, C1) and the valuation research note's §5.3 / §6.2 matrices,
/// re-derived exactly there (fractions) and checked against central differences.
/// </summary>
[TestClass]
public sealed class ValueCommandTests
{
    private const double Tolerance = 1e-9;

    // V2: NetworkValuation's Example.pdf prints Equity [-20; -2.3333; 60], Defaulted [1; 1; 0]; payments
    // (senior, junior) = (25, 0), (45, 65/3), (10, 10), so debt paid (25, 200/3, 20); value (25, 200/3, 80).
    [TestMethod]
    public void Value_ElsingerJson_PublishedNetWorthDefaultsAndPayments()
    {
        var run = CliRunner.Run("value", Textbook("v2-elsinger.json"), "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.AreEqual("cross-holdings", root.GetProperty("model").GetString());
        Assert.AreEqual("no shock", root.GetProperty("shock").GetString());
        CollectionAssert.AreEqual(new[] { "senior", "junior" }, root.GetProperty("layers").EnumerateArray().Select(l => l.GetString()).ToArray());
        Assert.AreEqual(2, root.GetProperty("stakeLinks").GetInt32());
        Assert.IsTrue(root.GetProperty("convergence").GetProperty("converged").GetBoolean());
        Assert.AreEqual(2, root.GetProperty("defaulted").GetInt32());
        Assert.IsFalse(root.TryGetProperty("sensitivities", out _), "no sensitivities unless asked");
        var entities = root.GetProperty("entities");
        Assert.AreEqual(3, entities.GetArrayLength());
        AssertEntity(entities[0], "b1", value: 25, equity: 0, netWorth: -20, defaulted: true, debtPaid: 25);
        AssertEntity(entities[1], "b2", value: 200.0 / 3, equity: 0, netWorth: -7.0 / 3, defaulted: true, debtPaid: 45 + 65.0 / 3);
        AssertEntity(entities[2], "b3", value: 80, equity: 60, netWorth: 60, defaulted: false, debtPaid: 20);
    }

    // Research note §6.2, Elsinger at e = (0, 50, 10): dE/de only row b3 = (1, 1, 1); d debtPaid/de = [[1, 0, 0],
    // [2/3, 1, 0], [0, 0, 0]]; dV/de = dE/de + d debtPaid/de (every firm is either solvent or paying part of a layer).
    // Zeros are left out of the maps.
    [TestMethod]
    public void Value_ElsingerSensitivities_ImplicitFunctionMatrices()
    {
        var run = CliRunner.Run("value", Textbook("v2-elsinger.json"), "--sensitivities", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var greeks = json.RootElement.GetProperty("sensitivities");
        CollectionAssert.AreEqual(new[] { "b1", "b2", "b3" }, greeks.GetProperty("withRespectTo").EnumerateArray().Select(l => l.GetString()).ToArray());
        Assert.AreEqual(0, greeks.GetProperty("undefined").GetArrayLength());
        Assert.AreEqual(0, greeks.GetProperty("boundary").GetArrayLength());
        AssertMatrix(greeks.GetProperty("equity"), new() { ["b3"] = new() { ["b1"] = 1, ["b2"] = 1, ["b3"] = 1 } });
        AssertMatrix(greeks.GetProperty("debtValue"), new()
        {
            ["b1"] = new() { ["b1"] = 1 },
            ["b2"] = new() { ["b1"] = 2.0 / 3, ["b2"] = 1 },
        });
        AssertMatrix(greeks.GetProperty("value"), new()
        {
            ["b1"] = new() { ["b1"] = 1 },
            ["b2"] = new() { ["b1"] = 2.0 / 3, ["b2"] = 1 },
            ["b3"] = new() { ["b1"] = 1, ["b2"] = 1, ["b3"] = 1 },
        });
    }

    // V1 (FinNetValu's test_xos.jl): equity s = (13747/10335, 734/10335, 29/265, 107/3445), every debt paid (r = 0.8
    // of d = 0.8); all solvent, so ds/da = (I − Mˢ)⁻¹ (research note §6.2, exact fractions) and dr/da = 0.
    [TestMethod]
    public void Value_SuzukiSensitivities_InverseOfTheShareMatrix()
    {
        var run = CliRunner.Run("value", Textbook("v1-suzuki-fischer.json"), "--sensitivities", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var entities = json.RootElement.GetProperty("entities");
        double[] equity = [13747.0 / 10335, 734.0 / 10335, 29.0 / 265, 107.0 / 3445];
        for (var i = 0; i < 4; i++)
        {
            Assert.AreEqual("f" + (i + 1), entities[i].GetProperty("id").GetString());
            Assert.AreEqual(equity[i], entities[i].GetProperty("equity").GetDouble(), Tolerance);
            Assert.IsFalse(entities[i].GetProperty("defaulted").GetBoolean());
            Assert.AreEqual(0.8, entities[i].GetProperty("debtPaid").GetDouble(), Tolerance);
        }

        double[,] inverse =
        {
            { 1555.0 / 1378, 610.0 / 2067, 45.0 / 106, 1115.0 / 4134 },
            { 385.0 / 1378, 2300.0 / 2067, 35.0 / 106, 985.0 / 4134 },
            { 10.0 / 53, 10.0 / 53, 60.0 / 53, 20.0 / 53 },
            { 110.0 / 689, 110.0 / 689, 10.0 / 53, 750.0 / 689 },
        };
        var expected = new Dictionary<string, Dictionary<string, double>>();
        for (var i = 0; i < 4; i++)
        {
            expected["f" + (i + 1)] = Enumerable.Range(0, 4).ToDictionary(j => "f" + (j + 1), j => inverse[i, j]);
        }

        var greeks = json.RootElement.GetProperty("sensitivities");
        AssertMatrix(greeks.GetProperty("equity"), expected);
        AssertMatrix(greeks.GetProperty("debtValue"), []);
    }

    // C1 (Eisenberg & Noe): no stakes, one layer, so the cross-holdings model is EN: p = (270/11, 290/11, 10),
    // net worth (−60/11, −29/11, 30); dp/de = [[87/77, 15/77, 0], [58/77, 87/77, 0], 0]; dE/de only row b3 = (1, 1, 1).
    [TestMethod]
    public void Value_EisenbergNoeCase_ClearingVectorAndItsJacobian()
    {
        var run = CliRunner.Run("value", Textbook("c1-eisenberg-noe.json"), "--sensitivities", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var entities = json.RootElement.GetProperty("entities");
        AssertEntity(entities[0], "b1", value: 270.0 / 11, equity: 0, netWorth: -60.0 / 11, defaulted: true, debtPaid: 270.0 / 11);
        AssertEntity(entities[1], "b2", value: 290.0 / 11, equity: 0, netWorth: -29.0 / 11, defaulted: true, debtPaid: 290.0 / 11);
        AssertEntity(entities[2], "b3", value: 40, equity: 30, netWorth: 30, defaulted: false, debtPaid: 10);
        var greeks = json.RootElement.GetProperty("sensitivities");
        AssertMatrix(greeks.GetProperty("debtValue"), new()
        {
            ["b1"] = new() { ["b1"] = 87.0 / 77, ["b2"] = 15.0 / 77 },
            ["b2"] = new() { ["b1"] = 58.0 / 77, ["b2"] = 87.0 / 77 },
        });
        AssertMatrix(greeks.GetProperty("equity"), new() { ["b3"] = new() { ["b1"] = 1, ["b2"] = 1, ["b3"] = 1 } });
    }

    // --eisenberg-noe on V2 drops the stakes and the junior layer: L = [[0,20,25],[5,0,64],[20,0,0]] (b1 owes 45, b2 69,
    // b3 20), e = (0, 50, 10). By hand: b3 pays in full (20, all to b1); b1 and b2 default with
    // p1 = 20 + (5/69) p2, p2 = 50 + (20/45) p1, so p1 = 14670/601, p2 = 36570/601 (< 69); b3's value
    // 10 + (25/45) p1 + (64/69) p2 = 80 (it receives everything b1 and b2 do not pay to each other).
    [TestMethod]
    public void Value_EisenbergNoeOption_DropsStakesAndLayers()
    {
        var run = CliRunner.Run("value", Textbook("v2-elsinger.json"), "--eisenberg-noe", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual("eisenberg-noe", json.RootElement.GetProperty("model").GetString());
        Assert.AreEqual(0, json.RootElement.GetProperty("stakeLinks").GetInt32());
        var entities = json.RootElement.GetProperty("entities");
        AssertEntity(entities[0], "b1", value: 14670.0 / 601, equity: 0, netWorth: 14670.0 / 601 - 45, defaulted: true, debtPaid: 14670.0 / 601);
        AssertEntity(entities[1], "b2", value: 36570.0 / 601, equity: 0, netWorth: 36570.0 / 601 - 69, defaulted: true, debtPaid: 36570.0 / 601);
        AssertEntity(entities[2], "b3", value: 80, equity: 60, netWorth: 60, defaulted: false, debtPaid: 20);
    }

    // V3 (research note §5.3, derived there, not published): Elsinger's network at e = (30, 50, 10), reached here by
    // an external shock from (40, 100, 10): b1 loses 25 %, b2 50 %. All debt paid; value (55, 71, 99.3), net worth
    // (10, 2, 79.3) — b3's 79.3 = 10 + 25 + 64 − 20 + 0.15 × 2, b2's 2 already holding 10 % of b1's 10 (NetworkValuation's
    // one-pass equity gives 79.15). All solvent, the stakes bite: dE/de = [[1, 0, 0], [0.1, 1, 0], [0.015, 0.15, 1]],
    // d debtPaid/de = 0. With --wrt b2 only that column.
    [TestMethod]
    public void Value_ExternalShock_StakesBiteAndWrtColumn()
    {
        using var folder = new TempFolder();
        var graph = WithExternalAssets(folder.File("v3.json"), 40, 100, 10);

        var run = CliRunner.Run("value", graph, "--external-shock", "b1=0.25,b2=0.5", "--sensitivities", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        StringAssert.StartsWith(json.RootElement.GetProperty("shock").GetString(), "external shock b1 25");
        var entities = json.RootElement.GetProperty("entities");
        AssertEntity(entities[0], "b1", value: 55, equity: 10, netWorth: 10, defaulted: false, debtPaid: 45);
        AssertEntity(entities[1], "b2", value: 71, equity: 2, netWorth: 2, defaulted: false, debtPaid: 69);
        AssertEntity(entities[2], "b3", value: 99.3, equity: 79.3, netWorth: 79.3, defaulted: false, debtPaid: 20);
        var greeks = json.RootElement.GetProperty("sensitivities");
        AssertMatrix(greeks.GetProperty("equity"), new()
        {
            ["b1"] = new() { ["b1"] = 1 },
            ["b2"] = new() { ["b1"] = 0.1, ["b2"] = 1 },
            ["b3"] = new() { ["b1"] = 0.015, ["b2"] = 0.15, ["b3"] = 1 },
        });
        AssertMatrix(greeks.GetProperty("debtValue"), []);

        var column = CliRunner.Run("value", graph, "--external-shock", "b1=0.25", "--external-shock", "b2=0.5", "--sensitivities", "--wrt", "b2", "--json");

        Assert.AreEqual(0, column.ExitCode, column.ToString());
        using var one = JsonDocument.Parse(column.Output);
        var oneGreeks = one.RootElement.GetProperty("sensitivities");
        CollectionAssert.AreEqual(new[] { "b2" }, oneGreeks.GetProperty("withRespectTo").EnumerateArray().Select(l => l.GetString()).ToArray());
        AssertMatrix(oneGreeks.GetProperty("equity"), new() { ["b2"] = new() { ["b2"] = 1 }, ["b3"] = new() { ["b2"] = 0.15 } });
    }

    // The summary for a person, and every row to a file: the columns of ValueReport.Rows (README lists them), one row
    // per entity in network order.
    [TestMethod]
    public void Value_TablesAndOutputRows()
    {
        using var folder = new TempFolder();
        var rows = folder.File("rows.csv");

        var run = CliRunner.Run("value", Textbook("v2-elsinger.json"), "--sensitivities", "--output", rows);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "cross-holdings valuation, shock: no shock");
        StringAssert.Contains(run.Output, "layers: senior, junior (external liabilities senior); 2 stakes");
        StringAssert.Contains(run.Output, "2 of 3 entities defaulted");
        StringAssert.Contains(run.Output, "d / d externalAssets[b1]");
        var lines = File.ReadAllLines(rows);
        Assert.AreEqual(ValueReport.Rows.Names.Replace(", ", ",", StringComparison.Ordinal), lines[0]);
        Assert.HasCount(4, lines);
        StringAssert.StartsWith(lines[1], "b1,Bank,0,25,0,-20,true,25,45");
        var b3 = lines[3].Split(',');
        CollectionAssert.AreEqual(new[] { "b3", "Bank", "10" }, b3[..3]);
        double[] expected = [80, 60, 60];
        for (var k = 0; k < 3; k++)
        {
            Assert.AreEqual(expected[k], double.Parse(b3[3 + k], CultureInfo.InvariantCulture), Tolerance, lines[0].Split(',')[3 + k]);
        }

        CollectionAssert.AreEqual(new[] { "false", "20", "20" }, b3[6..]);
    }

    [TestMethod]
    public void Value_NoExternalAssets_SaysSo()
    {
        var run = CliRunner.Run("value", Repo.Graph("toy-chain.json"), "--external-liabilities", "first");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "external liabilities first");
    }

    // Issue 19's bad input, in each format: a share outside (0, 1], a firm held more than 100 % in total, seniority on
    // a non-debt link — exit 2, the message names the file, the line or JSON path, and the field.
    [TestMethod]
    [DataRow("json/share-above-one.json", "share-above-one.json $.links[0]: link #0 (a -> b): 'share': must be in (0, 1]")]
    [DataRow("csv/share-above-one", "links.csv:2: link #0 (a -> b): 'share': must be in (0, 1]")]
    [DataRow("graphml/share-above-one.graphml", "share-above-one.graphml:13: link #0 (a -> b): 'share': must be in (0, 1]")]
    [DataRow("json/shares-over-one.json", "shares-over-one.json $.links[1]: link #1 (c -> b): 'share': the shares of 'b' held through links #0, #1 sum to 1.1")]
    [DataRow("csv/shares-over-one", "links.csv:3: link #1 (c -> b): 'share': the shares of 'b'")]
    [DataRow("graphml/shares-over-one.graphml", "shares-over-one.graphml:14: link #1 (c -> b): 'share': the shares of 'b'")]
    [DataRow("json/seniority-on-equity.json", "seniority-on-equity.json $.links[0]: link #0 (a -> b): 'seniority': only debt links")]
    [DataRow("csv/seniority-on-equity", "links.csv:2: link #0 (a -> b): 'seniority': only debt links")]
    [DataRow("graphml/seniority-on-equity.graphml", "seniority-on-equity.graphml:13: link #0 (a -> b): 'seniority': only debt links")]
    [DataRow("json/closed-ownership-group.json", "'share': 'a' and 'b' are owned 100 % within their group")]
    public void Value_BadStakeOrSeniority_ExitTwoLocated(string file, string message)
    {
        var run = CliRunner.Run("value", Repo.TestData(["BadInput", .. file.Split('/')]), "--json");

        CliBadInputTests.AssertBadInput(run, message, file);
        Assert.AreEqual(string.Empty, run.Output, "nothing written on bad input");
    }

    [TestMethod]
    [DataRow("--external-shock b9=0.5", "--external-shock: the graph has no entity 'b9'")]
    [DataRow("--external-shock b1=1.5", "1.5")]
    [DataRow("--external-shock b1=0.5,b1=0.2", "b1")]
    [DataRow("--external-shock-all 0.5 --external-shock b1=0.1", "--external-shock-all: give it alone")]
    [DataRow("--external-shock-sector Hedgefund=0.5", "Hedgefund")]
    [DataRow("--external-liabilities sideways", "--external-liabilities: unknown rank 'sideways'")]
    [DataRow("--wrt b1", "--wrt applies to --sensitivities")]
    [DataRow("--sensitivities --wrt b9", "b9")]
    [DataRow("--top 0", "0")]
    public void Value_BadOption_ExitTwoNamingIt(string options, string message)
    {
        using var folder = new TempFolder();
        var run = CliRunner.Run(["value", Textbook("v2-elsinger.json"), .. options.Split(' '), "--output", folder.File("rows.csv")]);

        CliBadInputTests.AssertBadInput(run, message, options);
        Assert.IsFalse(File.Exists(folder.File("rows.csv")), "bad input left a file behind");
    }

    private static string Textbook(string name) => Repo.Path("graphs", "textbook", name);

    private static void AssertEntity(JsonElement e, string id, double value, double equity, double netWorth, bool defaulted, double debtPaid)
    {
        Assert.AreEqual(id, e.GetProperty("id").GetString());
        Assert.AreEqual(value, e.GetProperty("value").GetDouble(), Tolerance, id + " value");
        Assert.AreEqual(equity, e.GetProperty("equity").GetDouble(), Tolerance, id + " equity");
        Assert.AreEqual(netWorth, e.GetProperty("netWorth").GetDouble(), Tolerance, id + " netWorth");
        Assert.AreEqual(defaulted, e.GetProperty("defaulted").GetBoolean(), id + " defaulted");
        Assert.AreEqual(debtPaid, e.GetProperty("debtPaid").GetDouble(), Tolerance, id + " debtPaid");
    }

    /// <summary>The map i → j → derivative holds exactly the expected non-zero entries, each to 1e-9.</summary>
    private static void AssertMatrix(JsonElement map, Dictionary<string, Dictionary<string, double>> expected)
    {
        var rows = map.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetDouble()));
        CollectionAssert.AreEquivalent(expected.Keys.ToList(), rows.Keys.ToList(), "rows: " + string.Join(", ", rows.Keys));
        foreach (var (i, columns) in expected)
        {
            CollectionAssert.AreEquivalent(columns.Keys.ToList(), rows[i].Keys.ToList(), $"row {i}: " + string.Join(", ", rows[i].Select(c => c.Key + "=" + c.Value.ToString(CultureInfo.InvariantCulture))));
            foreach (var (j, value) in columns)
            {
                Assert.AreEqual(value, rows[i][j], Tolerance, $"d{i}/d{j}");
            }
        }
    }

    private static string WithExternalAssets(string path, params double[] externalAssets)
    {
        var node = JsonNode.Parse(File.ReadAllText(Textbook("v2-elsinger.json")))!;
        var entities = node["entities"]!.AsArray();
        for (var i = 0; i < externalAssets.Length; i++)
        {
            entities[i]!["externalAssets"] = externalAssets[i];
        }

        File.WriteAllText(path, node.ToJsonString());
        return path;
    }
}
