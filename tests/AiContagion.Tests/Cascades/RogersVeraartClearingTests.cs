using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades;

[TestClass]
public sealed class RogersVeraartClearingTests
{
    public static IEnumerable<object[]> C2 => Textbook.BothEncodings("c2-rogers-veraart.json");

    // Published case C2 (FinNetValu test_rogers.jl), α = β = 1, e = [1, 1, 1]: iterates [0.8,12.5,8.4] → [0.8,9.5,8.4];
    // result [0.8, 9.5, 8.4]; entity 2 defaults (in round 1).
    [TestMethod]
    [DynamicData(nameof(C2))]
    public void Run_C2WithUnitExternalAssets_GreatestClearingVector(string encoding, FinancingNetwork network)
    {
        var result = new RogersVeraartClearing().Run(network, CascadeShock.None);

        EisenbergNoeClearingTests.AssertVector([0.8, 9.5, 8.4], result.Entities.Select(e => e.Payment!.Value), encoding);
        CollectionAssert.AreEqual(new int?[] { null, 1, null }, result.Entities.Select(e => e.Round).ToArray(), encoding);
        Assert.AreEqual("1", result.Settings["alpha"]);
    }

    // Published case C2, e = [0, 0, 0.1] (the file's e = [1, 1, 1] with 100 %, 100 % and 90 % lost): iterates
    // → [0.8,8.5,8.4] → [0.8,5.625,5.525]; entities 2 and 3 default, in rounds 1 and 2.
    [TestMethod]
    [DynamicData(nameof(C2))]
    public void Run_C2WithShockedExternalAssets_TwoDefaultRounds(string encoding, FinancingNetwork network)
    {
        var shock = new CascadeShock { ExternalAssetLosses = [new("b1", 1), new("b2", 1), new("b3", 0.9)] };
        var result = new RogersVeraartClearing().Run(network, shock);

        EisenbergNoeClearingTests.AssertVector([0.8, 5.625, 5.525], result.Entities.Select(e => e.Payment!.Value), encoding);
        CollectionAssert.AreEqual(new int?[] { null, 1, 2 }, result.Entities.Select(e => e.Round).ToArray(), encoding);
        Assert.AreEqual(2, result.Rounds);
    }

    // Hand-derived default costs. A owes B 10 (Services A → B) and has e = 6; B has e = 0 and external liabilities
    // 5 (pari passu, p̄_B = 5). Eisenberg–Noe: A pays 6, B receives 6 ≥ 5 and pays 5. Rogers–Veraart with α = 0.5,
    // β = 0.8: A defaults and pays α·6 = 3; B receives 3 < 5, defaults, and pays β·3 = 2.4.
    [TestMethod]
    public void Run_DefaultCosts_ReducePaymentsOfDefaulters()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("a", Sector.Neocloud) { ExternalAssets = 6 })
            .AddEntity(new Entity("b", Sector.ChipMaker) { ExternalAssets = 0, ExternalLiabilities = 5 })
            .AddLink("a", "b", LinkKind.Services, 10)
            .Build();

        var noCost = new RogersVeraartClearing().Run(network, CascadeShock.None);
        var withCost = new RogersVeraartClearing(new RogersVeraartOptions { Alpha = 0.5, Beta = 0.8 }).Run(network, CascadeShock.None);

        EisenbergNoeClearingTests.AssertVector([6, 5], noCost.Entities.Select(e => e.Payment!.Value), "α = β = 1", 1e-12);
        EisenbergNoeClearingTests.AssertVector([3, 2.4], withCost.Entities.Select(e => e.Payment!.Value), "α = 0.5, β = 0.8", 1e-12);
        Assert.AreEqual(2, withCost.EntitiesFailed);
        Assert.AreEqual(1, noCost.EntitiesFailed);
    }

    [TestMethod]
    [DataRow(-0.1, 1.0)]
    [DataRow(1.0, 1.5)]
    [DataRow(double.NaN, 1.0)]
    public void Constructor_CostOutOfRange_Throws(double alpha, double beta) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RogersVeraartClearing(new RogersVeraartOptions { Alpha = alpha, Beta = beta }));
}
