using AiContagion.Cascades;
using AiContagion.Export;
using AiContagion.Stress;
using AiContagion.Tests.Cascades;
using AiContagion.Tests.Support;


namespace AiContagion.Tests.Export;

/// <summary>The stress results' charts, built in Export (moved here from the Stress tests with the chart methods).</summary>
[TestClass]
public sealed class StressChartsTests
{
    [TestMethod]
    public void Charts_Render()
    {
        var result = new StressTest(CascadeModels.Create(CascadeModelKind.Funding), new StressOptions { Trials = 500, DefaultProbability = 0.3 }).Run(Networks.ToyChain());

        Assert.IsGreaterThan(1000, result.DistributionChart().ToPng().Length);
        Assert.IsGreaterThan(1000, result.FailureProbabilityChart().ToPng().Length);
    }

    [TestMethod]
    public void TimelineChart_Renders()
    {
        var result = RunwayRuns.Run(new RunwayOptions { Months = 12, WithdrawalMonth = 2 }, RunwaySimulationTests.ChainOfThree(), ["vc"]);

        Assert.IsGreaterThan(1000, result.TimelineChart().ToPng().Length);
    }

    // docs/examples/runway.json (asOf 2026-01-01): the fund withdraws at the start, the lab fails in month 2 (2026-02) and
    // the cloud in month 4 (2026-04). The timeline speaks in calendar months, as the report and the flagship do.
    [TestMethod]
    public void TimelineChart_WithAnAsOf_LabelsCalendarMonths()
    {
        var network = AiContagion.Io.FinancingNetworkFile.Load(Repo.Path("docs", "examples", "runway.json"));
        var result = new RunwayCascade(new RunwayOptions { Months = 12 }).Run(network, CascadeShock.Withdraw("fund")).Runway!;

        var svg = result.TimelineChart().ToSvg();

        StringAssert.Contains(svg, "withdrawal of fund at the start (2026-01)");
        StringAssert.Contains(svg, "(fails 2026-02)");
        StringAssert.Contains(svg, "(fails 2026-04)");
        StringAssert.Contains(svg, "withdrawal (at the start)");
        StringAssert.Matches(svg, new System.Text.RegularExpressions.Regex(@">\s*2026-03\s*<"), "a calendar month on the axis");
        StringAssert.Matches(svg, new System.Text.RegularExpressions.Regex(@">\s*start\s*<"), "month 0 is the start");
        Assert.DoesNotContain("fails in month", svg);
    }

    [TestMethod]
    public void ToChart_NotWholeSteps_Throws()
    {
        var result = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 50, AverageDegrees = [0.0, 0.5], TrialsPerDegree = 2 });

        Assert.ThrowsExactly<InvalidOperationException>(() => result.ToChart());
    }
}
