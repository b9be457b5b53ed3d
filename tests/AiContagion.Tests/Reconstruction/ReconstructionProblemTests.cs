using AiContagion.Reconstruction;

namespace AiContagion.Tests.Reconstruction;

/// <summary>Bad input: every item problem at construction, and the totals no network can meet, each naming the entity and the total.</summary>
[TestClass]
public sealed class ReconstructionProblemTests
{
    [TestMethod]
    public void Items_EveryProblemListedWithEntityAndField()
    {
        var e = Assert.ThrowsExactly<ReconstructionInputException>(() => new ReconstructionProblem(
            [new EntityTotal("a", 1), new EntityTotal("a", 2), new EntityTotal("b", -1), new EntityTotal("", 1)],
            [new EntityTotal("a", double.NaN), new EntityTotal("c", 1)],
            [new KnownAmount("a", "a", 1), new KnownAmount("x", "c", 1), new KnownAmount("b", "c", -2), new KnownAmount("a", "c", 1), new KnownAmount("a", "c", 1)],
            [new EntityPair("a", "c"), new EntityPair("a", "y")]));

        var problems = e.Problems.Select(p => p.ToString()).ToList();
        CollectionAssert.AreEqual(
            new[]
            {
                "a: 'id': is listed twice (#1 and #2); give each entity once",
                "b: 'out': -1 is negative; a total is at least 0",
                "payer #4: 'id': missing id",
                "a: 'in': NaN is not a finite number",
                "known link a -> a: an entity never pays itself (the diagonal is always zero)",
                "known link x -> c: 'from': 'x' is not one of the payers",
                "known link b -> c: 'amount': -2 is not a finite non-negative amount",
                "known link a -> c: is given twice; give the pair's total once",
                "forbidden pair a -> c: is also a known link; a pair is either known or forbidden",
                "forbidden pair a -> y: 'to': 'y' is not one of the recipients",
            },
            problems,
            string.Join("\n", problems));
        StringAssert.StartsWith(e.Message, "The totals cannot be reconstructed: 10 problems:");
    }

    // Σ out = 20, Σ in = 21: refused beyond the tolerance (1e-9 × 21), with both sums in the message.
    [TestMethod]
    public void Unbalanced_RefusedWithBothSums()
    {
        var problem = ReconstructionProblem.FromTotals([new EntityTotals("a", 10, 11), new EntityTotals("b", 10, 10)]);

        var problems = problem.Check();

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0].Message, "the totals do not balance: Σ out = 20 but Σ in = 21");
        var e = Assert.ThrowsExactly<ReconstructionInputException>(() => new MaximumEntropyReconstruction().Estimate(problem));
        StringAssert.Contains(e.Message, "do not balance");
    }

    // Within the tolerance the totals in are scaled to Σ out, and both sides are met to the tolerance.
    [TestMethod]
    public void AlmostBalanced_WithinTolerance_Accepted()
    {
        var problem = ReconstructionProblem.FromTotals([new EntityTotals("a", 1, 1 + 1e-10), new EntityTotals("b", 1, 1), new EntityTotals("c", 1, 1)]);

        var result = new MaximumEntropyReconstruction().Estimate(problem);

        Assert.IsEmpty(problem.Check());
        Assert.IsLessThanOrEqualTo(1e-9, result.Convergence.MaxColumnResidual);
    }

    [TestMethod]
    public void BalanceTolerance_Stated_AndRangeChecked()
    {
        var loose = ReconstructionProblem.FromTotals([new EntityTotals("a", 10, 10.1), new EntityTotals("b", 10, 10)]);
        Assert.AreEqual(1e-9, ReconstructionProblem.DefaultBalanceTolerance);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ReconstructionProblem([], []) { BalanceTolerance = 0.5 });
        var accepted = new ReconstructionProblem(loose.Payers, loose.Recipients) { BalanceTolerance = 0.01 };
        Assert.HasCount(1, loose.Check());
        Assert.IsEmpty(accepted.Check().Where(p => p.Message.Contains("balance", StringComparison.Ordinal)));
    }

    // out = in = (10, 1, 1): bank 0 must pay 10 to the others, who receive only 2 (research note §1.3, R7).
    [TestMethod]
    public void ZeroDiagonalInfeasible_NamesTheEntity()
    {
        var problem = MaximumEntropyReconstructionTests.Square([10, 1, 1], [10, 1, 1]);

        var problems = problem.Check();

        Assert.HasCount(1, problems);
        Assert.AreEqual("0", problems[0].Subject);
        Assert.AreEqual("out", problems[0].Field);
        StringAssert.Contains(problems[0].Message, "out 10 + in 10 = 20 exceeds the total 12");
    }

    [TestMethod]
    public void KnownLinksAboveATotal_NamesTheEntity()
    {
        var problem = SevenBanks.Problem([new KnownAmount("d", "a", 1.5)]);

        var problems = problem.Check();

        Assert.AreEqual("d", problems[0].Subject);
        Assert.AreEqual("out", problems[0].Field);
        StringAssert.Contains(problems[0].Message, "the known links from it sum to 1.5, more than its total out 1");
    }

    // Payers a and b (1 each) may pay only c (1.5): each alone fits, together they do not. Only the maximum flow sees
    // it; the message names the group and what it may reach.
    [TestMethod]
    public void GroupInfeasible_FoundByTheMaximumFlow()
    {
        var problem = ReconstructionProblem.FromTotals(
            [new EntityTotals("a", 1, 0), new EntityTotals("b", 1, 0), new EntityTotals("c", 0, 1.5), new EntityTotals("d", 0, 1), new EntityTotals("e", 0, 1), new EntityTotals("f", 1.5, 0)],
            forbidden: [new EntityPair("a", "d"), new EntityPair("a", "e"), new EntityPair("b", "d"), new EntityPair("b", "e")]);

        var problems = problem.Check();

        Assert.HasCount(1, problems);
        Assert.AreEqual("a", problems[0].Subject);
        StringAssert.Contains(problems[0].Message, "at most 3 of 3.5 can be placed");
        StringAssert.Contains(problems[0].Message, "together with b, it must pay 2 (after known links) but may pay only c, who can still receive 1.5");
        Assert.ThrowsExactly<ReconstructionInputException>(() => new MinimumDensityReconstruction().Estimate(problem));
        Assert.ThrowsExactly<ReconstructionInputException>(() => new EnsembleReconstruction().Estimate(problem));
    }

    [TestMethod]
    public void AllZero_NoLinks()
    {
        var result = new MaximumEntropyReconstruction().Estimate(MaximumEntropyReconstructionTests.Square([0, 0], [0, 0]));

        Assert.AreEqual(0, result.LinkCount);
        Assert.AreEqual(0, result.Convergence.Iterations);
    }
}
