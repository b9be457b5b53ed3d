using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades;

[TestClass]
public sealed class ChainCascadeTests
{
    // Hand-derived, both channels. vc → x (Equity 10); bank → x (Loan 10), bank capital 5; bank → y (Loan 4),
    // y: revenue 4 (inflow 8), τ 0.25 (buffer 2). vc withdraws: x (inflow 20, τ 0.25, buffer 5) loses 10 > 5
    // (round 1, liquidity). Its loan of 10 is lost to the bank: 10 > 5 (round 2, solvency). The bank stops paying y:
    // y loses 4 > 2 (round 3, liquidity), and y's failure costs the bank its loan of 4 as well (loss 14, equity −9).
    // The funding model stops at x; the credit model sees no failure at all.
    [TestMethod]
    public void Run_LiquidityThenSolvencyThenLiquidity()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("vc", Sector.VentureCapital)
            .AddEntity(new Entity("bank", Sector.Bank) { Capital = 5 })
            .AddEntity(new Entity("x", Sector.ModelLab) { Tolerance = 0.25 })
            .AddEntity(new Entity("y", Sector.Neocloud) { Tolerance = 0.25, Revenue = 4 })
            .AddLink("vc", "x", LinkKind.Equity, 10)
            .AddLink("bank", "x", LinkKind.Loan, 10)
            .AddLink("bank", "y", LinkKind.Loan, 4)
            .Build();
        var shock = CascadeShock.Withdraw("vc");

        var chain = new ChainCascade().Run(network, shock);
        var funding = new FundingWithdrawalCascade().Run(network, shock);
        var credit = new CreditLossCascade().Run(network, shock);

        CollectionAssert.AreEqual(new[] { "x", "bank", "y" }, chain.FailedEntities.Select(e => e.Id).ToArray());
        CollectionAssert.AreEqual(new int?[] { 1, 2, 3 }, chain.FailedEntities.Select(e => e.Round).ToArray());
        Assert.AreEqual(14.0, chain.Entity("bank").CreditLoss!.Value, 1e-12);
        Assert.AreEqual(-9.0, chain.Entity("bank").Equity!.Value, 1e-12);
        Assert.AreEqual(4.0, chain.Entity("y").LostInflow!.Value, 1e-12);
        Assert.AreEqual(3, chain.LinksDown);
        CollectionAssert.AreEqual(new[] { "x" }, funding.FailedEntities.Select(e => e.Id).ToArray());
        Assert.AreEqual(0, credit.EntitiesFailed);
    }

    // External-asset losses hit capital in the chain model: the bank of the toy chain has capital 12 and external
    // assets 120; losing 10 % costs 12 = capital (survives, strict), 11 % costs 13.2 (fails, round 1). The failed bank
    // stops its loan of 8 to neocloud (buffer 2/21 · 21 = 2), which fails in round 2 and so costs the bank that loan:
    // 13.2 + 8 = 21.2. model-lab loses the bank's 2 (buffer 4) and stands.
    [TestMethod]
    [DataRow(0.10, false, 12.0)]
    [DataRow(0.11, true, 21.2)]
    public void Run_ExternalShock_ChargedToCapital(double fraction, bool fails, double loss)
    {
        var result = new ChainCascade().Run(Support.Networks.ToyChain(), new CascadeShock { ExternalAssetLosses = [new("bank", fraction)] });

        Assert.AreEqual(fails, result.IsFailed("bank"));
        Assert.AreEqual(loss, result.Entity("bank").CreditLoss!.Value, 1e-9);
        Assert.AreEqual(fails, result.IsFailed("neocloud"));
        Assert.IsFalse(result.IsFailed("model-lab"));
    }

    [TestMethod]
    public void Settings_EchoBothChannels()
    {
        var result = new ChainCascade(new LiquidityOptions { DefaultTolerance = 0.1 }).Run(Support.Networks.ToyChain(), CascadeShock.None);

        Assert.AreEqual("0.1", result.Settings["defaultTolerance"]);
        Assert.AreEqual("LossExceedsCapital", result.Settings["failureRule"]);
        Assert.AreEqual("chain", result.ModelName);
    }
}
