using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Ranking;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// Issue 14's hand-derived chains: dated streams (start, the link's date, schedules), debt service (interest from the
/// month after disbursement, the principal as a bullet at maturity), the floor, unknown cash, the failure month and its
/// cause (cash vs losses), the pay-in-the-failure-month convention, horizon cut-offs, and the ranking against the
/// no-withdrawal baseline. Every expected number is derived in the comment above its test.
/// </summary>
[TestClass]
public sealed class RunwayDatedTests
{
    private const double Tolerance = 1e-9;

    // asOf 2026-05-20: month 1 is 2026-05 (the day is not kept), so 2026-07 is month 3 and 2026-08 month 4.
    // vc (a fund, no cash figure: unlimited) → lab: a round of 30, undated otherwise: a claim, paid once in its start month.
    // lab: cash 10, costs 60 a year (5 a month), no revenue.
    private static FinancingNetwork RoundNetwork(Link round)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-05-20" });
        builder.AddEntity(new Entity("vc", Sector.VentureCapital));
        builder.AddEntity(new Entity("lab", Sector.ModelLab) { Cash = 10, Costs = 60 });
        builder.AddLink(round);
        return builder.Build();
    }

    // The round starts 2026-08 (month 4): lab 10, 5, 0 (month 2: exactly the floor survives), −5 in month 3 (2026-07):
    // it fails a month before the money arrives, with no shock at all (a baseline failure, cause cash: costs 15, cash −5).
    // The round is down in month 3: a claim whose recipient failed while its payment was still to come; amount 30.
    [TestMethod]
    public void Run_RoundArrivesAfterTheFirmRanDry_FailsInTheBaseline()
    {
        var network = RoundNetwork(new Link("vc", "lab", LinkKind.Equity, 30) { Start = new CalendarMonth(2026, 8) });

        var result = new RunwayCascade(new RunwayOptions { Months = 12 }).Run(network, CascadeShock.None);

        var lab = result.Runway!.Entities[1];
        CollectionAssert.AreEqual(new[] { 10.0, 5, 0, -5 }, lab.Cash.ToArray());
        Assert.AreEqual((3, (int?)3, RunwayOutcome.FailsWithoutShock), (lab.FailedMonth!.Value, lab.BaselineFailedMonth, lab.Outcome));
        Assert.AreEqual(new RunwayFailure(3, RunwayFailureCause.Cash, -5, 0, 0, 0, 0, 15, 0), lab.BaselineFailure);
        var down = result.DownLinks.Single();
        Assert.AreEqual((LinkDownCause.RecipientFailed, (int?)3, 30.0), (down.Cause, down.Round, down.AmountDown));
        Assert.AreEqual(new CalendarMonth(2026, 5), result.Runway.Assumptions.AsOf);
    }

    // The same round dated 2026-07 (month 3), by its start or — no start given — by the link's own date (2026-07-14):
    // lab 10, 5, 0, then 0 + 30 − 5 = 25 in month 3, 20, 15, 10, 5, 0 (month 8), −5 in month 9 (2027-01): fails in month 9.
    // Horizon cut-off: over 8 months it survives; over 9 it fails in month 9.
    [TestMethod]
    [DataRow(true, 12, 9)]
    [DataRow(false, 12, 9)]
    [DataRow(true, 9, 9)]
    [DataRow(true, 8, null)]
    public void Run_RoundInTime_CarriesTheFirmUntilMonthNine(bool byStart, int months, int? failedMonth)
    {
        var round = new Link("vc", "lab", LinkKind.Equity, 30);
        round = byStart ? round with { Start = new CalendarMonth(2026, 7) } : round with { Date = "2026-07-14" };

        var lab = RunwayRuns.Run(new RunwayOptions { Months = months }, RoundNetwork(round), Array.Empty<string>()).Entities[1];

        double[] path = [10, 5, 0, 25, 20, 15, 10, 5, 0, -5];
        CollectionAssert.AreEqual(path.Take(Math.Min(months, 9) + 1).ToArray(), lab.Cash.ToArray());
        Assert.AreEqual(failedMonth, lab.FailedMonth);
        Assert.AreEqual(failedMonth, lab.BaselineFailedMonth);
    }

    // asOf 2026-01. bank (no cash figure: a funder, unlimited) lent dc (a data-centre vehicle) 100 in 2025-12: the past
    // (month 0), already in dc's cash of 5, but outstanding. rate 0.12: interest 100 × 0.12 / 12 = 1 a month, months 1–6;
    // maturity 2026-06 (month 6): the principal, 100, in full. dc's revenue is 24 a year (2 a month), no costs.
    // dc: 5, 6, 7, 8, 9, 10, then 10 + 2 − 1 − 100 = −89 in month 6: fails in its maturity month, cause cash; it paid
    // its month-6 service (debt service 6 × 1 + 100 = 106) before failing, so the bank is whole: nothing outstanding
    // at the failure, no payment still due — the loan is not down and the bank loses nothing.
    // Floor: −89 is not below a floor of −89 (survives: month 7 is −89 + 2 = −87, no interest after maturity); a floor
    // of −88.5 fails it in month 6 as at 0; a floor of 9.5 fails it in month 1 (6 < 9.5; month 0's 5 is below it too,
    // but month 0 is the asOf state, settled before month 1: it fails "in month 0").
    [TestMethod]
    [DataRow(0.0, 6)]
    [DataRow(-88.5, 6)]
    [DataRow(-89.0, null)]
    [DataRow(9.5, 0)]
    public void Run_BulletMaturity_FailsTheVehicleInItsMaturityMonth(double floor, int? failedMonth)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" });
        builder.AddEntity(new Entity("bank", Sector.Bank) { Capital = 10 });
        builder.AddEntity(new Entity("dc", Sector.DataCentreVehicle) { Cash = 5, Revenue = 24 });
        builder.AddLink(new Link("bank", "dc", LinkKind.Loan, 100) { Start = new CalendarMonth(2025, 12), Rate = 0.12, Maturity = new CalendarMonth(2026, 6) });

        var result = new RunwayCascade(new RunwayOptions { Months = 12, Floor = floor }).Run(builder.Build(), CascadeShock.None);

        var dc = result.Runway!.Entities[1];
        Assert.AreEqual(failedMonth, dc.FailedMonth);
        double[] path = [5, 6, 7, 8, 9, 10, -89, -87, -85, -83, -81, -79, -77];
        var expected = path.Take((failedMonth ?? 12) + 1).ToArray();
        Assert.HasCount(expected.Length, dc.Cash);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.AreEqual(expected[k], dc.Cash[k], Tolerance, $"month {k}");
        }

        if (failedMonth == 6)
        {
            var f = dc.Failure!;
            Assert.AreEqual((6, RunwayFailureCause.Cash, 0.0, 12.0, 0.0), (f.Month, f.Cause, f.Received, f.Revenue, f.Costs));
            Assert.AreEqual(106, f.Paid, Tolerance);
            Assert.AreEqual(106, f.DebtServicePaid, Tolerance);
            Assert.AreEqual(0, result.LinksDown, "repaid in full in the failure month");
            Assert.IsFalse(result.IsFailed("bank"));
        }
    }

    // A loan paid out by a schedule (30 in 2026-02, 30 in 2026-04), rate 0.2, maturity 2026-06; asOf 2026-01.
    // Interest is due from the month after each disbursement on the principal outstanding at the end of the month
    // before: month 3: 30 × 0.2 / 12 = 0.5; month 4: 0.5 (the second 30 arrives in month 4); months 5 and 6: 60 × 0.2
    // / 12 = 1; principal 60 in month 6. dc2: cash 2, revenue 12 (1 a month): 3; 3 + 1 + 30 = 34; 34 + 1 − 0.5 = 34.5;
    // 34.5 + 1 + 30 − 0.5 = 65; 65 + 1 − 1 = 65; 65 + 1 − 1 − 60 = 5; then 6, 7. The lender (a fund with cash 100)
    // pays 30, 30 and receives 0.5, 0.5, 1, 1 + 60: 100, 100, 70, 70.5, 41, 42, 103, 103.
    [TestMethod]
    public void Run_ScheduledLoan_InterestFromTheMonthAfterEachDisbursement()
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" });
        builder.AddEntity(new Entity("fund", Sector.PrivateCredit) { Cash = 100 });
        builder.AddEntity(new Entity("dc2", Sector.DataCentreVehicle) { Cash = 2, Revenue = 12 });
        builder.AddLink(new Link("fund", "dc2", LinkKind.Loan, 60)
        {
            Schedule = [new ScheduledPayment(new CalendarMonth(2026, 2), 30), new ScheduledPayment(new CalendarMonth(2026, 4), 30)],
            Rate = 0.2,
            Maturity = new CalendarMonth(2026, 6),
        });

        var result = RunwayRuns.Run(new RunwayOptions { Months = 7 }, builder.Build(), Array.Empty<string>());

        AssertPath([2, 3, 34, 34.5, 65, 65, 5, 6], result.Entities[1].Cash);
        AssertPath([100, 100, 70, 70.5, 41, 42, 103, 103], result.Entities[0].Cash);
        Assert.AreEqual(0, result.Failed);
        Assert.AreEqual(0, result.Assumptions.UndatedClaims + result.Assumptions.UndatedContracts);
    }

    // Solvency vs liquidity. asOf 2026-01; pc (private credit: cash 50, capital 20) lent neo 100 in 2025-12 (outstanding,
    // no rate, no maturity: no debt service). neo: cash 1, costs 24 a year: 1 − 2 = −1 in month 1: fails, cause cash.
    // pc loses (1 − recovery) × 100: at recovery 0, 100 > 20: it fails in the same month by losses, its cash untouched (50);
    // at recovery 0.9, 10 ≤ 20: it survives. The loan is down in month 1 either way (recipient failed, 100 outstanding).
    [TestMethod]
    [DataRow(0.0, true)]
    [DataRow(0.9, false)]
    public void Run_BorrowerOutOfCash_LenderFailsByLosses(double recovery, bool lenderFails)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" });
        builder.AddEntity(new Entity("pc", Sector.PrivateCredit) { Cash = 50, Capital = 20 });
        builder.AddEntity(new Entity("neo", Sector.Neocloud) { Cash = 1, Costs = 24 });
        builder.AddLink(new Link("pc", "neo", LinkKind.Loan, 100) { Start = new CalendarMonth(2025, 12) });

        var result = new RunwayCascade(new RunwayOptions { Months = 6, Recovery = RecoveryRates.Uniform(recovery) }).Run(builder.Build(), CascadeShock.None);

        var runway = result.Runway!;
        var neo = runway.Entities[1];
        Assert.AreEqual((1, RunwayFailureCause.Cash, (double?)-1), (neo.FailedMonth!.Value, neo.Failure!.Cause, neo.Failure.Cash));
        var pc = runway.Entities[0];
        if (lenderFails)
        {
            Assert.AreEqual(new RunwayFailure(1, RunwayFailureCause.Losses, 50, 0, 0, 0, 0, 0, 100), pc.Failure);
        }
        else
        {
            Assert.IsNull(pc.FailedMonth);
            AssertPath([50, 50, 50, 50, 50, 50, 50], pc.Cash);
        }

        var down = result.DownLinks.Single();
        Assert.AreEqual((LinkDownCause.RecipientFailed, (int?)1, 100.0), (down.Cause, down.Round, down.AmountDown));
    }

    // Unknown cash, months-of-costs:2: s has no cash figure; its first-month outflows are costs 12 / 12 = 1 plus its
    // undated contract to p, 24 over 12 months = 2: 3 a month, so 2 × 3 = 6 (estimated, and listed). It receives nothing:
    // 6, 3, 0, −3: fails in month 3. The undated contract is echoed in the assumptions (1 contract, no claim).
    [TestMethod]
    public void Run_UnknownCash_MonthsOfCosts()
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" });
        builder.AddEntity(new Entity("s", Sector.AppStartup) { Costs = 12 });
        builder.AddEntity(new Entity("p", Sector.Other) { Cash = 0 });
        builder.AddLink("s", "p", LinkKind.Services, 24);

        var result = RunwayRuns.Run(new RunwayOptions { Months = 6, UnknownCash = UnknownCashRule.MonthsOfCosts, UnknownCashMonths = 2 }, builder.Build(), Array.Empty<string>());

        var s = result.Entities[0];
        Assert.AreEqual((6.0, true, 3), (s.InitialCash!.Value, s.CashEstimated, s.FailedMonth!.Value));
        CollectionAssert.AreEqual(new[] { 6.0, 3, 0, -3 }, s.Cash.ToArray());
        CollectionAssert.AreEqual(new[] { "s" }, result.Assumptions.UnknownCash.ToArray());
        Assert.AreEqual((0, 1), (result.Assumptions.UndatedClaims, result.Assumptions.UndatedContracts));
    }

    // asOf 2026-01; every link undated but for its term. vc → lab: a round of 36 over one year (3 a month); lab → cloud:
    // compute 24, an undated contract (2 a month for 12 months). lab: cash 3, costs 12 (1 a month); cloud: cash 3,
    // revenue 12 (1 a month), costs 36 (3 a month). Baseline: lab 3 − 2 − 1 = 0, cloud 2 + 1 − 3 = 0: nobody fails.
    // vc2 → burner: a round of 12 over one year (1 a month); burner → tool: services 12 (1 a month); burner: cash 3,
    // costs 36 (3 a month): 3 + 1 − 3 − 1 = 0 in month 1, −3 in month 2: it fails in month 2 in the baseline, which
    // has vc2 → burner (recipient failed, payments due) and burner → tool (payer failed) down in month 2.
    internal static FinancingNetwork TwoFunders()
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" });
        builder.AddEntity(new Entity("vc", Sector.VentureCapital));
        builder.AddEntity(new Entity("lab", Sector.ModelLab) { Cash = 3, Costs = 12 });
        builder.AddEntity(new Entity("cloud", Sector.Neocloud) { Cash = 3, Revenue = 12, Costs = 36 });
        builder.AddEntity(new Entity("vc2", Sector.PrivateEquity));
        builder.AddEntity(new Entity("burner", Sector.AppStartup) { Cash = 3, Costs = 36 });
        builder.AddEntity(new Entity("tool", Sector.Other) { Cash = 0 });
        builder.AddLink(new Link("vc", "lab", LinkKind.Equity, 36) { TermYears = 1 });
        builder.AddLink("lab", "cloud", LinkKind.ComputeContract, 24);
        builder.AddLink(new Link("vc2", "burner", LinkKind.Equity, 12) { TermYears = 1 });
        builder.AddLink("burner", "tool", LinkKind.Services, 12);
        return builder.Build();
    }

    // vc withdraws at month 0: lab 3 + 0 − 2 − 1 = 0 in month 1, −3 in month 2: fails in month 2 (2026-02) and pays
    // cloud its month-2 due in full (the pay-in-the-failure-month convention). cloud: 3, 3 (months 1–2 paid),
    // 3 + 1 − 3 = 1 in month 3, −1 in month 4 (2026-04): the supplier fails two months after its customer.
    // Down: vc → lab in month 0 (withdrawn, 36), lab → cloud in month 2 (payer failed, 24). Horizon 3: cloud survives.
    [TestMethod]
    [DataRow(12, 4)]
    [DataRow(4, 4)]
    [DataRow(3, null)]
    public void Run_Withdrawal_SupplierFailsTwoMonthsAfterItsCustomer(int months, int? cloudFails)
    {
        var result = new RunwayCascade(new RunwayOptions { Months = months }).Run(TwoFunders(), CascadeShock.Withdraw("vc"));

        var runway = result.Runway!;
        Assert.AreEqual((2, RunwayFailureCause.Cash), (runway.Entities[1].FailedMonth!.Value, runway.Entities[1].Failure!.Cause));
        CollectionAssert.AreEqual(new[] { 3.0, 0, -3 }, runway.Entities[1].Cash.ToArray());
        Assert.AreEqual(cloudFails, runway.Entities[2].FailedMonth);
        double[] cloud = [3, 3, 3, 1, -1];
        CollectionAssert.AreEqual(cloud.Take(Math.Min(months, 4) + 1).ToArray(), runway.Entities[2].Cash.ToArray());
        var vcLab = result.Links[0];
        var labCloud = result.Links[1];
        Assert.AreEqual((LinkDownCause.Withdrawn, (int?)0, 36.0), (vcLab.Cause, vcLab.Round, vcLab.AmountDown));
        Assert.AreEqual((LinkDownCause.PayerFailed, (int?)2, 24.0), (labCloud.Cause, labCloud.Round, labCloud.AmountDown));
        Assert.AreEqual((2, RunwayFailureCause.Cash), (runway.Entities[4].BaselineFailedMonth!.Value, runway.Entities[4].BaselineFailure!.Cause));
    }

    // The ranking against the baseline over the two funders (horizon 12, withdrawal at month 0):
    // - vc: links down beyond the baseline vc → lab (direct, 36) and lab → cloud (cascade, 24): 2 links, 60; lab and
    //   cloud fail (the baseline fails neither): 2 firms; first failure month 2 (lab).
    // - vc2: burner now runs 3 − 3 − 1 = −1 in month 1 and fails a month earlier; vc2 → burner is down in month 0
    //   (withdrawn) and burner → tool in month 1, but both are down in the baseline too: credited with nothing — 0 links,
    //   0 firms — but one earlier failure, in month 1. Counted without the baseline, it would have 2 links, 24, 1 firm.
    // Horizon 3 cuts cloud's failure off: vc has 2 links (both down by month 2) and 1 firm.
    [TestMethod]
    [DataRow(12, 2)]
    [DataRow(3, 1)]
    public void Rank_AgainstTheBaseline_CreditsOnlyWhatFailsBeyondIt(int months, int vcFirms)
    {
        var network = TwoFunders();
        var model = new RunwayCascade(new RunwayOptions { Months = months });

        var ranking = new WithdrawalRanking(model).Rank(network);

        Assert.IsTrue(ranking.AgainstBaseline);
        CollectionAssert.AreEqual(new[] { "burner" }, ranking.Baseline!.FailedEntities.Select(e => e.Id).ToArray());
        var vc = ranking.Entries[0];
        Assert.AreEqual(new CandidateRank(1, ["vc"], 2, 1, 1, 60, 36, 24, vcFirms) { FirstFailureRound = 2 }, vc);
        Assert.AreEqual(0, vc.EarlierFailures);
        var vc2 = ranking.Entries[1];
        Assert.AreEqual(new CandidateRank(2, ["vc2"], 0, 0, 0, 0, 0, 0, 0) { FirstFailureRound = 1, EarlierFailures = 1 }, vc2);

        var counted = new WithdrawalRanking(model, new WithdrawalRankingOptions { Baseline = RankingBaseline.None }).Rank(network);
        var vc2All = counted.Entries.Single(e => e.Label == "vc2");
        Assert.AreEqual((2, 24.0, 1), (vc2All.LinksDown, vc2All.AmountDown, vc2All.EntitiesFailed));
    }

    private static void AssertPath(double[] expected, System.Collections.Immutable.ImmutableArray<double> actual)
    {
        Assert.HasCount(expected.Length, actual);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.AreEqual(expected[k], actual[k], Tolerance, $"month {k}");
        }
    }
}
