using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Model;

/// <summary>
/// The compact dated terms the engines read (<see cref="NetworkIndex.Terms"/>, <see cref="NetworkIndex.EntityTerms"/>),
/// on Data/NewFields/dated.json, derived by hand: asOf 2026-01-01 is month 1, so month number = months after January 2026 + 1.
/// </summary>
[TestClass]
public sealed class LinkTermsTests
{
    private const int None = LinkTerms.NoMonth;

    [TestMethod]
    public void Terms_DatedNetwork_MonthNumbersFromTheAsOfMonth()
    {
        var terms = FinancingNetworkFile.Load(Repo.TestData("NewFields", "dated.json")).Index.Terms;

        Assert.AreEqual(new CalendarMonth(2026, 1), terms.Origin);
        // #0 no start, date 2025-06 (7 months before January 2026): month −6; #1 start 2026-03: 3; #2 and #4, #5 no start
        // or date: the asOf month, 1; #3 start 2026-02-15: 2.
        CollectionAssert.AreEqual(new[] { -6, 3, 1, 2, 1, 1 }, terms.Start);
        CollectionAssert.AreEqual(new[] { 0, 30, 0, 0, 0, 0 }, terms.TermMonths, "2.5 years = 30 months");
        CollectionAssert.AreEqual(new[] { double.NaN, double.NaN, double.NaN, 0.12, double.NaN, double.NaN }, terms.Rate);
        CollectionAssert.AreEqual(new[] { None, None, None, 30, None, None }, terms.Maturity, "2028-06: 29 months after January 2026");
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 2, 2, 2, 2 }, terms.ScheduleStart);
        CollectionAssert.AreEqual(new[] { 3, 9 }, terms.PaymentMonths(2).ToArray());
        CollectionAssert.AreEqual(new[] { 4.0, 6.0 }, terms.PaymentAmounts(2).ToArray());
        Assert.IsTrue(terms.PaymentMonths(3).IsEmpty);
        CollectionAssert.AreEqual(new[] { 8, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN }, terms.Low);
        CollectionAssert.AreEqual(new[] { 12, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN }, terms.High);
        CollectionAssert.AreEqual(new AmountConfidence?[] { AmountConfidence.Estimate, null, null, null, AmountConfidence.Derived, null }, terms.Confidence);
        CollectionAssert.AreEqual(new[] { 0.05, double.NaN, double.NaN, double.NaN, double.NaN, 0.25 }, terms.Share);
        CollectionAssert.AreEqual(
            new[] { DebtSeniority.Senior, DebtSeniority.Senior, DebtSeniority.Senior, DebtSeniority.Junior, DebtSeniority.Senior, DebtSeniority.Senior },
            terms.Seniority);
        CollectionAssert.AreEqual(new[] { -1, -1, -1, 1, -1, -1 }, terms.Collateral, "lab is entity 1");
        CollectionAssert.AreEqual(new[] { double.NaN, double.NaN, double.NaN, 0.5, double.NaN, double.NaN }, terms.MaxLtv);
    }

    [TestMethod]
    public void EntityTerms_DatedNetwork_NaNWhenNotGiven()
    {
        var terms = FinancingNetworkFile.Load(Repo.TestData("NewFields", "dated.json")).Index.EntityTerms;

        CollectionAssert.AreEqual(new[] { double.NaN, 300, 20, double.NaN, double.NaN }, terms.Valuation);
        CollectionAssert.AreEqual(new[] { double.NaN, 0.8, double.NaN, double.NaN, double.NaN }, terms.RevenueGrowth);
        CollectionAssert.AreEqual(new[] { double.NaN, 0.3, double.NaN, double.NaN, double.NaN }, terms.CostsGrowth);
    }

    [TestMethod]
    public void Terms_PlainNetwork_OnlyStartAndTerm()
    {
        var network = FinancingNetwork.CreateBuilder()
            .WithMetadata(new NetworkMetadata { AsOf = "2026-05-20" })
            .AddEntity("a", Sector.Bank).AddEntity("b", Sector.Other)
            .AddLink(new Link("a", "b", LinkKind.Loan, 1) { TermYears = 0.75 })
            .AddLink(new Link("a", "b", LinkKind.Loan, 1) { Date = "2027-01" })
            .AddLink(new Link("a", "b", LinkKind.Loan, 1) { Date = "FY2025", TermYears = 0.01 })
            .Build();

        var terms = network.Index.Terms;

        CollectionAssert.AreEqual(new[] { 1, 9, 1 }, terms.Start, "a date that is no month leaves the asOf month");
        CollectionAssert.AreEqual(new[] { 9, 0, 1 }, terms.TermMonths, "0.75 years = 9 months; a term under half a month is one month");
        Assert.IsNull(terms.Rate);
        Assert.IsNull(terms.Maturity);
        Assert.IsNull(terms.ScheduleStart);
        Assert.IsNull(terms.Low);
        Assert.IsNull(terms.High);
        Assert.IsNull(terms.Confidence);
        Assert.IsNull(terms.Share);
        Assert.IsNull(terms.Seniority);
        Assert.IsNull(terms.Collateral);
        Assert.IsNull(terms.MaxLtv);
        Assert.AreSame(terms, network.Index.Terms, "built once");
    }

    [TestMethod]
    public void Terms_NoAsOf_OriginIsTheEarliestMonthALinkStates()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("a", Sector.Bank).AddEntity("b", Sector.Other)
            .AddLink(new Link("a", "b", LinkKind.Loan, 1) { Start = new CalendarMonth(2026, 4), Maturity = new CalendarMonth(2027, 4) })
            .AddLink(new Link("a", "b", LinkKind.Loan, 1) { Date = "2026-02-10" })
            .AddLink(new Link("a", "b", LinkKind.Loan, 1))
            .Build();

        var terms = network.Index.Terms;

        Assert.AreEqual(new CalendarMonth(2026, 2), terms.Origin);
        CollectionAssert.AreEqual(new[] { 3, 1, 1 }, terms.Start, "a link with no month starts at the origin");
        CollectionAssert.AreEqual(new[] { 15, None, None }, terms.Maturity);
    }

    [TestMethod]
    public void Terms_NoMonthAnywhere_NoOrigin()
    {
        var network = FinancingNetwork.CreateBuilder().AddEntity("a", Sector.Bank).AddEntity("b", Sector.Other).AddLink("a", "b", LinkKind.Loan, 1).Build();

        Assert.IsNull(network.Index.Terms.Origin);
        CollectionAssert.AreEqual(new[] { None }, network.Index.Terms.Start);
    }
}
