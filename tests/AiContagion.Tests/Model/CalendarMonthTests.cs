using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Model;

[TestClass]
public sealed class CalendarMonthTests
{
    private static readonly Gen<CalendarMonth> Months = Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12]).Select(ym => new CalendarMonth(ym.Item1, ym.Item2));

    [TestMethod]
    [DataRow("2026-03", 2026, 3)]
    [DataRow("2026-03-31", 2026, 3)]
    [DataRow("2024-02-29", 2024, 2)] // a leap day
    [DataRow("0001-01", 1, 1)]
    [DataRow("9999-12-31", 9999, 12)]
    public void Parse_MonthOrDate_KeepsYearAndMonth(string text, int year, int month)
    {
        var parsed = CalendarMonth.Parse(text);

        Assert.AreEqual(year, parsed.Year);
        Assert.AreEqual(month, parsed.Month);
    }

    [TestMethod]
    [DataRow("2026-13")]
    [DataRow("2026-00")]
    [DataRow("0000-05")]
    [DataRow("2026-3")]
    [DataRow("26-03")]
    [DataRow("2026/03")]
    [DataRow("2026-03-")]
    [DataRow("2026-02-30")] // no such day
    [DataRow("2025-02-29")] // not a leap year
    [DataRow("2026-04-31")]
    [DataRow("2026-03-00")]
    [DataRow(" 2026-03")]
    [DataRow("2026-03T00:00")]
    [DataRow("March 2026")]
    [DataRow("FY2025")]
    [DataRow("")]
    [DataRow("２０２６-03")] // full-width digits are not ASCII digits
    public void TryParse_NotAMonth_False(string text)
    {
        Assert.IsFalse(CalendarMonth.TryParse(text, out _));
        var error = Assert.ThrowsExactly<FormatException>(() => CalendarMonth.Parse(text));
        StringAssert.Contains(error.Message, "expected YYYY-MM or YYYY-MM-DD");
    }

    [TestMethod]
    public void TryParse_Null_False() => Assert.IsFalse(CalendarMonth.TryParse((string?)null, out _));

    [TestMethod]
    [DataRow(2026, 3, "2026-03")]
    [DataRow(1, 1, "0001-01")]
    [DataRow(987, 11, "0987-11")]
    public void ToString_IsYearDashMonth(int year, int month, string expected) =>
        Assert.AreEqual(expected, new CalendarMonth(year, month).ToString());

    [TestMethod]
    [DataRow(0, 1)]
    [DataRow(10000, 1)]
    [DataRow(2026, 0)]
    [DataRow(2026, 13)]
    public void Constructor_OutOfRange_Throws(int year, int month) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CalendarMonth(year, month));

    [TestMethod]
    public void MonthsUntil_AcrossYears_CountsCalendarMonths()
    {
        // asOf 2026-01 → a payment dated 2026-07 is 6 months later (the runway's month 7).
        Assert.AreEqual(6, new CalendarMonth(2026, 1).MonthsUntil(new CalendarMonth(2026, 7)));
        Assert.AreEqual(14, new CalendarMonth(2025, 11).MonthsUntil(new CalendarMonth(2027, 1)));
        Assert.AreEqual(-2, new CalendarMonth(2026, 1).MonthsUntil(new CalendarMonth(2025, 11)));
        Assert.AreEqual(0, new CalendarMonth(2026, 1).MonthsUntil(new CalendarMonth(2026, 1)));
    }

    [TestMethod]
    public void AddMonths_AcrossYearEnd_RollsTheYear()
    {
        Assert.AreEqual(new CalendarMonth(2027, 2), new CalendarMonth(2026, 11).AddMonths(3));
        Assert.AreEqual(new CalendarMonth(2025, 12), new CalendarMonth(2026, 1).AddMonths(-1));
        Assert.AreEqual(new CalendarMonth(2036, 1), new CalendarMonth(2026, 1).AddMonths(120));
    }

    [TestMethod]
    public void AddMonths_OutOfYearRange_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CalendarMonth(9999, 12).AddMonths(1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CalendarMonth(1, 1).AddMonths(-1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CalendarMonth(2026, 1).AddMonths(int.MinValue));
    }

    [TestMethod]
    public void Ordering_FollowsTime()
    {
        var months = new[] { new CalendarMonth(2026, 3), new CalendarMonth(2025, 12), new CalendarMonth(2026, 1) };

        CollectionAssert.AreEqual(
            new[] { new CalendarMonth(2025, 12), new CalendarMonth(2026, 1), new CalendarMonth(2026, 3) },
            months.Order().ToArray());
        Assert.IsTrue(new CalendarMonth(2025, 12) < new CalendarMonth(2026, 1));
        Assert.IsTrue(new CalendarMonth(2026, 1) >= new CalendarMonth(2026, 1));
        Assert.IsFalse(new CalendarMonth(2026, 2) <= new CalendarMonth(2026, 1));
        Assert.AreEqual(1, new CalendarMonth(2026, 1).CompareTo(null));
    }

    [TestMethod]
    public void Properties_ArithmeticAndTextAreConsistent()
    {
        Gen.Select(Months, Months).Sample((a, b) =>
        {
            var gap = a.MonthsUntil(b);
            Assert.AreEqual(b, a.AddMonths(gap), "a + (b − a) = b");
            Assert.AreEqual(-gap, b.MonthsUntil(a), "antisymmetric");
            Assert.AreEqual(Math.Sign(gap), -Math.Sign(a.CompareTo(b)), "a < b exactly when b is months after a");
            Assert.AreEqual(a, CalendarMonth.Parse(a.ToString()), "text round trip");
            Assert.AreEqual(a == b, a.GetHashCode() == b.GetHashCode() && a.Equals(b));
            var days = DateTime.DaysInMonth(a.Year, a.Month);
            Assert.AreEqual(a, CalendarMonth.Parse($"{a}-{days:00}"), "the last day reads as its month");
        });
    }

    [TestMethod]
    public void ScheduledPayment_ToString_IsMonthColonAmount() =>
        Assert.AreEqual("2026-03:2.5", new ScheduledPayment(new CalendarMonth(2026, 3), 2.5).ToString());
}
