using System.Collections.Immutable;
using AiContagion.Centrality;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Centrality;

/// <summary>
/// NetworkRiskMeasures' impact susceptibility, fluidity and diffusion on the package's documented examples (R package
/// v0.1.4 @3813414): example 1 of its man pages and tests/testthat/test_3_impacts.R (values the test prints; the
/// weighted, non-binary and truncated variants were run with the package itself, R 4.2.2), and the six-entity example of
/// test_1_risk_com.R (binary; its one self-exposure, F on F, is 0.5 of F's capital, so binary impacts do not see it).
/// </summary>
[TestClass]
public sealed class ImpactMeasureTests
{
    // assets_matrix: a holds 1 on b; b holds 10 on a and 3 on c; c holds 3 on a and 2 on b. Buffer (2, 5, 2).
    private static FinancingNetwork ExampleOne() => Build(
        [("a", 2), ("b", 5), ("c", 2)],
        [("b", "a", 10), ("c", "a", 3), ("a", "b", 1), ("c", "b", 2), ("b", "c", 3)]);

    // test_1_risk_com.R: liabilities (i owes j) read as assets = t(liabilities); names A, B, C, E, F, D; buffer (10, 2, 2, 1, 10, 4).
    private static FinancingNetwork ExampleTwo() => Build(
        [("A", 10), ("B", 2), ("C", 2), ("E", 1), ("F", 10), ("D", 4)],
        [("B", "A", 5), ("B", "D", 2), ("C", "B", 3), ("C", "F", 2), ("C", "D", 2), ("E", "C", 4), ("E", "F", 5), ("F", "A", 10), ("F", "B", 2), ("D", "A", 2)]);

    private static FinancingNetwork Build((string Id, double Capital)[] entities, (string Holder, string Debtor, double Amount)[] claims)
    {
        var builder = FinancingNetwork.CreateBuilder();
        foreach (var (id, capital) in entities)
        {
            builder.AddEntity(new Entity(id, Sector.Bank) { Capital = capital });
        }

        foreach (var (holder, debtor, amount) in claims)
        {
            builder.AddLink(holder, debtor, LinkKind.Loan, amount);
        }

        return builder.Build();
    }

    private static readonly ImmutableDictionary<string, double> Weights =
        ImmutableDictionary.CreateRange<string, double>([new("a", 10.0), new("b", 100.0), new("c", 30.0)]);

