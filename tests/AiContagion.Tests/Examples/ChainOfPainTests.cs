using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using AiContagion.Cascades;
using AiContagion.Flow;
using AiContagion.Io;
using AiContagion.Provenance;
using AiContagion.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Examples;

/// <summary>
/// Runs the flagship example on a copy of graphs/ai-chain.json into a temporary out folder. Two kinds of checks: the
/// printed figures agree with the library run independently here (so the report cannot drift from the models), and
/// the headline answer is pinned (so a data or model change that moves it is seen, and the README section with it).
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
        foreach (var heading in new[] { "THE CHAIN OF PAIN", "1. WHICH WITHDRAWAL BREAKS THE MOST", "2. THE WORST CASCADE, ROUND BY ROUND", "3. WHERE THE CHAIN TO NVIDIA IS THINNEST", "4. WHERE THE MONEY COMES FROM", "5. HOW FAR TO TRUST IT", "6. PICTURES", "7. THE ANSWER" })
        {
            StringAssert.Contains(text, heading);
        }

        StringAssert.Contains(text, "ai-chain.json: 73 entities, 108 links worth 1,992.5 USD bn");
        StringAssert.Contains(text, "41 funding sources");
    }

    // The ranking table's first rows are the library's ranking of the same file (funding model, defaults).
    [TestMethod]
    public void Run_RankingTable_IsTheLibrarysRanking()
    {
        var (_, text, _, graph) = Output.Value;
        var network = FinancingNetworkFile.Load(graph);
        var ranking = new WithdrawalRanking(new FundingWithdrawalCascade()).Rank(network);

        foreach (var entry in ranking.Entries.Take(10))
        {
            var row = text.Split('\n').FirstOrDefault(l => l.Contains("  " + network[entry.Sources[0]].Name + "  ", StringComparison.Ordinal));
            Assert.IsNotNull(row, $"{entry.Label} is in the table");
            StringAssert.Contains(row, string.Create(CultureInfo.InvariantCulture, $"{entry.LinksDown} of {network.LinkCount}"), entry.Label);
            StringAssert.EndsWith(row.TrimEnd(), " " + entry.EntitiesFailed.ToString(CultureInfo.InvariantCulture), entry.Label);
        }

        var worst = ranking.Explain(ranking.Entries[0]);
        StringAssert.Contains(text, string.Create(CultureInfo.InvariantCulture, $"In all: {worst.CascadeFailures} firms fail and {worst.LinksDown} of {network.LinkCount} links"));
        StringAssert.Contains(text, string.Create(CultureInfo.InvariantCulture, $"in {worst.Rounds} rounds"));
    }

    // Section 3 and 4 print what the structure algorithms give on the same file, run here independently.
    [TestMethod]
    public void Run_Structure_IsTheLibrarysFlowCutDominatorsAndProvenance()
    {
        var (_, text, _, graph) = Output.Value;
        var network = FinancingNetworkFile.Load(graph);
        var flow = MaximumFlow.Compute(network, EntitySelection.FundingSources, EntitySelection.Of("nvidia"));
        var entityCut = MinimumEntityCut.Compute(network, EntitySelection.FundingSources, EntitySelection.Of("nvidia"));
        var dominators = DominatorTree.Compute(network, EntitySelection.FundingSources).DominatorsOf("nvidia");
        var provenance = MoneyProvenance.Trace(network);

        StringAssert.Contains(text, string.Create(CultureInfo.InvariantCulture, $"Maximum flow from the funding sources to NVIDIA: {flow.Value:#,0.#} USD bn. A minimum cut of {flow.CutLinks.Length} links"));
        foreach (var link in flow.CutLinks)
        {
            StringAssert.Contains(text, string.Create(CultureInfo.InvariantCulture, $"{network[link.From].Name} -> {network[link.To].Name}  {link.Kind} {link.Amount:#,0.#}"));
        }

        StringAssert.Contains(text, "Fewest firms whose loss cuts every funding path to NVIDIA: " + string.Join(", ", entityCut.Entities.Select(id => network[id].Name)) + ".");
        StringAssert.Contains(text, "Every funding path to NVIDIA passes through " + string.Join(", ", dominators.Select(id => network[id].Name)));
        foreach (var id in new[] { "nvidia", "openai", "anthropic", "xai" })
        {
            var share = provenance[id].ShareOf(OriginKind.FundingSource);
            var row = text.Split('\n').First(l => l.StartsWith("   " + network[id].Name + " ", StringComparison.Ordinal) && l.Contains('%', StringComparison.Ordinal));
            StringAssert.EndsWith(row.TrimEnd(), " " + share.ToString("0%", CultureInfo.InvariantCulture), id);
        }
    }

    // Pinned structure figures on the committed data: the only sized money into NVIDIA is the derived 20 bn GPU
    // purchase of xAI's GPU SPV (facts row 73, the sum of rows 70 + 71), so the cut is the SPV's two financing links.
    [TestMethod]
    public void Run_Structure_NvidiaReachedOnlyThroughTheXaiSpv()
    {
        var text = Output.Value.Text;

        StringAssert.Contains(text, "NVIDIA takes in 235.9 USD bn: 20 through links, 215.9 of its own reported revenue.");
        StringAssert.Contains(text, "Maximum flow from the funding sources to NVIDIA: 20 USD bn. A minimum cut of 2 links carries all of it:");
        StringAssert.Contains(text, "Every funding path to NVIDIA passes through xAI GPU SPV (Colossus 2) (dominator).");
        StringAssert.Contains(text, "NVIDIA: 8% of its income is funder money at its origin, 92% outside revenue.");
        StringAssert.Contains(text, "Anthropic: 83% funder money; largest origin Anthropic 2026 round investors (47%, 67.6 USD bn).");
        StringAssert.Contains(Flat(text), "Funder money reaches NVIDIA only through xAI GPU SPV (Colossus 2): a cut of 2 links (20 USD bn) severs it");
    }

    // The answer on the committed data (graphs/ai-chain.json, library defaults: default tolerance 0.25, recovery 0,
    // full withdrawal). Pinned: if the data or a model changes it, update this test and the answer in README.md.
    [TestMethod]
    public void Run_Answer_TopThreeAndTheirLinksDown()
    {
        var text = Output.Value.Text;

        StringAssert.Contains(text, "1  Anthropic 2026 round investors           VentureCapital   73 of 108       1       72        1,667            17");
        StringAssert.Contains(text, "2  SoftBank Arm margin-loan lenders         Bank             59 of 108");
        StringAssert.Contains(text, "=3  SoftBank 2026 bridge-loan banks          Bank             59 of 108");
        StringAssert.Contains(text, "Chain model (liquidity and credit losses together): the same ranking, entry for entry.");
        StringAssert.Contains(text, "Anthropic (ModelLab) had lost 65 of its 143.4 inflow (45%) > buffer 25% (default)");
        StringAssert.Contains(Flat(text), "if the Anthropic 2026 round investors pulled their 65 USD bn, 73 of the 108 links (1,667 of 1,992.5 USD bn) would stop and 17 firms would fail, Anthropic, xAI and OpenAI among them.");
    }

    // The sweep: default tolerance 0.1/0.25/0.5 × recovery 0/0.4 (chain model). The first source changes at 0.5, the
    // recovery rate changes nothing (no capital figures), the SoftBank 2026 bridge banks are (tied) top three throughout.
    [TestMethod]
    public void Run_Sweep_WhatHoldsAndWhatDepends()
    {
        var text = Output.Value.Text;

        StringAssert.Contains(text, "default-tolerance=0.1,0.25,0.5 x recovery=0,0.4 (6 settings)");
        StringAssert.Contains(text, "5                0.5         0  SoftBank 2026 bridge-loan banks (46)  SoftBank Group (43)");
        StringAssert.Contains(text, "In every setting the top three (ties included) contain SoftBank 2026 bridge-loan banks (46-59 links).");
        StringAssert.Contains(text, "The recovery rate changes nothing");
        StringAssert.Contains(text, "Which source comes first: Anthropic 2026 round investors at default tolerance 0.1/0.25 (73 links); SoftBank 2026 bridge-loan banks at default tolerance 0.5 (46 links).");
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    // DOT is always written; CI has Graphviz, so SVG and PNG are too (as the Export tests, these fail without it).
    [TestMethod]
    public void Run_OutFolder_DiagramsAndChart()
    {
        var folder = Path.Combine(Output.Value.Folder, "out");

        foreach (var name in new[] { "chain-of-pain-cascade.dot", "chain-of-pain-cascade.svg", "chain-of-pain-cascade.png", "chain-of-pain-cut.dot", "chain-of-pain-cut.svg", "chain-of-pain-cut.png", "chain-of-pain-ranking.png", "chain-of-pain-ranking.svg" })
        {
            var path = Path.Combine(folder, name);
            Assert.IsTrue(File.Exists(path), $"{name} written");
            Assert.IsGreaterThan(500L, new FileInfo(path).Length, $"{name} is not empty");
        }

        var dot = File.ReadAllText(Path.Combine(folder, "chain-of-pain-cascade.dot"));
        StringAssert.Contains(dot, "Anthropic 2026 round investors withdraw: 73 of 108 links down");
        StringAssert.Contains(dot, "failed in round 1");
        var cut = File.ReadAllText(Path.Combine(folder, "chain-of-pain-cut.dot"));
        StringAssert.Contains(cut, "Funding sources -> NVIDIA: minimum cut 20 USD bn, 2 links");
        StringAssert.Contains(cut, "single point of failure");
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
        StringAssert.Contains(worst, "The worst withdrawal: Anthropic 2026 round investors");
        StringAssert.Contains(worst, "fails round 1");
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        foreach (var section in new[] { "id=\"data\"", "id=\"chain\"", "id=\"ranking\"", "id=\"ranking-funding\"", "id=\"cascade\"", "id=\"baseline\"", "id=\"sweep\"", "id=\"cut\"", "id=\"provenance\"", "id=\"core\"", "id=\"money\"" })
        {
            StringAssert.Contains(html, section);
        }

        // The sweep of section 5: six settings, the worst source at tolerance 0.5 is the SoftBank 2026 bridge-loan banks (46 links).
        StringAssert.Contains(html, "rerun over 6 settings");
        StringAssert.Contains(html, "SoftBank 2026 bridge-loan banks</td><td class=\"num\">46</td>");
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
