using AiContagion.Cascades;
using AiContagion.FireSales;
using AiContagion.Model;
using AiContagion.Tests.FireSales;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// The fire-sale model as a cascade model: the same numbers as the fire-sale family's result, failures with their
/// rounds and the failed firms' links down, the CLI name, the convergence convention.
/// </summary>
[TestClass]
public sealed class FireSaleCascadeTests
{
    [TestMethod]
    public void Kind_NameAndParse()
    {
        Assert.AreEqual("fire-sale", CascadeModels.CommandName(CascadeModelKind.FireSale));
        Assert.IsTrue(CascadeModels.TryParse("fire-sale", out var kind) && kind == CascadeModelKind.FireSale);
        Assert.IsTrue(CascadeModels.TryParse("debtrank-nonlinear", out kind) && kind == CascadeModelKind.DebtRankNonLinear);
        Assert.IsInstanceOfType<FireSaleCascade>(CascadeModels.Create(CascadeModelKind.FireSale));
        Assert.IsInstanceOfType<NonLinearDebtRank>(CascadeModels.Create(CascadeModelKind.DebtRankNonLinear));
    }

    [TestMethod]
    public void GltOneRound_AssetShockInTheOptions_LossesAsTheFamilyComputes()
    {
        var model = new FireSaleCascade(new FireSaleOptions { Dynamics = FireSaleDynamics.GreenwoodOneRound, AssetShocks = Falls(("a1", 0.1)) });

        var result = model.Run(FireSaleCases.Glt(), CascadeShock.None);

        FireSaleCases.AssertVector([6 + 2.124, 2 + 1.148, 0.66], result.Entities.Select(e => e.CreditLoss!.Value), 1e-12, "direct + fire-sale loss");
        FireSaleCases.AssertVector([10 - 8.124, 10 - 3.148, 5 - 0.66], result.Entities.Select(e => e.Equity!.Value), 1e-12, "equity left");
        Assert.AreEqual(0, result.EntitiesFailed);
        Assert.AreEqual("GreenwoodOneRound", result.Settings["dynamics"]);
        Assert.AreEqual("a1=0.1", result.Settings["assetShocks"]);
        Assert.AreEqual(983.0 / 6250, model.RunFireSale(FireSaleCases.Glt(), CascadeShock.None).AggregateVulnerability, 1e-12);
    }

    [TestMethod]
    public void Threshold_ShallowMarkets_InsolventBankFailsInRoundThree_ItsLinksGoDown()
    {
        // The note's example with D = (500, 800), plus a loan from bank 3 to bank 1 that bank 1's failure brings down.
        var plain = FireSaleCases.ContSchaanning(500, 800);
        var builder = plain.ToBuilder().AddLink("b3", "b1", LinkKind.Loan, 0);
        var network = builder.Build();
        var model = new FireSaleCascade(new FireSaleOptions
        {
            MaxLeverage = 20, TargetLeverageFraction = 0.9, Impact = PriceImpactFunction.Exponential, AssetShocks = Falls(("a1", 0.05)),
        });

        var result = model.Run(network, CascadeShock.None);

        Assert.AreEqual(1, result.EntitiesFailed);
        Assert.AreEqual(3, result.Entity("b1").Round);
        Assert.AreEqual(LinkDownCause.RecipientFailed, result.Links[0].Cause);
        Assert.AreEqual(3, result.Links[0].Round);
        Assert.AreEqual(0, result.Entity("b1").Equity!.Value, 1e-12);
        Assert.AreEqual(3, result.Rounds, "three rounds of sales; in the fourth, banks 1 and 2 have nothing left to sell");
    }

    [TestMethod]
    public void FailureShock_FailedFirmLiquidates_OthersLose()
    {
        var network = FireSaleCases.ContSchaanning(1000, 1500);
        var model = new FireSaleCascade(new FireSaleOptions { MaxLeverage = 20, TargetLeverageFraction = 0.9 });

        var result = model.Run(network, CascadeShock.Fail("b3"));
        var detail = model.RunFireSale(network, CascadeShock.Fail("b3"));

        Assert.AreEqual(0, result.Entity("b3").Round);
        Assert.AreEqual(50, detail.Entity("b3").Sold, 1e-12, "b3 sells all of its 50 of asset 2 in round 1");
        Assert.IsLessThan(1.0, detail.Asset("a2").FinalPrice);
        Assert.IsGreaterThan(0.0, detail.Entity("b2").FireSaleLoss);
        Assert.AreEqual(detail.Entity("b2").FireSaleLoss, result.Entity("b2").CreditLoss!.Value, 1e-15);
        Assert.AreEqual(detail.Rounds, result.Rounds);
    }

    [TestMethod]
    public void GltLinear_SpectralRadiusAboveOne_RunThrowsTryRunReturnsTheState()
    {
        var network = FireSaleCases.Glt(0.002, 0.004);
        var prepared = new FireSaleCascade(new FireSaleOptions { Dynamics = FireSaleDynamics.GreenwoodLinear, AssetShocks = Falls(("a1", 0.1)) }).Prepare(network);

        Assert.ThrowsExactly<CascadeConvergenceException>(() => prepared.Run(CascadeShock.None));
        Assert.IsFalse(prepared.TryRun(CascadeShock.None, out var result));
        Assert.IsFalse(result.Converged);
        Assert.IsGreaterThan(0.0, result.Residual);
    }

    [TestMethod]
    public void Options_AssetShockNamingNoAsset_Refused()
    {
        var model = new FireSaleCascade(new FireSaleOptions { AssetShocks = Falls(("gpus", 0.1)) });

        var error = Assert.ThrowsExactly<ArgumentException>(() => model.Run(FireSaleCases.Glt(), CascadeShock.None));
        StringAssert.Contains(error.Message, "'gpus', which is not an asset of the network");
    }

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, double> Falls(params (string Id, double Fall)[] falls) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, falls.Select(f => KeyValuePair.Create(f.Id, f.Fall)));
}
