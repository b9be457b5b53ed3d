using AiContagion.FireSales;
using static AiContagion.Tests.FireSales.FireSaleCases;

namespace AiContagion.Tests.FireSales;

/// <summary>
/// The rounds dynamics on updated balance sheets: Cont–Schaanning threshold deleveraging on FinNetValu's test case and
/// the research note's multi-asset example (§3.2, §3.3; full digits recomputed with numpy from FinNetValu's scheme, the
/// peer's printed rounded values checked too), leverage targeting on GLT's example (§2.3(b)), and one firm by hand.
/// </summary>
[TestClass]
public sealed class DeleveragingRoundsTests
{
    private static readonly FireSaleOptions FinNetValuOptions = new()
    {
        Dynamics = FireSaleDynamics.ThresholdDeleveraging,
        MaxLeverage = 33.3,
        TargetLeverageFraction = 0.95,
        ImplementationShortfall = 0.5,
        Impact = PriceImpactFunction.Exponential,
        PriceFloor = 0.5,
    };

    [TestMethod]
    public void Threshold_FinNetValuCsModel8_RoundsAndFixedPoint()
    {
        // Bank 1 loses 20 % of its illiquid 10: C⁰ = (2, 4.5), λ = (49, 20); bank 1 sells Γ = 34.73/90 in round 1.
        var result = FireSaleSimulation.Run(FinNetValu(), new FireSaleShock { ExternalAssetLosses = Losses(("bank1", 0.2)) }, FinNetValuOptions);

        Assert.IsTrue(result.Converged);
        Assert.AreEqual(3, result.Rounds, "three selling rounds");
        AssertVector([2, 0], result.Entities.Select(e => e.DirectLoss), 1e-12, "direct loss");
        var price = result.Asset("asset").Prices;
        Assert.AreEqual(0.992294133535271, price[1], 1e-12, "round 1 price (FinNetValu prints 0.99)");
        Assert.AreEqual(0.9885042669398184, price[2], 1e-12, "round 2 price (0.989)");
        Assert.AreEqual(0.9873174687884021, price[3], 1e-12, "final price");
        Assert.AreEqual(34.73, result.History[0].Sold, 1e-9, "Γ₁ · 90 = 90 + 8 − 31.635 · 2");
        AssertVector([0.7778427850349243, 0.8877771848118465], result.Entities.Select(e => e.FireSaleLoss), 1e-12, "fire-sale losses: C⁰ − C_final");
        double[] afterShock = [2, 4.5];
        AssertVector([1.2221572149650757, 3.6122228151881535], result.Entities.Select((e, i) => afterShock[i] - e.FireSaleLoss), 1e-12, "final equity");
        Assert.AreEqual(0.5597156106655937 + 0.5394106525310327, result.History[0].Loss, 1e-12, "round-1 losses (C: 1.44, 3.96 as FinNetValu prints)");
    }

    [TestMethod]
    public void Threshold_ThreeBanksTwoAssets_DeepMarkets_FiveRoundsNoDefault()
    {
        var result = RunContSchaanning(1000, 1500);

        Assert.AreEqual(5, result.Rounds);
        AssertVector([2.797297831274942, 1.1084117115033547, 1.5745516301496814], result.Entities.Select(e => e.FireSaleLoss), 1e-12, "fire-sale losses");
        Assert.AreEqual(5.480261172927978, result.TotalFireSaleLoss, 1e-12);
        AssertVector([0.9046300246968983, 0.9685089673970064], result.Assets.Select(a => a.FinalPrice), 1e-12, "final prices");
        AssertVector([0.94177563739091, 0.9878707695593262], result.Assets.Select(a => a.Prices[1]), 1e-12, "round-1 prices");
        Assert.AreEqual(1, result.History[0].Sellers, "only bank 2 (λ = 24.75) sells in round 1");
        Assert.AreEqual((99 - (18 * 4.0)) / 59 * 59, result.History[0].Sold, 1e-12, "Γ₂ = 27/59 of its 59");
        Assert.AreEqual(0, result.EntitiesFailed);
        Assert.AreEqual(result.AggregateVulnerability, result.Entities.Sum(e => e.Systemicness), 1e-12, "Σ S = AV");
        Assert.AreEqual(0, result.Entity("b3").Systemicness, "b3 never sells");
    }

