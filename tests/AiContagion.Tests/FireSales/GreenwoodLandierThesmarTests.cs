using AiContagion.FireSales;
using static AiContagion.Tests.FireSales.FireSaleCases;

namespace AiContagion.Tests.FireSales;

/// <summary>
/// GLT's closed forms on the research note's hand example (§2.2, §2.3(a)): three banks, two assets, asset 1 falls 10 %.
/// Expected values are exact fractions worked by hand (note: "[mine]", exact with sympy) and agree with Di Gangi's
/// element-wise port of GLT (Vulnerable_Banks.m: SYS% 13.392, 2.336, 0; AV% 15.728; VUL 0.2124, 0.1148, 0.132).
/// </summary>
[TestClass]
public sealed class GreenwoodLandierThesmarTests
{
    private static readonly FireSaleShock AssetOneFalls = FireSaleShock.PriceFalls(("a1", 0.10));

    private static FireSaleResult Run(FireSaleDynamics dynamics, double impact1 = 0.0005, double impact2 = 0.001) =>
        FireSaleSimulation.Run(Glt(impact1, impact2), AssetOneFalls, new FireSaleOptions { Dynamics = dynamics });

    [TestMethod]
    public void OneRound_HandExample_SalesPricesLossesAndGltMeasures()
    {
        var result = Run(FireSaleDynamics.GreenwoodOneRound);

        // x⁰ = X f = (6, 2, 0); s = B x⁰ = (54, 8, 0); φ = M′s = (35.6, 26.4); Δp = Lφ = (0.0178, 0.0264); y = XΔp.
        AssertVector([6, 2, 0], result.Entities.Select(e => e.DirectLoss), 1e-12, "direct loss");
        AssertVector([54, 8, 0], result.Entities.Select(e => e.Sold), 1e-12, "sales");
        AssertVector([35.6, 26.4], result.Assets.Select(a => a.Sold), 1e-12, "net asset sales");
        AssertVector([0.9 - 0.0178, 1 - 0.0264], result.Assets.Select(a => a.FinalPrice), 1e-12, "prices");
        AssertVector([531.0 / 250, 287.0 / 250, 33.0 / 50], result.Entities.Select(e => e.FireSaleLoss), 1e-12, "one-round fire-sale loss");
        Assert.AreEqual(983.0 / 6250, result.AggregateVulnerability, 1e-12, "AV = 0.15728");
        AssertVector([0.13392, 0.02336, 0], result.Entities.Select(e => e.Systemicness), 1e-12, "systemicness");
        AssertVector([0.2124, 0.1148, 0.132], result.Entities.Select(e => e.IndirectVulnerability!.Value), 1e-12, "indirect vulnerability");
        AssertVector([10, 5, 5], result.Entities.Select(e => e.Leverage!.Value), 1e-12, "leverage a/E");
        Assert.AreEqual(1, result.Rounds);
        Assert.AreEqual(25, result.SystemEquity);
        Assert.AreEqual(0, result.EntitiesFailed);
        Assert.IsNull(result.SpectralRadius);
        AssertVector([0.9, 1], result.Assets.Select(a => a.Prices[0]), 0, "prices after the shock");
    }

    [TestMethod]
    public void OneRound_DoubleImpact_DoublesEveryMeasure()
    {
        // Note §7 case 3: ℓ = (0.001, 0.002) → AV 0.31456, S (0.26784, 0.04672, 0), IV (0.4248, 0.2296, 0.264).
        var result = Run(FireSaleDynamics.GreenwoodOneRound, 0.001, 0.002);

        Assert.AreEqual(0.31456, result.AggregateVulnerability, 1e-12);
        AssertVector([0.26784, 0.04672, 0], result.Entities.Select(e => e.Systemicness), 1e-12, "systemicness");
        AssertVector([0.4248, 0.2296, 0.264], result.Entities.Select(e => e.IndirectVulnerability!.Value), 1e-12, "indirect vulnerability");
    }

    [TestMethod]
    public void Linear_HandExample_ClosedFormFixedPointRoundsAndSpectralRadius()
    {
        var result = Run(FireSaleDynamics.GreenwoodLinear);

        // K = X L X′ diag(b/a): eigenvalues 0 and (247 ± 9√489)/1000.
        Assert.AreEqual((247 + (9 * Math.Sqrt(489))) / 1000, result.SpectralRadius!.Value, 1e-12);
        Assert.AreEqual(0.44602009948746413, result.SpectralRadius!.Value, 1e-12);
        Assert.IsTrue(result.Converged);

        // Y = (I − K)⁻¹ K x⁰ = (3326/879, 614/293, 1100/879); AV∞ = 6268/21975.
        AssertVector([3326.0 / 879, 614.0 / 293, 1100.0 / 879], result.Entities.Select(e => e.FireSaleLoss), 1e-12, "fixed point");
        Assert.AreEqual(6268.0 / 21975, result.AggregateVulnerability, 1e-12);
        AssertVector([0.9 - (87.0 / 2930), 1 - (44.0 / 879)], result.Assets.Select(a => a.FinalPrice), 1e-12, "prices at the fixed point");

        // Round totals: x¹ = (2.124, 1.148, 0.66), x² = (0.920856, 0.524312, 0.32604), x³, x⁴ summed.
        AssertVector([3.932, 1.771208, 0.790831952, 0.352767133088], result.History.Take(4).Select(r => r.Loss), 1e-12, "round losses");
        Assert.AreEqual(2, result.History[0].Sellers);
        Assert.IsTrue(result.Rounds is > 20 and < 60, $"rounds {result.Rounds}");
        Assert.AreEqual(result.AggregateVulnerability, result.Entities.Sum(e => e.Systemicness), 1e-12, "Σ S_n = AV∞");
        Assert.AreEqual(0, result.EntitiesFailed);
    }

    [TestMethod]
    public void Linear_DoubleImpact_NearCritical_BankOneLosesMoreThanItsEquity()
    {
        // Note §7 case 3: ρ(K) = 0.8920401989749283; no caps, so bank 1 loses 38.26… > E₁ − x⁰₁ = 4: failed.
        var result = Run(FireSaleDynamics.GreenwoodLinear, 0.001, 0.002);

        Assert.AreEqual(0.8920401989749283, result.SpectralRadius!.Value, 1e-12);
        Assert.AreEqual(38.262295081967, result.Entity("b1").FireSaleLoss, 1e-9);
        Assert.IsTrue(result.Entity("b1").Failed);
        Assert.AreEqual(1, result.Entity("b1").FailedRound);
    }

    [TestMethod]
    public void Linear_SpectralRadiusAboveOne_NotConverged()
    {
        var result = Run(FireSaleDynamics.GreenwoodLinear, 0.002, 0.004);

        Assert.IsGreaterThan(1.0, result.SpectralRadius!.Value);
        Assert.IsFalse(result.Converged);
        Assert.IsTrue(result.Entities.All(e => e.Failed), "every levered holder ends failed: the path stops there");
    }

    [TestMethod]
    public void Linear_FirstRound_EqualsOneRound()
    {
        var one = Run(FireSaleDynamics.GreenwoodOneRound);
        var linear = Run(FireSaleDynamics.GreenwoodLinear);

        Assert.AreEqual(one.TotalFireSaleLoss, linear.History[0].Loss, 1e-12);
        AssertVector([.. one.Assets.Select(a => a.FinalPrice)], linear.Assets.Select(a => a.Prices[1]), 1e-12, "round-1 prices");
    }
}
