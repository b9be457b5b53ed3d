using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades;

[TestClass]
public sealed class GaiKapadiaCascadeTests
{
    // Published case C8: interbank assets 20 % and capital 4 % of total assets (100), zero recovery, spread evenly
    // over j debtors. One debtor fails: the holder fails iff 0.20 / j > 0.04, i.e. j ≤ 4 (strict rule, the default).
    // At j = 5 the loss equals capital: it survives under "loss > capital" and fails under "loss ≥ capital".
    [TestMethod]
    [DataRow(1, true, true)]
    [DataRow(2, true, true)]
    [DataRow(4, true, true)]
    [DataRow(5, false, true)]
    [DataRow(6, false, false)]
    [DataRow(10, false, false)]
    public void Run_C8_VulnerableIffFewDebtors(int debtors, bool failsStrict, bool failsNonStrict)
    {
        var network = Holder(debtors);

        var strict = new GaiKapadiaCascade().Run(network, CascadeShock.Fail("d1"));
        var nonStrict = new GaiKapadiaCascade(new GaiKapadiaOptions { Rule = FailureRule.LossReachesCapital }).Run(network, CascadeShock.Fail("d1"));

        Assert.AreEqual(failsStrict, strict.IsFailed("holder"), "strict");
        Assert.AreEqual(failsNonStrict, nonStrict.IsFailed("holder"), "non-strict");
        Assert.AreEqual(20.0 / debtors, strict.Entity("holder").CreditLoss!.Value, 1e-12);
        Assert.AreEqual("LossExceedsCapital", strict.Settings["failureRule"]);
    }

    // The same case from the shipped files (graphs/textbook/c8-gai-kapadia-j4.json and -j5.json), and the credit-loss
    // model agrees when exposures are even.
    [TestMethod]
    [DataRow("c8-gai-kapadia-j4.json", true)]
    [DataRow("c8-gai-kapadia-j5.json", false)]
    public void Run_C8Files_MatchThePublishedRule(string file, bool fails)
    {
        var network = Textbook.Load(file);

        Assert.AreEqual(fails, new GaiKapadiaCascade().Run(network, CascadeShock.Fail("d1")).IsFailed("holder"));
        Assert.AreEqual(fails, new CreditLossCascade().Run(network, CascadeShock.Fail("d1")).IsFailed("holder"));
    }

    // Uneven exposures: the holder (capital 4) lends 9 to d1 and 1 to d2: interbank assets 10 over 2 debtors,
    // 5 per failed debtor in Gai–Kapadia. d2 fails: Gai–Kapadia charges 5 > 4 (fails); Furfine charges 1 (stands).
    [TestMethod]
    public void Run_UnevenExposures_CountsCounterpartiesNotAmounts()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("holder", Sector.Bank) { Capital = 4 })
            .AddEntity("d1", Sector.Bank).AddEntity("d2", Sector.Bank)
            .AddLink("holder", "d1", LinkKind.Loan, 9).AddLink("holder", "d2", LinkKind.Loan, 1)
            .Build();

        Assert.IsTrue(new GaiKapadiaCascade().Run(network, CascadeShock.Fail("d2")).IsFailed("holder"));
        Assert.IsFalse(new CreditLossCascade().Run(network, CascadeShock.Fail("d2")).IsFailed("holder"));
    }

    // Two parallel claims on one debtor count as one counterparty: holder with Loan 5 and Equity 5 on d1 and a Loan
    // of 10 on d2 has interbank assets 20 over 2 debtors (10 each).
    [TestMethod]
    public void Run_ParallelClaims_OneCounterparty()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("holder", Sector.Bank) { Capital = 12 })
            .AddEntity("d1", Sector.Bank).AddEntity("d2", Sector.Bank)
            .AddLink("holder", "d1", LinkKind.Loan, 5).AddLink("holder", "d1", LinkKind.Equity, 5).AddLink("holder", "d2", LinkKind.Loan, 10)
            .Build();

        var result = new GaiKapadiaCascade().Run(network, CascadeShock.Fail("d1"));

        Assert.AreEqual(10.0, result.Entity("holder").CreditLoss!.Value, 1e-12);
        Assert.IsFalse(result.IsFailed("holder"));
    }

    internal static FinancingNetwork Holder(int debtors)
    {
        var builder = FinancingNetwork.CreateBuilder().AddEntity(new Entity("holder", Sector.Bank) { Capital = 4, ExternalAssets = 80 });
        for (var k = 1; k <= debtors; k++)
        {
            builder.AddEntity($"d{k}", Sector.Bank).AddLink("holder", $"d{k}", LinkKind.Loan, 20.0 / debtors);
        }

        return builder.Build();
    }
}
