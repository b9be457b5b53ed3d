using AiContagion.Cascades;
using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades.Engines;

/// <summary>The two loss kernels of the threshold engine's solvency channel, by hand.</summary>
[TestClass]
public sealed class LossKernelTests
{
    // Links in this order: 0 a → c Loan 4, 1 a → b Loan 2, 2 b → c Loan 3, 3 a → c Equity 1, 4 c → a Services 5,
    // 5 b → c Loan 0. Claim links into c: 0, 2, 3, 5 (Services is commercial, not a claim).
    private static FinancingNetwork Network() => FinancingNetwork.CreateBuilder()
        .AddEntity(new Entity("a", Sector.Bank))
        .AddEntity(new Entity("b", Sector.Bank))
        .AddEntity(new Entity("c", Sector.Bank))
        .AddLink("a", "c", LinkKind.Loan, 4)
        .AddLink("a", "b", LinkKind.Loan, 2)
        .AddLink("b", "c", LinkKind.Loan, 3)
        .AddLink("a", "c", LinkKind.Equity, 1)
        .AddLink("c", "a", LinkKind.Services, 5)
        .AddLink("b", "c", LinkKind.Loan, 0)
        .Build();

    // One entry per claim link into the failed entity, loss (1 − R) × amount with R = 1/2: c's row is a: 2 (loan 4),
    // b: 1.5 (loan 3), a: 0.5 (equity 1), b: 0 (loan 0), in the index's in-link order; a's row is empty (only a
    // commercial link into it); b's row is a: 1 (loan 2).
    [TestMethod]
    public void ClaimAmounts_HandComputed()
    {
        var network = Network();
        var kernel = LossKernel.ClaimAmounts(network.Index, ClaimRows.Build(network.Index), RecoveryRates.Uniform(0.5).LossGivenDefault());

        var c = Row(network, kernel, "c");
        CollectionAssert.AreEqual(new[] { ("a", 2.0), ("b", 1.5), ("a", 0.5), ("b", 0.0) }, c);
        Assert.IsEmpty(Row(network, kernel, "a"));
        CollectionAssert.AreEqual(new[] { ("a", 1.0) }, Row(network, kernel, "b"));
    }

    // Gai–Kapadia, R = 1/2: a holds positive claims on c (loan 4, equity 1) and b (loan 2): A_a = 7 over j_a = 2
    // debtors, so a failed debtor costs it (1/2) × 7/2 = 1.75. b holds a positive claim on c only (loan 3; the zero loan
    // does not count): A_b = 3, j_b = 1, cost 1.5. c's row is one entry per distinct holder, in index order.
    [TestMethod]
    public void CounterpartyShares_HandComputed()
    {
        var network = Network();
        var kernel = LossKernel.CounterpartyShares(network.Index, ClaimRows.Build(network.Index), 0.5);

        CollectionAssert.AreEqual(new[] { ("a", 1.75), ("b", 1.5) }, Row(network, kernel, "c"));
        CollectionAssert.AreEqual(new[] { ("a", 1.75) }, Row(network, kernel, "b"));
        Assert.IsEmpty(Row(network, kernel, "a"));
    }

    private static (string Creditor, double Loss)[] Row(FinancingNetwork network, LossKernel kernel, string id)
    {
        var j = network.IndexOf(id);
        return [.. Enumerable.Range(kernel.Start[j], kernel.Start[j + 1] - kernel.Start[j]).Select(e => (network.Entities[kernel.Creditor[e]].Id, kernel.Loss[e]))];
    }
}
