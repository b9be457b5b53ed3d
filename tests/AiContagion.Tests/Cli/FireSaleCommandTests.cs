using System.Text.Json;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.FireSales;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>
/// Issue 20 on the command line: <c>cascade --model fire-sale</c> (dynamics, asset shocks, the fire sale's own JSON),
/// <c>--model debtrank-nonlinear --alpha</c>, <c>centrality --measure impact-*</c>, and their usage errors (exit 2).
/// </summary>
[TestClass]
public sealed class FireSaleCommandTests
{
    private static string Save(TempFolder temp, FinancingNetwork network, string name)
    {
        var path = temp.File(name);
        JsonNetworkWriter.WriteFile(network, path);
        return path;
    }

    [TestMethod]
    public void Cascade_FireSaleGlt_JsonCarriesTheFireSale()
    {
        using var temp = new TempFolder();
        var file = Save(temp, FireSaleCases.Glt(), "glt.json");

        var run = CliRunner.Run("cascade", file, "--model", "fire-sale", "--dynamics", "glt", "--asset-shock", "a1=0.1", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var fireSale = json.RootElement.GetProperty("fireSale");
        Assert.AreEqual("glt", fireSale.GetProperty("dynamics").GetString());
        Assert.AreEqual(0.15728, fireSale.GetProperty("aggregateVulnerability").GetDouble(), 1e-12);
        var a1 = fireSale.GetProperty("assets")[0];
        Assert.AreEqual("a1", a1.GetProperty("id").GetString());
        CollectionAssert.AreEqual(new[] { 0.9, 0.9 - 0.0178 }, a1.GetProperty("prices").EnumerateArray().Select(p => Math.Round(p.GetDouble(), 12)).ToArray());
        var b1 = fireSale.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "b1");
        Assert.AreEqual(0.13392, b1.GetProperty("systemicness").GetDouble(), 1e-12);
        Assert.AreEqual(0.2124, b1.GetProperty("indirectVulnerability").GetDouble(), 1e-12);
        Assert.AreEqual(8.124, json.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "b1").GetProperty("creditLoss").GetDouble(), 1e-12);
    }

    [TestMethod]
    public void Cascade_FireSaleThreshold_TextShowsPricesAndFailures()
    {
        using var temp = new TempFolder();
        var file = Save(temp, FireSaleCases.ContSchaanning(500, 800), "cs.json");

        var run = CliRunner.Run("cascade", file, "--model", "fire-sale", "--asset-shock", "a1=0.05", "--max-leverage", "20", "--target-leverage", "0.9");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "fire-sale cascade, shock: asset prices fall a1 5 %", "the asset shock is the shock, not 'no shock'");
        StringAssert.Contains(run.Output, "1 entities failed");
        StringAssert.Contains(run.Output, "fire sale (threshold): aggregate vulnerability AV = ");
        StringAssert.Contains(run.Output, "0.821353", "a1's final price 0.8213525300764687");
    }

    [TestMethod]
    public void Cascade_DebtRankNonLinear_AlphaTwoAndInfinity()
    {
        using var temp = new TempFolder();
        var builder = FinancingNetwork.CreateBuilder();
        double[] equity = [10, 8, 6, 5];
        for (var i = 0; i < 4; i++)
        {
            builder.AddEntity(new Entity($"b{i + 1}", Sector.Bank) { Capital = equity[i] });
        }

        foreach (var (from, to, amount) in new[] { (1, 2, 3.0), (1, 4, 1), (2, 1, 2), (2, 3, 2), (3, 2, 1), (3, 4, 3), (4, 1, 1), (4, 3, 2) })
        {
            builder.AddLink($"b{from}", $"b{to}", LinkKind.Loan, amount);
        }

        var file = Save(temp, builder.Build(), "four.json");

        var two = CliRunner.Run("cascade", file, "--model", "debtrank-nonlinear", "--alpha", "2", "--distress", "b1=0.5", "--json");
        var infinite = CliRunner.Run("cascade", file, "--model", "debtrank-nonlinear", "--alpha", "inf", "--fail", "b1", "--json");

        Assert.AreEqual(0, two.ExitCode, two.ToString());
        using var json = JsonDocument.Parse(two.Output);
        Assert.AreEqual("2", json.RootElement.GetProperty("settings").GetProperty("alpha").GetString());
        var h = json.RootElement.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("distress").GetDouble());
        Assert.AreEqual(0.04660144813443218, h["b2"], 1e-12);
        Assert.AreEqual(0, infinite.ExitCode, infinite.ToString());
        using var furfine = JsonDocument.Parse(infinite.Output);
        var hf = furfine.RootElement.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("distress").GetDouble());
        Assert.AreEqual(0.25, hf["b2"], 1e-15);
        Assert.AreEqual(0.2, hf["b4"], 1e-15);
    }

    [TestMethod]
    public void Centrality_ImpactMeasures_PackageValues()
    {
        using var temp = new TempFolder();
        var builder = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("a", Sector.Bank) { Capital = 2 })
            .AddEntity(new Entity("b", Sector.Bank) { Capital = 5 })
            .AddEntity(new Entity("c", Sector.Bank) { Capital = 2 });
        foreach (var (from, to, amount) in new[] { ("b", "a", 10.0), ("c", "a", 3), ("a", "b", 1), ("c", "b", 2), ("b", "c", 3) })
        {
            builder.AddLink(from, to, LinkKind.Loan, amount);
        }

        var file = Save(temp, builder.Build(), "nrm.json");

        var fluidity = CliRunner.Run("centrality", file, "--measure", "impact-fluidity", "--json");
        var diffusion = CliRunner.Run("centrality", file, "--measure", "impact-diffusion");

        Assert.AreEqual(0, fluidity.ExitCode, fluidity.ToString());
        using var json = JsonDocument.Parse(fluidity.Output);
        Assert.AreEqual(0.75, json.RootElement.GetProperty("fluidity").GetDouble(), 1e-15);
        Assert.AreEqual(1.25, json.RootElement.GetProperty("scores")[0].GetProperty("score").GetDouble(), 1e-15);
        Assert.AreEqual(0, diffusion.ExitCode, diffusion.ToString());
        StringAssert.Contains(diffusion.Output, "impact-diffusion");
        StringAssert.Contains(diffusion.Output, "1.5");
    }

    // docs/fire-sales.md's worked example: every number of its table. GLT rows: the research note's exact fractions (§2.2,
    // §2.3(a)); leverage targeting: the note's independent engine (§2.3(b), losses and final prices); the systemicness of the
    // rounds dynamics and the threshold row are this engine's own figures, as printed in the doc.
    [TestMethod]
    [DataRow("glt", "", new[] { 2.124, 1.148, 0.66 }, 0.15728, new[] { 0.13392, 0.02336, 0 }, new[] { 0.8822, 0.9736 }, 1)]
    [DataRow("glt-linear", "", new[] { 3326.0 / 879, 614.0 / 293, 1100.0 / 879 }, 6268.0 / 21975, new[] { 0.21838, 0.04784, 0.01902 }, new[] { 0.9 - (87.0 / 2930), 1 - (44.0 / 879) }, 35)]
    [DataRow("leverage-targeting", "", new[] { 2.4743589103611896, 1.7071213473904567, 1.14447256367249 }, 0.21303811285696547, new[] { 0.16649, 0.03565, 0.01090 }, new[] { 0.8774768125900647, 0.9536148707188804 }, 16)]
    [DataRow("threshold", "--max-leverage|initial", new[] { 1.7723, 1.4574, 1.0505 }, 0.17121, new[] { 0.12949, 0.03057, 0.01115 }, new[] { 0.87933, 0.95665 }, 3)]
    public void DocsExample_FireSales_TheTableOfTheDoc(string dynamics, string extra, double[] losses, double av, double[] systemicness, double[] prices, int rounds)
    {
        var file = Repo.Path("docs", "examples", "fire-sales.json");
        string[] arguments = ["cascade", file, "--model", "fire-sale", "--dynamics", dynamics, "--asset-shock", "gpu-collateral=0.1", "--json", .. extra.Split('|', StringSplitOptions.RemoveEmptyEntries)];

        var run = CliRunner.Run(arguments);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var fireSale = json.RootElement.GetProperty("fireSale");
        var firms = fireSale.GetProperty("entities").EnumerateArray().ToArray();
        var assets = fireSale.GetProperty("assets").EnumerateArray().ToArray();
        Assert.AreEqual(rounds, fireSale.GetProperty("rounds").GetInt32());
        Assert.AreEqual(av, fireSale.GetProperty("aggregateVulnerability").GetDouble(), 5e-6);
        for (var i = 0; i < 3; i++)
        {
            Assert.AreEqual(losses[i], firms[i].GetProperty("fireSaleLoss").GetDouble(), 5e-5, $"{dynamics}: loss of firm {i}");
            Assert.AreEqual(systemicness[i], firms[i].GetProperty("systemicness").GetDouble(), 5e-6, $"{dynamics}: systemicness of firm {i}");
        }

        for (var k = 0; k < 2; k++)
        {
            Assert.AreEqual(prices[k], assets[k].GetProperty("finalPrice").GetDouble(), 5e-6, $"{dynamics}: final price of asset {k}");
        }
    }

    [TestMethod]
    [DataRow("--model|rogers-veraart|--alpha|inf", "--alpha: 'Infinity' must lie in [0, 1]")]
    [DataRow("--model|debtrank-nonlinear|--alpha|-1", "--alpha: '-1' must not be negative")]
    [DataRow("--model|credit|--dynamics|glt", "--dynamics does not apply to the credit model")]
    [DataRow("--model|fire-sale|--dynamics|glt|--impact|linear", "--impact does not apply to the fire-sale dynamics glt")]
    [DataRow("--model|fire-sale|--asset-shock|gpu=0.2", "'gpu', which is not an asset of the network")]
    [DataRow("--model|fire-sale|--asset-shock|a1=2", "--asset-shock: '2' must lie in [0, 1]")]
    [DataRow("--model|fire-sale|--dynamics|wild", "--dynamics: unknown dynamics 'wild'")]
    [DataRow("--model|fire-sale|--max-leverage|0.5", "--max-leverage: 0.5 must be above 1")]
    public void Cascade_BadFireSaleOrAlphaOption_Exit2(string arguments, string message)
    {
        using var temp = new TempFolder();
        var file = Save(temp, FireSaleCases.Glt(), "glt.json");

        var run = CliRunner.Run(["cascade", file, .. arguments.Split('|')]);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
    }
}
