using AiContagion.Model;
using AiContagion.Reconstruction;

namespace AiContagion.Tests.Reconstruction;

[TestClass]
public sealed class EnsembleReconstructionTests
{
    // systemicrisk's help-page and vignette example: l = (1, 2.5, 3) (row sums), a = (0.7, 2.7, 3.1) (column sums),
    // p = 0.5, λ = 0.25. With three banks and a zero diagonal one degree of freedom is left, t = x₁₂:
    // x = [[0, t, 1 − t], [0.4 − t, 0, 2.1 + t], [0.3 + t, 2.7 − t, 0]], t ∈ [0, 0.4]. The sum of all cells is fixed,
    // so with one λ the exponential factor does not depend on t, and the law is: P(t = 0) = P(t = 0.4) =
    // (1 − p) / (0.4 p λ + 2(1 − p)) = 10/21, t uniform on (0, 0.4) with probability 0.4 p λ / (…) = 1/21, E t = 0.2
    // (research note §3.3; an R run of systemicrisk gives 0.4789 / 0.47345 / 0.04765, mean 0.19902).
    private static readonly ReconstructionProblem ThreeBanks = ReconstructionProblem.FromTotals(
        [new EntityTotals("1", 1, 0.7), new EntityTotals("2", 2.5, 2.7), new EntityTotals("3", 3, 3.1)]);

    private static readonly EnsembleOptions ThreeBankOptions = new() { LinkProbability = 0.5, Intensity = 0.25, Samples = 20_000, Thin = 20, BurnIn = 1_000, Seed = 42 };

    [TestMethod]
    public void ThreeBanks_LawOfTheFreeCell_MatchesTheClosedFormWithin3StandardErrors()
    {
        var draws = new EnsembleReconstruction(ThreeBankOptions).Draw(ThreeBanks).Select(d => d.Amount("1", "2")).ToList();
        var n = draws.Count;

        var atZero = draws.Count(t => t == 0) / (double)n;
        var atTop = draws.Count(t => Math.Abs(t - 0.4) < 1e-9) / (double)n;
        var interior = draws.Where(t => t > 0 && Math.Abs(t - 0.4) >= 1e-9).ToList();
        Assert.AreEqual(20_000, n);
        Assert.AreEqual(10.0 / 21, atZero, 3 * Math.Sqrt(10.0 / 21 * 11 / 21 / n), "P(t = 0)");
        Assert.AreEqual(10.0 / 21, atTop, 3 * Math.Sqrt(10.0 / 21 * 11 / 21 / n), "P(t = 0.4)");
        Assert.AreEqual(1.0 / 21, interior.Count / (double)n, 3 * Math.Sqrt(1.0 / 21 * 20 / 21 / n), "P(0 < t < 0.4)");
        Assert.AreEqual(0.2, draws.Average(), 3 * Math.Sqrt(0.0387301587 / n), "E t; Var t = 1.6533/21 − 0.04");
        Assert.AreEqual(0.2, interior.Average(), 3 * 0.4 / Math.Sqrt(12.0 * interior.Count), "the interior is uniform on (0, 0.4)");
        Assert.IsTrue(interior.All(t => t is > 0 and < 0.4));
    }

    // Every draw meets every total exactly (a cycle move keeps the row and column sums), and keeps the diagonal empty.
    [TestMethod]
    public void ThreeBanks_EveryDrawMeetsTheTotals()
    {
        foreach (var draw in new EnsembleReconstruction(ThreeBankOptions with { Samples = 500 }).Draw(ThreeBanks))
        {
            MaximumEntropyReconstructionTests.AssertSums(draw, 1e-13);
            Assert.IsTrue(draw.Links.All(l => l.From != l.To));
        }
    }

