using AiContagion.Stress;

namespace AiContagion.Tests.Stress;

[TestClass]
public sealed class HistogramBinsTests
{
    [TestMethod]
    public void Compute_SmallIntegers_OneBinPerInteger()
    {
        // min 0, max 5, all integers → 6 bins with edges at k ± 0.5.
        var bins = HistogramBins.Compute([0, 1, 1, 2, 5]);

        CollectionAssert.AreEqual(new[] { -0.5, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5 }, bins.Edges);
        CollectionAssert.AreEqual(new[] { 1, 2, 1, 0, 0, 1 }, bins.Counts);
    }

    [TestMethod]
    public void Compute_Continuous_FreedmanDiaconis()
    {
        // Values 0.5, 1.5, ..., 99.5 (n = 100). Quartiles (type 7): Q1 at position 24.75 → 25.25, Q3 at 74.25 →
        // 74.75, IQR 49.5. h = 2 · 49.5 · 100^(−1/3) = 21.33; bins = ⌈99 / 21.33⌉ = ⌈4.64⌉ = 5 of width 19.8,
        // twenty values each.
        var values = Enumerable.Range(0, 100).Select(i => i + 0.5).ToArray();

        var bins = HistogramBins.Compute(values);

        Assert.HasCount(6, bins.Edges);
        Assert.AreEqual(0.5, bins.Edges[0], 1e-12);
        Assert.AreEqual(20.3, bins.Edges[1], 1e-12);
        Assert.AreEqual(99.5, bins.Edges[5], 1e-12);
        CollectionAssert.AreEqual(new[] { 20, 20, 20, 20, 20 }, bins.Counts);
    }

    [TestMethod]
    public void Compute_ZeroInterquartileRange_Sturges()
    {
        // Ten values 0.5 and one 7.25: IQR 0 → Sturges ⌈log₂ 11⌉ + 1 = 5 bins of width 6.75 / 5 = 1.35.
        var bins = HistogramBins.Compute([.. Enumerable.Repeat(0.5, 10), 7.25]);

        Assert.AreEqual(1.85, bins.Edges[1], 1e-12);
        CollectionAssert.AreEqual(new[] { 10, 0, 0, 0, 1 }, bins.Counts);
    }

    [TestMethod]
    public void Compute_GivenCount_EqualBinsMaximumInLastBin()
    {
        var bins = HistogramBins.Compute([0, 10, 5], binCount: 4);

        CollectionAssert.AreEqual(new[] { 0, 2.5, 5, 7.5, 10 }, bins.Edges);
        CollectionAssert.AreEqual(new[] { 1, 0, 1, 1 }, bins.Counts, "5 sits on an inner edge: counted to its right");
    }

    [TestMethod]
    public void Compute_AllEqual_OneUnitBin()
    {
        var bins = HistogramBins.Compute([3, 3, 3]);

        CollectionAssert.AreEqual(new[] { 2.5, 3.5 }, bins.Edges);
        CollectionAssert.AreEqual(new[] { 3 }, bins.Counts);
    }

    [TestMethod]
    public void Compute_CountsSumToValues()
    {
        var random = new Random(4);
        var values = Enumerable.Range(0, 5000).Select(_ => random.NextDouble() * random.NextDouble() * 1000).ToArray();

        var bins = HistogramBins.Compute(values);

        Assert.AreEqual(values.Length, bins.Counts.Sum());
        Assert.IsLessThanOrEqualTo(200, bins.Counts.Length);
    }
}
