using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cascades;

[TestClass]
public sealed class FundingWithdrawalCascadeTests
{
    private static readonly FundingWithdrawalCascade Model = new();

    // Hand-derived chain: vc → lab (Equity 10) → cloud (ComputeContract 8) → chip (GpuPurchase 6).
    // lab: inflow 10, τ 0.2 → buffer 2; cloud: inflow 8 + revenue 2 = 10, τ 0.5 → 5; chip: 6 + 100 = 106, τ 0.1 → 10.6.
    // vc withdraws: lab loses 10 > 2 (round 1); cloud loses 8 > 5 (round 2); chip loses 6 < 10.6 and stands.
    [TestMethod]
    public void Run_Chain_FailsRoundByRound()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("vc", Sector.VentureCapital)
            .AddEntity(new Entity("lab", Sector.ModelLab) { Tolerance = 0.2 })
            .AddEntity(new Entity("cloud", Sector.Neocloud) { Tolerance = 0.5, Revenue = 2 })
            .AddEntity(new Entity("chip", Sector.ChipMaker) { Tolerance = 0.1, Revenue = 100 })
            .AddLink("vc", "lab", LinkKind.Equity, 10)
            .AddLink("lab", "cloud", LinkKind.ComputeContract, 8)
            .AddLink("cloud", "chip", LinkKind.GpuPurchase, 6)
            .Build();

        var result = Model.Run(network, CascadeShock.Withdraw("vc"));

