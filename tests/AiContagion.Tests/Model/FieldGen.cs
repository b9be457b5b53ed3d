using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Model;

/// <summary>
/// Generators of valid values for the dated-cash-flow, uncertainty and stake fields, shared by the builder's and the
/// formats' property tests. Each field is present about a third of the time; the values obey every rule of the field
/// schema for a network whose <c>asOf</c> is <see cref="AsOf"/> (debt terms only on debt links, shares only on Equity
/// links and small enough that twelve of them into one firm stay under 100 %, schedules that sum to the amount).
/// </summary>
internal static class FieldGen
{
    /// <summary>The network date the generated months are valid for.</summary>
    public const string AsOf = "2026-01-01";

    private static readonly CalendarMonth Origin = new(2026, 1);

    private static Gen<T?> Sometimes<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((2, Gen.Const((T?)null)), (1, gen.Select(v => (T?)v)));

    public static readonly Gen<EntityExtras> Entities =
        Gen.Select(Sometimes(Gen.Double[0, 5000]), Sometimes(Gen.Double[-0.99, 3]), Sometimes(Gen.Double[-0.99, 3]), (v, r, c) => new EntityExtras(v, r, c));

    public static readonly Gen<LinkExtras> Links =
        Gen.Select(
            Sometimes(Gen.Double[0, 0.3]), Sometimes(Gen.Int[0, 23]), Sometimes(Gen.Int[0, 120]), Sometimes(Gen.Enum<DebtSeniority>()),
            Sometimes(Gen.Int[0, 7]), Sometimes(Gen.Double[0.05, 1.5]), Sometimes(Gen.Double[0, 1]), Sometimes(Gen.Double[1, 3]),
            Sometimes(Gen.Enum<AmountConfidence>()), Sometimes(Gen.Double[1e-6, 0.08]), Gen.Frequency((2, Gen.Const(0)), (1, Gen.Int[1, 4])),
            (rate, start, maturity, seniority, collateral, maxLtv, low, high, confidence, share, payments) =>
                new LinkExtras(rate, start, maturity, seniority, collateral, maxLtv, low, high, confidence, share, payments));

    /// <summary>Valuation and growths of an entity.</summary>
    internal sealed record EntityExtras(double? Valuation, double? RevenueGrowth, double? CostsGrowth)
    {
        public Entity Apply(Entity entity) => entity with { Valuation = Valuation, RevenueGrowth = RevenueGrowth, CostsGrowth = CostsGrowth };
    }

    /// <summary>The optional link fields, applied only where the link's kind and term allow them.</summary>
    internal sealed record LinkExtras(
        double? Rate, int? StartOffset, int? MaturityAfter, DebtSeniority? Seniority, int? Collateral, double? MaxLtv,
        double? LowFraction, double? HighFactor, AmountConfidence? Confidence, double? Share, int SchedulePayments)
    {
        /// <summary>The link with every extra its kind and term allow; <paramref name="entityId"/> names collateral entity i (of <paramref name="entityCount"/>).</summary>
        public Link Apply(Link link, int entityCount, Func<int, string> entityId)
        {
            var start = StartOffset is { } offset ? Origin.AddMonths(offset) : (CalendarMonth?)null;
            link = link with
            {
                Start = start,
                Low = LowFraction * link.Amount,
                High = HighFactor * link.Amount,
                Confidence = Confidence,
            };
            if (link.Kind.IsDebt())
            {
                var collateral = Collateral is { } c ? entityId(c % entityCount) : null;
                link = link with
                {
                    Rate = Rate,
                    Maturity = MaturityAfter is { } after ? (start ?? Origin).AddMonths(after) : null,
                    Seniority = Seniority,
                    Collateral = collateral,
                    MaxLtv = collateral is null ? null : MaxLtv,
                };
            }

            if (link.Kind == LinkKind.Equity)
            {
                link = link with { Share = Share };
            }

            if (link.TermYears is null && SchedulePayments > 0)
            {
                // Payments every three months from the start; the last one takes what is left, so they sum to the amount.
                var each = link.Amount / SchedulePayments;
                var first = start ?? Origin;
                link = link with
                {
                    Schedule = [.. Enumerable.Range(0, SchedulePayments).Select(i =>
                        new ScheduledPayment(first.AddMonths(3 * i), i < SchedulePayments - 1 ? each : link.Amount - (each * (SchedulePayments - 1))))],
                };
            }

            return link;
        }
    }
}
