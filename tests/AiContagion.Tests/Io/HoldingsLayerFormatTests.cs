using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Io;

/// <summary>
/// The holdings layer (assets and holdings, issue 20) in each format: JSON <c>assets</c> / <c>holdings</c> arrays,
/// <c>assets.csv</c> + <c>holdings.csv</c> in a CSV folder, GraphML graph data holding the JSON arrays; a debt link's
/// collateral naming an asset; bad holdings data rejected with the place, and by the CLI with exit code 2.
/// </summary>
[TestClass]
public sealed class HoldingsLayerFormatTests
{
    private const string Json = """
        {
          "format": "aicontagion/1", "unit": "USD bn",
          "entities": [
            {"id": "coreweave", "sector": "Neocloud", "capital": 10},
            {"id": "lender", "sector": "PrivateCredit", "capital": 5}
          ],
          "links": [
            {"from": "lender", "to": "coreweave", "kind": "Loan", "amount": 8, "collateral": "gpu-collateral", "maxLtv": 0.8}
          ],
          "assets": [
            {"id": "gpu-collateral", "name": "GPUs, pledged", "marketSize": 200, "source": "10-Q"},
            {"id": "arm-shares", "priceImpact": 0.001},
            {"id": "cash-like"}
          ],
          "holdings": [
            {"entity": "coreweave", "asset": "gpu-collateral", "amount": 20, "note": "H100s"},
            {"entity": "lender", "asset": "arm-shares", "amount": 1.5},
            {"entity": "coreweave", "asset": "arm-shares", "amount": 0}
          ]
        }
        """;

    [TestMethod]
    public void Json_AssetsHoldingsAndAssetCollateral_ReadAsGiven()
    {
        var network = JsonNetworkReader.Parse(Json);

        Assert.AreEqual(3, network.AssetCount);
        Assert.AreEqual(new Asset("gpu-collateral", "GPUs, pledged") { MarketSize = 200, Source = "10-Q" }, network.Assets[0]);
        Assert.AreEqual(0.005, network.Assets[0].Impact);
        Assert.AreEqual(0.001, network.Assets[1].Impact);
        Assert.IsNull(network.Assets[2].Impact);
        Assert.AreEqual(1, network.AssetIndexOf("arm-shares"));
        Assert.AreEqual(-1, network.AssetIndexOf("coreweave"));
        Assert.IsTrue(network.TryGetAsset("cash-like", out var cash) && cash.Name == "cash-like");
        Assert.AreEqual(new Holding("coreweave", "gpu-collateral", 20) { Note = "H100s" }, network.Holdings[0]);
        CollectionAssert.AreEqual(new[] { network.Holdings[0], network.Holdings[2] }, network.HoldingsOf("coreweave").ToArray());
        Assert.AreEqual("gpu-collateral", network.Links[0].Collateral);
        StringAssert.EndsWith(network.ToString(), ", 3 assets, 3 holdings");
    }

    [TestMethod]
    public void Writers_CsvFilesGraphMlDataAndJsonArrays_AndBackUnchanged()
    {
        using var temp = new TempFolder();
        var network = JsonNetworkReader.Parse(Json);

        var csv = CsvNetworkWriter.ToCsv(network);
        Assert.AreEqual("id,name,marketSize,priceImpact,source\ngpu-collateral,\"GPUs, pledged\",200,,10-Q\narm-shares,,,0.001,\ncash-like,,,,\n", csv[CsvSchema.AssetsFile]);
        Assert.AreEqual("entity,asset,amount,note\ncoreweave,gpu-collateral,20,H100s\nlender,arm-shares,1.5,\ncoreweave,arm-shares,0,\n", csv[CsvSchema.HoldingsFile]);
        using var xml = new MemoryStream();
        GraphMlNetworkWriter.Write(network, xml);
        var graphMl = System.Text.Encoding.UTF8.GetString(xml.ToArray());
        StringAssert.Contains(graphMl, "<key id=\"g_assets\" for=\"graph\" attr.name=\"assets\" attr.type=\"string\" />");
        StringAssert.Contains(graphMl, "<data key=\"g_holdings\">[{\"entity\":\"coreweave\",\"asset\":\"gpu-collateral\",\"amount\":20,\"note\":\"H100s\"}");

        FinancingNetworkFile.Save(network, temp.File("csv"));
        var fromCsv = FinancingNetworkFile.Load(temp.File("csv"));
        FinancingNetworkFile.Save(fromCsv, temp.File("b.graphml"));
        var fromGraphMl = FinancingNetworkFile.Load(temp.File("b.graphml"));
        RoundTripTests.AssertSame(network, fromGraphMl);
        Assert.AreEqual(JsonNetworkWriter.ToJson(network), JsonNetworkWriter.ToJson(fromGraphMl));
    }

