using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// The runway's optional channels (<see cref="RunwayOptions.StakeLosses"/>, <see cref="RunwayOptions.MarginCalls"/>,
/// <see cref="RunwayOptions.CollateralSales"/>) on hand-sized networks, every number derived by hand in the comments.
/// All links start in 2025-06, before asOf 2026-01: they are paid in the past (no flows in the horizon) and stand as
/// principal outstanding / amount paid in.
/// </summary>
[TestClass]
public sealed class RunwayChannelTests
{
    private static readonly CalendarMonth Past = new(2025, 6);

    // lab: cash 10, costs 120 a year (10 a month): cash 10, 0 (month 1: exactly zero survives), −10 (month 2): fails in
    // month 2. holder: cash 1000, capital 20, holds 30 % of lab through an Equity link of 5 (paid in the past).
    internal static FinancingNetwork Stake(double? valuation, double? labCapital)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" });
        builder.AddEntity(new Entity("lab", Sector.ModelLab) { Cash = 10, Costs = 120, Valuation = valuation, Capital = labCapital });
        builder.AddEntity(new Entity("holder", Sector.Hyperscaler) { Cash = 1000, Capital = 20 });
        builder.AddLink(new Link("holder", "lab", LinkKind.Equity, 5) { Start = Past, Share = 0.3 });
        return builder.Build();
    }

    // Without the channel the holder loses the amount paid in, 5 ≤ 20: it survives. With it, max(5, 0.3 × value):
    // valuation 100 → 30 > 20, fails in month 2 (the lab's month) on losses; no valuation, book equity (lab's capital)
    // 50 → 15 ≤ 20, survives with losses 15; 80 → 24 > 20, fails. Its cash never moves (a stake loss is not cash).
    [TestMethod]
    [DataRow(100.0, null, false, 5.0, null)]
    [DataRow(100.0, null, true, 30.0, 2)]
    [DataRow(null, 50.0, true, 15.0, null)]
    [DataRow(null, 80.0, true, 24.0, 2)]
    [DataRow(null, null, true, 5.0, null)]
    public void StakeLoss_HolderFailsInTheIssuersMonth(double? valuation, double? labCapital, bool stakes, double expectedLoss, int? expectedMonth)
    {
        var options = new RunwayOptions { Months = 6, StakeLosses = stakes };
        var result = new RunwayCascade(options).Run(Stake(valuation, labCapital), CascadeShock.None);
        var lab = result.Runway!.Entities[0];
        var holder = result.Runway.Entities[1];
        Assert.AreEqual(2, lab.FailedMonth);
        Assert.AreEqual(expectedMonth, holder.FailedMonth);
        Assert.AreEqual(expectedLoss, result.Entities.Single(e => e.Id == "holder").CreditLoss);
        Assert.IsTrue(holder.Cash.All(c => c == 1000), string.Join(", ", holder.Cash));
        if (expectedMonth is not null)
        {
            Assert.AreEqual((RunwayFailureCause.Losses, expectedLoss), (holder.Failure!.Cause, holder.Failure.Losses));
        }
    }

    // arm: cash 5, costs 60 a year: 5, 0, −5: fails in month 2. softbank holds 90 % of arm (valuation 100: worth 90) and
    // owes bank 30 (paid in the past), secured by the stake, maxLtv 0.5: LTV 1/3 at asOf. When arm fails at the end of
    // month 2 the stake is worth 0 (LTV ∞ > 0.5): the loan is called in month 2, softbank pays 30 from its cash —
    // cash 10 → −20: fails in month 2 (cash); cash 50 → 20: survives, and owes nothing more.
    [TestMethod]
    [DataRow(10.0, false, new[] { 10.0, 10, 10, 10, 10 }, null)]
    [DataRow(10.0, true, new[] { 10.0, 10, -20 }, 2)]
    [DataRow(50.0, true, new[] { 50.0, 50, 20, 20, 20 }, null)]
    public void MarginCall_InTheMonthOfTheBreach(double cash, bool marginCalls, double[] expectedCash, int? expectedMonth)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" });
        builder.AddEntity(new Entity("arm", Sector.ChipMaker) { Cash = 5, Costs = 60, Valuation = 100 });
        builder.AddEntity(new Entity("softbank", Sector.VentureCapital) { Cash = cash });
        builder.AddEntity(new Entity("bank", Sector.Bank) { FundingSource = true });
        builder.AddLink(new Link("softbank", "arm", LinkKind.Equity, 1) { Start = Past, Share = 0.9 });
        builder.AddLink(new Link("bank", "softbank", LinkKind.Loan, 30) { Start = Past, Collateral = "arm", MaxLtv = 0.5 });
        var result = new RunwayCascade(new RunwayOptions { Months = 4, MarginCalls = marginCalls }).Run(builder.Build(), CascadeShock.None).Runway!;
        var softbank = result.Entities[1];
        Assert.AreEqual(2, result.Entities[0].FailedMonth);
        CollectionAssert.AreEqual(expectedCash, softbank.Cash.ToArray());
        Assert.AreEqual(expectedMonth, softbank.FailedMonth);
        if (expectedMonth is not null)
        {
            Assert.AreEqual((RunwayFailureCause.Cash, 30.0), (softbank.Failure!.Cause, softbank.Failure.DebtServicePaid));
        }
    }

    // The GPU-collateral channel. gpu: price impact 1/64 per unit sold. coreweave holds 40 of gpu, owes lender1 30
    // secured by gpu (maxLtv 0.8); cash 5, costs 60 a year: fails in month 2. nebius holds 20 of gpu, owes lender2 15
    // secured by gpu (maxLtv 0.8: LTV 0.75 at asOf), cash 12, capital 100 (or 10).
    // Month 2: coreweave fails; its 40 of gpu are seized. Month 3: sold, q = 40 × 1 = 40, the price falls by
    // min(1, 40/64) = 0.625 to 0.375; nebius marks its 20 down by 20 × 0.625 = 12.5 (a loss against capital, no cash);
    // its collateral is worth 20 × 0.375 = 7.5, LTV 15 / 7.5 = 2 > 0.8: called in month 3, it pays 15 from its 12 → −3,
    // and fails in month 3 (cash). Sales without margin calls: the loss alone (12.5 ≤ 100: survives; > 10: fails in
    // month 3 on losses). Margin calls without sales: the price never moves, no call.
    [TestMethod]
    [DataRow(true, true, 100.0, 12.5, 3, RunwayFailureCause.Cash)]
    [DataRow(true, false, 100.0, 12.5, null, RunwayFailureCause.None)]
    [DataRow(true, false, 10.0, 12.5, 3, RunwayFailureCause.Losses)]
    [DataRow(false, true, 100.0, 0.0, null, RunwayFailureCause.None)]
    [DataRow(false, false, 100.0, 0.0, null, RunwayFailureCause.None)]
    public void CollateralSale_MarksDownAnotherNeocloudAndCallsItsLoan(bool sales, bool calls, double capital, double expectedLoss, int? expectedMonth, RunwayFailureCause expectedCause)
    {
        var result = new RunwayCascade(new RunwayOptions { Months = 5, CollateralSales = sales, MarginCalls = calls }).Run(Gpu(capital), CascadeShock.None);
        var runway = result.Runway!;
        var nebius = runway.Entities.Single(e => e.Id == "nebius");
        Assert.AreEqual(2, runway.Entities.Single(e => e.Id == "coreweave").FailedMonth);
        Assert.AreEqual(expectedMonth, nebius.FailedMonth);
        Assert.AreEqual(expectedCause, nebius.Failure?.Cause ?? RunwayFailureCause.None);
        Assert.AreEqual(expectedLoss, result.Entities.Single(e => e.Id == "nebius").CreditLoss ?? 0.0);
        if (expectedCause == RunwayFailureCause.Cash)
        {
            CollectionAssert.AreEqual(new[] { 12.0, 12, 12, -3 }, nebius.Cash.ToArray());
        }
        else
        {
            Assert.IsTrue(nebius.Cash.All(c => c == 12), string.Join(", ", nebius.Cash));
        }
    }

    // The channels echo themselves in the settings only when on (a run without them reads as before).
    [TestMethod]
    public void Settings_EchoOnlyTheChannelsOn()
    {
        var off = new RunwayCascade(new RunwayOptions()).Run(Gpu(100), CascadeShock.None).Settings;
        var on = new RunwayCascade(new RunwayOptions { StakeLosses = true, MarginCalls = true, CollateralSales = true }).Run(Gpu(100), CascadeShock.None).Settings;
        Assert.IsFalse(off.Keys.Any(k => k is "stakeLosses" or "marginCalls" or "collateralSales"));
        Assert.AreEqual(("true", "true", "true"), (on["stakeLosses"], on["marginCalls"], on["collateralSales"]));
    }

    internal static FinancingNetwork Gpu(double nebiusCapital)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" });
        builder.AddEntity(new Entity("coreweave", Sector.Neocloud) { Cash = 5, Costs = 60 });
        builder.AddEntity(new Entity("nebius", Sector.Neocloud) { Cash = 12, Capital = nebiusCapital });
        builder.AddEntity(new Entity("lender1", Sector.Bank) { FundingSource = true });
        builder.AddEntity(new Entity("lender2", Sector.Bank) { FundingSource = true });
        builder.AddAsset(new Asset("gpu") { PriceImpact = 1.0 / 64 });
        builder.AddHolding(new Holding("coreweave", "gpu", 40));
        builder.AddHolding(new Holding("nebius", "gpu", 20));
        builder.AddLink(new Link("lender1", "coreweave", LinkKind.Loan, 30) { Start = Past, Collateral = "gpu", MaxLtv = 0.8 });
        builder.AddLink(new Link("lender2", "nebius", LinkKind.Loan, 15) { Start = Past, Collateral = "gpu", MaxLtv = 0.8 });
        return builder.Build();
    }
}

