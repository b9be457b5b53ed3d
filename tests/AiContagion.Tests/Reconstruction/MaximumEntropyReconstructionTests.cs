using AiContagion.Model;
using AiContagion.Reconstruction;

namespace AiContagion.Tests.Reconstruction;

[TestClass]
public sealed class MaximumEntropyReconstructionTests
{
    private static readonly MaximumEntropyReconstruction Method = new();

    // NetworkRiskMeasures README: round(ME, 2), every one of the 49 printed entries.
    [TestMethod]
    public void SevenBanks_MatchesThePublishedTableToItsTwoDecimals()
    {
        var matrix = Method.Estimate(SevenBanks.Problem()).ToMatrix();

        for (var i = 0; i < 7; i++)
        {
            for (var j = 0; j < 7; j++)
            {
                Assert.AreEqual(SevenBanks.PublishedMaximumEntropy[i, j], Math.Round(matrix[i, j], 2, MidpointRounding.ToEven), 1e-12, $"{SevenBanks.Ids[i]} -> {SevenBanks.Ids[j]}");
            }
        }
    }

    // The converged values (independent RAS to 1e-14, research note §1.2) to 1e-9.
    [TestMethod]
    public void SevenBanks_MatchesTheConvergedMatrixTo1e9()
    {
        var matrix = Method.Estimate(SevenBanks.Problem()).ToMatrix();

        for (var i = 0; i < 7; i++)
        {
            for (var j = 0; j < 7; j++)
            {
                Assert.AreEqual(SevenBanks.ConvergedMaximumEntropy[i, j], matrix[i, j], 1e-9, $"{SevenBanks.Ids[i]} -> {SevenBanks.Ids[j]}");
            }
        }
    }

    // The trace NetworkRiskMeasures prints ("abs error" after each iteration: 2.0356, 0.0555, 0.004, 3e-04, then it
    // stops below its abs.tol 1e-3 after 4 iterations), and the values re-derived exactly by an independent RAS with
    // the same step order (row step, column step, L1 error after the column step).
    [TestMethod]
    public void SevenBanks_ErrorTraceIsNetworkRiskMeasures()
    {
        var history = Method.Estimate(SevenBanks.Problem()).Convergence.History;

        double[] rederived = [2.035643407160437, 0.05554949362368666, 0.004018919216265404, 0.00034942236336132915];
        double[] printed = [2.0356, 0.0555, 0.004, 3e-04];
        for (var k = 0; k < 4; k++)
        {
            Assert.AreEqual(rederived[k], history[k], 1e-13, $"iteration {k + 1} (the errors are differences of sums near 20: rounding 1e-15)");
            Assert.AreEqual(printed[k], Math.Round(history[k], 4), 1e-15, $"iteration {k + 1}, as printed");
        }

        Assert.AreEqual(4, history.IndexOf(history.First(e => e < 1e-3)) + 1, "NetworkRiskMeasures' abs.tol 1e-3 is first met after iteration 4");
    }

    [TestMethod]
    public void SevenBanks_TotalsMetTo1e9_26Links_Herfindahl()
    {
        var result = Method.Estimate(SevenBanks.Problem());

        Assert.IsTrue(result.Convergence.Converged);
        Assert.IsLessThanOrEqualTo(1e-9, result.Convergence.MaxRowResidual);
        Assert.IsLessThanOrEqualTo(1e-9, result.Convergence.MaxColumnResidual);
        Assert.AreEqual(26, result.LinkCount, "6 lenders × 5 borrowers − 4 diagonal cells");
        Assert.AreEqual(20, result.TotalAmount, 1e-9);
        Assert.AreEqual(0.06587496, result.HerfindahlIndex, 5e-9, "Σx²/(Σx)² of the converged matrix (research note §1.2)");
        Assert.AreEqual(2.530486887319, result.LargestAmount, 1e-9, "a -> b");
        AssertSums(result);
    }

    // out = in = (1, 1, 1): by symmetry every off-diagonal cell is 1/2, reached after one iteration.
    [TestMethod]
    public void ThreeEqualBanks_HalfEverywhereAfterOneIteration()
    {
        var result = Method.Estimate(Square([1, 1, 1], [1, 1, 1]));

        Assert.AreEqual(1, result.Convergence.Iterations);
        Assert.AreEqual(6, result.LinkCount);
        Assert.IsTrue(result.Links.All(l => l.Amount == 0.5 && !l.Known));
    }

