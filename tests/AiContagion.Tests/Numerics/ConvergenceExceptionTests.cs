using AiContagion.Cascades;
using AiContagion.Centrality;
using AiContagion.Numerics;
using AiContagion.Provenance;
using AiContagion.Reconstruction;

namespace AiContagion.Tests.Numerics;

/// <summary>One exception base for every non-convergence (docs/architecture.md, "Convergence").</summary>
[TestClass]
public sealed class ConvergenceExceptionTests
{
    [TestMethod]
    [DataRow(typeof(CascadeConvergenceException))]
    [DataRow(typeof(CentralityConvergenceException))]
    [DataRow(typeof(ProvenanceSolveException))]
    [DataRow(typeof(ReconstructionConvergenceException))]
    [DataRow(typeof(AiContagion.Valuation.ValuationConvergenceException))]
    public void FamilyExceptions_DeriveFromTheOneBase(Type type)
    {
        Assert.IsTrue(type.IsSubclassOf(typeof(ConvergenceException)), type.Name);
        Assert.IsTrue(typeof(ConvergenceException).IsSubclassOf(typeof(ArithmeticException)));
    }

    [TestMethod]
    public void ConvergenceExceptionTypes_AreExactlyTheFiveFamilies()
    {
        var derived = typeof(ConvergenceException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ConvergenceException)))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToArray();

        CollectionAssert.AreEqual(
            new[] { "AiContagion.Cascades.CascadeConvergenceException", "AiContagion.Centrality.CentralityConvergenceException", "AiContagion.Provenance.ProvenanceSolveException", "AiContagion.Reconstruction.ReconstructionConvergenceException", "AiContagion.Valuation.ValuationConvergenceException" },
            derived);
    }

    [TestMethod]
    public void CentralityConvergenceException_CarriesTheScoresIterationsAndResidual()
    {
        var scores = PageRank.Compute(Support.Networks.ToyChain(), new PageRankOptions { MaxIterations = 2, Tolerance = 1e-15 });

        var error = Assert.ThrowsExactly<CentralityConvergenceException>(() => scores.EnsureConverged());

        Assert.AreEqual("pagerank", error.Algorithm);
        Assert.AreEqual(2, error.Iterations);
        Assert.AreEqual(scores.Residual, error.Residual);
    }

    [TestMethod]
    public void Residual_NotMeasured_IsNaN() => Assert.IsTrue(double.IsNaN(new ConvergenceException("x").Residual));
}