    private static void AssertScores(double[] expected, IEnumerable<double> actual, double tolerance, string what)
    {
        var values = actual.ToArray();
        Assert.HasCount(expected.Length, values, what);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], values[i], tolerance * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}]: got {string.Join(", ", values)}");
        }
    }

    [TestMethod]
    public void ExampleOne_Binary_PrintedSusceptibilityFluidityAndDiffusion()
    {
        var network = ExampleOne();

        AssertScores([0, 1, 1.25], ImpactSusceptibility.Compute(network).Scores, 1e-15, "check_is");
        Assert.AreEqual(0.75, ImpactFluidity.Compute(network), 1e-15);
        var diffusion = ImpactDiffusion.ComputeParts(network);
        AssertScores([1.25, 1, 0], diffusion.Select(d => d.Start), 1e-15, "start");
        AssertScores([0, 0.5, 0], diffusion.Select(d => d.Intermediate), 1e-15, "intermediate");
        AssertScores([1.25, 1.5, 0], ImpactDiffusion.Compute(network).Scores, 1e-15, "total");
        AssertScores([1.25, 1.5, 0], diffusion.Select(d => d.Total), 1e-15, "total");
        var threeTerms = new ImpactMeasureOptions { Terms = 3 };
        AssertScores([1.25, 1.5, 0], ImpactDiffusion.Compute(network, threeTerms).Scores, 1e-15, "terms = 3");
    }

    [TestMethod]
    public void ExampleOne_ImpactMatrixAndCommunicability_AsThePackage()
    {
        // impact_matrix(binary = FALSE), capped: rows a (0, 1, 1), b (0.5, 0, 1), c (0, 0.6, 0); binary rows a (0,1,1), b (0,0,1), c 0.
        var capped = ImpactMatrix.Build(ExampleOne(), new ImpactMeasureOptions { Binary = false });
        AssertScores([0, 1, 1, 0.5, 0, 1, 0, 0.6, 0], capped.Dense, 1e-15, "capped V");
        var binary = ImpactMatrix.Build(ExampleOne(), new ImpactMeasureOptions());
        AssertScores([0, 1, 1, 0, 0, 1, 0, 0, 0], binary.Dense, 0, "binary V");

        // e^V off the diagonal: a→b 1, a→c 1 + 1/2, b→c 1.
        AssertScores([0, 1, 1.5, 0, 0, 1, 0, 0, 0], binary.Communicability(null), 1e-15, "communicability");
    }

    [TestMethod]
    public void ExampleOne_WeightedAndNonBinary_AsThePackageComputes()
    {
        var network = ExampleOne();
        var weighted = new ImpactMeasureOptions { Weights = Weights };
        AssertScores([0, 100, 75], ImpactSusceptibility.Compute(network, weighted).Scores, 1e-13, "weighted susceptibility");
        Assert.AreEqual(58.3333333333333, ImpactFluidity.Compute(network, weighted), 1e-12);
        AssertScores([145, 30, 0], ImpactDiffusion.ComputeParts(network, weighted).Select(d => d.Start), 1e-13, "weighted start");
        AssertScores([145, 45, 0], ImpactDiffusion.Compute(network, weighted).Scores, 1e-13, "weighted total");

        var real = new ImpactMeasureOptions { Binary = false };
        AssertScores([1.53725781935119, 1.41346650564906, 1.61978536181929], ImpactSusceptibility.Compute(network, real).Scores, 1e-13, "binary = FALSE susceptibility");
        Assert.AreEqual(1.52350322893985, ImpactFluidity.Compute(network, real), 1e-13);
        var parts = ImpactDiffusion.ComputeParts(network, real);
        AssertScores([1.64729454264198, 1.39054218829681, 1.48223945770580], parts.Select(p => p.Start), 1e-13, "binary = FALSE start");
        AssertScores([0.250557292528002, 0.855955173271630, 1.332635189518315], parts.Select(p => p.Intermediate), 1e-13, "binary = FALSE intermediate");
        AssertScores([1.89785183516998, 2.24649736156844, 2.81487464722412], parts.Select(p => p.Total), 1e-13, "binary = FALSE total");

        var truncated = ImpactDiffusion.ComputeParts(network, real with { Terms = 3 });
        AssertScores([1.58333333333333, 1.35, 1.43333333333333], truncated.Select(p => p.Start), 1e-13, "terms = 3 start");
        AssertScores([1.79583333333333, 2.10111111111111, 2.51666666666667], truncated.Select(p => p.Total), 1e-13, "terms = 3 total");
        AssertScores([1.4833333333333334, 1.3708333333333333, 1.5583333333333333], ImpactSusceptibility.Compute(network, real with { Terms = 3 }).Scores, 1e-13, "terms = 3 susceptibility");

        var both = new ImpactMeasureOptions { Binary = false, Weights = Weights };
        AssertScores([7.68628909675597, 226.15464090384947, 97.18712170915710], ImpactSusceptibility.Compute(network, both).Scores, 1e-13, "weighted binary = FALSE susceptibility");
        AssertScores([224.662429987781, 111.028051709763, 128.476915612860], ImpactDiffusion.Compute(network, both).Scores, 1e-13, "weighted binary = FALSE total");
    }

    [TestMethod]
    public void ExampleTwo_Binary_PackageValues()
    {
        var network = ExampleTwo();

        AssertScores([0, 1, 1.5, 2.25, 1, 0], ImpactSusceptibility.Compute(network).Scores, 1e-15, "susceptibility");
        Assert.AreEqual(23.0 / 24, ImpactFluidity.Compute(network), 1e-15);
        var parts = ImpactDiffusion.ComputeParts(network);
        AssertScores([23.0 / 12, 1.5, 1, 0, 1.25, 19.0 / 12], parts.Select(p => p.Start), 1e-15, "start");
        AssertScores([0, 4.0 / 3, 2, 0, 7.0 / 12, 0], parts.Select(p => p.Intermediate), 1e-15, "intermediate");
        AssertScores([23.0 / 12, 17.0 / 6, 3, 0, 11.0 / 6, 19.0 / 12], parts.Select(p => p.Total), 1e-15, "total");

        // res2, the printed communicability of the binary impact matrix, off its diagonal (rows A, B, C, E, F, D).
        double[] res2 =
        [
            0, 1, 1, 0.833333333333333, 1, 0,
            0, 0, 1, 0.5, 0, 0,
            0, 0, 0, 1, 0, 0,
            0, 0, 0, 0, 0, 0,
            0, 0, 1, 1.5, 0, 0,
            0, 1, 1.5, 0.666666666666667, 0, 0,
        ];
        AssertScores(res2, ImpactMatrix.Build(network, new ImpactMeasureOptions()).Communicability(null), 1e-14, "res2");
    }

    [TestMethod]
    public void Measures_ByNameAndThroughCentralityMeasures()
    {
        Assert.IsTrue(CentralityMeasures.TryParse("impact-susceptibility", out var measure) && measure == CentralityMeasure.ImpactSusceptibility);
        Assert.IsTrue(CentralityMeasures.TryParse("IMPACT-FLUIDITY", out measure) && measure == CentralityMeasure.ImpactFluidity);
        Assert.IsTrue(CentralityMeasures.TryParse("impact-diffusion", out measure) && measure == CentralityMeasure.ImpactDiffusion);
        var network = ExampleOne();
        Assert.AreEqual("impact-diffusion", CentralityMeasures.Compute(network, CentralityMeasure.ImpactDiffusion).Measure);
        AssertScores([0, 1, 1.25], CentralityMeasures.Compute(network, CentralityMeasure.ImpactFluidity).Scores, 0, "fluidity's scores are the susceptibilities");
    }

    [TestMethod]
    public void Invariants_RandomClaimNetworks()
    {
        var gen = from n in Gen.Int[2, 9]
                  from capital in Gen.Double[0.5, 10].Array[n]
                  from links in Gen.Select(Gen.Int[0, n - 1], Gen.Int[1, n - 1], Gen.Double[0, 12]).Array[0, 3 * n]
                  from binary in Gen.Bool
                  select (capital, links, binary);
        gen.Sample((capital, links, binary) =>
        {
            var builder = FinancingNetwork.CreateBuilder();
            for (var i = 0; i < capital.Length; i++)
            {
                builder.AddEntity(new Entity($"e{i}", Sector.Bank) { Capital = capital[i] });
            }

            foreach (var (from, offset, amount) in links)
            {
                builder.AddLink($"e{from}", $"e{(from + offset) % capital.Length}", LinkKind.Loan, amount);
            }

            var network = builder.Build();
            var options = new ImpactMeasureOptions { Binary = binary, MaxDegreeOfParallelism = 1 };
            var v = ImpactMatrix.Build(network, options);
            var susceptibility = ImpactSusceptibility.Compute(network, options).Scores;
            var parts = ImpactDiffusion.ComputeParts(network, options);
            var parallel = ImpactDiffusion.ComputeParts(network, options with { MaxDegreeOfParallelism = 4 });
            var indegree = v.InDegrees();
            for (var q = 0; q < capital.Length; q++)
            {
                Assert.AreEqual(parts[q], parallel[q], "thread count");
                Assert.IsGreaterThanOrEqualTo(0.0, parts[q].Start);
                Assert.IsGreaterThanOrEqualTo(0.0, parts[q].Intermediate);
                if (v.OutDegree(q) == 0)
                {
                    Assert.AreEqual(0, parts[q].Total, "an entity that hits nobody diffuses nothing");
                }

                if (binary && indegree[q] > 0)
                {
                    Assert.IsGreaterThanOrEqualTo(1 - 1e-12, susceptibility[q], "binary: whoever is hit has s ≥ 1");
                }
            }

            Assert.AreEqual(susceptibility.Average(), ImpactFluidity.Compute(network, options), 1e-12);
        }, iter: 150);
    }
}
