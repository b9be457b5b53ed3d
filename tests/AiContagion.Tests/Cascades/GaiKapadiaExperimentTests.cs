using AiContagion.Cascades;

namespace AiContagion.Tests.Cascades;

[TestClass]
public sealed class GaiKapadiaExperimentTests
{
    // Gai & Kapadia (2010), Figure 1 (capital 4 %, interbank assets 20 %): contagion appears only in a window of
    // average degree, roughly 1 < z < 8; inside it, when contagion happens it reaches almost the whole system. A bank
    // is vulnerable to one debtor's default iff 20/j > 4, i.e. j ≤ 4 debtors, so at z = 10 few banks are vulnerable
    // and contagion dies out; at z = 0.5 the network falls apart into small pieces. Seeded: the draws are fixed.
    [TestMethod]
    [DataRow(0.5, 0.0, 0.0)]
    [DataRow(3.0, 0.5, 1.0)]
    [DataRow(10.0, 0.0, 0.0)]
    public void Run_ContagionWindow_MatchesThePaperQualitatively(double z, double minimumFrequency, double maximumFrequency)
    {
        var result = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 300, AverageDegree = z, Trials = 40, Seed = 7 });

        Assert.IsTrue(result.ContagionFrequency >= minimumFrequency && result.ContagionFrequency <= maximumFrequency, result.ToString());
        if (result.ContagionFrequency > 0)
        {
            Assert.IsGreaterThan(0.8, result.MeanExtentGivenContagion, "inside the window contagion reaches most of the system");
        }
    }

    // No links: only the initially failed bank defaults (1 < 5 % of 50 = 2.5): no contagion, one default per trial.
    [TestMethod]
    public void Run_NoLinks_OnlyTheInitialFailure()
    {
        var result = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 50, AverageDegree = 0, Trials = 10 });

        Assert.AreEqual(0.0, result.ContagionFrequency);
        Assert.AreEqual(1.0, result.MeanDefaults);
    }

    [TestMethod]
    public void Run_OneThreadOrMany_SameResult()
    {
        var options = new GaiKapadiaExperimentOptions { Banks = 200, AverageDegree = 2.5, Trials = 30, Seed = 3 };

        Assert.AreEqual(
            GaiKapadiaExperiment.Run(options with { MaxDegreeOfParallelism = 1 }) with { Options = options },
            GaiKapadiaExperiment.Run(options with { MaxDegreeOfParallelism = 4 }) with { Options = options });
    }

    [TestMethod]
    [DataRow(1, 1.0)]
    [DataRow(100, -1.0)]
    [DataRow(100, 200.0)]
    public void Run_BadOptions_Throw(int banks, double z) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = banks, AverageDegree = z }));
}
