using AiContagion.Generators;
using AiContagion.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>
/// By default every command prints a summary sized for a person: counts and totals, the top rows (--top, default 20)
/// with a line saying how many more there are and how to get them, and the shock as the user gave it.
/// </summary>
[TestClass]
public sealed class SummaryTests
{
    private static readonly Lazy<TempFolder> Folder = new(() => new TempFolder());

    // 2,000 entities, 20,000 links (generator seed 11): far more failures and links down than a screen holds.
    private static readonly Lazy<string> Large = new(() =>
    {
        var path = Folder.Value.File("synthetic-2000-20000");
        FinancingNetworkFile.Save(SyntheticFinancingNetwork.Create(2_000, 20_000, 11), path);
        return path;
    });

    [ClassCleanup]
    public static void CleanUp()
    {
        if (Folder.IsValueCreated)
        {
            Folder.Value.Dispose();
        }
    }

    [TestMethod]
    public void Cascade_ExternalShockOnEveryEntity_DescribedAsGivenAndCut()
    {
        var run = CliRunner.Run("cascade", Large.Value, "--model", "eisenberg-noe", "--external-shock-all", "0.08");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "eisenberg-noe cascade, shock: external shock 8 % on every entity\n");
        Assert.IsFalse(run.Output.Contains("=0.08", StringComparison.Ordinal), "the shock is not echoed entity by entity");
        StringAssert.Contains(run.Output, "more entities failed or touched by the shock (--top N shows more; --output FILE.csv|FILE.json writes every row)");
        StringAssert.Contains(run.Output, "more links down (--top N shows more; --output-links FILE.csv|FILE.json writes every link)");
        Assert.IsLessThan(80, run.Output.Split('\n').Length, "a screenful: two tables of 20 rows and the summary");
    }

    [TestMethod]
    [DataRow("--withdraw|vc-fund=0.5", "shock: withdrawal of vc-fund (50 %)")]
    [DataRow("--withdraw|vc-fund|--withdraw|bank", "shock: withdrawal of vc-fund, bank")]
    [DataRow("--model|credit|--fail|neocloud,bank", "shock: failure of neocloud, bank")]
    [DataRow("--model|debtrank|--distress-all|0.1", "shock: distress 10 % on every entity")]
    [DataRow("--model|debtrank|--distress|bank=0.25", "shock: distress bank 25 %")]
    [DataRow("--model|eisenberg-noe|--external-shock-sector|Bank=0.3", "shock: external shock 30 % on every Bank entity")]
    [DataRow("--model|eisenberg-noe|--external-shock|bank=0.2|--fail|neocloud", "shock: failure of neocloud; external shock bank 20 %")]
    public void Cascade_ShockDescribedAsGiven(string options, string expected)
    {
        var run = CliRunner.Run(["cascade", Repo.Graph("toy-chain.json"), .. options.Split('|')]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, expected);
    }

    [TestMethod]
    public void Cascade_ManyIdsGiven_ListCutAfterTen()
    {
        var ids = string.Join(",", Enumerable.Range(0, 25).Select(i => "e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var run = CliRunner.Run("cascade", Large.Value, "--model", "credit", "--fail", ids, "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "\"shock\": \"failure of e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, … (+15 more)\"");
    }

    // The top rows of each command's table, 20 by default, --top N otherwise, and the line about the rest (the
    // network has exactly 20 funding sources: info lists them all by default).
    [TestMethod]
    [DataRow("centrality|--measure|pagerank", "more entities (", true)]
    [DataRow("rank|--candidates|all", "more entries (", true)]
    [DataRow("stress|--trials|100", "more entities that failed in some trial (", true)]
    [DataRow("runway|--withdraw|e0", "more entities out of cash (", true)]
    [DataRow("dominators", "more entities (those that dominate fewest)", true)]
    [DataRow("flow|--to|sector:ChipMaker", "more cut links (", true)]
    [DataRow("info", "17 more funding sources (", false)]
    public void EveryCommand_TopRowsAndHowManyMore(string commandLine, string more, bool moreByDefault)
    {
        var parts = commandLine.Split('|');

        var byDefault = CliRunner.Run([parts[0], Large.Value, .. parts[1..]]);
        var three = CliRunner.Run([parts[0], Large.Value, .. parts[1..], "--top", "3"]);

        Assert.AreEqual(0, byDefault.ExitCode, byDefault.ToString());
        Assert.AreEqual(0, three.ExitCode, three.ToString());
        Assert.AreEqual(moreByDefault, byDefault.Output.Contains(more, StringComparison.Ordinal), byDefault.Output);
        StringAssert.Contains(three.Output, more);
        if (moreByDefault)
        {
            Assert.IsLessThan(byDefault.Output.Length, three.Output.Length, commandLine);
        }

        Assert.IsLessThan(120, byDefault.Output.Split('\n').Length, commandLine);
    }
}
