using System.Text.RegularExpressions;
using AiContagion.Export;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

/// <summary>The report as a composable document: sections in order, escaping, the no-network policy, the standard chain report.</summary>
[TestClass]
public sealed partial class ReportTests
{
    [TestMethod]
    public void Document_Sections_InOrderWithContentsAndEscapedText()
    {
        var report = new ReportDocument("Report <one> & \"two\"", "sub <b>title</b>")
            .Add(new TableSection("first", "First <table>", ["name", "amount"], [["A & B <script>alert(1)</script>", "1,234.5"], ["C", "7"]], "Intro & more", ["a note"]))
            .Add(new DiagramSection("picture", "A picture", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10pt\" height=\"10pt\"><g id=\"n0\" class=\"node\"/></svg>", "caption <i>"));

        var html = report.ToHtml();

        StringAssert.Contains(html, "<title>Report &lt;one&gt; &amp; &quot;two&quot;</title>");
        StringAssert.Contains(html, "<a href=\"#first\">First &lt;table&gt;</a>");
        StringAssert.Contains(html, "A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;");
        StringAssert.Contains(html, "<td class=\"num\">1,234.5</td>");
        Assert.IsLessThan(html.IndexOf("id=\"picture\"", StringComparison.Ordinal), html.IndexOf("id=\"first\"", StringComparison.Ordinal));
        // The SVG is inlined without its prolog, its ids prefixed per figure.
        Assert.DoesNotContain("<?xml", html);
        Assert.DoesNotContain("<!DOCTYPE svg", html);
        StringAssert.Contains(html, "<g id=\"d1-n0\" class=\"node\"/>");
        Assert.AreEqual(1, Regex.Count(html, "<script>"), "one script: the viewer");
    }

    [TestMethod]
    public void Document_NoNetwork_PolicyAndNoOutsideAddress()
    {
        var html = ChainReport.Create(Networks.ToyChain(), new ChainReportOptions { Models = [AiContagion.Cascades.CascadeModelKind.Funding, AiContagion.Cascades.CascadeModelKind.Chain] }).ToHtml();

        StringAssert.Contains(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:;");
        Assert.AreEqual(0, OutsideAddresses(html).Count, string.Join(", ", OutsideAddresses(html)));
        Assert.DoesNotContain(" src=\"", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        StringAssert.Contains(html, "MIT licence");
    }

    // docs/examples/runway.json (asOf 2026-01-01; concepts.md derives it): the fund's withdrawal fails the lab in month 2
    // (2026-02) and the cloud in month 4 (2026-04). The runway's rounds are months: the report labels them so.
    [TestMethod]
    public void ChainReport_Runway_WorstCascadeMonthByMonth()
    {
        var network = AiContagion.Io.FinancingNetworkFile.Load(Repo.Path("docs", "examples", "runway.json"));

        var html = ChainReport.Create(network, new ChainReportOptions { Models = [AiContagion.Cascades.CascadeModelKind.Runway], ModelSettings = new() { Runway = new() { Months = 12 } } }).ToHtml();

        StringAssert.Contains(html, "The worst cascade, month by month");
        Assert.DoesNotContain("The worst cascade, round by round", html);
        StringAssert.Contains(html, "2026-02");
        StringAssert.Contains(html, "2026-04");
    }

    [TestMethod]
    public void ChainReport_ToyChain_StandardSections()
    {
        var report = ChainReport.Create(Networks.ToyChain(), new ChainReportOptions { Baseline = true, Sweep = [new AiContagion.Ranking.SweepAxis(AiContagion.Ranking.SweepParameter.DefaultTolerance, [0.1, 0.5])] });

        CollectionAssert.AreEqual(new[] { "data", "chain", "ranking", "cascade", "baseline", "sweep", "cut", "provenance", "core", "money" }, report.Sections.Select(s => s.Id).ToArray());
        var html = report.ToHtml();
        // The toy chain's worst withdrawal (funding model) is vc-fund: 3 firms fail, all 8 links down (ToyChainCascade).
        StringAssert.Contains(html, "Frontier Ventures");
        StringAssert.Contains(html, "8 of 8");
        // The default target has no NVIDIA: the chip maker receiving the most.
        StringAssert.Contains(html, "Silicon Forge");
        Assert.AreEqual("chipmaker", ChainReport.DefaultTarget(Networks.ToyChain()));
    }

    [TestMethod]
    public void BaselineSection_Outcomes_InWordsNotEnumNames()
    {
        var words = Enum.GetValues<AiContagion.Cascades.RunwayOutcome>().Select(BaselineSection.Words).ToList();

        Assert.AreEqual("fails anyway, same month", BaselineSection.Words(AiContagion.Cascades.RunwayOutcome.FailsWithoutShock));
        Assert.AreEqual("fails sooner because of it", BaselineSection.Words(AiContagion.Cascades.RunwayOutcome.FailsSoonerWithShock));
        CollectionAssert.AllItemsAreUnique(words);
        foreach (var outcome in Enum.GetValues<AiContagion.Cascades.RunwayOutcome>())
        {
            Assert.DoesNotContain(outcome.ToString(), string.Join("|", words), "every outcome has its words");
        }
    }

    [TestMethod]
    public void Document_BadSection_Refused()
    {
        var report = new ReportDocument("R").Add(new TableSection("a", "A", ["x"], []));

        Assert.ThrowsExactly<ArgumentException>(() => report.Add(new TableSection("a", "again", ["x"], [])));
        Assert.ThrowsExactly<ArgumentException>(() => report.Add(new TableSection("has space", "B", ["x"], [])));
        Assert.ThrowsExactly<ArgumentException>(() => new ReportDocument("R").Add(new TableSection("t", "T", ["x", "y"], [["only one"]])).ToHtml());
    }

    /// <summary>Every http(s) address the file would load, except the XML namespace names SVG declares (never fetched).</summary>
    // Addresses a browser would load: in a src/href/action/data attribute, an SVG xlink:href, a CSS url(...) or @import.
    // A source cited as text (the AI chain's `source` fields are web addresses, shown in tables and tooltips) is not a
    // request; the Chromium test checks separately that opening the file makes none.
    internal static List<string> OutsideAddresses(string html) =>
        [.. Address().Matches(html).Select(m => m.Groups["a"].Value).Where(a => a is not ("http://www.w3.org/2000/svg" or "http://www.w3.org/1999/xlink")).Distinct()];

    [GeneratedRegex(@"(?:\b(?:src|href|action|data|poster|srcset)\s*=\s*[""']?|url\(\s*[""']?|@import\s+[""']?)(?<a>(?:https?:)?//[^\s""'<>)]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