        CollectionAssert.AreEqual(new int?[] { null, 1, 2, null }, result.Entities.Select(e => e.Round).ToArray());
        CollectionAssert.AreEqual(new[] { LinkDownCause.Withdrawn, LinkDownCause.PayerFailed, LinkDownCause.PayerFailed }, result.Links.Select(l => l.Cause).ToArray());
        CollectionAssert.AreEqual(new int?[] { 0, 1, 2 }, result.Links.Select(l => l.Round).ToArray());
        Assert.AreEqual(24.0, result.AmountDown, 1e-12);
        Assert.AreEqual(1, result.DirectLinksDown);
        Assert.AreEqual(2, result.CascadeLinksDown);
        Assert.AreEqual(2, result.Rounds);
        Assert.AreEqual(6.0, result.Entity("chip").LostInflow!.Value, 1e-12);
        Assert.IsTrue(result.Entity("vc").Shocked);
        Assert.IsFalse(result.Entity("vc").Failed, "a withdrawn entity is shocked, not failed");
        CollectionAssert.AreEqual(new[] { "vc" }, result.Shocked.ToArray());
    }

    // Hand-derived cycle: F → A, A → B, B → C, C → A, all 10, τ = 0.4. A: inflow 20, buffer 8; B, C: inflow 10, buffer 4.
    // F withdraws: A loses 10 > 8 (round 1) → B (2) → C (3); C's payment to A stops in round 3, A already failed.
    [TestMethod]
    public void Run_Cycle_TerminatesAndFailsEachEntityOnce()
    {
        var builder = FinancingNetwork.CreateBuilder().AddEntity("f", Sector.Bank);
        foreach (var id in new[] { "a", "b", "c" })
        {
            builder.AddEntity(new Entity(id, Sector.Other) { Tolerance = 0.4 });
        }

        var network = builder.AddLink("f", "a", LinkKind.Loan, 10).AddLink("a", "b", LinkKind.Services, 10)
            .AddLink("b", "c", LinkKind.Services, 10).AddLink("c", "a", LinkKind.Services, 10).Build();

        var result = Model.Run(network, CascadeShock.Withdraw("f"));

        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, result.FailedEntities.Select(e => e.Id).ToArray());
        CollectionAssert.AreEqual(new int?[] { 0, 1, 2, 3 }, result.Links.Select(l => l.Round).ToArray());
        Assert.AreEqual(3, result.Rounds);
        Assert.AreEqual(20.0, result.Entity("a").LostInflow!.Value, 1e-12);
        Assert.HasCount(4, result.History);
        CollectionAssert.AreEqual(new[] { "b" }, result.History[2].Failed.ToArray());
    }

    // Hand-derived diamond: S → L 6, S → R 6, L → T 5, R → T 5. L and R: inflow 6, τ 0.5 → buffer 3; T: inflow 10,
    // τ 0.6 → buffer 6. Full withdrawal: L, R fail (round 1); T loses 10 > 6 (round 2). Withdrawing 60 %: L and R lose
    // 3.6 > 3, same failures. Withdrawing 50 %: 3 is not more than 3 (strict rule): nobody fails.
    [TestMethod]
    [DataRow(1.0, 3)]
    [DataRow(0.6, 3)]
    [DataRow(0.5, 0)]
    public void Run_Diamond_BothBranchesNeededAndStrictBoundary(double fraction, int failures)
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("s", Sector.VentureCapital)
            .AddEntity(new Entity("l", Sector.AppStartup) { Tolerance = 0.5 })
            .AddEntity(new Entity("r", Sector.AppStartup) { Tolerance = 0.5 })
            .AddEntity(new Entity("t", Sector.ModelLab) { Tolerance = 0.6 })
            .AddLink("s", "l", LinkKind.Equity, 6).AddLink("s", "r", LinkKind.Equity, 6)
            .AddLink("l", "t", LinkKind.ApiSpend, 5).AddLink("r", "t", LinkKind.ApiSpend, 5)
            .Build();

        var result = Model.Run(network, CascadeShock.Withdraw(fraction, "s"));

        Assert.AreEqual(failures, result.EntitiesFailed);
        if (failures > 0)
        {
            Assert.AreEqual(2, result.Entity("t").Round);
            Assert.AreEqual(10.0, result.Entity("t").LostInflow!.Value, 1e-12);
        }

        Assert.AreEqual(2 + (failures > 0 ? 2 : 0), result.LinksDown);
    }

    // Hand-derived parallel links: P → Q as a Loan of 4 and a ComputeContract of 3; Q has revenue 3 (inflow 10) and
    // τ 0.5 (buffer 5). Full withdrawal: Q loses 7 > 5 and fails. 70 %: both links down with 2.8 and 2.1, Q loses 4.9 ≤ 5.
    [TestMethod]
    public void Run_ParallelLinks_EachCountsAndLossesAdd()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("p", Sector.PrivateCredit)
            .AddEntity(new Entity("q", Sector.Neocloud) { Revenue = 3, Tolerance = 0.5 })
            .AddLink("p", "q", LinkKind.Loan, 4).AddLink("p", "q", LinkKind.ComputeContract, 3)
            .Build();

        var full = Model.Run(network, CascadeShock.Withdraw("p"));
        var partial = Model.Run(network, CascadeShock.Withdraw(0.7, "p"));

        Assert.IsTrue(full.IsFailed("q"));
        Assert.AreEqual(2, full.LinksDown);
        Assert.IsFalse(partial.IsFailed("q"));
        Assert.AreEqual(2, partial.LinksDown);
        Assert.AreEqual(4.9, partial.AmountDown, 1e-12);
        Assert.AreEqual(2.8, partial.Links[0].AmountDown, 1e-12);
        Assert.AreEqual(4.9, partial.Entity("q").LostInflow!.Value, 1e-12);
    }

    // Zero-amount links and an entity with no inflow: W pays X through a zero-amount link only, and X has τ = 0.
    // W withdraws: the link is down (counted, amount 0); X's inflow is 0, so X cannot lose more than τ·0 and stands.
    // Its own link X → Y (5) stays up.
    [TestMethod]
    public void Run_ZeroAmountLinkAndNoInflow_LinkDownButNoFailure()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("w", Sector.VentureCapital)
            .AddEntity(new Entity("x", Sector.AppStartup) { Tolerance = 0 })
            .AddEntity(new Entity("y", Sector.ModelLab) { Tolerance = 0 })
            .AddLink("w", "x", LinkKind.Equity, 0)
            .AddLink("x", "y", LinkKind.ApiSpend, 5)
            .Build();

        var result = Model.Run(network, CascadeShock.Withdraw("w"));

        Assert.AreEqual(1, result.LinksDown);
        Assert.AreEqual(0.0, result.AmountDown);
        Assert.AreEqual(0, result.EntitiesFailed);
        Assert.IsFalse(result.Links[1].Down);
    }

    // Tolerance derivation: cash 3 over inflow 10 gives τ = 0.3 (buffer 3); without tolerance or cash the default
    // 0.25 applies (buffer 2.5), or the option's value.
    [TestMethod]
    [DataRow(3.0, null, 3.0, false)]
    [DataRow(3.0, null, 3.5, true)]
    [DataRow(null, null, 2.5, false)]
    [DataRow(null, null, 2.6, true)]
    [DataRow(null, 0.5, 4.0, false)]
    [DataRow(3.0, 0.1, 1.5, true)]
    public void Run_ToleranceFromFigureCashOrDefault(double? cash, double? tolerance, double lost, bool fails)
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("f", Sector.VentureCapital)
            .AddEntity(new Entity("x", Sector.ModelLab) { Cash = cash, Tolerance = tolerance, Revenue = 10 - lost })
            .AddLink("f", "x", LinkKind.Equity, lost)
            .Build();

        Assert.AreEqual(fails, Model.Run(network, CascadeShock.Withdraw("f")).IsFailed("x"));
    }

    [TestMethod]
    public void Run_DefaultToleranceOption_Applies()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("f", Sector.VentureCapital).AddEntity(new Entity("x", Sector.ModelLab) { Revenue = 6 })
            .AddLink("f", "x", LinkKind.Equity, 4).Build();

        Assert.IsTrue(Model.Run(network, CascadeShock.Withdraw("f")).IsFailed("x"), "4 > 0.25 · 10");
        Assert.IsFalse(new FundingWithdrawalCascade(new LiquidityOptions { DefaultTolerance = 0.4 }).Run(network, CascadeShock.Withdraw("f")).IsFailed("x"), "4 = 0.4 · 10");
    }

    // The toy chain by hand (graphs/toy-chain.json). vc-fund withdraws 10 (model-lab) and 2 (app-startup).
    // model-lab: cash 4, inflow 10 + 2 + 1.5 + 3 = 16.5 → buffer 4; loses 10 → round 1. app-startup: cash 0.3,
    // inflow 2.5 → buffer 0.3; loses 2 → round 1. neocloud: cash 2, inflow 8 + 3 + 9 + 1 = 21 → buffer 2; loses 9
    // (model-lab's compute) → round 2. chipmaker: cash 30, inflow 72 → buffer 30; loses 12 and stands.
    // Every one of the 8 links is down: 2 withdrawn; round 1: model-lab → neocloud, app-startup → model-lab (payer
    // failed), bank → model-lab (claim impaired); round 2: neocloud → chipmaker, bank → neocloud, chipmaker → neocloud.
    [TestMethod]
    public void Run_ToyChainWithoutVentureFund_EveryLinkDown()
    {
        var result = Model.Run(Networks.ToyChain(), CascadeShock.Withdraw("vc-fund"));

        CollectionAssert.AreEqual(new[] { "model-lab", "app-startup", "neocloud" }, result.FailedEntities.Select(e => e.Id).ToArray());
        CollectionAssert.AreEqual(new int?[] { 1, 1, 2 }, result.FailedEntities.Select(e => e.Round).ToArray());
        Assert.AreEqual(8, result.LinksDown);
        Assert.AreEqual(47.5, result.AmountDown, 1e-12);
        Assert.AreEqual(2, result.LinksDownBy(LinkDownCause.Withdrawn));
        Assert.AreEqual(3, result.LinksDownBy(LinkDownCause.PayerFailed));
        Assert.AreEqual(3, result.LinksDownBy(LinkDownCause.RecipientFailed));
        Assert.AreEqual(12.0, result.Entity("chipmaker").LostInflow!.Value, 1e-12);
        Assert.AreEqual(12.0, result.DirectAmountDown, 1e-12);
    }

    [TestMethod]
    public void Run_ExternalAssetShock_IsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => Model.Run(Networks.ToyChain(), new CascadeShock { ExternalAssetLosses = [new("bank", 0.5)] }));

    [TestMethod]
    public void Run_NoShock_NothingHappens()
    {
        var result = Model.Run(Networks.ToyChain(), CascadeShock.None);

        Assert.AreEqual(0, result.LinksDown);
        Assert.AreEqual(0, result.EntitiesFailed);
        Assert.AreEqual(0, result.Rounds);
        Assert.IsTrue(result.Converged);
    }

    [TestMethod]
    public void Run_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() => Model.Run(Networks.ToyChain(), CascadeShock.Withdraw("bank"), cancelled.Token));
    }

    // Pooled work arrays are cleared between runs: the same shock twice gives the same result, and a different
    // shock in between does not leak into it.
    [TestMethod]
    public void Run_Repeated_ResultsDoNotLeakBetweenRuns()
    {
        var network = Networks.ToyChain();
        var first = Model.Run(network, CascadeShock.Withdraw("bank"));
        Model.Run(network, CascadeShock.Withdraw("vc-fund"));
        var again = Model.Run(network, CascadeShock.Withdraw("bank"));

        Assert.AreEqual(first.LinksDown, again.LinksDown);
        Assert.AreEqual(first.AmountDown, again.AmountDown);
        CollectionAssert.AreEqual(first.Entities.ToArray(), again.Entities.ToArray());
        CollectionAssert.AreEqual(first.Links.ToArray(), again.Links.ToArray());
    }
}
