using AiContagion.Cascades;
using AiContagion.Model;

using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cascades;

[TestClass]
public sealed class CreditLossCascadeTests
{
    // Published case C3, Furfine with recovery 0 after the 10 % external shock: equity [−3, −3, −1], all three default.
    // Capital is the balance-sheet net worth (no capital figure in the file): b1 = 20 + 2 − 17 − 4 = 1,
    // b2 = 20 + 4 − 18 − 3 = 3, b3 = 10 + 3 − 8 − 2 = 3. The shock costs [2, 2, 1]: b1 fails in round 1, its debt of
    // 4 to b2 is lost (round 2), then b2's debt of 3 to b3 (round 3); b3's failure costs b1 its claim of 2.
    [TestMethod]
    public void Run_C3Furfine_AllDefaultWithPublishedEquity()
    {
        var network = Textbook.Load("c3-seniority.json");
        var result = new CreditLossCascade().Run(network, CascadeShock.ExternalAssetsLostByAll(network, 0.1));

        EisenbergNoeClearingTests.AssertVector([-3, -3, -1], result.Entities.Select(e => e.Equity!.Value), "equity");
        CollectionAssert.AreEqual(new int?[] { 1, 2, 3 }, result.Entities.Select(e => e.Round).ToArray());
        Assert.AreEqual(3, result.EntitiesFailed);
        Assert.AreEqual(3, result.CascadeFailures);
    }

    // Published case C4, default cascade with recovery 0: net worth [−1, 0.125, 0.25] at the start (no shock);
    // b1 is insolvent from the start (round 1); its debts of 0.5 to b2 and b3 exceed their 0.125 and 0.25 (round 2).
    // Every claim is then lost: b1 loses 0.5 + 0.5 → −2; b2 loses 0.5 on b1 and 0.5 on b3 → −0.875; b3 → −0.75.
    [TestMethod]
    public void Run_C4DefaultCascade_AllThreeDefault()
    {
        var result = new CreditLossCascade().Run(Textbook.Load("c4-systemicrisk.json"), CascadeShock.None);

        EisenbergNoeClearingTests.AssertVector([-2, -0.875, -0.75], result.Entities.Select(e => e.Equity!.Value), "equity after losses");
        CollectionAssert.AreEqual(new int?[] { 1, 2, 2 }, result.Entities.Select(e => e.Round).ToArray());
        Assert.IsTrue(result.Entities.All(e => !e.Shocked));
    }

    // Hand-derived: lender L (capital 3) lends 5 to X and holds equity of 2 in X; X fails.
    // Recovery 0: loss 5 + 2 = 7 > 3. Loan recovery 0.8 (equity 0): 1 + 2 = 3 = capital: strict survives, non-strict fails.
    [TestMethod]
    [DataRow(0.0, FailureRule.LossExceedsCapital, 7.0, true)]
    [DataRow(0.4, FailureRule.LossExceedsCapital, 5.0, true)]
    [DataRow(0.8, FailureRule.LossExceedsCapital, 3.0, false)]
    [DataRow(0.8, FailureRule.LossReachesCapital, 3.0, true)]
    public void Run_RecoveryPerKindAndRule_DecideFailure(double loanRecovery, FailureRule rule, double loss, bool lenderFails)
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("lender", Sector.Bank) { Capital = 3 })
            .AddEntity("x", Sector.Neocloud)
            .AddLink("lender", "x", LinkKind.Loan, 5)
            .AddLink("lender", "x", LinkKind.Equity, 2)
            .Build();
        var model = new CreditLossCascade(new SolvencyOptions { Recovery = RecoveryRates.Zero.With(LinkKind.Loan, loanRecovery), Rule = rule });

        var result = model.Run(network, CascadeShock.Fail("x"));

        Assert.AreEqual(loss, result.Entity("lender").CreditLoss!.Value, 1e-12);
        Assert.AreEqual(lenderFails, result.IsFailed("lender"));
        Assert.AreEqual(3 - loss, result.Entity("lender").Equity!.Value, 1e-12);
    }

    // Commercial links carry no loss: a supplier whose customer fails loses nothing in this model.
    [TestMethod]
    public void Run_CommercialLink_CarriesNoLoss()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("supplier", Sector.ChipMaker) { Capital = 0.1 })
            .AddEntity("customer", Sector.Neocloud)
            .AddLink("customer", "supplier", LinkKind.GpuPurchase, 50)
            .Build();

        var result = new CreditLossCascade().Run(network, CascadeShock.Fail("customer"));

        Assert.IsFalse(result.IsFailed("supplier"));
        Assert.AreEqual(0.0, result.Entity("supplier").CreditLoss!.Value);
        Assert.AreEqual(LinkDownCause.PayerFailed, result.Links[0].Cause);
    }

    // Unknown capital (no capital, no external assets) defaults to +∞: immune, equity unknown. A finite default applies.
    [TestMethod]
    public void Run_UnknownCapital_ImmuneUnlessADefaultIsGiven()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("vc", Sector.VentureCapital)
            .AddEntity("lab", Sector.ModelLab)
            .AddLink("vc", "lab", LinkKind.Equity, 10)
            .Build();

        var immune = new CreditLossCascade().Run(network, CascadeShock.Fail("lab"));
        var finite = new CreditLossCascade(new SolvencyOptions { Capital = new CapitalOptions { Default = 5 } }).Run(network, CascadeShock.Fail("lab"));

        Assert.IsFalse(immune.IsFailed("vc"));
        Assert.IsNull(immune.Entity("vc").Equity);
        Assert.IsTrue(finite.IsFailed("vc"));
        Assert.AreEqual(-5.0, finite.Entity("vc").Equity!.Value, 1e-12);
    }

    // A withdrawal has no solvency effect: links go down, nobody fails.
    [TestMethod]
    public void Run_Withdrawal_OnlyBringsTheWithdrawnLinksDown()
    {
        var result = new CreditLossCascade().Run(Networks.ToyChain(), CascadeShock.Withdraw("bank"));

        Assert.AreEqual(0, result.EntitiesFailed);
        Assert.AreEqual(2, result.LinksDown);
        Assert.AreEqual(2, result.LinksDownBy(LinkDownCause.Withdrawn));
    }

    [TestMethod]
    public void Run_DistressShock_IsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => new CreditLossCascade().Run(Networks.ToyChain(), new CascadeShock { Distress = [new("bank", 0.5)] }));
}
