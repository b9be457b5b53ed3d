using AiContagion.Cascades;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>The runway's cases kept from the former RunwaySimulation (now <see cref="RunwayCascade"/>, read through <see cref="CascadeResult.Runway"/>).</summary>
[TestClass]
public sealed class RunwaySimulationTests
{
    /// <summary>
    /// vc → b (Equity 36 over one year, termYears 1: 3 a month) → c (ApiSpend 12, undated contract: over 12 months, 1 a
    /// month). vc is a fund with no cash figure: unlimited. b: cash 6, costs 24 a year (2 a month). c: cash 2, revenue 24
    /// (2 a month), costs 36 (3 a month). (The round states its term: since issue 14 an undated claim is paid once in
    /// its start month, which these hand derivations do not assume.)
    /// </summary>
    internal static FinancingNetwork ChainOfThree(double cCosts = 36)
    {
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("vc", Sector.VentureCapital));
        builder.AddEntity(new Entity("b", Sector.AppStartup) { Cash = 6, Costs = 24 });
        builder.AddEntity(new Entity("c", Sector.ModelLab) { Cash = 2, Revenue = 24, Costs = cCosts });
        builder.AddLink(new Link("vc", "b", LinkKind.Equity, 36) { TermYears = 1 });
        builder.AddLink("b", "c", LinkKind.ApiSpend, 12);
        return builder.Build();
    }

    // Hand derivation, withdrawal at the end of month 2, horizon 12.
    // Baseline: b nets 3 − 1 − 2 = 0 a month, c nets 1 + 2 − 3 = 0: both hold their cash, nobody fails.
    // Shock: from month 3 b gets nothing: −1 − 2 = −3 a month: 6, 6, 6 (months 0–2), 3, 0 (month 4: exactly zero
    // survives), −3 (month 5): b fails in month 5, pays c in full that month, nothing from month 6. c holds 2 through
    // month 5, then nets 0 + 2 − 3 = −1: 1 (month 6), 0 (7), −1 (8): c fails in month 8.
    // Links down: vc → b in month 2 (payments due after month 2), b → c in month 5 (its payer failed, payments due
    // after 5). b's failure also impairs the claim vc → b, already down; c's incoming link is commercial.
    // Flow stopped: 3 a month in months 3–5 (vc → b), 3 + 1 = 4 in months 6–12.
    [TestMethod]
    public void Run_ChainOfThree_HandDerivedTimeline()
    {
        var result = RunwayRuns.Run(new RunwayOptions { Months = 12, WithdrawalMonth = 2 }, ChainOfThree(), ["vc"]);
        var b = result.Entities[1];
        var c = result.Entities[2];

        CollectionAssert.AreEqual(new[] { 6.0, 6, 6, 3, 0, -3 }, b.Cash.ToArray());
        CollectionAssert.AreEqual(new[] { 2.0, 2, 2, 2, 2, 2, 1, 0, -1 }, c.Cash.ToArray());
        Assert.AreEqual((5, (int?)null, RunwayOutcome.FailsOnlyWithShock), (b.FailedMonth!.Value, b.BaselineFailedMonth, b.Outcome));
        Assert.AreEqual((8, (int?)null, RunwayOutcome.FailsOnlyWithShock), (c.FailedMonth!.Value, c.BaselineFailedMonth, c.Outcome));
        var vc = result.Entities[0];
        Assert.AreEqual((null, true, RunwayOutcome.Survives), (vc.InitialCash, vc.IsWithdrawn, vc.Outcome));
        Assert.IsTrue(vc.Cash.IsEmpty);
        CollectionAssert.AreEqual(new[] { "b", "c" }, result.FailureOrder.Select(e => e.Id).ToArray());

        var timeline = result.Timeline;
        Assert.HasCount(13, timeline);
        CollectionAssert.AreEqual(new[] { 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2 }, timeline.Select(m => m.LinksDown).ToArray());
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2 }, timeline.Select(m => m.EntitiesFailed).ToArray());
        CollectionAssert.AreEqual(new[] { 0.0, 0, 0, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4 }, timeline.Select(m => m.FlowStopped).ToArray());
        CollectionAssert.AreEqual(new[] { 0.0, 0, 36, 36, 36, 48, 48, 48, 48, 48, 48, 48, 48 }, timeline.Select(m => m.AmountDown).ToArray());
        Assert.IsTrue(timeline.All(m => m.BaselineLinksDown == 0 && m.BaselineEntitiesFailed == 0));
        Assert.AreEqual((2, 0, 2), (result.Failed, result.FailedWithoutShock, result.FailedBecauseOfShock));
    }

    // Withdrawal at month 0 (the default): b runs −3 a month from month 1: 6, 3, 0, −3: fails in month 3; c from
    // month 4: 2, 2, 2, 2, 1, 0, −1: fails in month 6. Half a withdrawal: b gets 1.5, nets −1.5: 6, 4.5, 3, 1.5, 0, −1.5:
    // fails in month 5; c then fails in month 8 (2 through 5, then 1, 0, −1).
    [TestMethod]
    [DataRow(1.0, 3, 6)]
    [DataRow(0.5, 5, 8)]
    public void Run_WithdrawalAtStart_FullOrHalf(double fraction, int bFails, int cFails)
    {
        var result = RunwayRuns.Run(new RunwayOptions { Months = 12 }, ChainOfThree(), [new Withdrawal("vc", fraction)]);

        Assert.AreEqual(bFails, result.Entities[1].FailedMonth);
        Assert.AreEqual(cFails, result.Entities[2].FailedMonth);
        Assert.AreEqual(1, result.Timeline[0].LinksDown, "vc → b is down at month 0");
    }

    // c's costs raised to 48 (4 a month): it nets 1 + 2 − 4 = −1 on its own: 2, 1, 0, −1: fails in month 3 with or
    // without the shock (withdrawal at month 2 reaches c only from month 6).
    [TestMethod]
    public void Run_OwnBurn_FailsWithoutShock()
    {
        var network = ChainOfThree(cCosts: 48);

        var result = RunwayRuns.Run(new RunwayOptions { Months = 12, WithdrawalMonth = 2 }, network, ["vc"]);

        var c = result.Entities[2];
        Assert.AreEqual((3, 3, RunwayOutcome.FailsWithoutShock), (c.FailedMonth!.Value, c.BaselineFailedMonth!.Value, c.Outcome));
        Assert.AreEqual(1, result.Timeline[3].BaselineEntitiesFailed);
        Assert.AreEqual((2, 1, 1), (result.Failed, result.FailedWithoutShock, result.FailedBecauseOfShock));
    }

    // A link of 3 over 0.125 years (1.5 months): 2 a month, so 2 in month 1, 1 in month 2 (half a month), then nothing.
    // Recurring: 2 every month.
    [TestMethod]
    [DataRow(false, new[] { 0.0, 2, 3, 3, 3 })]
    [DataRow(true, new[] { 0.0, 2, 4, 6, 8 })]
    public void Run_TermSpreadsTheAmount(bool recurring, double[] expectedCash)
    {
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("vc", Sector.VentureCapital));
        builder.AddEntity(new Entity("s", Sector.AppStartup) { Cash = 0 });
        builder.AddLink(new Link("vc", "s", LinkKind.Equity, 3) { TermYears = 0.125 });

        var result = RunwayRuns.Run(new RunwayOptions { Months = 4, RecurringLinks = recurring }, builder.Build(), Array.Empty<string>());

        CollectionAssert.AreEqual(expectedCash, result.Entities[1].Cash.ToArray());
    }

    // A payer that fails after its link is fully paid does not bring that link down. s pays p 1 over 0.25 years (1/3 in
    // each of months 1–3) and 1 a month in costs, with no income. Cash 1: 1 − 1/3 − 1 = −1/3 in month 1: fails in
    // month 1 while months 2–3 were still due: the link is down. Cash 10: 8.667, 7.333, 6 (the link is paid off), 5,
    // 4, 3, 2, 1, 0 (month 9: exactly zero survives), −1: fails in month 10: the link is not down.
    [TestMethod]
    [DataRow(1.0, 1, 1)]
    [DataRow(10.0, 10, 0)]
    public void Run_FullyPaidLink_NotBroughtDown(double cash, int failedMonth, int linksDown)
    {
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("s", Sector.AppStartup) { Cash = cash, Costs = 12 });
        builder.AddEntity(new Entity("p", Sector.Other) { Cash = 0 });
        builder.AddLink(new Link("s", "p", LinkKind.Services, 1) { TermYears = 0.25 });

        var result = RunwayRuns.Run(new RunwayOptions { Months = 12 }, builder.Build(), Array.Empty<string>());

        Assert.AreEqual(failedMonth, result.Entities[0].FailedMonth);
        Assert.AreEqual(linksDown, result.Timeline[^1].LinksDown);
    }

    // Cash without a figure: tolerance × first-year inflow (τ = 0.25, link 12 over one year, revenue 4: 0.25 · 16 = 4),
    // the entity's own tolerance (0.5: 8), unlimited or zero by rule; a fund without cash is always unlimited.
    [TestMethod]
    [DataRow(UnknownCashRule.FromTolerance, null, 4.0)]
    [DataRow(UnknownCashRule.FromTolerance, 0.5, 8.0)]
    [DataRow(UnknownCashRule.Zero, null, 0.0)]
    [DataRow(UnknownCashRule.Unlimited, null, null)]
    public void Run_UnknownCash_ByRule(UnknownCashRule rule, double? tolerance, double? expected)
    {
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("vc", Sector.VentureCapital));
        builder.AddEntity(new Entity("s", Sector.AppStartup) { Revenue = 4, Tolerance = tolerance });
        builder.AddLink("vc", "s", LinkKind.Equity, 12);

        var result = RunwayRuns.Run(new RunwayOptions { Months = 3, UnknownCash = rule }, builder.Build(), Array.Empty<string>());

        Assert.AreEqual(expected, result.Entities[1].InitialCash);
        Assert.AreEqual(expected is not null && rule != UnknownCashRule.Unlimited, result.Entities[1].CashEstimated);
        Assert.IsNull(result.Entities[0].InitialCash);
    }

    // An entity with outflows but no inflow or revenue in the graph pays with outside money: unlimited under the
    // tolerance rule (it would otherwise start at 0 and fail in month 1), 0 under the zero rule.
    [TestMethod]
    [DataRow(UnknownCashRule.FromTolerance, null)]
    [DataRow(UnknownCashRule.Zero, 1)]
    public void Run_PayerWithoutInflow_OutsideMoney(UnknownCashRule rule, int? failedMonth)
    {
        var builder = FinancingNetwork.CreateBuilder();
        builder.AddEntity(new Entity("phone-maker", Sector.Other));
        builder.AddEntity(new Entity("lab", Sector.ModelLab) { Cash = 1 });
        builder.AddLink("phone-maker", "lab", LinkKind.ApiSpend, 12);

        var result = RunwayRuns.Run(new RunwayOptions { Months = 6, UnknownCash = rule }, builder.Build(), Array.Empty<string>());

        Assert.AreEqual(failedMonth, result.Entities[0].FailedMonth);
        Assert.AreEqual(rule == UnknownCashRule.Zero, result.Entities[0].CashEstimated);
    }

    // A withdrawal only takes inflows away from others: no entity but a withdrawn one fails later, or survives, because
    // of it — as long as no withdrawn entity itself fails later than in the baseline (since issue 14 a failure also
    // costs its lenders their claims, so a withdrawn firm spared by its withdrawal spares its lenders; these networks
    // carry no dated debt, the other exception); and links and failures never run ahead in the baseline.
    [TestMethod]
    public void Run_RandomNetworks_ShockNeverHelpsOthers()
    {
        var gen = from network in Cascades.CascadeGen.Network
                  from pick in Gen.Bool.Array[network.EntityCount]
                  from months in Gen.Int[1, 30]
                  from at in Gen.Int[0, months]
                  from rule in Gen.Enum<UnknownCashRule>()
                  select (network, pick, months, at, rule);
        gen.Sample((network, pick, months, at, rule) =>
        {
            var withdrawn = network.Entities.Where((_, v) => pick[v]).Select(e => e.Id).ToArray();
            var result = RunwayRuns.Run(new RunwayOptions { Months = months, WithdrawalMonth = at, UnknownCash = rule }, network, withdrawn);
            var withdrawnSpared = result.Entities.Any(e => e.IsWithdrawn && e.Outcome is RunwayOutcome.FailsLaterWithShock or RunwayOutcome.SurvivesOnlyWithShock);
            foreach (var e in result.Entities.Where(e => !e.IsWithdrawn && !withdrawnSpared))
            {
                Assert.IsFalse(e.Outcome is RunwayOutcome.FailsLaterWithShock or RunwayOutcome.SurvivesOnlyWithShock, e.ToString());
            }

            foreach (var e in result.Entities)
            {
                Assert.AreEqual(e.InitialCash is null ? 0 : (e.FailedMonth ?? months) + 1, e.Cash.Length, "cash up to the failure or the horizon");
                Assert.IsTrue(e.Failure is not { Cause: RunwayFailureCause.Cash } || e.Cash[^1] < 0, "an entity out of cash fails with negative cash");
            }

            Assert.AreEqual(result.Failed, result.Timeline[^1].EntitiesFailed);
            Assert.IsTrue(result.Timeline.Zip(result.Timeline.Skip(1)).All(p => p.First.LinksDown <= p.Second.LinksDown && p.First.EntitiesFailed <= p.Second.EntitiesFailed));
        });
    }

    [TestMethod]
    public void Run_BadWithdrawals_Throw()
    {
        var options = new RunwayOptions();

        Assert.ThrowsExactly<ArgumentException>(() => RunwayRuns.Run(options, ChainOfThree(), ["nobody"]));
        Assert.ThrowsExactly<ArgumentException>(() => RunwayRuns.Run(options, ChainOfThree(), ["vc", "vc"]));
        Assert.ThrowsExactly<ArgumentException>(() => RunwayRuns.Run(options, ChainOfThree(), [new Withdrawal("vc", 0)]));
    }

    [TestMethod]
    [DataRow(0, 0)]
    [DataRow(12, 13)]
    [DataRow(12, -1)]
    public void New_BadOptions_Throw(int months, int at) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RunwayCascade(new RunwayOptions { Months = months, WithdrawalMonth = at }));

    [TestMethod]
    public void Run_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => RunwayRuns.Run(new RunwayOptions(), ChainOfThree(), ["vc"], cancellation.Token));
    }
}
