using AiContagion.Reconstruction;
using CsCheck;

namespace AiContagion.Tests.Reconstruction;

/// <summary>
/// Invariants every reconstruction keeps, on random feasible problems: totals met, no entity paying itself,
/// forbidden pairs empty, known links unchanged, amounts non-negative (and, for the ensemble, low ≤ amount ≤ high).
/// A problem is made feasible by construction: a random sparse matrix with a zero diagonal gives the totals, some of
/// its positive cells become known links and some of its empty cells forbidden pairs; payers and recipients are two
/// overlapping random subsets of the entities, so rectangular problems are covered too.
/// </summary>
[TestClass]
public sealed class ReconstructionInvariantTests
{
    private const int Iterations = 150;

    private static readonly Gen<Case> Cases =
        from entities in Gen.Int[2, 9]
        from payerMask in Gen.Bool.Array[entities]
        from recipientMask in Gen.Bool.Array[entities]
        from cells in Gen.Int[0, 6].Array[entities * entities]
        from marks in Gen.Int[0, 9].Array[entities * entities]
        select Build(entities, payerMask, recipientMask, cells, marks);

    private static readonly INetworkReconstruction[] Methods =
    [
        new MaximumEntropyReconstruction(),
        new MinimumDensityReconstruction(new MinimumDensityOptions { Seed = 11 }),
        new EnsembleReconstruction(new EnsembleOptions { Samples = 40, Thin = 50, BurnIn = 200, Seed = 11 }),
    ];

    [TestMethod]
    public void EveryMethod_TotalsMet_NoSelfLinks_ForbiddenEmpty_KnownKept_NonNegative()
    {
        Cases.Sample(c =>
        {
            foreach (var method in Methods)
            {
                var result = method.Estimate(c.Problem);
                var what = $"{method.Name} on {c}";
                var tolerance = 1e-9 * Math.Max(1, c.Problem.TotalOut);

                Assert.IsLessThanOrEqualTo(tolerance, result.Convergence.MaxRowResidual, what);
                Assert.IsLessThanOrEqualTo(tolerance, result.Convergence.MaxColumnResidual, what);
                MaximumEntropyReconstructionTests.AssertSums(result, tolerance);
                foreach (var link in result.Links)
                {
                    Assert.AreNotEqual(link.From, link.To, what);
                    Assert.IsGreaterThan(0, link.Amount, what);
                    Assert.IsFalse(c.Problem.Forbidden.Contains(new EntityPair(link.From, link.To)), $"{what}: forbidden {link.From} -> {link.To}");
                    if (link.Low is { } low)
                    {
                        Assert.IsTrue(low >= 0 && low <= link.Amount && link.Amount <= link.High, $"{what}: range of {link}");
                    }
                }

                foreach (var known in c.Problem.Known)
                {
                    Assert.AreEqual(known.Amount, result.Amount(known.From, known.To), $"{what}: known {known.From} -> {known.To}");
                    Assert.AreEqual(known.Amount > 0, result.Link(known.From, known.To)?.Known ?? false, what);
                }

                Assert.AreEqual(c.Problem.Known.Count(k => k.Amount > 0), result.LinkCount - result.EstimatedLinkCount, what);
            }
        }, iter: Iterations, threads: 1);
    }

    // Maximum entropy is the unique solution: a random relabelling of the entities gives the same links.
    [TestMethod]
    public void MaximumEntropy_DoesNotDependOnTheOrder()
    {
        Cases.Sample(c =>
        {
            var method = new MaximumEntropyReconstruction();
            var result = method.Estimate(c.Problem);
            var reversed = new ReconstructionProblem(c.Problem.Payers.Reverse(), c.Problem.Recipients.Reverse(), c.Problem.Known.Reverse(), c.Problem.Forbidden.Reverse());
            var again = method.Estimate(reversed);

            foreach (var link in result.Links)
            {
                Assert.AreEqual(link.Amount, again.Amount(link.From, link.To), 1e-9 * Math.Max(1, c.Problem.TotalOut), $"{link} in {c}");
            }

            Assert.AreEqual(result.LinkCount, again.LinkCount, c.ToString());
        }, iter: Iterations, threads: 1);
    }

    private static Case Build(int entities, bool[] payerMask, bool[] recipientMask, int[] cells, int[] marks)
    {
        var payers = Enumerable.Range(0, entities).Where(i => payerMask[i]).ToList();
        var recipients = Enumerable.Range(0, entities).Where(j => recipientMask[j]).ToList();
        if (payers.Count == 0)
        {
            payers.Add(0);
        }

        if (recipients.Count == 0)
        {
            recipients.Add(entities - 1);
        }

        var rowTotals = new double[entities];
        var columnTotals = new double[entities];
        var known = new List<KnownAmount>();
        var forbidden = new List<EntityPair>();
        foreach (var i in payers)
        {
            foreach (var j in recipients)
            {
                if (i == j)
                {
                    continue;
                }

                // About half the cells empty; amounts 1..6 (whole numbers: no near-tight totals).
                var amount = cells[(i * entities) + j] <= 2 ? 0 : cells[(i * entities) + j];
                rowTotals[i] += amount;
                columnTotals[j] += amount;
                var mark = marks[(i * entities) + j];
                if (amount > 0 && mark == 0)
                {
                    known.Add(new KnownAmount(Id(i), Id(j), amount));
                }
                else if (amount == 0 && mark <= 1)
                {
                    forbidden.Add(new EntityPair(Id(i), Id(j)));
                }
            }
        }

        var problem = new ReconstructionProblem(
            payers.Select(i => new EntityTotal(Id(i), rowTotals[i])), recipients.Select(j => new EntityTotal(Id(j), columnTotals[j])), known, forbidden);
        return new Case(problem);
    }

    private static string Id(int i) => "e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Case(ReconstructionProblem Problem)
    {
        public override string ToString() =>
            $"payers [{string.Join(", ", Problem.Payers.Select(p => $"{p.Id}:{p.Amount}"))}] recipients [{string.Join(", ", Problem.Recipients.Select(r => $"{r.Id}:{r.Amount}"))}] "
            + $"known [{string.Join(", ", Problem.Known.Select(k => $"{k.From}->{k.To}:{k.Amount}"))}] forbidden [{string.Join(", ", Problem.Forbidden.Select(f => $"{f.From}->{f.To}"))}]";
    }
}
