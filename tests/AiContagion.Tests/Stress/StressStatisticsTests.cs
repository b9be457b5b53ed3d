using AiContagion.Stress;
using CsCheck;

namespace AiContagion.Tests.Stress;

[TestClass]
public sealed class StressStatisticsTests
{
    // Values 1..100 (hand-derived): mean 50.5; sample variance Σ(i − 50.5)² / 99 = 83,325 / 99 = 841.6667, sd 29.01149,
    // s.e. 2.901149; q_α = x_(⌈100α⌉): p50 = 50, p90 = 90, p95 = 95, p99 = 99; ES95 = mean of the 5 largest = 98,
    // ES99 = the largest = 100.
    [TestMethod]
    public void Compute_OneToHundred()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        var s = StressStatistics.Compute(values);

        Assert.AreEqual(100, s.Count);
        Assert.AreEqual(50.5, s.Mean, 1e-12);
        Assert.AreEqual(29.011491975882016, s.StandardDeviation, 1e-12);
        Assert.AreEqual(2.9011491975882016, s.StandardError, 1e-12);
        Assert.AreEqual((1.0, 50.0, 90.0, 95.0, 99.0, 98.0, 100.0, 100.0), (s.Minimum, s.P50, s.P90, s.P95, s.P99, s.Es95, s.Es99, s.Maximum));
    }

    // N = 30, α = 0.95: q = x_(⌈28.5⌉) = x_(29) = 29; k = 1.5, ES = (30 + 0.5 · 29) / 1.5 = 29.6667 (Acerbi–Tasche).
    // N = 10: k = 0.5 < 1, ES95 = the maximum; q95 = x_(⌈9.5⌉) = 10.
    [TestMethod]
    [DataRow(30, 29.0, 44.5 / 1.5)]
    [DataRow(10, 10.0, 10.0)]
    [DataRow(1000, 950.0, 975.5)]
    public void QuantileAndShortfall_FractionalTails(int n, double quantile, double shortfall)
    {
        var sorted = Enumerable.Range(1, n).Select(i => (double)i).ToArray();

        Assert.AreEqual(quantile, StressStatistics.Quantile(sorted, 0.95));
        Assert.AreEqual(shortfall, StressStatistics.ExpectedShortfall(sorted, 0.95), 1e-12);
    }

    [TestMethod]
    public void Compute_OneValue_ZeroSpread()
    {
        var s = StressStatistics.Compute([3.5]);

        Assert.AreEqual((3.5, 0.0, 0.0, 3.5, 3.5), (s.Mean, s.StandardDeviation, s.StandardError, s.P99, s.Es99));
    }

    [TestMethod]
    public void Compute_Invariants()
    {
        Gen.Double[-1000, 1000].Array[1, 300].Sample(values =>
        {
            var s = StressStatistics.Compute(values);
            Assert.IsTrue(s.Minimum <= s.P50 && s.P50 <= s.P90 && s.P90 <= s.P95 && s.P95 <= s.P99 && s.P99 <= s.Maximum);
            Assert.IsTrue(s.P95 <= s.Es95 + 1e-9 && s.P99 <= s.Es99 + 1e-9 && s.Es95 <= s.Es99 + 1e-9 && s.Es99 <= s.Maximum + 1e-9);
            Assert.IsTrue(values.Contains(s.P50) && values.Contains(s.P99), "quantiles are observed values");
            Assert.AreEqual(values.Average(), s.Mean, 1e-9 * (1 + Math.Abs(s.Mean)) + 1e-9);
        });
    }

    [TestMethod]
    public void Compute_BadInput_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => StressStatistics.Compute([]));
        Assert.ThrowsExactly<ArgumentException>(() => StressStatistics.Compute([1.0, double.NaN]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => StressStatistics.Quantile([1.0], 0.0));
    }
}