    [TestMethod]
    public void Threshold_ThreeBanksTwoAssets_ShallowMarkets_OneInsolventOneIlliquid()
    {
        var result = RunContSchaanning(500, 800);

        var b1 = result.Entity("b1");
        var b2 = result.Entity("b2");
        Assert.IsTrue(b1.Failed, "bank 1 insolvent");
        Assert.AreEqual(5, b1.FireSaleLoss, 1e-12, "capped at its equity after the shock");
        Assert.IsFalse(b2.Failed);
        Assert.IsTrue(b2.Illiquid, "bank 2 sold everything and is still above λ_max");
        AssertVector([5, 2.1271941842285367, 4.0772195997331915], result.Entities.Select(e => e.FireSaleLoss), 1e-12, "fire-sale losses");
        AssertVector([0.8213525300764687, 0.9184556080053362], result.Assets.Select(a => a.FinalPrice), 1e-12, "final prices");
        Assert.AreEqual(3, b1.FailedRound);
    }

    [TestMethod]
    public void LeverageTargeting_GltExample_RoundOneAndFixedPoint()
    {
        var result = FireSaleSimulation.Run(Glt(), FireSaleShock.PriceFalls(("a1", 0.10)), new FireSaleOptions { Dynamics = FireSaleDynamics.LeverageTargeting, Tolerance = 1e-16 });

        // Round 1 sells 54 and 8 as GLT, but pro rata to post-shock holdings: net sales (34.0213, 27.9787), not (35.6, 26.4).
        Assert.AreEqual(62, result.History[0].Sold, 1e-12);
        Assert.AreEqual(2.037723404255319 + 1.1455531914893617 + 0.699468085106383, result.History[0].Loss, 1e-12, "round-1 losses");
        AssertVector([2.4743589103611896, 1.7071213473904567, 1.14447256367249], result.Entities.Select(e => e.FireSaleLoss), 1e-12, "fixed point");
        AssertVector([0.8774768125900647, 0.9536148707188804], result.Assets.Select(a => a.FinalPrice), 1e-12, "final prices");
        Assert.AreEqual(5.325952821424137 / 25, result.AggregateVulnerability, 1e-12);
    }

    [TestMethod]
    public void Threshold_OneFirmAboveItsLimit_NoImpact_SellsBackToTarget()
    {
        // Note §7 case 9: tradables 8, illiquid 3, equity 0.5 → λ = 22 > 20; target 1/0.06 → Γ = (11 − 0.5/0.06)/8 = 1/3.
        var network = Build([("bank", 0.5, 3)], [("bonds", 0)], [("bank", "bonds", 8)]);
        var options = new FireSaleOptions { MaxLeverage = 20, TargetLeverageFraction = 1 / (0.06 * 20), PriceFloor = 0 };

        var result = FireSaleSimulation.Run(network, FireSaleShock.None, options);

        Assert.AreEqual(1, result.Rounds);
        Assert.AreEqual(8.0 / 3, result.Entity("bank").Sold, 1e-12);
        Assert.AreEqual(0, result.Entity("bank").FireSaleLoss);
        Assert.AreEqual(1, result.Asset("bonds").FinalPrice);
    }

    private static FireSaleResult RunContSchaanning(double depth1, double depth2) => FireSaleSimulation.Run(
        ContSchaanning(depth1, depth2),
        FireSaleShock.PriceFalls(("a1", 0.05)),
        new FireSaleOptions { MaxLeverage = 20, TargetLeverageFraction = 0.9, ImplementationShortfall = 0.5, Impact = PriceImpactFunction.Exponential });

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, double> Losses(params (string Id, double Fraction)[] losses) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(losses.Select(l => KeyValuePair.Create(l.Id, l.Fraction)));
}