    // out = (3, 2, 1), in = (1, 2, 3): one degree of freedom t = x₃₁; x₂₁ = x₃₂ = 1 − t, x₁₂ = x₂₃ = 1 + t,
    // x₁₃ = 2 − t. The product form x_ij = u_i v_j gives x₁₂ x₂₃ x₃₁ = x₁₃ x₃₂ x₂₁, i.e. (1 + t)² t = (2 − t)(1 − t)²,
    // which is t³ − t² + 3t − 1 = 0 (research note §1.3). Its real root by Newton's method here, independent of RAS.
    [TestMethod]
    public void OneDegreeOfFreedom_RootOfTheCubic()
    {
        var t = 0.3;
        for (var k = 0; k < 50; k++)
        {
            t -= ((((t - 1) * t) + 3) * t - 1) / ((3 * t * t) - (2 * t) + 3);
        }

        Assert.AreEqual(0.361103080529, t, 1e-12, "the note's root");
        var result = new MaximumEntropyReconstruction(new MaximumEntropyOptions { Tolerance = 1e-15 }).Estimate(Square([3, 2, 1], [1, 2, 3]));

        var m = result.ToMatrix();
        double[,] expected = { { 0, 1 + t, 2 - t }, { 1 - t, 0, 1 + t }, { t, 1 - t, 0 } };
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.AreEqual(expected[i, j], m[i, j], 1e-13, $"{i} -> {j}");
            }
        }
    }

    // Known a -> b = 2 and forbidden g -> a on the seven banks (research note §1.3, re-derived by an independent RAS
    // on the residual totals with a zero prior on the known and forbidden pairs): rows a and g as printed there.
    [TestMethod]
    public void KnownAndForbidden_RowsAsRederived_KnownKept_ForbiddenZero()
    {
        var result = Method.Estimate(SevenBanks.Problem([new KnownAmount("a", "b", 2.0)], [new EntityPair("g", "a")]));

        var m = result.ToMatrix();
        double[] rowA = [0, 2, 2.39536236502, 0, 0, 0.833223705077, 1.771413929903];
        double[] rowG = [0, 0.54078983837, 0.340698595274, 0, 0, 0.118511566356, 0];
        for (var j = 0; j < 7; j++)
        {
            Assert.AreEqual(rowA[j], m[0, j], 1e-9, $"a -> {SevenBanks.Ids[j]}");
            Assert.AreEqual(rowG[j], m[6, j], 1e-9, $"g -> {SevenBanks.Ids[j]}");
        }

        Assert.AreEqual(2.0, result.Amount("a", "b"), "the known link keeps its amount exactly");
        Assert.IsTrue(result.Link("a", "b")!.Value.Known);
        Assert.IsNull(result.Link("g", "a"));
        Assert.AreEqual(result.LinkCount - 1, result.EstimatedLinkCount);
        AssertSums(result);
    }

    // out = in = (2, 1, 1): bank 1's out + in = 4 = the total, so every link touches bank 1 and the matrix is forced:
    // x₁₂ = x₁₃ = x₂₁ = x₃₁ = 1. Plain RAS only creeps towards it (still 2e-6 off after 10⁶ iterations); detected and
    // returned without iterating.
    [TestMethod]
    public void TightEntity_ForcedSolutionWithoutIterating()
    {
        var result = Method.Estimate(Square([2, 1, 1], [2, 1, 1]));

        Assert.AreEqual(0, result.Convergence.Iterations);
        CollectionAssert.AreEquivalent(
            new[] { ("0", "1", 1.0), ("0", "2", 1.0), ("1", "0", 1.0), ("2", "0", 1.0) },
            result.Links.Select(l => (l.From, l.To, l.Amount)).ToArray());
    }

    // Forbidding a -> c with out = in = (1, 1, 1) leaves one feasible matrix, the cycle a -> b -> c -> a: row a can pay
    // only b, which fills b, so c pays a, which fills a, so b pays c. The maximum flow and its residual graph's
    // components find the three cells that must be zero; RAS then converges at once instead of sublinearly.
    [TestMethod]
    public void ForbiddenPairForcesACycle_CellsZeroInEverySolutionAreFound()
    {
        var problem = ReconstructionProblem.FromTotals(
            [new EntityTotals("a", 1, 1), new EntityTotals("b", 1, 1), new EntityTotals("c", 1, 1)], forbidden: [new EntityPair("a", "c")]);

        var result = Method.Estimate(problem);

        Assert.IsLessThanOrEqualTo(2, result.Convergence.Iterations);
        CollectionAssert.AreEquivalent(
            new[] { ("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0) },
            result.Links.Select(l => (l.From, l.To, Math.Round(l.Amount, 12))).ToArray());
    }

    // Rectangular: payers and recipients differ (two chip makers paid by three buyers). The product form
    // x_ij = out_i in_j / T is exact when nothing is excluded.
    [TestMethod]
    public void Rectangular_NothingExcluded_IsTheProductOfTheMarginals()
    {
        var problem = new ReconstructionProblem(
            [new EntityTotal("msft", 40), new EntityTotal("amzn", 30), new EntityTotal("goog", 50)],
            [new EntityTotal("nvda", 90), new EntityTotal("amd", 30)]);

        var result = Method.Estimate(problem);

        Assert.AreEqual(40 * 90 / 120.0, result.Amount("msft", "nvda"), 1e-12);
        Assert.AreEqual(50 * 30 / 120.0, result.Amount("goog", "amd"), 1e-12);
        Assert.AreEqual(6, result.LinkCount);
    }

    [TestMethod]
    public void ToNetwork_DerivedLinksOfTheKind_EntitiesInOrder()
    {
        var network = Method.Estimate(SevenBanks.Problem()).ToNetwork(LinkKind.Loan, id => id == "a" ? Sector.Bank : Sector.Other);

        CollectionAssert.AreEqual(SevenBanks.Ids, network.Entities.Select(e => e.Id).ToArray());
        Assert.AreEqual(Sector.Bank, network["a"].Sector);
        Assert.AreEqual(Sector.Other, network["b"].Sector);
        Assert.AreEqual(26, network.LinkCount);
        Assert.IsTrue(network.Links.All(l => l.Kind == LinkKind.Loan && l.Confidence == AmountConfidence.Derived && l.Low is null));
        Assert.AreEqual(7, network.LinksFrom("a").Sum(l => l.Amount), 1e-9, "a lends its assets");
        Assert.AreEqual(4, network.LinksTo("a").Sum(l => l.Amount), 1e-9, "a borrows its liabilities");
    }

    [TestMethod]
    public void Unconverged_ThrowsWithTheStateAttached()
    {
        var method = new MaximumEntropyReconstruction(new MaximumEntropyOptions { MaxIterations = 3 });

        var e = Assert.ThrowsExactly<ReconstructionConvergenceException>(() => method.Estimate(SevenBanks.Problem()));

        Assert.AreEqual("max-entropy", e.Algorithm);
        Assert.AreEqual(3, e.Iterations);
        Assert.IsNotNull(e.Result);
        Assert.IsFalse(e.Result.Convergence.Converged);
        Assert.AreEqual(0.004018919216265404, e.Result.Convergence.History[2], 1e-13);
        StringAssert.Contains(e.Message, "did not converge in 3 iterations");
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(1.0)]
    [DataRow(double.NaN)]
    public void Options_BadTolerance_Throws(double tolerance) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MaximumEntropyReconstruction(new MaximumEntropyOptions { Tolerance = tolerance }));

    internal static ReconstructionProblem Square(double[] outs, double[] ins) =>
        ReconstructionProblem.FromTotals(outs.Select((o, i) => new EntityTotals(i.ToString(System.Globalization.CultureInfo.InvariantCulture), o, ins[i])));

    internal static void AssertSums(ReconstructionResult result, double tolerance = 1e-9)
    {
        var m = result.ToMatrix();
        var problem = result.Problem;
        for (var i = 0; i < problem.Payers.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < problem.Recipients.Length; j++)
            {
                sum += m[i, j];
            }

            Assert.AreEqual(problem.Payers[i].Amount, sum, tolerance, $"row {problem.Payers[i].Id}");
        }

        for (var j = 0; j < problem.Recipients.Length; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < problem.Payers.Length; i++)
            {
                sum += m[i, j];
            }

            Assert.AreEqual(problem.Recipients[j].Amount, sum, tolerance, $"column {problem.Recipients[j].Id}");
        }
    }
}
