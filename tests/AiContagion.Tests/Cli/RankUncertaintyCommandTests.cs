using System.Text.Json;
using AiContagion.Cli;
using AiContagion.Cli.Infrastructure;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class RankUncertaintyCommandTests
{
    private static string Flip => Repo.Path("docs", "examples", "uncertainty.json");

    private static string AiChainRanged => Repo.TestData("Uncertainty", "ai-chain-ranged.json");

    // The flip case (UncertaintyRankingTests): fund-a ranks first iff its ranged equity X > 10; with X uniform on
    // [5, 14], P = 4/9. 4,000 draws: SE ≈ √(4/9 · 5/9 / 4,000) ≈ 0.0079.
    [TestMethod]
    public void Rank_Uncertainty_Json()
    {
        var run = CliRunner.Run("rank", Flip, "--model", "funding", "--uncertainty", "4000", "--seed", "11", "--amount-distribution", "uniform", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.AreEqual("funding", root.GetProperty("model").GetString());
        Assert.AreEqual(4000, root.GetProperty("draws").GetInt32());
        Assert.AreEqual(11, root.GetProperty("seed").GetInt64());
        Assert.AreEqual("uniform", root.GetProperty("amountDistribution").GetString());
        Assert.AreEqual(1, root.GetProperty("rangedLinks").GetInt32());
        Assert.AreEqual(2 + (2 * 4000), root.GetProperty("runs").GetInt32());
        Assert.AreEqual(0, root.GetProperty("tiedFirstDraws").GetInt32());
        var rows = root.GetProperty("uncertainty");
        Assert.AreEqual(2, rows.GetArrayLength());
        var a = rows.EnumerateArray().Single(r => r.GetProperty("source").GetString() == "fund-a");
        var se = a.GetProperty("pFirstStandardError").GetDouble();
        Assert.AreEqual(4.0 / 9, a.GetProperty("pFirst").GetDouble(), 3 * se);
        Assert.AreEqual(0.0079, se, 0.0003);
        Assert.AreEqual(1.0, a.GetProperty("pTop3").GetDouble());
        Assert.AreEqual(0.0, a.GetProperty("pTop3StandardError").GetDouble());
        Assert.AreEqual((1, 2), (a.GetProperty("rankLow").GetInt32(), a.GetProperty("rankHigh").GetInt32()));
        Assert.AreEqual((1, 3), (a.GetProperty("linksDownP05").GetInt32(), a.GetProperty("linksDownP95").GetInt32()));
        Assert.AreEqual(1 + (2 * a.GetProperty("pFirst").GetDouble()), a.GetProperty("linksDownMean").GetDouble(), 1e-12);
        Assert.AreEqual(2, a.GetProperty("nominalRank").GetInt32());
        Assert.AreEqual(1.0, rows.EnumerateArray().Sum(r => r.GetProperty("pFirst").GetDouble()), 1e-12);
        Assert.AreEqual("fund-b", rows[0].GetProperty("source").GetString(), "most likely first first (5/9)");
    }

    // docs/uncertainty.md's worked example, as printed there: the table of the documented command, and pFirst(fund-a) with
    // 20,000 draws and seed 1 for each distribution (closed forms 0.2963, 0.4444, 0.1981).
    [TestMethod]
    public void DocsExample_PrintsWhatTheDocumentationSays()
    {
        var doc = File.ReadAllText(Repo.Path("docs", "uncertainty.md"));
        var run = CliRunner.Run("rank", Flip, "--model", "funding", "--uncertainty", "20000", "--seed", "1");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var table = run.Output.Split('\n').Where(l => l.StartsWith('┌') || l.StartsWith('│') || l.StartsWith('├') || l.StartsWith('└')).ToList();
        Assert.HasCount(6, table);
        foreach (var line in table)
        {
            StringAssert.Contains(doc, line);
        }

        foreach (var (distribution, shown) in new[] { ("triangular", "0.3010 ± 0.0032"), ("uniform", "0.4438 ± 0.0035"), ("pert", "0.1963 ± 0.0028") })
        {
            var json = CliRunner.Run("rank", Flip, "--uncertainty", "20000", "--seed", "1", "--amount-distribution", distribution, "--json");
            using var document = JsonDocument.Parse(json.Output);
            var a = document.RootElement.GetProperty("uncertainty").EnumerateArray().Single(r => r.GetProperty("source").GetString() == "fund-a");
            var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{a.GetProperty("pFirst").GetDouble():0.0000} ± {a.GetProperty("pFirstStandardError").GetDouble():0.0000}");
            Assert.AreEqual(shown, text, distribution);
            StringAssert.Contains(doc, "| " + shown + " |");
        }
    }

    [TestMethod]
    public void Rank_Uncertainty_TableSizedForAPerson()
    {
        var run = CliRunner.Run("rank", AiChainRanged, "--model", "funding", "--uncertainty", "30", "--top", "5");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "funding ranking under uncertainty: 41 candidates, Singles, shock Withdraw, 30 draws of 10 ranged amounts (triangular, seed 1)");
        StringAssert.Contains(run.Output, "P(first)");
        StringAssert.Contains(run.Output, "rank 5–95 %");
        StringAssert.Contains(run.Output, "anthropic-2026-round-investors");
        StringAssert.Contains(run.Output, "… 36 more candidates");
        Assert.AreEqual(5, run.Output.Split('\n').Count(l => l.StartsWith("│ ", StringComparison.Ordinal)) - 1, "five rows under the header");
    }

    [TestMethod]
    public void Rank_UncertaintyWithoutRanges_SaysSo()
    {
        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--uncertainty", "100");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "no link has a range (low/high)");
        StringAssert.Contains(run.Output, "100.0 %");
    }

    // The output depends on the seed and not on the thread count.
    [TestMethod]
    public void Rank_Uncertainty_SameJsonAtOneAndTwoThreads()
    {
        string[] args = ["rank", AiChainRanged, "--model", "chain", "--uncertainty", "40", "--seed", "5", "--amount-distribution", "pert", "--json"];

        var one = CliRunner.Run([.. args, "--threads", "1"]);
        var two = CliRunner.Run([.. args, "--threads", "2"]);
        var other = CliRunner.Run([.. args[..^4], "6", .. args[^3..], "--threads", "2"]);

        Assert.AreEqual(0, one.ExitCode, one.ToString());
        Assert.AreEqual(one.Output, two.Output);
        Assert.AreNotEqual(one.Output, other.Output, "another seed gives other draws");
    }

    [TestMethod]
    public void Rank_Uncertainty_OutputFileAndChart()
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("rank", AiChainRanged, "--uncertainty", "20", "--output", temp.File("u.csv"), "--chart", temp.File("u.svg"), "--top", "8");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var lines = File.ReadAllLines(temp.File("u.csv"));
        Assert.AreEqual("source,nominalRank,pFirst,pFirstStandardError,pTop3,pTop3StandardError,rankLow,rankHigh,linksDownMean,linksDownP05,linksDownP95", lines[0]);
        Assert.HasCount(42, lines, "every candidate, whatever --top");
        StringAssert.StartsWith(lines[1], "anthropic-2026-round-investors,1,");
        var svg = File.ReadAllText(temp.File("u.svg"));
        StringAssert.Contains(svg, "<svg");
        StringAssert.Contains(svg, "Rank 5–95 %");
        StringAssert.Contains(svg, "P(first)");
    }

    [TestMethod]
    public void Rank_UncertaintyPairs_OneRowPerPair()
    {
        var run = CliRunner.Run("rank", Flip, "--uncertainty", "10", "--pairs", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var row = json.RootElement.GetProperty("uncertainty").EnumerateArray().Single();
        Assert.AreEqual("fund-a+fund-b", row.GetProperty("source").GetString());
        Assert.AreEqual(1.0, row.GetProperty("pFirst").GetDouble());
    }

    // Progress goes to standard error when it is a terminal (the bar's delay set to zero here), never to standard output;
    // a cancelled run exits with 130 and writes nothing.
    [TestMethod]
    public void Rank_Uncertainty_ProgressOnStandardErrorAndCancellation()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };

        var code = CliApp.Run(["rank", Flip, "--uncertainty", "2000", "--json"], new CliContext(output, error, isTerminal: false, CancellationToken.None, errorIsTerminal: true) { ProgressDelay = TimeSpan.Zero });

        Assert.AreEqual(0, code, error.ToString());
        StringAssert.Contains(error.ToString(), "uncertainty draws");
        using (var json = JsonDocument.Parse(output.ToString()))
        {
            Assert.AreEqual(2000, json.RootElement.GetProperty("draws").GetInt32());
        }

        using var temp = new TempFolder();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var quiet = new StringWriter();
        code = CliApp.Run(["rank", Flip, "--uncertainty", "2000", "--output", temp.File("u.csv")], new CliContext(quiet, new StringWriter(), isTerminal: false, cancelled.Token));

        Assert.AreEqual(ExitCodes.Cancelled, code);
        Assert.AreEqual(string.Empty, quiet.ToString());
        Assert.IsEmpty(Directory.GetFiles(temp.Path));
    }

    [TestMethod]
    [DataRow("--uncertainty 0", "--uncertainty: 0 must lie in [1, 1000000]")]
    [DataRow("--uncertainty 1000001", "--uncertainty: 1000001 must lie in [1, 1000000]")]
    [DataRow("--uncertainty ten", "--uncertainty: 'ten' is not a whole number")]
    [DataRow("--uncertainty 10 --amount-distribution normal", "--amount-distribution: 'normal' should be 'triangular', 'uniform' or 'pert'")]
    [DataRow("--uncertainty 10 --seed x", "--seed: 'x' is not a whole number")]
    [DataRow("--seed 3", "--seed applies to --uncertainty N")]
    [DataRow("--amount-distribution pert", "--amount-distribution applies to --uncertainty N")]
    [DataRow("--uncertainty 10 --sweep default-tolerance=0.1,0.2", "--uncertainty and --sweep: choose one")]
    [DataRow("--uncertainty 10 --greedy 2", "--uncertainty and --greedy")]
    [DataRow("--uncertainty 10 --chart u.bmp", "--chart: 'u.bmp' should end in .png or .svg")]
    public void Rank_UncertaintyBadOptions_ExitCode2(string options, string message)
    {
        var run = CliRunner.Run(["rank", Flip, .. options.Split(' ')]);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
        Assert.AreEqual(string.Empty, run.Output);
    }

    // Bad ranges are refused with the file, the place (JSON path or line) and the field, before any draw; nothing is written.
    [TestMethod]
    [DataRow("json/low-above-amount.json", "$.links[0]: link #0 (a -> b): 'low': must not be above the amount; got low 12, amount 10")]
    [DataRow("json/negative-low.json", "$.links[0]: link #0 (a -> b): 'low': must not be negative; got -1")]
    [DataRow("json/high-below-amount.json", "$.links[0]: link #0 (a -> b): 'high': must not be below the amount; got high 8, amount 10")]
    [DataRow("graphml/low-above-amount.graphml", "low-above-amount.graphml:14: link #0 (a -> b): 'low': must not be above the amount")]
    [DataRow("csv/negative-low", "links.csv:2: link #0 (a -> b): 'low': must not be negative")]
    public void Rank_UncertaintyBadRange_ExitCode2Located(string graph, string message)
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("rank", Repo.TestData(["BadInput", .. graph.Split('/')]), "--uncertainty", "10", "--output", temp.File("u.csv"), "--chart", temp.File("u.png"));

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
        StringAssert.Contains(run.Error, graph.Split('/')[^1]);
        Assert.IsEmpty(Directory.GetFiles(temp.Path), "nothing half-written");
    }
}
