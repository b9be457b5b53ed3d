using AiContagion.Model;
using AiContagion.Valuation;

namespace AiContagion.Tests.Valuation;

/// <summary>The issuer → holders loss function the chain and runway models will call: share × valuation, else × book equity.</summary>
[TestClass]
public sealed class EquityStakesTests
{
    // lab has a market valuation of 100; cloud has none (book equity from a valuation: 20 − 12 = 8). fund holds 10 % of
    // lab and 50 % of cloud; bank holds 5 % of lab; an Equity link without a share is no stake.
    private static FinancingNetwork Network() => FinancingNetwork.CreateBuilder()
        .AddEntity(new Entity("fund", Sector.VentureCapital))
        .AddEntity(new Entity("bank", Sector.Bank))
        .AddEntity(new Entity("lab", Sector.ModelLab) { Valuation = 100, ExternalAssets = 30, ExternalLiabilities = 5 })
        .AddEntity(new Entity("cloud", Sector.Neocloud) { ExternalAssets = 20, ExternalLiabilities = 12 })
        .AddLink(new Link("fund", "lab", LinkKind.Equity, 6) { Share = 0.1 })
        .AddLink(new Link("fund", "cloud", LinkKind.Equity, 3) { Share = 0.5 })
        .AddLink(new Link("bank", "lab", LinkKind.Equity, 2) { Share = 0.05 })
        .AddLink(new Link("bank", "cloud", LinkKind.Equity, 1))
        .Build();

    [TestMethod]
    public void LossesOnFailure_ShareTimesValuationElseBookEquity()
    {
        var network = Network();
        var stakes = EquityStakes.Of(network);
        var book = new CrossHoldingsValuation(network).Value();

        var values = stakes.IssuerValues(book);

        Assert.AreEqual(3, stakes.Count);
        Assert.AreEqual(100, values[network.IndexOf("lab")], "the market valuation wins over the book equity of 25");
        Assert.AreEqual(8, values[network.IndexOf("cloud")], 1e-12, "no valuation: book equity 20 − 12");
        CollectionAssert.AreEqual(
            new[] { new StakeLoss("fund", 0, 10), new StakeLoss("bank", 2, 5) },
            stakes.LossesOnFailure("lab", values).ToArray());
        CollectionAssert.AreEqual(new[] { new StakeLoss("fund", 1, 4) }, stakes.LossesOnFailure("cloud", values).ToArray());
        Assert.IsEmpty(stakes.LossesOnFailure("fund", values));
    }

    [TestMethod]
    public void IssuerValues_WithoutBook_NaNWhereNoValuation()
    {
        var network = Network();
        var stakes = EquityStakes.Of(network);

        var values = stakes.IssuerValues((IReadOnlyList<double>?)null);

        Assert.AreEqual(100, values[network.IndexOf("lab")]);
        Assert.IsTrue(double.IsNaN(values[network.IndexOf("cloud")]));
        Assert.IsTrue(double.IsNaN(stakes.LossesOnFailure("cloud", values)[0].Loss));
        CollectionAssert.AreEqual(new double[] { 0, 0, 100, 3 }, stakes.IssuerValues([0, 0, 7, 3]), "a given book equity fills in where no valuation is stated");
    }

    [TestMethod]
    public void HeldIn_AndTheEnginesForm()
    {
        var network = Network();
        var stakes = EquityStakes.Of(network);
        var losses = new double[network.EntityCount];

        stakes.AddLossesOnFailure(network.IndexOf("lab"), 100, losses);

        CollectionAssert.AreEqual(new[] { new EquityStake("fund", "lab", 0.1, 0), new EquityStake("bank", "lab", 0.05, 2) }, stakes.HeldIn("lab").ToArray());
        CollectionAssert.AreEqual(new[] { 10.0, 5, 0, 0 }, losses);
        Assert.ThrowsExactly<ArgumentException>(() => stakes.HeldIn("ghost"));
        Assert.ThrowsExactly<ArgumentException>(() => stakes.IssuerValues([1, 2]));
        Assert.ThrowsExactly<ArgumentException>(() => stakes.LossesOnFailure("lab", [1, 2]));
        Assert.ThrowsExactly<ArgumentException>(() => stakes.IssuerValues(new CrossHoldingsValuation(Network()).Value()));
    }
}
