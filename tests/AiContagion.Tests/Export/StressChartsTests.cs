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

    [TestMethod]
    public void ToChart_NotWholeSteps_Throws()
    {
        var result = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 50, AverageDegrees = [0.0, 0.5], TrialsPerDegree = 2 });

        Assert.ThrowsExactly<InvalidOperationException>(() => result.ToChart());
    }
}
