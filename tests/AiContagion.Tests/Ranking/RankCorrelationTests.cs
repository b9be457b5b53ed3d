using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Ranking;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Ranking;

[TestClass]
public sealed class RankCorrelationTests
{
    // By hand, x = [0,0,1,1,2,3], y = [0,1,1,2,2,2] (points a..f): n0 = 15 pairs; ties in x: {a,b}, {c,d} → n1 = 2;
    // ties in y: {b,c} (t = 2) and {d,e,f} (t = 3) → n2 = 1 + 3 = 4; no joint tie. Concordant: a with c,d,e,f (4),
    // b with d,e,f (3), c with e,f (2) = 9; discordant 0. τ_b = 9 / √((15 − 2)(15 − 4)) = 9 / √143.
    [TestMethod]
    public void KendallTauB_TiesInBoth_HandComputed()
    {
        var tau = RankCorrelation.KendallTauB([0, 0, 1, 1, 2, 3], [0, 1, 1, 2, 2, 2]);

        Assert.AreEqual(9 / Math.Sqrt(143), tau, 1e-15);
    }

    // By hand: one swap among 5 → 9 concordant, 1 discordant, no ties: (9 − 1) / 10 = 0.8.
    // Joint ties: x = [1,1,1,2,2,3], y = [5,5,4,4,4,1]: n0 = 15; x ties: 3 + 1 = 4; y ties: {5,5} 1 + {4,4,4} 3 = 4;
    // joint ties: (1,5)×2 → 1, (2,4)×2 → 1, so n3 = 2; concordant 0; discordant = 15 − 4 − 4 + 2 = 9;
    // τ_b = −9 / √(11 · 11) = −9/11.
    [TestMethod]
    [DataRow(new double[] { 1, 2, 3, 4, 5 }, new double[] { 1, 3, 2, 4, 5 }, 0.8)]
    [DataRow(new double[] { 1, 1, 1, 2, 2, 3 }, new double[] { 5, 5, 4, 4, 4, 1 }, -9.0 / 11.0)]
    [DataRow(new double[] { 1, 2 }, new double[] { 2, 1 }, -1.0)]
    public void KendallTauB_SmallCases_HandComputed(double[] x, double[] y, double expected)
    {
        Assert.AreEqual(expected, RankCorrelation.KendallTauB(x, y), 1e-15);
    }

    [TestMethod]
    public void KendallTauB_UndefinedCases_NaN()
    {
        Assert.IsTrue(double.IsNaN(RankCorrelation.KendallTauB([], [])));
        Assert.IsTrue(double.IsNaN(RankCorrelation.KendallTauB([3], [4])));
        Assert.IsTrue(double.IsNaN(RankCorrelation.KendallTauB([1, 2, 3], [7, 7, 7])), "all tied in y");
        Assert.IsTrue(double.IsNaN(RankCorrelation.KendallTauB([2, 2], [1, 2])), "all tied in x");
    }

    [TestMethod]
    public void KendallTauB_BadInput_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => RankCorrelation.KendallTauB([1, 2], [1]));
        Assert.ThrowsExactly<ArgumentException>(() => RankCorrelation.KendallTauB([1, double.NaN], [1, 2]));
        Assert.ThrowsExactly<ArgumentNullException>(() => RankCorrelation.KendallTauB(null!, [1]));
    }

    // Expected values: scipy.stats.kendalltau (variant b) via tests/peers/kendall_tau.py, stored in
    // Data/Sweep/kendall-tau-scipy.json (null = scipy's NaN).
    [TestMethod]
    public void KendallTauB_ScipyCases_Match()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Repo.TestData("Sweep", "kendall-tau-scipy.json")));
        var cases = document.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.IsGreaterThanOrEqualTo(15, cases.Count);
        foreach (var c in cases)
        {
            var name = c.GetProperty("name").GetString();
            var x = c.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var y = c.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var actual = RankCorrelation.KendallTauB(x, y);
            if (c.GetProperty("tau").ValueKind == JsonValueKind.Null)
            {
                Assert.IsTrue(double.IsNaN(actual), $"{name}: scipy gives NaN, we give {actual}");
            }
            else
            {
                Assert.AreEqual(c.GetProperty("tau").GetDouble(), actual, 1e-12, name);
            }
        }
    }

    // Invariant: the O(n log n) count equals the definition counted pair by pair, with heavy ties.
    [TestMethod]
    public void KendallTauB_RandomLists_EqualsPairByPairDefinition()
    {
        Gen.Int[0, 40].SelectMany(n => Gen.Int[0, 5].Array[n].Select(Gen.Int[0, 5].Array[n], (x, y) => (x, y)))
            .Sample(
                pair =>
                {
                    var x = pair.x.Select(v => (double)v).ToArray();
                    var y = pair.y.Select(v => (double)v).ToArray();
                    var expected = Naive(x, y);
                    var actual = RankCorrelation.KendallTauB(x, y);
                    return double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(expected - actual) < 1e-12;
                },
                iter: 500);
    }

    [TestMethod]
    public void KendallTauB_Symmetric_AndMinusOneWhenReversed()
    {
        Gen.Double[-5, 5].Array[2, 30].Sample(
            x =>
            {
                var reversed = x.Select(v => -v).ToArray();
                var shuffled = x.Select((v, i) => Math.Round(v) + (i % 3)).ToArray();
                var tau = RankCorrelation.KendallTauB(x, shuffled);
                var back = RankCorrelation.KendallTauB(shuffled, x);
                var distinct = x.Distinct().Count() == x.Length;
                return (double.IsNaN(tau) ? double.IsNaN(back) : Math.Abs(tau - back) < 1e-12)
                    && (!distinct || Math.Abs(RankCorrelation.KendallTauB(x, reversed) + 1) < 1e-12);
            },
            iter: 300);
    }

    [TestMethod]
    public void TopKOverlap_CommonItemsOnly()
    {
        // Common items: b, c, d (a only in the first, e only in the second). First order: b, c, d; second: d, c, b.
        Assert.AreEqual(0.0, RankCorrelation.TopKOverlap(["a", "b", "c", "d"], ["d", "e", "c", "b"], 1)); // {b} vs {d}
        Assert.AreEqual(0.5, RankCorrelation.TopKOverlap(["a", "b", "c", "d"], ["d", "e", "c", "b"], 2)); // {b,c} vs {d,c}
        Assert.AreEqual(1.0, RankCorrelation.TopKOverlap(["a", "b", "c", "d"], ["d", "e", "c", "b"], 10)); // k' = 3
        Assert.IsTrue(double.IsNaN(RankCorrelation.TopKOverlap(["a"], ["b"], 3)));
        Assert.ThrowsExactly<ArgumentException>(() => RankCorrelation.TopKOverlap(["a", "a"], ["a"], 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RankCorrelation.TopKOverlap(["a"], ["a"], 0));
    }

    private static double Naive(double[] x, double[] y)
    {
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, pairs = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                pairs++;
                var sx = Math.Sign(x[i] - x[j]);
                var sy = Math.Sign(y[i] - y[j]);
                tiedX += sx == 0 ? 1 : 0;
                tiedY += sy == 0 ? 1 : 0;
                concordant += sx * sy > 0 ? 1 : 0;
                discordant += sx * sy < 0 ? 1 : 0;
            }
        }

        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }
}