/// <summary>The stake-loss channel in the chain and credit-loss models (<see cref="SolvencyOptions.StakeLosses"/>).</summary>
[TestClass]
public sealed class ChainStakeLossTests
{
    // The lab fails (the shock, round 0); the holder (capital 20) held 30 % through an Equity link of 5. Off: it loses
    // 5 ≤ 20 and survives. On: max(5, 0.3 × value) — valuation 100: 30 > 20, fails in round 1; no valuation, the lab's
    // capital 50: 15, survives; 80: 24, fails; neither: 5.
    [TestMethod]
    [DataRow(100.0, null, false, 5.0, false)]
    [DataRow(100.0, null, true, 30.0, true)]
    [DataRow(null, 50.0, true, 15.0, false)]
    [DataRow(null, 80.0, true, 24.0, true)]
    [DataRow(null, null, true, 5.0, false)]
    public void StakeLoss_ChainAndCredit(double? valuation, double? labCapital, bool stakes, double expectedLoss, bool holderFails)
    {
        var network = RunwayChannelTests.Stake(valuation, labCapital);
        var solvency = new SolvencyOptions { StakeLosses = stakes, Capital = new CapitalOptions { DeriveFromBalanceSheet = false } };
        foreach (var model in new ICascadeModel[] { new ChainCascade(null, solvency), new CreditLossCascade(solvency) })
        {
            var result = model.Run(network, CascadeShock.Fail("lab"));
            var holder = result.Entities.Single(e => e.Id == "holder");
            Assert.AreEqual(expectedLoss, holder.CreditLoss, model.Kind.ToString());
            Assert.AreEqual(holderFails ? 1 : null, holder.Round, model.Kind.ToString());
            Assert.AreEqual(stakes, result.Settings.ContainsKey("stakeLosses"));
        }
    }
}