    // The same draws through Eisenberg–Noe with external assets = external liabilities = 1 for each bank (pari passu):
    // bank 1 always defaults, bank 2 never, bank 3 iff t < 1/3, so P(bank 3 defaults) = 10/21 + (1/21)(1/3)/0.4 =
    // 65/126 = 0.515873 (research note §3.3; systemicrisk's vignette prints 0.515 from 200 draws). Clearing by the
    // fixed point from p = p̄ here, independent of the library's clearing engine.
    [TestMethod]
    public void ThreeBanks_DefaultProbabilityOfBank3_Is65Over126()
    {
        var defaults = new int[3];
        var n = 0;
        foreach (var draw in new EnsembleReconstruction(ThreeBankOptions).Draw(ThreeBanks))
        {
            var owed = draw.ToMatrix(); // rows owe columns: systemicrisk's L
            var due = new double[3];
            for (var i = 0; i < 3; i++)
            {
                due[i] = 1 + owed[i, 0] + owed[i, 1] + owed[i, 2];
            }

            var paid = (double[])due.Clone();
            for (var round = 0; round < 200; round++)
            {
                var next = new double[3];
                for (var i = 0; i < 3; i++)
                {
                    var received = 0.0;
                    for (var j = 0; j < 3; j++)
                    {
                        received += owed[j, i] / due[j] * paid[j];
                    }

                    next[i] = Math.Min(due[i], 1 + received);
                }

                paid = next;
            }

            for (var i = 0; i < 3; i++)
            {
                defaults[i] += paid[i] < due[i] - 1e-9 ? 1 : 0;
            }

            n++;
        }

        Assert.AreEqual(n, defaults[0], "bank 1 always defaults");
        Assert.AreEqual(0, defaults[1], "bank 2 never defaults");
        Assert.AreEqual(65.0 / 126, defaults[2] / (double)n, 3 * Math.Sqrt(65.0 / 126 * 61 / 126 / n));
    }

    // The summary: mean (meets the totals), range by quantiles (t's 5 % quantile is 0 and 95 % quantile 0.4, as each end
    // holds 10/21 of the mass), link probability.
    [TestMethod]
    public void ThreeBanks_Summary_MeanRangeProbability()
    {
        var result = new EnsembleReconstruction(ThreeBankOptions).Estimate(ThreeBanks);

        var t = result.Link("1", "2")!.Value;
        Assert.AreEqual(0.2, t.Amount, 3 * Math.Sqrt(0.0387301587 / 20_000));
        Assert.AreEqual(0.0, t.Low);
        Assert.AreEqual(0.4, t.High!.Value, 1e-13);
        Assert.AreEqual(11.0 / 21, t.LinkProbability!.Value, 3 * Math.Sqrt(10.0 / 21 * 11 / 21 / 20_000));
        Assert.AreEqual(1.0, result.Link("2", "3")!.Value.LinkProbability, "2 -> 3 = 2.1 + t is always positive");
        MaximumEntropyReconstructionTests.AssertSums(result, 1e-11);
        Assert.AreEqual(ThreeBankOptions.BurnIn + (20_000 * 20), result.Convergence.Iterations);
        Assert.HasCount(20_000, result.Convergence.History);
    }

