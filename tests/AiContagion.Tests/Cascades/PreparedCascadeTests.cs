using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Numerics;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cascades;

/// <summary>The convergence convention on cascades: Run throws with the unconverged result attached, TryRun hands it back.</summary>
[TestClass]
public sealed class PreparedCascadeTests
{
    // C1 by hand (EisenbergNoeClearingTests): pass 1 at p = p̄ = [30, 29, 10] puts b1 in round 1 and solves it alone,
    // p1 = 25. The limit of one pass stops before b2's round 2: at p = [25, 29, 10] b2 receives 20 · 25/30 and has
    // 10, so the clearing map gives it 10 + 50/3 = 80/3 against the 29 it pays: gap 29 − 80/3 = 7/3.
    [TestMethod]
    public void TryRun_ClearingStoppedByItsLimit_ReturnsTheStateItStoppedIn()
    {
        var prepared = new EisenbergNoeClearing(new ClearingOptions { MaxIterations = 1 }).Prepare(Textbook.Load("c1-eisenberg-noe.json"));

        Assert.IsFalse(prepared.TryRun(CascadeShock.None, out var result));

        Assert.IsFalse(result.Converged);
        Assert.AreEqual(1, result.Iterations);
        Assert.AreEqual(7.0 / 3, result.Residual, 1e-12);
        Assert.AreEqual(1, result.Entity("b1").Round);
        Assert.IsFalse(result.Entity("b2").Failed, "round 2 was not reached");
        Assert.AreEqual(25.0, result.Entity("b1").Payment!.Value, 1e-12);
    }

    [TestMethod]
    public void Run_ClearingStoppedByItsLimit_ThrowsWithTheResultAttached()
    {
        var prepared = new EisenbergNoeClearing(new ClearingOptions { MaxIterations = 1 }).Prepare(Textbook.Load("c1-eisenberg-noe.json"));

        var error = Assert.ThrowsExactly<CascadeConvergenceException>(() => prepared.Run(CascadeShock.None));

        Assert.AreEqual("eisenberg-noe", error.ModelName);
        Assert.AreEqual("eisenberg-noe", error.Algorithm);
        Assert.AreEqual(1, error.Iterations);
        Assert.AreEqual(7.0 / 3, error.Residual, 1e-12);
        Assert.IsNotNull(error.Result);
        Assert.IsFalse(error.Result.Converged);
        Assert.IsInstanceOfType<ConvergenceException>(error);
        Assert.IsInstanceOfType<ArithmeticException>(error);
    }

    [TestMethod]
    public void Summarize_ClearingStoppedByItsLimit_Throws()
    {
        var prepared = new EisenbergNoeClearing(new ClearingOptions { MaxIterations = 1 }).Prepare(Textbook.Load("c1-eisenberg-noe.json"));

        var error = Assert.ThrowsExactly<CascadeConvergenceException>(() => prepared.Summarize(CascadeShock.None));

        Assert.AreEqual(1, error.Iterations);
        Assert.AreEqual(7.0 / 3, error.Residual, 1e-12);
    }

    // The two-bank loop of DebtRankTests.Run_LinearNotConverging_ThrowsConvergenceException: h grows by a factor
    // 1/4 a pass (1/2 each way) and never below the 1e-15 tolerance within 5 passes.
    [TestMethod]
    public void TryRun_LinearDebtRankStoppedByItsLimit_EqualsTheThrownResult()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("a", Sector.Bank) { Capital = 2 })
            .AddEntity(new Entity("b", Sector.Bank) { Capital = 2 })
            .AddLink("a", "b", LinkKind.Loan, 1)
            .AddLink("b", "a", LinkKind.Loan, 1)
            .Build();
        var prepared = new LinearDebtRank(new DebtRankOptions { MaxIterations = 5, Tolerance = 1e-15 }).Prepare(network);
        var shock = new CascadeShock { Distress = [new EntityShock("b", 0.4)] };

        Assert.IsFalse(prepared.TryRun(shock, out var result));
        var error = Assert.ThrowsExactly<CascadeConvergenceException>(() => prepared.Run(shock));

        Assert.IsFalse(result.Converged);
        Assert.AreEqual(error.Iterations, result.Iterations);
        Assert.AreEqual(error.Residual, result.Residual);
        Assert.IsGreaterThan(1e-15, result.Residual);
        Assert.AreEqual(result.Entity("a").Distress, error.Result!.Entity("a").Distress);
    }

    [TestMethod]
    public void TryRun_EveryModelOnTheToyChain_ConvergesAsRunDoes()
    {
        var network = Networks.ToyChain();
        foreach (var kind in CascadeModels.All)
        {
            var prepared = CascadeModels.Create(kind).Prepare(network);
            var shock = kind is CascadeModelKind.Funding ? CascadeShock.Withdraw("vc-fund") : CascadeShock.Fail("vc-fund");

            Assert.IsTrue(prepared.TryRun(shock, out var result), kind.ToString());

            Assert.IsTrue(result.Converged, kind.ToString());
            Assert.AreEqual(0.0, result.Residual, kind.ToString());
            Assert.AreEqual(prepared.Run(shock).Summary, result.Summary, kind.ToString());
        }
    }
}
