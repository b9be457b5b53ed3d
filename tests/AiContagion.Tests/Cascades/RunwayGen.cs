using AiContagion.Cascades;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// CsCheck generators for the runway: small networks (asOf 2026-01) with every dated field in play — starts in the past
/// and the future, terms, schedules, rates and maturities on debt links, growth, capital, missing cash — and random
/// runway options and shocks.
/// </summary>
internal static class RunwayGen
{
    public static readonly CalendarMonth AsOf = new(2026, 1);

    private static readonly Gen<double?> Figure =
        Gen.Select(Gen.Int[0, 3], Gen.Double[0, 30], (present, value) => present == 0 ? (double?)null : Math.Round(value, 2));

    private static readonly Gen<Entity> EntityTemplate =
        Gen.Select(Figure, Figure, Figure, Figure, Gen.Int[0, 5], Gen.Int[0, SectorFacts.All.Count - 1], Gen.Double[-0.5, 1.5])
            .Select(t =>
            {
                var (cash, revenue, costs, capital, flags, sector, growth) = t;
                return new Entity("x", SectorFacts.All[sector])
                {
                    Cash = cash,
                    Revenue = revenue,
                    Costs = costs,
                    Capital = flags % 2 == 0 ? capital : null,
                    RevenueGrowth = flags == 1 ? Math.Round(growth, 2) : null,
                    CostsGrowth = flags == 3 ? Math.Round(growth / 2, 2) : null,
                    FundingSource = flags == 5 ? true : null,
                };
            });

    // A link: ends, kind, amount parts, and how it is dated (0 undated, 1 start, 2 term, 3 schedule, 4 term + debt service, 5 schedule + debt service).
    private static readonly Gen<(int From, int To, int Kind, double[] Parts, int Dating, int Start, double Term, double Rate, int Maturity)> LinkTemplate =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 8], Gen.Int[0, LinkKindFacts.All.Count - 1], Gen.Double[0, 12].Array[1, 4], Gen.Int[0, 5], Gen.Int[-8, 20], Gen.Double[0.05, 2.5])
            .Select(Gen.Double[0, 0.3], Gen.Int[0, 30], (t, rate, maturity) => (t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, rate, maturity));

    /// <summary>2 to 10 entities, 0 to 4n links.</summary>
    public static readonly Gen<FinancingNetwork> Network =
        from n in Gen.Int[2, 10]
        from entities in EntityTemplate.Array[n]
        from links in LinkTemplate.Array[0, 4 * n]
        select Build(entities, links, debtService: true);

    /// <summary>The same without dated debt (no rate, no maturity): where the withdrawal only ever harms the others.</summary>
    public static readonly Gen<FinancingNetwork> NetworkWithoutDebtService =
        from n in Gen.Int[2, 10]
        from entities in EntityTemplate.Array[n]
        from links in LinkTemplate.Array[0, 4 * n]
        select Build(entities, links, debtService: false);

    /// <summary>Runway options: horizon 1–30, t0 within it, a floor, every unknown-cash rule, a recovery.</summary>
    public static readonly Gen<RunwayOptions> Options =
        from months in Gen.Int[1, 30]
        from at in Gen.Int[0, months]
        from floor in Gen.Int[-2, 3]
        from rule in Gen.Enum<UnknownCashRule>()
        from recovery in Gen.Int[0, 4]
        from recurring in Gen.Int[0, 9]
        select new RunwayOptions
        {
            Months = months,
            WithdrawalMonth = at,
            Floor = floor,
            UnknownCash = rule,
            UnknownCashMonths = 2,
            Recovery = RecoveryRates.Uniform(recovery / 4.0),
            RecurringLinks = recurring == 0,
        };

    /// <summary>A shock on a network: some withdrawals (full, half or a random share) and some failures.</summary>
    public static Gen<CascadeShock> Shock(FinancingNetwork network) =>
        from pick in Gen.Int[0, 5].Array[network.EntityCount]
        from share in Gen.Double[0.05, 1]
        select new CascadeShock
        {
            Withdrawals = [.. network.Entities.Where((_, i) => pick[i] is 1 or 2 or 3).Select((e, i) => new Withdrawal(e.Id, pick[network.IndexOf(e.Id)] switch { 1 => 1.0, 2 => 0.5, _ => Math.Round(share, 3) }))],
            Failures = [.. network.Entities.Where((_, i) => pick[i] == 4).Select(e => e.Id)],
        };

    private static FinancingNetwork Build(Entity[] templates, (int From, int To, int Kind, double[] Parts, int Dating, int Start, double Term, double Rate, int Maturity)[] links, bool debtService)
    {
        var n = templates.Length;
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = AsOf.ToString() });
        for (var i = 0; i < n; i++)
        {
            builder.AddEntity(templates[i] with { Id = $"e{i}", Name = $"e{i}" });
        }

        foreach (var (rawFrom, rawTo, kindIndex, parts, dating, start, term, rate, maturity) in links)
        {
            var from = rawFrom % n;
            var to = rawTo % (n - 1);
            to = to >= from ? to + 1 : to;
            var kind = LinkKindFacts.All[kindIndex];
            var payments = parts.Select(p => Math.Round(p, 2)).ToArray();
            var amount = 0.0;
            foreach (var p in payments)
            {
                amount += p;
            }

            var link = new Link($"e{from}", $"e{to}", kind, amount);
            var startMonth = AsOf.AddMonths(start);
            switch (dating % 4)
            {
                case 1:
                    link = link with { Start = startMonth };
                    break;
                case 2:
                    link = link with { Start = startMonth, TermYears = Math.Round(term, 3) };
                    break;
                case 3:
                    link = link with { Schedule = [.. payments.Select((p, i) => new ScheduledPayment(startMonth.AddMonths(3 * i), p))] };
                    break;
            }

            if (debtService && dating >= 4 && kind.IsDebt())
            {
                var first = link.Schedule.IsEmpty ? startMonth : link.Schedule[0].Month;
                link = link with
                {
                    Start = first,
                    Rate = rate < 0.05 ? null : Math.Round(rate, 3),
                    Maturity = maturity == 0 && rate >= 0.05 ? null : first.AddMonths(maturity),
                };
            }

            builder.AddLink(link);
        }

        return builder.Build();
    }
}