    // The 7-bank example with p = 0.5, λ = 0.65 (the default p · 26 open pairs / 20), 4,000 samples 500 steps apart
    // after 50,000: systemicrisk 0.4.3 (R 4.2.2, built from the package snapshot on this machine;
    // steps_ERE(L = start, p, lambda, nsamples = 4000, thin = 500, burnin = 50000) from both findFeasibleMatrix and
    // the maximum-entropy start, rows and columns with a zero total left out as here) settles on 7-link networks:
    // a -> b 5, a -> f 2, b -> c 5, d -> g 1, g -> a 1 in every sample, c and e each paying a or g (probability ≈ 0.5,
    // R: 0.511 / 0.489 and 0.500 / 0.500; means 1.533 / 1.467 and 1.502 / 1.498). A 2 × 2 cycle through c, e and
    // a, g zeroes two cells at either end, so the chain jumps between its ends and never stays inside.
    [TestMethod]
    public void SevenBanks_SettlesOnTheSameNetworksAsSystemicrisk()
    {
        var result = new EnsembleReconstruction(new EnsembleOptions { LinkProbability = 0.5, Intensity = 0.65, Samples = 4000, Thin = 500, BurnIn = 50_000, Seed = 1 })
            .Estimate(SevenBanks.Problem());

        Assert.IsTrue(result.Convergence.History.All(links => links == 7));
        foreach (var (from, to, amount) in new[] { ("a", "b", 5.0), ("a", "f", 2.0), ("b", "c", 5.0), ("d", "g", 1.0), ("g", "a", 1.0) })
        {
            Assert.AreEqual(amount, result.Amount(from, to), 1e-9, $"{from} -> {to}");
            Assert.AreEqual(1.0, result.Link(from, to)!.Value.LinkProbability, $"{from} -> {to}");
        }

        foreach (var (from, to) in new[] { ("c", "a"), ("c", "g"), ("e", "a"), ("e", "g") })
        {
            Assert.AreEqual(0.5, result.Link(from, to)!.Value.LinkProbability!.Value, 0.05, $"{from} -> {to}");
            Assert.AreEqual(1.5, result.Amount(from, to), 0.15, $"{from} -> {to}");
        }

        Assert.AreEqual(9, result.LinkCount);
    }

    [TestMethod]
    public void SevenBanks_RangesContainTheMean_NetworkCarriesThem_Deterministic()
    {
        var method = new EnsembleReconstruction(new EnsembleOptions { Samples = 400, Seed = 5 });
        var result = method.Estimate(SevenBanks.Problem());

        MaximumEntropyReconstructionTests.AssertSums(result, 1e-9);
        Assert.IsTrue(result.Links.All(l => l.Low <= l.Amount && l.Amount <= l.High && l.Low >= 0 && l.LinkProbability is > 0 and <= 1));
        Assert.IsTrue(result.Links.All(l => SevenBanks.Assets[SevenBanks.Index(l.From)] > 0 && SevenBanks.Liabilities[SevenBanks.Index(l.To)] > 0));
        var network = result.ToNetwork(LinkKind.Loan);
        Assert.IsTrue(network.Links.All(l => l.Confidence == AmountConfidence.Derived && l.Low is not null && l.High is not null));
        CollectionAssert.AreEqual(result.Links.ToArray(), method.Estimate(SevenBanks.Problem()).Links.ToArray(), "a seed gives the same ensemble");
    }

    [TestMethod]
    public void KnownAndForbidden_HeldInEveryDraw()
    {
        var problem = SevenBanks.Problem([new KnownAmount("a", "b", 2.0)], [new EntityPair("g", "a")]);

        foreach (var draw in new EnsembleReconstruction(new EnsembleOptions { Samples = 200, Seed = 9 }).Draw(problem))
        {
            Assert.AreEqual(2.0, draw.Amount("a", "b"));
            Assert.IsTrue(draw.Link("a", "b")!.Value.Known);
            Assert.AreEqual(0, draw.Amount("g", "a"));
            MaximumEntropyReconstructionTests.AssertSums(draw, 1e-9);
        }
    }

    [TestMethod]
    public void TooManyStoredValues_ArgumentException()
    {
        var method = new EnsembleReconstruction(new EnsembleOptions { Samples = 1_000_000, Thin = 1, BurnIn = 0 });

        var e = Assert.ThrowsExactly<ArgumentException>(() => method.Estimate(SevenBanks.Problem()));

        StringAssert.Contains(e.Message, "draw fewer samples");
    }

    [TestMethod]
    public void Options_OutOfRange_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new EnsembleReconstruction(new EnsembleOptions { LinkProbability = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new EnsembleReconstruction(new EnsembleOptions { Intensity = -1 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new EnsembleReconstruction(new EnsembleOptions { LowQuantile = 0.9, HighQuantile = 0.1 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new EnsembleReconstruction(new EnsembleOptions { Samples = 0 }));
    }
}
