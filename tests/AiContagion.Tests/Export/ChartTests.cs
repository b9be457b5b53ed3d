using System.Text;
using AiContagion.Export;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

[TestClass]
public sealed class ChartTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The toy chain's withdrawal ranking with every entity as a candidate, derived by hand (see ToyChainRanking).</summary>
    private static IReadOnlyList<RankingChartRow> ToyRanking => ToyChainRanking.Rows;

    public static IEnumerable<object[]> EveryKind() =>
    [
        ["ranking"],
        ["distribution"],
        ["probabilities"],
        ["runway"],
    ];

    private static Chart Make(string kind) => kind switch
    {
        "ranking" => Chart.Ranking(ToyRanking),
        "distribution" => Chart.Distribution(
            [0, 0, 1, 2, 2, 2, 3, 5, 8, 8], [new ChartMarker("mean", 3.1), new ChartMarker("95% quantile", 8)], options: new ChartOptions { XLabel = "links down" }),
        "probabilities" => Chart.FailureProbabilities([new ProbabilityChartRow("model-lab", 0.42), new ProbabilityChartRow("neocloud", 0.3), new ProbabilityChartRow("chipmaker", 0)]),
        "runway" => Chart.RunwayTimeline(
            [new RunwayChartSeries("model-lab", [4, 3.2, 2.1, 0.4, -0.9], 4), new RunwayChartSeries("neocloud", [2, 1.9, 1.9, 1.8, 1.7], null)],
            withdrawalMonth: 1, new ChartOptions { YLabel = "cash (USD bn)" }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [TestMethod]
    [DynamicData(nameof(EveryKind))]
    public void Save_PngAndSvg_WritesValidNonEmptyFiles(string kind)
    {
        using var temp = new TempFolder();
        var chart = Make(kind);

        chart.Save(temp.File("c.png"));
        chart.Save(temp.File("c.svg"));

        var png = File.ReadAllBytes(temp.File("c.png"));
        CollectionAssert.AreEqual(PngSignature, png[..8]);
        Assert.IsGreaterThan(5_000, png.Length);
        var svg = GraphvizTools.Xml(File.ReadAllText(temp.File("c.svg")));
        Assert.AreEqual("svg", svg.DocumentElement!.LocalName);
        Assert.IsGreaterThan(20, svg.GetElementsByTagName("text").Count + svg.GetElementsByTagName("path").Count, "something is drawn");
    }

    [TestMethod]
    [DynamicData(nameof(EveryKind))]
    public void Render_TwoChartsFromTheSameInput_ByteIdentical(string kind)
    {
        // PNG repeats on one machine; SVG repeats once ScottPlot's process-wide clip-path counter is renumbered.
        var first = Make(kind);
        var second = Make(kind);

        CollectionAssert.AreEqual(first.ToPng(), second.ToPng());
        Assert.AreEqual(first.ToSvg(), second.ToSvg());
    }

    [TestMethod]
    public void Ranking_Svg_ShowsLabelsAndSplits()
    {
        var svg = Chart.Ranking(ToyRanking).ToSvg();

        foreach (var text in new[] { "vc-fund", "8 (2 + 6)", "4 (1 + 3)", "4 (2 + 2)", "1 (1 + 0)", "Withdrawal ranking", "links down" })
        {
            StringAssert.Contains(svg, text);
        }
    }

    [TestMethod]
    public void Ranking_DefaultHeight_GrowsWithRows()
    {
        Assert.AreEqual(370, Chart.Ranking(ToyRanking).Height, "130 + 40 × 6");
        Assert.AreEqual(300, Chart.Ranking([new RankingChartRow("a", 1, 0)]).Height, "at least 300");
        Assert.AreEqual(640, Chart.Ranking(ToyRanking, new ChartOptions { Width = 1000, Height = 640 }).Height);
    }

    [TestMethod]
    public void Charts_NastyText_StillWellFormedSvg()
    {
        var nasty = "AT&T <b>\"x\"</b>\u0001\n\uD800 é 😀 " + new string('y', 500);

        var svg = Chart.Ranking([new RankingChartRow(nasty, 1, 2)], new ChartOptions { Title = nasty, XLabel = nasty }).ToSvg();

        GraphvizTools.Xml(svg);
        StringAssert.Contains(svg, "AT&amp;T &lt;b&gt;");
    }

    [TestMethod]
    [DataRow("a\u0001b", "a b")]
    [DataRow("line\r\nbreak", "line break")]
    [DataRow("  trimmed  ", "trimmed")]
    public void Clean_Text(string text, string expected) => Assert.AreEqual(expected, Chart.Clean(text));

    [TestMethod]
    public void Clean_LoneSurrogate_Replaced() => Assert.AreEqual("\uFFFDx\uFFFD", Chart.Clean("\uD800x\uDC00"));

    [TestMethod]
    public void Factories_InvalidInput_Throw()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Chart.Ranking([]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.Ranking([new RankingChartRow("a", -1, 0)]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.Ranking(ToyRanking, new ChartOptions { Width = 10 }));
        Assert.ThrowsExactly<ArgumentException>(() => Chart.Distribution([]));
        Assert.ThrowsExactly<ArgumentException>(() => Chart.Distribution([1, double.NaN]));
        Assert.ThrowsExactly<ArgumentException>(() => Chart.Distribution([1], [new ChartMarker("m", double.PositiveInfinity)]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.Distribution([1], binCount: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.FailureProbabilities([new ProbabilityChartRow("a", 1.5)]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.FailureProbabilities([new ProbabilityChartRow("a", double.NaN)]));
        Assert.ThrowsExactly<ArgumentException>(() => Chart.RunwayTimeline([new RunwayChartSeries("a", [], null)]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.RunwayTimeline([new RunwayChartSeries("a", [1], -1)]));
        Assert.ThrowsExactly<ArgumentException>(() => Chart.FormatOf("chart.jpg"));
    }

    [TestMethod]
    public void RunwayTimeline_ManySeries_DrawsWithoutLegend()
    {
        var series = Enumerable.Range(0, 40).Select(i => new RunwayChartSeries($"e{i}", [.. Enumerable.Range(0, 24).Select(m => 10.0 - (m * i / 10.0))], i > 4 ? 100 / i : null)).ToList();

        var svg = Chart.RunwayTimeline(series).ToSvg();

        Assert.IsFalse(svg.Contains("e39", StringComparison.Ordinal), "no legend entry for 40 lines");
        Assert.AreEqual(ChartFormat.Svg, Chart.FormatOf("x.SVG"));
        Assert.IsGreaterThan(1000, Encoding.UTF8.GetByteCount(svg));
    }
}
