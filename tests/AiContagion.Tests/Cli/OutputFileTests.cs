using System.Globalization;
using System.Text.Json;
using AiContagion.Centrality;
using AiContagion.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>
/// <c>--output FILE.csv|FILE.json</c> (and <c>cascade --output-links</c>): every row, one per entity or link, with the
/// documented columns; CSV is RFC 4180 (quoted only when needed), invariant culture; written whole or not at all —
/// bad input writes nothing and leaves an existing file as it was.
/// </summary>
[TestClass]
public sealed class OutputFileTests
{
    // The toy chain without its venture fund (FundingWithdrawalCascadeTests.Run_ToyChainWithoutVentureFund_EveryLinkDown):
    // model-lab fails in round 1 having lost 10 + 1.5 = 11.5; every one of the 8 links goes down, the fund's two
    // equity links first (withdrawn, round 0).
    [TestMethod]
    public void Cascade_CsvFiles_EveryEntityAndLink()
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("cascade", Repo.Graph("toy-chain.json"), "--withdraw", "vc-fund", "--output", temp.File("entities.csv"), "--output-links", temp.File("links.csv"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var entities = File.ReadAllLines(temp.File("entities.csv"));
        Assert.AreEqual("id,sector,failed,round,shocked,payment,networkPayment,equity,distress,lostInflow,creditLoss", entities[0]);
        Assert.HasCount(1 + 6, entities);
        CollectionAssert.Contains(entities, "model-lab,ModelLab,true,1,false,,,,,11.5,");
        CollectionAssert.Contains(entities, "vc-fund,VentureCapital,false,,true,,,,,0,");
        var links = File.ReadAllLines(temp.File("links.csv"));
        Assert.AreEqual("index,from,to,kind,amount,down,cause,round,amountDown", links[0]);
        Assert.HasCount(1 + 8, links);
        Assert.AreEqual("0,vc-fund,model-lab,Equity,10,true,Withdrawn,0,10", links[1]);
        Assert.AreEqual(47.5, links.Skip(1).Sum(l => double.Parse(l.Split(',')[^1], CultureInfo.InvariantCulture)), 1e-12);
    }

    // The fast --output-links CSV writer (UTF-8 straight from the result's arrays) writes byte for byte what the
    // documented row schema writes: ids with commas, quotes, a line break and non-ASCII letters quoted alike, down and up
    // links, numbers in shortest round-trip form.
    [TestMethod]
    public void Cascade_LinksCsv_FastWriterEqualsTheRowSchema()
    {
        string[] ids = ["plain", "a,b", "q\"x", "é中", "line\nbreak", "e7"];
        var builder = new AiContagion.Model.FinancingNetworkBuilder();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            builder.AddEntity(new AiContagion.Model.Entity(id, i == 0 ? AiContagion.Model.Sector.VentureCapital : AiContagion.Model.Sector.ModelLab) { Cash = i * 4.0 });
        }

        var random = new Random(5);
        for (var l = 0; l < 40; l++)
        {
            var from = random.Next(ids.Length);
            var to = (from + 1 + random.Next(ids.Length - 1)) % ids.Length;
            builder.AddLink(ids[from], ids[to], l % 3 == 0 ? AiContagion.Model.LinkKind.Equity : AiContagion.Model.LinkKind.Loan, Math.Round(random.NextDouble() * 10, random.Next(6)) + (l == 7 ? 1e-12 : 0));
        }

        var network = builder.Build();
        var result = new AiContagion.Cascades.FundingWithdrawalCascade().Run(network, AiContagion.Cascades.CascadeShock.Withdraw(0.3, ["plain"]));
        Assert.IsTrue(result.LinksDown > 0 && result.LinksDown < network.LinkCount, result.ToString());
        using var temp = new TempFolder();

        AiContagion.Cli.Commands.Cascades.CascadeReport.LinkRows.Write(temp.File("schema.csv"), result.Links.Select((l, i) => (l, network.Links[i])));
        using (var stream = File.Create(temp.File("fast.csv")))
        {
            AiContagion.Cli.Commands.Cascades.LinkOutcomeCsv.Write(stream, result, AiContagion.Cli.Commands.Cascades.CascadeReport.LinkRows.Columns.Select(c => c.Name));
        }

        CollectionAssert.AreEqual(File.ReadAllBytes(temp.File("schema.csv")), File.ReadAllBytes(temp.File("fast.csv")));
    }

    // The JSON file holds the same rows as --json's entities array, plus the sector.
    [TestMethod]
    public void Cascade_JsonFile_SameRowsAsTheJsonDocument()
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("cascade", Repo.Path("graphs", "textbook", "c1-eisenberg-noe.json"), "--model", "eisenberg-noe", "--json", "--output", temp.File("entities.json"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        using var file = JsonDocument.Parse(File.ReadAllText(temp.File("entities.json")));
        var rows = file.RootElement.EnumerateArray().ToList();
        var expected = document.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.HasCount(expected.Count, rows);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.AreEqual(expected[i].GetProperty("id").GetString(), rows[i].GetProperty("id").GetString());
            Assert.AreEqual(expected[i].GetProperty("payment").GetDouble(), rows[i].GetProperty("payment").GetDouble());
            Assert.AreEqual(JsonValueKind.Null, rows[i].GetProperty("distress").ValueKind);
        }

        // Published case C1: p* = [270/11, 290/11, 10].
        Assert.AreEqual(270.0 / 11, rows[0].GetProperty("payment").GetDouble(), 1e-9);
    }