    // The AI chain's GPU-backed loans name the assets gpu-collateral and arm-shares (no holdings, no market size). Declared
    // in "assets" they load in every format; undeclared, each such link is a located problem and the CLI exits with 2.
    [TestMethod]
    public void Collateral_NamesAnAssetOrAnEntity_UndeclaredIsLocated()
    {
        const string Chain = """
            {
              "format": "aicontagion/1",
              "entities": [
                {"id": "coreweave", "sector": "Neocloud"}, {"id": "softbank", "sector": "Conglomerate"},
                {"id": "gpu-lenders", "sector": "PrivateCredit"}, {"id": "margin-lenders", "sector": "Bank"},
                {"id": "openai", "sector": "ModelLab"}
              ],
              "links": [
                {"from": "gpu-lenders", "to": "coreweave", "kind": "Loan", "amount": 8.5, "collateral": "gpu-collateral"},
                {"from": "margin-lenders", "to": "softbank", "kind": "Loan", "amount": 20, "collateral": "arm-shares"},
                {"from": "softbank", "to": "openai", "kind": "Equity", "amount": 30, "share": 0.1},
                {"from": "margin-lenders", "to": "softbank", "kind": "CreditFacility", "amount": 5, "collateral": "openai", "maxLtv": 0.5}
              ]ASSETS
            }
            """;
        const string Assets = """
            ,
              "assets": [{"id": "gpu-collateral", "name": "GPUs pledged as collateral"}, {"id": "arm-shares"}]
            """;
        using var temp = new TempFolder();

        var network = JsonNetworkReader.Parse(Chain.Replace("ASSETS", Assets, StringComparison.Ordinal));
        CollectionAssert.AreEqual(new[] { "gpu-collateral", "arm-shares", null, "openai" }, network.Links.Select(l => l.Collateral).ToArray(), string.Join(", ", network.Links.Select(l => l.Collateral)));
        Assert.AreEqual(0, network.AssetIndexOf("gpu-collateral"));
        Assert.AreEqual(-1, network.AssetIndexOf("openai"));
        Assert.IsTrue(network.Contains("openai"));
        foreach (var name in new[] { "csv", "chain.graphml", "chain.json" })
        {
            FinancingNetworkFile.Save(network, temp.File(name));
            RoundTripTests.AssertSame(network, FinancingNetworkFile.Load(temp.File(name)));
        }

        var bare = temp.File("bare.json");
        File.WriteAllText(bare, Chain.Replace("ASSETS", string.Empty, StringComparison.Ordinal));
        var error = Assert.ThrowsExactly<NetworkFormatException>(() => FinancingNetworkFile.Load(bare));
        CollectionAssert.AreEqual(
            new[]
            {
                $"{bare} $.links[0]: link #0 (gpu-lenders -> coreweave): 'collateral': names no entity and no asset ('gpu-collateral'); a collateral is the id of an entity in which the borrower holds a stake, or of an asset of the holdings layer",
                $"{bare} $.links[1]: link #1 (margin-lenders -> softbank): 'collateral': names no entity and no asset ('arm-shares'); a collateral is the id of an entity in which the borrower holds a stake, or of an asset of the holdings layer",
            },
            error.Problems.Select(p => p.ToString()).ToArray(),
            string.Join("\n", error.Problems));
        var run = CliRunner.Run("validate", bare);
        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "$.links[1]: link #1 (margin-lenders -> softbank): 'collateral': names no entity and no asset ('arm-shares')");
    }

    [TestMethod]
    public void CsvWriter_NoHoldingsLayer_NoFilesAndStaleOnesRemoved()
    {
        using var temp = new TempFolder();
        FinancingNetworkFile.Save(JsonNetworkReader.Parse(Json), temp.File("csv"));
        Assert.IsTrue(File.Exists(Path.Combine(temp.File("csv"), CsvSchema.HoldingsFile)));

        var plain = FinancingNetwork.CreateBuilder().AddEntity("a", Sector.Bank).Build();
        FinancingNetworkFile.Save(plain, temp.File("csv"));

        Assert.IsFalse(File.Exists(Path.Combine(temp.File("csv"), CsvSchema.AssetsFile)));
        Assert.IsFalse(File.Exists(Path.Combine(temp.File("csv"), CsvSchema.HoldingsFile)));
        Assert.IsFalse(JsonNetworkWriter.ToJson(plain).Contains("\"assets\"", StringComparison.Ordinal));
        Assert.AreEqual(0, FinancingNetworkFile.Load(temp.File("csv")).AssetCount);
    }

    /// <summary>Bad holdings data, in each format: exactly these located problems (file and JSON path or line, the item, the field); the CLI exits with 2.</summary>
    [TestMethod]
    [DataRow("json/unknown-asset.json", "{dir}/json/unknown-asset.json $.holdings[1]: holding #1 (lender, tpu-collateral): 'asset': unknown asset 'tpu-collateral'; define it in the assets")]
    [DataRow("json/negative-holding.json", "{dir}/json/negative-holding.json $.holdings[0]: holding #0 (coreweave, gpu-collateral): 'amount': must not be negative; got -20")]
    [DataRow("json/duplicate-asset.json", "{dir}/json/duplicate-asset.json $.assets[1]: asset 'gpu-collateral': 'id': duplicate asset id; first defined at {dir}/json/duplicate-asset.json $.assets[0]")]
    [DataRow("csv/negative-holding", "{dir}/csv/negative-holding/holdings.csv:3: holding #1 (lender, gpu-collateral): 'amount': must not be negative; got -1")]
    [DataRow("csv/unknown-asset", "{dir}/csv/unknown-asset/holdings.csv:3: holding #1 (lender, tpu-collateral): 'asset': unknown asset 'tpu-collateral'; define it in the assets")]
    [DataRow("graphml/unknown-asset.graphml", "{dir}/graphml/unknown-asset.graphml $.holdings[0]: holding #0 (a, tpu-collateral): 'asset': unknown asset 'tpu-collateral'; define it in the assets")]
    public void BadHoldings_EachFile_ExactlyTheseLocatedProblems(string file, string expected)
    {
        var root = Repo.TestData("BadInput");
        var path = Path.Combine(root, file);
        var lines = expected.Replace("{dir}", root, StringComparison.Ordinal).Split('\n');

        var error = Assert.ThrowsExactly<NetworkFormatException>(() => FinancingNetworkFile.Load(path));
        CollectionAssert.AreEqual(lines, error.Problems.Select(p => p.ToString()).ToArray(), string.Join("\n", error.Problems));

        var run = CliRunner.Run("validate", path);
        Assert.AreEqual(2, run.ExitCode, run.ToString());
        foreach (var line in lines)
        {
            StringAssert.Contains(run.Error, line);
        }
    }

    [TestMethod]
    [DataRow("""{"id": "x", "marketSize": 0}""", "$.assets[0]", "'marketSize': must be positive (the market depth: the value whose sale moves the price by 100 %); got 0")]
    [DataRow("""{"id": "x", "marketSize": 10, "priceImpact": 0.1}""", "$.assets[0]", "'priceImpact': give either marketSize or priceImpact, not both (priceImpact = 1 / marketSize)")]
    [DataRow("""{"id": "x", "priceImpact": -0.1}""", "$.assets[0]", "'priceImpact': must not be negative; got -0.1")]
    [DataRow("""{"id": "a"}""", "$.assets[0]", "asset 'a': 'id': is also an entity's id; a collateral names an entity or an asset, so the two must differ")]
    [DataRow("""{"id": "x", "depth": 3}""", "$.assets[0].depth", "'depth': unknown field; expected one of id, name, marketSize, priceImpact, source, note (assets and holdings carry no attributes; use \"note\")")]
    [DataRow("""{"id": "x", "attributes": {}}""", "$.assets[0].attributes", "unknown field")]
    [DataRow("""3""", "$.assets[0]", "expected an asset object")]
    public void Json_BadAsset_LocatedProblem(string asset, string path, string message)
    {
        var json = $$"""{"format": "aicontagion/1", "entities": [{"id": "a", "sector": "Bank"}], "links": [], "assets": [{{asset}}]}""";

        var error = Assert.ThrowsExactly<NetworkFormatException>(() => JsonNetworkReader.Parse(json, "n.json"));

        var problem = error.Problems.Single(p => p.ToString().Contains(message, StringComparison.Ordinal));
        StringAssert.Contains(problem.ToString(), "n.json " + path);
    }

    [TestMethod]
    public void Json_HoldingProblems_AllReportedAtOnce()
    {
        const string json = """
            {"format": "aicontagion/1", "entities": [{"id": "a", "sector": "Bank"}], "links": [],
             "assets": [{"id": "gpu"}],
             "holdings": [
               {"entity": "ghost", "asset": "gpu", "amount": 1},
               {"entity": "a", "asset": "gpu", "amount": 1},
               {"entity": "a", "asset": "gpu", "amount": 2},
               {"entity": "a", "asset": "gpu"},
               {"entity": "a", "asset": "gpu", "amount": "3"}
             ]}
            """;

        var error = Assert.ThrowsExactly<NetworkFormatException>(() => JsonNetworkReader.Parse(json, "n.json"));

        CollectionAssert.AreEquivalent(
            new[]
            {
                "n.json $.holdings[3].amount: 'amount': missing required field; expected a number",
                "n.json $.holdings[4].amount: 'amount': expected a number; got the string \"3\"",
                "n.json $.holdings[0]: holding #0 (ghost, gpu): 'entity': unknown entity 'ghost'",
                "n.json $.holdings[2]: holding #2 (a, gpu): 'asset': 'a' already holds 'gpu' (first at n.json $.holdings[1]); give one holding per entity and asset, with the total",
            },
            error.Problems.Select(p => p.ToString()).ToArray());
    }

    [TestMethod]
    public void Csv_HoldingsWithoutAssetsFile_UnknownAssetAndUnknownColumn()
    {
        var entities = CsvSource.FromText("entities.csv", "id,sector\na,Bank\n");
        var links = CsvSource.FromText("links.csv", "from,to,kind,amount\n");
        var holdings = CsvSource.FromText("holdings.csv", "entity,asset,amount,weight\na,gpu,1,\na,tpu,2,7\n");

        var error = Assert.ThrowsExactly<NetworkFormatException>(() => CsvNetworkReader.ReadWithHoldings(entities, links, null, null, null, holdings));

        CollectionAssert.AreEquivalent(
            new[]
            {
                "holdings.csv:3: 'weight': unknown column",
                "holdings.csv:2: holding #0 (a, gpu): 'asset': unknown asset 'gpu'; the network defines no assets",
                "holdings.csv:3: holding #1 (a, tpu): 'asset': unknown asset 'tpu'; the network defines no assets",
            },
            error.Problems.Select(p => p.ToString()).ToArray());
    }
}
