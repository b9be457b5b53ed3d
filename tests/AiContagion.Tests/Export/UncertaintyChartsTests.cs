using AiContagion.Cascades;
using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Ranking;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Export;

/// <summary>The rank-interval chart of an uncertainty ranking (<see cref="Chart.RankIntervals"/>, <see cref="UncertaintyCharts"/>).</summary>
[TestClass]
public sealed class UncertaintyChartsTests
{
    private static readonly RankIntervalChartRow[] Rows =
    [
        new("anthropic-2026-round-investors", 1, 4, 1, 0.847),
        new("softbank-bridge-banks-2026", 1, 2, 2, 0.0765),
        new("bond-investors", 5, 5, 5, 0),
        new("no-stated-rank", 3, 6, null, 0),
    ];

    [TestMethod]
    public void RankIntervals_Svg_ShowsLabelsProbabilitiesAndLegend()
    {
        var svg = Chart.RankIntervals(Rows).ToSvg();

        foreach (var text in new[] { "anthropic-2026-round-investors", "P(first) 84.7%", "P(first) 7.7%", "P(first) 0%", "rank with the stated amounts", "5 %–95 % of the draws", "rank (1 = most links down)", "Rank under uncertain amounts" })
        {
            StringAssert.Contains(svg, text);
        }
    }

    [TestMethod]
    public void RankIntervals_SameInput_ByteIdentical()
    {
        CollectionAssert.AreEqual(Chart.RankIntervals(Rows).ToPng(), Chart.RankIntervals(Rows).ToPng());
        Assert.AreEqual(Chart.RankIntervals(Rows).ToSvg(), Chart.RankIntervals(Rows).ToSvg());
        Assert.AreEqual(130 + (36 * 10), Chart.RankIntervals([.. Enumerable.Repeat(Rows[0], 10)]).Height);
    }

    [TestMethod]
    public void RankIntervals_BadRows_Throw()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => Chart.RankIntervals(null!));
        Assert.ThrowsExactly<ArgumentException>(() => Chart.RankIntervals([]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.RankIntervals([new RankIntervalChartRow("a", 0, 2, 1, 0.5)]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.RankIntervals([new RankIntervalChartRow("a", 3, 2, 1, 0.5)]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.RankIntervals([new RankIntervalChartRow("a", 1, 2, 0, 0.5)]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.RankIntervals([new RankIntervalChartRow("a", 1, 2, 1, 1.5)]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Chart.RankIntervals([new RankIntervalChartRow("a", 1, 2, 1, double.NaN)]));
    }

    [TestMethod]
    public void RankIntervalChart_OfAResult_TopRowsAndTitle()
    {
        var network = FinancingNetworkFile.Load(Repo.TestData("Uncertainty", "ai-chain-ranged.json"));
        var result = new UncertaintyRanking(new FundingWithdrawalCascade(), new UncertaintyRankingOptions { Draws = 20 }).Run(network);

        var chart = result.RankIntervalChart(top: 5);

        Assert.AreEqual(130 + (36 * 5), chart.Height);
        var svg = chart.ToSvg();
        StringAssert.Contains(svg, "Rank 5–95 % over 20 draws (funding model, 10 uncertain amounts, triangular)");
        StringAssert.Contains(svg, result.Candidates[4].Label);
        Assert.DoesNotContain(result.Candidates[5].Label, svg);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => result.RankIntervalChart(top: 0));
    }
}
