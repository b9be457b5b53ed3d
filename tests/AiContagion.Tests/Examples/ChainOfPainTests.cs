using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using AiContagion.Cascades;
using AiContagion.Flow;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Provenance;
using AiContagion.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Examples;

/// <summary>
/// Runs the flagship example on a copy of graphs/ai-chain.json into a temporary out folder. Two kinds of checks: the
/// printed figures agree with the library run independently here (runway ranking and baseline, uncertainty run,
/// structure, provenance, round trip, the static second opinion: so the report cannot drift from the models), and the
/// headline answer is pinned (so a data or model change that moves it is seen, and the README section with it).
/// </summary>
[TestClass]
public sealed partial class ChainOfPainTests
{
    /// <summary>The example's pictures the README shows, copied to docs/ (run with AICONTAGION_WRITE_DOCS=1 to refresh them).</summary>
    private static readonly string[] DocsPictures = ["chain-of-pain-cascade.svg", "chain-of-pain-cut.svg", "chain-of-pain-ranking.png"];

    private static readonly Lazy<(int Code, string Text, string Folder, string Graph)> Output = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "aicontagion-chain-of-pain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var graph = Path.Combine(folder, "ai-chain.json");
        File.Copy(Repo.Graph("ai-chain.json"), graph);
        var output = new StringWriter { NewLine = "\n" };
        var code = AiContagion.Examples.ChainOfPain.Program.Run([graph, "--out", Path.Combine(folder, "out")], output);
        return (code, output.ToString(), folder, graph);
    });

    [ClassCleanup]
    public static void Cleanup()
    {
        if (Output.IsValueCreated && Directory.Exists(Output.Value.Folder))
        {
            Directory.Delete(Output.Value.Folder, recursive: true);
        }
    }

    [TestMethod]
    public void Run_CopyOfTheChain_ExitCode0AndEverySection()
    {
        var (code, text, _, _) = Output.Value;

        Assert.AreEqual(0, code, text);
        foreach (var heading in Headings)
        {
            StringAssert.Contains(text, heading);
        }

        StringAssert.Contains(text, "ai-chain.json: 78 entities, 142 links worth 2,782.2 USD bn");
        StringAssert.Contains(text, "45 funding sources");
        StringAssert.Contains(text, "24 months from 2026-01 to 2027-12");
    }

    private static readonly string[] Headings =
    [
        "THE CHAIN OF PAIN", "1. WHO RUNS OUT OF CASH ANYWAY", "2. WHICH WITHDRAWAL BREAKS THE MOST, ON CASH", "3. THE WORST CASCADE, MONTH BY MONTH",
        "4. HOW SURE, GIVEN THE DATA'S RANGES", "5. HOW SURE, GIVEN THE ASSUMPTIONS", "6. WHERE THE CHAIN TO NVIDIA IS THINNEST",
        "7. WHERE THE MONEY COMES FROM", "8. SECOND OPINION, THE STATIC FUNDING MODEL", "9. PICTURES", "10. WHAT HOLDS ACROSS ALL OF IT", "THE ANSWER",
    ];

    /// <summary>The text of one numbered section (from its heading to the next).</summary>
    private static string Section(string text, int number)
    {
        var start = text.IndexOf(Headings[number], StringComparison.Ordinal);
        var end = number + 1 < Headings.Length ? text.IndexOf(Headings[number + 1], start, StringComparison.Ordinal) : text.Length;
        return text[start..end];
    }

    private static CascadeModelSettings Runway24 => new() { Runway = new RunwayOptions { Months = 24 } };

    // Section 1: the baseline is the library's no-shock runway run (24 months): who fails, and in which month.
    [TestMethod]
    public void Run_Baseline_IsTheLibrarysNoShockRun()
    {
        var (_, text, _, graph) = Output.Value;
        var network = FinancingNetworkFile.Load(graph);
        var baseline = CascadeModels.Create(CascadeModelKind.Runway, Runway24).Run(network, CascadeShock.None).Runway!;
        var section = Section(text, 1);
        StringAssert.Contains(section, string.Create(CultureInfo.InvariantCulture, $"{baseline.FailureOrder.Length} firms run out of cash on their own"));
        var asOf = CalendarMonth.Parse(network.Metadata.AsOf!);
        foreach (var e in baseline.FailureOrder)
        {
            StringAssert.Contains(section, asOf.AddMonths(e.FailedMonth!.Value - 1) + "  " + network[e.Id].Name, e.Id);
        }

        // Pinned on the committed data: xAI (2026-03), Fluidstack, TeraWulf, SoftBank (the 40 bridge loan falls due
        // in 2027-03), CoreWeave and Cipher Mining run out of cash with no withdrawal.
        CollectionAssert.AreEqual(new[] { "xai", "fluidstack", "terawulf", "softbank", "coreweave", "cipher-mining" }, baseline.FailureOrder.Select(e => e.Id).ToArray());
        StringAssert.Contains(section, "SoftBank Group, 2027-03: starts with 24.52, takes in 40, pays out 78.8; the largest drain is debt service 48.5");
    }

    // Section 2: the ranking table's rows are the library's runway ranking against the no-shock baseline.
    [TestMethod]
    public void Run_RankingTable_IsTheLibrarysRunwayRanking()
    {
        var (_, text, _, graph) = Output.Value;
        var network = FinancingNetworkFile.Load(graph);
        var ranking = new WithdrawalRanking(CascadeModels.Create(CascadeModelKind.Runway, Runway24)).Rank(network);
        var section = Section(text, 2);
        Assert.IsTrue(ranking.AgainstBaseline, "the runway ranks against the no-shock baseline");
        foreach (var entry in ranking.Entries.Take(10))
        {
            var row = section.Split('\n').FirstOrDefault(l => l.Contains("  " + network[entry.Sources[0]].Name + "  ", StringComparison.Ordinal));
            Assert.IsNotNull(row, $"{entry.Label} is in the table");
            StringAssert.Contains(row, string.Create(CultureInfo.InvariantCulture, $"{entry.LinksDown} of {network.LinkCount}"), entry.Label);
        }

        // The static model's table (section 8) is the library's funding-model ranking.
        var staticRanking = new WithdrawalRanking(new FundingWithdrawalCascade()).Rank(network);
        var second = Section(text, 8);
        foreach (var entry in staticRanking.Entries.Take(10))
        {
            var row = second.Split('\n').First(l => l.Contains("  " + network[entry.Sources[0]].Name + "  ", StringComparison.Ordinal));
            StringAssert.Contains(row, string.Create(CultureInfo.InvariantCulture, $"{entry.LinksDown} of {network.LinkCount}"), entry.Label);
            StringAssert.EndsWith(row.TrimEnd(), " " + entry.EntitiesFailed.ToString(CultureInfo.InvariantCulture), entry.Label);
        }
    }

    // Section 4: the uncertainty run is the library's (1,000 draws, seed 1, triangular) on the same file.
    [TestMethod]
    public void Run_Uncertainty_IsTheLibrarysSeededRun()
    {
        var (_, text, _, graph) = Output.Value;
        var network = FinancingNetworkFile.Load(graph);
        var result = new UncertaintyRanking(CascadeModels.Create(CascadeModelKind.Runway, Runway24), new UncertaintyRankingOptions { Draws = 1000, Seed = 1 }).Run(network);
        var section = Section(text, 4);
        StringAssert.Contains(section, string.Create(CultureInfo.InvariantCulture, $"1,000 draws of the {result.RangedLinks.Length} estimated amounts"));
        var first = result.Candidates[0];
        StringAssert.Contains(section, string.Create(CultureInfo.InvariantCulture, $"{network[first.Sources[0]].Name} ranks first in {first.PFirst * 100:0.0} % of the draws"));

        // Pinned: SoftBank Group first in 96.8 % of the draws, the SoftBank 2026 bridge banks in the rest.
        StringAssert.Contains(section, "SoftBank Group ranks first in 96.8 % of the draws (± 0.6 %).");
    }

    // Section 6 and 7 print what the structure algorithms give on the same file, run here independently.
    [TestMethod]
    public void Run_Structure_IsTheLibrarysFlowCutDominatorsAndProvenance()
    {
        var (_, text, _, graph) = Output.Value;
        var network = FinancingNetworkFile.Load(graph);
        var flow = MaximumFlow.Compute(network, EntitySelection.FundingSources, EntitySelection.Of("nvidia"));
        var entityCut = MinimumEntityCut.Compute(network, EntitySelection.FundingSources, EntitySelection.Of("nvidia"));
        var dominators = DominatorTree.Compute(network, EntitySelection.FundingSources).DominatorsOf("nvidia");
        var provenance = MoneyProvenance.Trace(network);
        var roundTrip = MoneyRoundTrip.Compute(network);

        StringAssert.Contains(text, string.Create(CultureInfo.InvariantCulture, $"Maximum flow from the funding sources to NVIDIA: {flow.Value:#,0.#} USD bn. A minimum cut of {flow.CutLinks.Length} links"));
        foreach (var link in flow.CutLinks)
        {
            StringAssert.Contains(text, string.Create(CultureInfo.InvariantCulture, $"{network[link.From].Name} -> {network[link.To].Name}  {link.Kind} {link.Amount:#,0.#}"));
        }

        StringAssert.Contains(text, "Fewest firms whose loss cuts every funding path to NVIDIA: " + string.Join(", ", entityCut.Entities.Select(id => network[id].Name)) + ".");
        StringAssert.Contains(text, dominators.Count == 0
            ? "No single firm lies on every funding path to NVIDIA (no dominator)."
            : "Every funding path to NVIDIA passes through " + string.Join(", ", dominators.Select(id => network[id].Name)));
        foreach (var id in new[] { "nvidia", "openai", "anthropic", "xai" })
        {
            var share = provenance[id].ShareOf(OriginKind.FundingSource);
            var row = Section(text, 7).Split('\n').First(l => l.StartsWith("   " + network[id].Name + " ", StringComparison.Ordinal) && l.Contains('%', StringComparison.Ordinal));
            StringAssert.EndsWith(row.TrimEnd(), " " + share.ToString("0%", CultureInfo.InvariantCulture), id);
        }

        foreach (var e in roundTrip.Ranked().Where(e => e.Share > 0).Take(8))
        {
            var row = Section(text, 7).Split('\n').First(l => l.StartsWith("   " + network[e.Id].Name + " ", StringComparison.Ordinal) && l.Contains(" %", StringComparison.Ordinal));
            StringAssert.Contains(row, string.Create(CultureInfo.InvariantCulture, $"{e.Share!.Value * 100:0.0} %"), e.Id);
        }
    }

    // Pinned structure figures on the committed data (the AI chain v2): NVIDIA's GPU sales to 11 buyers are in the
    // graph, so funder money reaches it by many paths (a cut of 39 links) and no firm dominates it.
    [TestMethod]
    public void Run_Structure_NvidiaReachedByManyPaths()
    {
        var text = Output.Value.Text;

        StringAssert.Contains(text, "NVIDIA takes in 691.4 USD bn: 601.4 through links, 90 of its own reported revenue.");
        StringAssert.Contains(text, "Maximum flow from the funding sources to NVIDIA: 414.6 USD bn. A minimum cut of 39 links carries all of it:");
        StringAssert.Contains(text, "No single firm lies on every funding path to NVIDIA (no dominator).");
        StringAssert.Contains(text, "NVIDIA: 30% of its income is funder money at its origin, 70% outside revenue.");
        StringAssert.Contains(Flat(text), "Circular money is real but small: the largest round-trip share is OpenAI's 9.9 % (20.4 USD bn); NVIDIA's is 4.2 %.");
    }

    // The answer on the committed data (graphs/ai-chain.json, runway 24 months, unknown cash from the tolerance rule,
    // floor 0). Pinned: if the data or a model changes it, update this test and the answer in README.md.
    [TestMethod]
    public void Run_Answer_TopThreeAndTheirLinksDown()
    {
        var text = Output.Value.Text;

        StringAssert.Contains(text, "      1  SoftBank Group                          Conglomerate     20 of 142       2       18        970.8             1       0  2027-10");
        StringAssert.Contains(text, "      2  Anthropic 2026 round investors          VentureCapital   11 of 142");
        StringAssert.Contains(text, "2027-10  OpenAI (ModelLab) runs out of cash (started with 34.5): fails only because of the withdrawal");
        StringAssert.Contains(Flat(text), "the SoftBank Group would do the most harm by pulling out: 20 of the 142 links (970.8 of 2,782.2 USD bn) stop beyond the baseline and OpenAI fails or fails sooner.");
        StringAssert.Contains(Flat(text), "No single withdrawal fails Alphabet (Google), Amazon (AWS), Microsoft, Meta or NVIDIA within the horizon.");
        StringAssert.Contains(Flat(text), "The static funding model, a second opinion that counts whole deal totals at once, names the Anthropic 2026 round investors instead (108 links)");
    }

    // The sweep: unknown-cash tolerance/zero/months-of-costs:6/unlimited x floor 0/0.5 x months 12/24/36 (runway).
    // The first source depends on the horizon only: Bond investors at 12 months, SoftBank at 24, IREN's GPU lenders at 36.
    [TestMethod]
    public void Run_Sweep_WhatHoldsAndWhatDepends()
    {
        var section = Section(Output.Value.Text, 5);

        StringAssert.Contains(section, "unknown-cash=tolerance,zero,months-of-costs:6,unlimited x floor=0,0.5 x months=12,24,36 (24 settings)");
        StringAssert.Contains(section, "12 months: first is Bond investors (8 of 8).");
        StringAssert.Contains(section, "24 months: first is SoftBank Group (8 of 8).");
        StringAssert.Contains(section, "36 months: first is IREN GPU lenders (8 of 8).");
        StringAssert.Contains(section, "No source is first in every setting.");
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    // DOT is always written; CI has Graphviz, so SVG and PNG are too (as the Export tests, these fail without it).
    [TestMethod]
    public void Run_OutFolder_DiagramsAndChart()
    {
        var folder = Path.Combine(Output.Value.Folder, "out");

        foreach (var name in new[] { "chain-of-pain-cascade.dot", "chain-of-pain-cascade.svg", "chain-of-pain-cascade.png", "chain-of-pain-cut.dot", "chain-of-pain-cut.svg", "chain-of-pain-cut.png", "chain-of-pain-ranking.png", "chain-of-pain-ranking.svg", "chain-of-pain-uncertainty.png", "chain-of-pain-uncertainty.svg", "chain-of-pain-timeline.png", "chain-of-pain-timeline.svg", "chain-of-pain-static-ranking.png", "chain-of-pain-static-ranking.svg" })
        {
            var path = Path.Combine(folder, name);
            Assert.IsTrue(File.Exists(path), $"{name} written");
            Assert.IsGreaterThan(500L, new FileInfo(path).Length, $"{name} is not empty");
        }

        var dot = File.ReadAllText(Path.Combine(folder, "chain-of-pain-cascade.dot"));
        StringAssert.Contains(dot, "SoftBank Group withdraw (runway, 24 months): 44 of 142 links down");
        var cut = File.ReadAllText(Path.Combine(folder, "chain-of-pain-cut.dot"));
        StringAssert.Contains(cut, "Funding sources -> NVIDIA: minimum cut 414.6 USD bn, 39 links");
    }

    // The readable pictures come first (the tiered chain, the worst cascade in the same columns; both pass the A3 rule
    // or are not written), and report.html holds everything in one file.
    [TestMethod]
    public void Run_OutFolder_TieredPicturesAndReport()
    {
        var folder = Path.Combine(Output.Value.Folder, "out");

        foreach (var name in new[] { "chain-of-pain-chain.dot", "chain-of-pain-chain.svg", "chain-of-pain-chain.png", "chain-of-pain-worst.dot", "chain-of-pain-worst.svg", "chain-of-pain-worst.png", "report.html" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(folder, name)), $"{name} written");
        }

        StringAssert.Contains(Output.Value.Text, "chain-of-pain-chain.dot/.svg/.png: the chain in tier columns");
        StringAssert.Contains(Output.Value.Text, "report.html: one self-contained page with all of it (11 sections;");
        var chain = AiContagion.Export.Readability.Measure(File.ReadAllText(Path.Combine(folder, "chain-of-pain-chain.svg")));
        Assert.IsTrue(chain.IsReadable(), chain.ToString());
        var worst = File.ReadAllText(Path.Combine(folder, "chain-of-pain-worst.svg"));
        StringAssert.Contains(worst, "The worst withdrawal on cash: SoftBank Group");
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        foreach (var section in new[] { "id=\"data\"", "id=\"chain\"", "id=\"ranking\"", "id=\"ranking-funding\"", "id=\"cascade\"", "id=\"baseline\"", "id=\"sweep\"", "id=\"cut\"", "id=\"provenance\"", "id=\"core\"", "id=\"money\"" })
        {
            StringAssert.Contains(html, section);
        }

        // The sweep of section 5: 24 settings (unknown-cash x floor x months) on the runway.
        StringAssert.Contains(html, "rerun over 24 settings");
    }

    // docs/ holds the example's own output. With AICONTAGION_WRITE_DOCS=1 this test copies it there; otherwise it
    // checks the committed pictures are current: the same size, give or take font metrics on another machine.
    [TestMethod]
    public void DocsPictures_Committed_AreTheExamplesOutput()
    {
        var folder = Path.Combine(Output.Value.Folder, "out");
        if (Environment.GetEnvironmentVariable("AICONTAGION_WRITE_DOCS") == "1")
        {
            foreach (var name in DocsPictures)
            {
                AiContagion.Io.AtomicFile.WriteAllBytes(Repo.Path("docs", name), File.ReadAllBytes(Path.Combine(folder, name)));
            }
        }

        foreach (var name in DocsPictures)
        {
            var committed = Repo.Path("docs", name);
            Assert.IsTrue(File.Exists(committed), $"docs/{name} is committed");
            var (width, height) = Size(committed);
            var (freshWidth, freshHeight) = Size(Path.Combine(folder, name));
            Assert.AreEqual(freshWidth, width, freshWidth * 0.1, $"docs/{name} width");
            Assert.AreEqual(freshHeight, height, freshHeight * 0.1, $"docs/{name} height");
        }
    }

    /// <summary>Width and height of a PNG (IHDR chunk) or an SVG (root width/height in points).</summary>
    private static (double Width, double Height) Size(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".png", StringComparison.Ordinal))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }

        var match = SvgSize().Match(System.Text.Encoding.UTF8.GetString(bytes));
        Assert.IsTrue(match.Success, $"{path} has an svg width and height");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"")]
    private static partial Regex SvgSize();
}