    // Entity names with quotes and commas are quoted, quotes doubled (RFC 4180); every entity has a row, ranked.
    [TestMethod]
    public void Centrality_CsvFile_QuotedWhereNeededAndRanked()
    {
        using var temp = new TempFolder();
        var network = Networks.Random(40, 120, seed: 3);
        FinancingNetworkFile.Save(network, temp.File("random.json"));

        var run = CliRunner.Run("centrality", temp.File("random.json"), "--measure", "strength", "--output", temp.File("scores.csv"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var lines = File.ReadAllLines(temp.File("scores.csv"));
        Assert.AreEqual("rank,id,name,sector,score", lines[0]);
        Assert.HasCount(1 + 40, lines);
        var scores = StrengthCentrality.Compute(network);
        var top = scores.Top(1)[0];
        var name = network[top.Id].Name;
        var quoted = name.Contains(',', StringComparison.Ordinal) || name.Contains('"', StringComparison.Ordinal) ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name;
        Assert.AreEqual($"1,{top.Id},{quoted},{network[top.Id].Sector},{top.Score.ToString(CultureInfo.InvariantCulture)}", lines[1]);
        Assert.IsTrue(network.Entities.Any(e => e.Name.Contains('"', StringComparison.Ordinal)), "the network has names to quote");
        foreach (var entity in network.Entities.Where(e => e.Name.Contains('"', StringComparison.Ordinal)))
        {
            Assert.IsTrue(lines.Any(l => l.Contains("\"" + entity.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", StringComparison.Ordinal)), entity.Name);
        }
    }

    // Every analysis command writes one row per entity (or entry), whatever --top says.
    [TestMethod]
    [DataRow("rank|--candidates|all|--top|2", 6)]
    [DataRow("stress|--trials|100|--top|2", 6)]
    [DataRow("runway|--withdraw|vc-fund|--top|2", 6)]
    [DataRow("centrality|--measure|pagerank|--top|2", 6)]
    [DataRow("flow|--to|chipmaker|--top|2", 6)]
    [DataRow("dominators|--top|2", 6)]
    public void EveryCommand_OutputHasEveryRowWhateverTop(string commandLine, int rows)
    {
        using var temp = new TempFolder();
        var parts = commandLine.Split('|');

        var run = CliRunner.Run([parts[0], Repo.Graph("toy-chain.json"), .. parts[1..], "--output", temp.File("rows.csv")]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.HasCount(1 + rows, File.ReadAllLines(temp.File("rows.csv")), commandLine);
    }

    // Bad input: nothing written, not even a temporary file; an existing file keeps its content.
    [TestMethod]
    [DataRow("cascade|{toy}|--withdraw|nobody|--output|{out}")]
    [DataRow("cascade|{toy}|--model|funding|--distress|bank=0.5|--output|{out}")]
    [DataRow("rank|{toy}|--candidates|nobody|--output|{out}")]
    [DataRow("stress|{toy}|--p|nobody=0.5|--output|{out}")]
    [DataRow("centrality|{toy}|--measure|katz|--damping|0.5|--output|{out}")]
    [DataRow("runway|{toy}|--at|30|--output|{out}")]
    [DataRow("cascade|{missing}|--withdraw|vc-fund|--output|{out}")]
    public void BadInput_NoFileWritten_ExistingFileUntouched(string commandLine)
    {
        foreach (var existing in new[] { false, true })
        {
            using var temp = new TempFolder();
            var output = temp.File("rows.csv");
            if (existing)
            {
                File.WriteAllText(output, "old\n");
            }

            var args = commandLine.Split('|').Select(a => a
                .Replace("{toy}", Repo.Graph("toy-chain.json"), StringComparison.Ordinal)
                .Replace("{missing}", temp.File("missing.json"), StringComparison.Ordinal)
                .Replace("{out}", output, StringComparison.Ordinal)).ToArray();

            var run = CliRunner.Run(args);

            Assert.AreEqual(2, run.ExitCode, run.ToString());
            CollectionAssert.AreEqual(existing ? new[] { "rows.csv" } : Array.Empty<string>(), Directory.GetFiles(temp.Path).Select(Path.GetFileName).ToArray(), commandLine);
            if (existing)
            {
                Assert.AreEqual("old\n", File.ReadAllText(output));
            }
        }
    }

    // A good run replaces an existing file whole, through a staged file that does not stay behind.
    [TestMethod]
    public void GoodRun_ReplacesTheFileAndLeavesNoStagedFile()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("rows.json"), "old");

        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--output", temp.File("rows.json"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        CollectionAssert.AreEqual(new[] { "rows.json" }, Directory.GetFiles(temp.Path).Select(Path.GetFileName).ToArray());
        using var json = JsonDocument.Parse(File.ReadAllText(temp.File("rows.json")));
        Assert.AreEqual("vc-fund", json.RootElement[0].GetProperty("source").GetString());
    }

    [TestMethod]
    [DataRow("cascade")]
    [DataRow("rank")]
    [DataRow("centrality")]
    public void UnknownExtension_ExitCode2BeforeReading(string command)
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run(command, temp.File("missing.json"), "--measure", "pagerank", "--output", temp.File("rows.xlsx"));

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "cannot tell the format of");
        StringAssert.Contains(run.Error, "use a .csv or .json file");
    }
}
