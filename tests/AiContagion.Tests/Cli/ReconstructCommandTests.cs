using System.Globalization;
using System.Text.Json;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Reconstruction;
using AiContagion.Tests.Reconstruction;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class ReconstructCommandTests
{
    // The 7-bank example of Anand, Craig & von Peter (2015) as NetworkRiskMeasures uses it: out = interbank assets,
    // in = liabilities (loans run lender -> borrower).
    private const string SevenBanks = "id,out,in,sector\na,7,4,Bank\nb,5,5,Bank\nc,3,5,Bank\nd,1,0,Bank\ne,3,0,Bank\nf,0,2,Bank\ng,1,4,Bank\n";

    [TestMethod]
    public void MaxEntropy_WritesTheNetwork_DerivedLoans_SameAsTheLibrary()
    {
        using var temp = new TempFolder();
        var totals = Write(temp, "banks.csv", SevenBanks);

        var run = CliRunner.Run("reconstruct", totals, "-o", temp.File("banks.json"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var network = FinancingNetworkFile.Load(temp.File("banks.json"));
        Assert.AreEqual(7, network.EntityCount);
        Assert.IsTrue(network.Entities.All(e => e.Sector == Sector.Bank));
        Assert.AreEqual(26, network.LinkCount);
        Assert.IsTrue(network.Links.All(l => l.Kind == LinkKind.Loan && l.Confidence == AmountConfidence.Derived));
        var library = new MaximumEntropyReconstruction().Estimate(Tests.Reconstruction.SevenBanks.Problem());
        foreach (var link in network.Links)
        {
            Assert.AreEqual(library.Amount(link.From, link.To), link.Amount, 1e-15, link.ToString());
        }

        StringAssert.Contains(run.Output, "max-entropy: 7 entities, 26 Loan links, total 20 USD bn");
        StringAssert.Contains(run.Output, "converged in 13 RAS iterations");
        StringAssert.Contains(run.Output, "largest link a -> b 2.53049");
        StringAssert.Contains(run.Output, "wrote " + temp.File("banks.json"));
    }

    // graphs/textbook/r1-anand-seven-banks-totals.csv holds the same totals, for the textbook README's command.
    [TestMethod]
    public void TextbookTotalsFile_IsTheSevenBanks()
    {
        Assert.AreEqual(SevenBanks, File.ReadAllText(Repo.Graph("textbook/r1-anand-seven-banks-totals.csv")).ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void MinDensity_SeededJsonSummary_SameFileForTheSameSeed()
    {
        using var temp = new TempFolder();
        var totals = Write(temp, "banks.csv", SevenBanks);

        var one = CliRunner.Run("reconstruct", totals, "-o", temp.File("one.json"), "--method", "min-density", "--seed", "5", "--json");
        var two = CliRunner.Run("reconstruct", totals, "-o", temp.File("two.graphml"), "--method", "min-density", "--seed", "5", "--kind", "credit-facility");

        Assert.AreEqual(0, one.ExitCode, one.ToString());
        Assert.AreEqual(0, two.ExitCode, two.ToString());
        using var json = JsonDocument.Parse(one.Output);
        var root = json.RootElement;
        Assert.AreEqual("min-density", root.GetProperty("method").GetString());
        Assert.AreEqual(5, root.GetProperty("seed").GetInt64());
        Assert.AreEqual(20, root.GetProperty("total").GetDouble(), 1e-12);
        Assert.AreEqual(0, root.GetProperty("maxRowResidual").GetDouble());
        var first = FinancingNetworkFile.Load(temp.File("one.json"));
        var second = FinancingNetworkFile.Load(temp.File("two.graphml"));
        Assert.AreEqual(root.GetProperty("links").GetInt32(), first.LinkCount);
        Assert.IsLessThan(26, first.LinkCount);
        CollectionAssert.AreEqual(first.Links.Select(l => (l.From, l.To, l.Amount)).ToArray(), second.Links.Select(l => (l.From, l.To, l.Amount)).ToArray());
        Assert.IsTrue(second.Links.All(l => l.Kind == LinkKind.CreditFacility));
    }

    [TestMethod]
    public void Ensemble_LinksCarryTheirRange()
    {
        using var temp = new TempFolder();
        var totals = Write(temp, "banks.csv", SevenBanks);

        var run = CliRunner.Run("reconstruct", totals, "-o", temp.File("e.json"), "--method", "ensemble", "--samples", "50");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var network = FinancingNetworkFile.Load(temp.File("e.json"));
        Assert.IsTrue(network.Links.All(l => l.Low <= l.Amount && l.Amount <= l.High && l.Confidence == AmountConfidence.Derived));
        StringAssert.Contains(run.Output, "each link: mean of 50 sampled networks, low/high = their 5 % and 95 % quantiles");
    }

    [TestMethod]
    public void NoSectorColumn_SectorOther()
    {
        using var temp = new TempFolder();
        var totals = Write(temp, "t.csv", "id,out,in\nx,1,1\ny,1,1\nz,1,1\n");

        var run = CliRunner.Run("reconstruct", totals, "-o", temp.File("t.json"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.IsTrue(FinancingNetworkFile.Load(temp.File("t.json")).Entities.All(e => e.Sector == Sector.Other));
    }

    // Bad totals: exit 2, the place (file, line, column) in the message, nothing written, an older output kept.
    [TestMethod]
    [DataRow("id,out\na,1\n", "t.csv:1: 'in': missing required column; the header has id,out")]
    [DataRow("id,out,in\na,1,1\nb,x,1\n", "t.csv:3: 'out': 'x' is not a number")]
    [DataRow("id,out,in\na,1,1\nb,1,-1\n", "t.csv:3: 'in': -1 is negative; a total is at least 0")]
    [DataRow("id,out,in\na,1,1\nb,1,1\na,0,0\n", "t.csv:4: 'id': 'a' is listed twice (first on line 2)")]
    [DataRow("id,out,in\na,1,1\nb,1,1\nc,1,1.5\n", "t.csv: 'out, in': the totals do not balance: Σ out = 3 but Σ in = 3.5")]
    [DataRow("id,out,in\na,1,1\nb,1,1\nc,10,10\n", "t.csv:4: c: 'out': out 10 + in 10 = 20 exceeds the total 12")]
    [DataRow("id,out,in,sector\na,1,1,Hedgefund\n", "t.csv:2: 'sector': unknown sector 'Hedgefund'")]
    [DataRow("id,out,in,size\na,1,1,big\n", "t.csv:2: 'size': unknown column")]
    [DataRow("id,out,in\n,1,1\n", "t.csv:2: 'id': missing value")]
    [DataRow("id,out,in\na,1,NaN\n", "t.csv:2: 'in': 'NaN' is not a finite number")]
    [DataRow("id,out,in\n", "t.csv:1: no entities")]
    [DataRow("", "t.csv:1: the file is empty")]
    [DataRow("id,out,in\na,1,1,1\n", "t.csv:2: expected 3 fields as in the header, got 4")]
    public void BadTotals_ExitTwo_Located_NothingWritten(string text, string message)
    {
        using var temp = new TempFolder();
        var totals = Write(temp, "t.csv", text);
        var output = temp.File("out.json");
        File.WriteAllText(output, "old");

        var run = CliRunner.Run("reconstruct", totals, "-o", output);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message.Replace("t.csv", totals, StringComparison.Ordinal));
        Assert.IsFalse(run.Error.Contains("   at ", StringComparison.Ordinal), run.ToString());
        Assert.AreEqual("old", File.ReadAllText(output), "the old output is kept");
        CollectionAssert.AreEquivalent(new[] { "t.csv", "out.json" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName).ToArray(), "no temporary file left");
    }

    [TestMethod]
    public void SeveralProblems_AllListed()
    {
        using var temp = new TempFolder();
        var totals = Write(temp, "t.csv", "id,out,in\na,x,1\nb,1,-2\n");

        var run = CliRunner.Run("reconstruct", totals, "-o", temp.File("o.json"));

        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, $"the totals file {totals} has 2 problems:");
        StringAssert.Contains(run.Error, $"{totals}:2: 'out'");
        StringAssert.Contains(run.Error, $"{totals}:3: 'in'");
    }

    [TestMethod]
    [DataRow("--method bogus", "--method: 'bogus' should be 'max-entropy', 'min-density' or 'ensemble'.")]
    [DataRow("--kind Mortgage", "--kind: unknown link kind 'Mortgage'")]
    [DataRow("--samples 10", "--samples: applies to --method ensemble only.")]
    [DataRow("--method ensemble --samples 0", "--samples: 0 must lie in [1, 1000000].")]
    [DataRow("--seed abc", "--seed")]
    [DataRow("-o {out}.txt", "cannot tell the format of")]
    public void BadOptions_ExitTwo_NothingWritten(string options, string message)
    {
        using var temp = new TempFolder();
        var totals = Write(temp, "t.csv", SevenBanks);
        var args = new List<string> { "reconstruct", totals };
        if (!options.StartsWith("-o", StringComparison.Ordinal))
        {
            args.AddRange(["-o", temp.File("o.json")]);
        }

        args.AddRange(options.Replace("{out}", temp.File("o"), StringComparison.Ordinal).Split(' '));

        var run = CliRunner.Run([.. args]);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
        Assert.HasCount(1, Directory.GetFiles(temp.Path));
    }

    [TestMethod]
    public void MissingFileOrOutput_ExitTwo()
    {
        using var temp = new TempFolder();

        var missing = CliRunner.Run("reconstruct", temp.File("nope.csv"), "-o", temp.File("o.json"));
        var noOutput = CliRunner.Run("reconstruct", Write(temp, "t.csv", SevenBanks));

        Assert.AreEqual(2, missing.ExitCode);
        StringAssert.Contains(missing.Error, "No such file");
        Assert.AreEqual(2, noOutput.ExitCode);
        StringAssert.Contains(noOutput.Error, "Option '--output' is required.");
    }

    // Random totals files: exit 0 with every total met in the written network, or exit 2 with a message and nothing
    // written; never a stack trace.
    [TestMethod]
    public void RandomTotals_ExitZeroWithTotalsMetOrTwoWithNothingWritten()
    {
        var cells = Gen.Frequency((6, Gen.OneOf<string>("0", "1", "2", "3.5", "10", "0.25")), (1, Gen.OneOf<string>("-1", "x", string.Empty, "1e400")));
        var rows = Gen.Select(cells, cells, Gen.OneOf<string>(string.Empty, string.Empty, "Bank", "Nope")).Array[0, 6];
        using var temp = new TempFolder();
        var counter = 0;
        var succeeded = 0;
        Gen.Select(rows, Gen.OneOf<string>("max-entropy", "min-density", "ensemble"), Gen.Int[0, 9]).Sample((lines, method, shape) =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(temp.Path, Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture))).FullName;
            // Mostly balanced (each in is another row's out), sometimes a repeated id or independent totals.
            var text = "id,out,in,sector\n" + string.Concat(lines.Select((l, k) =>
                $"e{(shape == 0 && k > 0 ? 0 : k)},{l.Item1},{(shape == 1 ? l.Item2 : lines[(k + 1) % lines.Length].Item1)},{l.Item3}\n"));
            var totals = Path.Combine(folder, "t.csv");
            File.WriteAllText(totals, text);
            var output = Path.Combine(folder, "o.json");
            var args = new List<string> { "reconstruct", totals, "-o", output, "--method", method };
            if (method == "ensemble")
            {
                args.AddRange(["--samples", "20"]);
            }

            var run = CliRunner.Run([.. args]);

            Assert.IsTrue(run.ExitCode is 0 or 2, $"{text}\n{run}");
            Assert.IsFalse(run.Error.Contains("   at ", StringComparison.Ordinal), $"{text}\n{run}");
            if (run.ExitCode == 2)
            {
                Assert.IsFalse(File.Exists(output), $"{text}\n{run}");
                return;
            }

            succeeded++;
            var network = FinancingNetworkFile.Load(output);
            foreach (var line in text.Split('\n').Skip(1).Where(l => l.Length > 0))
            {
                var parts = line.Split(',');
                var id = parts[0];
                var amountOut = double.Parse(parts[1], CultureInfo.InvariantCulture);
                var amountIn = double.Parse(parts[2], CultureInfo.InvariantCulture);
                Assert.AreEqual(amountOut, network.Links.Where(l => l.From == id).Sum(l => l.Amount), 1e-9 * Math.Max(1, amountOut), $"{text}: out of {id}");
                Assert.AreEqual(amountIn, network.Links.Where(l => l.To == id).Sum(l => l.Amount), 1e-9 * Math.Max(1, amountIn), $"{text}: in of {id}");
            }
        }, iter: 200, threads: 1);

        Assert.IsGreaterThan(10, succeeded, "some random files are valid");
    }

    private static string Write(TempFolder temp, string name, string text)
    {
        var path = temp.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
