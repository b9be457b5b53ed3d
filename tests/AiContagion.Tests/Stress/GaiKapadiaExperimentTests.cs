using AiContagion.Cascades;
using AiContagion.Export;
using AiContagion.Stress;

namespace AiContagion.Tests.Stress;

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
        var point = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 300, AverageDegrees = [z], TrialsPerDegree = 40, Seed = 7 }).Points[0];

        Assert.IsTrue(point.ContagionFrequency >= minimumFrequency && point.ContagionFrequency <= maximumFrequency, point.ToString());
        if (point.ContagionFrequency > 0)
        {
            Assert.IsGreaterThan(0.8, point.MeanExtentGivenContagion, "inside the window contagion reaches most of the system");
        }
    }

    // No links: only the initially failed bank defaults (1 < 5 % of 50 = 2.5): no contagion, one default per trial.
    [TestMethod]
    public void Run_NoLinks_OnlyTheInitialFailure()
    {
        var point = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 50, AverageDegrees = [0.0], TrialsPerDegree = 10 }).Points[0];

        Assert.AreEqual(0, point.ContagiousTrials);
        Assert.AreEqual(1.0, point.MeanDefaults);
        Assert.AreEqual(0.0, point.MeanRealisedDegree);
    }

    [TestMethod]
    public void Run_OneThreadOrMany_SameResult()
    {
        var options = new GaiKapadiaExperimentOptions { Banks = 200, AverageDegrees = [1.0, 2.5, 4.0], TrialsPerDegree = 30, Seed = 3 };

        var one = GaiKapadiaExperiment.Run(options with { MaxDegreeOfParallelism = 1 });
        var many = GaiKapadiaExperiment.Run(options with { MaxDegreeOfParallelism = 4 });

        CollectionAssert.AreEqual(one.Points.ToArray(), many.Points.ToArray());
    }

    // A point depends on (seed, z) only: sweeping other degrees alongside does not change it.
    [TestMethod]
    public void Run_PointAlone_EqualsPointInASweep()
    {
        var options = new GaiKapadiaExperimentOptions { Banks = 200, TrialsPerDegree = 30, Seed = 5 };

        var alone = GaiKapadiaExperiment.Run(options with { AverageDegrees = [3.0] }).Points[0];
        var swept = GaiKapadiaExperiment.Run(options with { AverageDegrees = [1.0, 3.0, 6.0] }).Points[1];

        Assert.AreEqual(alone, swept);
    }

    // Published case C8 on the experiment's own balance sheet (total assets 100, interbank 20 spread evenly over j
    // debtors, capital 4, zero recovery): bank 0 lends to banks 1..j; bank 1 fails. Bank 0 loses 20 / j; it fails iff
    // 20 / j > 4 (strict rule), i.e. j ≤ 4; at j = 5 the loss equals capital: it survives the strict rule and fails the
    // non-strict one.
    [TestMethod]
    [DataRow(1, FailureRule.LossExceedsCapital, 2)]
    [DataRow(4, FailureRule.LossExceedsCapital, 2)]
    [DataRow(5, FailureRule.LossExceedsCapital, 1)]
    [DataRow(6, FailureRule.LossExceedsCapital, 1)]
    [DataRow(5, FailureRule.LossReachesCapital, 2)]
    [DataRow(6, FailureRule.LossReachesCapital, 1)]
    public void Cascade_C8_OneDebtorSinksABankIffFewDebtors(int debtors, FailureRule rule, int expectedDefaults)
    {
        var options = new GaiKapadiaExperimentOptions { Banks = debtors + 1, Rule = rule };
        var from = Enumerable.Repeat(0, debtors).ToList();
        var to = Enumerable.Range(1, debtors).ToList();

        var fast = GaiKapadiaExperiment.Cascade(options, from, to, initial: 1, new GaiKapadiaExperiment.Workspace(options.Banks));
        var network = GaiKapadiaExperiment.BuildNetwork(options, from, to, debtors);
        var model = new GaiKapadiaCascade(new GaiKapadiaOptions { Rule = rule });

        Assert.AreEqual(expectedDefaults, fast);
        Assert.AreEqual(expectedDefaults, model.Run(network, CascadeShock.Fail("e1")).EntitiesFailed);
    }

    // The experiment's array cascade is GaiKapadiaCascade on the same system: same number of defaults for every drawn
    // network and several initial failures, across the window (z = 1.5 sparse, 3 and 5 inside it, 9 beyond).
    [TestMethod]
    [DataRow(1.5)]
    [DataRow(3.0)]
    [DataRow(5.0)]
    [DataRow(9.0)]
    public void Cascade_EqualsTheLibraryModel(double z)
    {
        var options = new GaiKapadiaExperimentOptions { Banks = 120, Seed = 11 };
        var model = new GaiKapadiaCascade();
        var workspace = new GaiKapadiaExperiment.Workspace(options.Banks);
        for (var trial = 0; trial < 6; trial++)
        {
            var (from, to, drawn) = GaiKapadiaExperiment.Draw(options, z, trial);
            var network = GaiKapadiaExperiment.BuildNetwork(options, from, to, z);
            var prepared = model.Prepare(network);
            foreach (var initial in new[] { drawn, 0, 17, 59, 119 })
            {
                var expected = prepared.Run(CascadeShock.Fail(GaiKapadiaExperiment.Id(initial))).EntitiesFailed;
                Assert.AreEqual(expected, GaiKapadiaExperiment.Cascade(options, from, to, initial, workspace), $"z = {z}, trial {trial}, initial {initial}");
            }
        }
    }

    // Links ~ Binomial(n(n − 1), z / (n − 1)): realised degree per network has mean z and sd ≈ √(z / n) = 0.089 at
    // z = 4, n = 500; over 50 networks the mean's sd is 0.0126. Five of those: 0.063.
    [TestMethod]
    public void Run_RealisedDegree_CloseToZ()
    {
        var point = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 500, AverageDegrees = [4.0], TrialsPerDegree = 50 }).Points[0];

        Assert.AreEqual(4.0, point.MeanRealisedDegree, 0.063);
    }

    [TestMethod]
    public void Window_CsvAndChart()
    {
        var result = GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 200, AverageDegrees = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], TrialsPerDegree = 30, Seed = 2 });

        var window = result.Window();
        Assert.IsNotNull(window);
        Assert.IsTrue(window.Value.Low >= 1 && window.Value.High <= 9, window.ToString());
        var csv = result.ToCsv().Split('\n');
        Assert.AreEqual("z,trials,contagious,frequency,frequencyStandardError,extentGivenContagion,meanDefaults,realisedDegree", csv[0]);
        Assert.HasCount(13, csv, "header, 11 points, final empty line");
        Assert.StartsWith("0,30,0,0,0,0,1,0", csv[1]);
        Assert.IsGreaterThan(1000, result.ToChart().ToPng().Length);
    }

    [TestMethod]
    public void Run_Progress_ReachesTheTotal()
    {
        var reports = new List<StressProgress>();
        GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 50, AverageDegrees = [1.0, 2.0], TrialsPerDegree = 10, MaxDegreeOfParallelism = 1 }, new SyncProgress<StressProgress>(reports.Add));

        Assert.AreEqual(new StressProgress(20, 20), reports[^1]);
    }

    [TestMethod]
    public void Run_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = 50, TrialsPerDegree = 10 }, null, cancellation.Token));
    }

    [TestMethod]
    [DataRow(1, 1.0)]
    [DataRow(100, -1.0)]
    [DataRow(100, 200.0)]
    [DataRow(100, double.NaN)]
    public void Run_BadOptions_Throw(int banks, double z) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GaiKapadiaExperiment.Run(new GaiKapadiaExperimentOptions { Banks = banks, AverageDegrees = [z] }));
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
