using AiContagion.Model;

namespace AiContagion.Tests.Model;

/// <summary>
/// The constraints of the dated-cash-flow, uncertainty and stake fields, checked by the builder from the field schema:
/// each broken rule gives exactly one problem with the item, the field and this message; valid values build.
/// </summary>
[TestClass]
public sealed class FieldRuleTests
{
    private static readonly CalendarMonth March = new(2026, 3);
    private static readonly CalendarMonth June = new(2026, 6);
    private static readonly CalendarMonth September = new(2026, 9);

    // The cases: a network of a (Bank), b (ModelLab), c (Neocloud) with asOf 2026-01-01, and one change to it.
    private static readonly Dictionary<string, Func<FinancingNetworkBuilder, FinancingNetworkBuilder>> Cases = new()
    {
        ["negative valuation"] = b => b.AddEntity(new Entity("d", Sector.Other) { Valuation = -1 }),
        ["revenue growth of -100 %"] = b => b.AddEntity(new Entity("d", Sector.Other) { RevenueGrowth = -1 }),
        ["costs growth below -1"] = b => b.AddEntity(new Entity("d", Sector.Other) { CostsGrowth = -1.5 }),
        ["growth not a number"] = b => b.AddEntity(new Entity("d", Sector.Other) { CostsGrowth = double.NaN }),
        ["rate on a commercial link"] = b => b.AddLink(new Link("a", "b", LinkKind.ComputeContract, 10) { Rate = 0.05 }),
        ["negative rate"] = b => b.AddLink(new Link("a", "b", LinkKind.Loan, 10) { Rate = -0.1 }),
        ["maturity on equity"] = b => b.AddLink(new Link("a", "b", LinkKind.Equity, 10) { Maturity = June }),
        ["maturity before start"] = b => b.AddLink(new Link("a", "b", LinkKind.Loan, 10) { Start = June, Maturity = March }),
        ["maturity before the date"] = b => b.AddLink(new Link("a", "b", LinkKind.Bond, 10) { Date = "2026-06-15", Maturity = March }),
        ["maturity before asOf"] = b => b.AddLink(new Link("a", "b", LinkKind.Loan, 10) { Maturity = new CalendarMonth(2025, 12) }),
        ["seniority on equity"] = b => b.AddLink(new Link("a", "b", LinkKind.Equity, 10) { Seniority = DebtSeniority.Junior }),
        ["collateral on a lease"] = b => b.AddLink(new Link("a", "b", LinkKind.Lease, 10) { Collateral = "c" }),
        ["collateral naming no entity"] = b => b.AddLink(new Link("a", "b", LinkKind.Loan, 10) { Collateral = "ghost" }),
        ["maxLtv without collateral"] = b => b.AddLink(new Link("a", "b", LinkKind.Loan, 10) { MaxLtv = 0.5 }),
        ["maxLtv of zero"] = b => b.AddLink(new Link("a", "b", LinkKind.Loan, 10) { Collateral = "c", MaxLtv = 0 }),
        ["low above amount"] = b => b.AddLink(new Link("a", "b", LinkKind.Equity, 10) { Low = 12 }),
        ["high below amount"] = b => b.AddLink(new Link("a", "b", LinkKind.Equity, 10) { High = 8 }),
        ["negative low"] = b => b.AddLink(new Link("a", "b", LinkKind.Equity, 10) { Low = -1 }),
        ["share on a loan"] = b => b.AddLink(new Link("a", "b", LinkKind.Loan, 10) { Share = 0.2 }),
        ["share above 1"] = b => b.AddLink(new Link("a", "b", LinkKind.Equity, 10) { Share = 1.5 }),
        ["share of 0"] = b => b.AddLink(new Link("a", "b", LinkKind.Equity, 10) { Share = 0 }),
        ["shares above 100 %"] = b => b
            .AddLink(new Link("a", "b", LinkKind.Equity, 10) { Share = 0.6 })
            .AddLink(new Link("c", "b", LinkKind.Equity, 10) { Share = 0.5 }),
        ["closed ownership group"] = b => b
            .AddLink(new Link("a", "b", LinkKind.Equity, 10) { Share = 1 })
            .AddLink(new Link("b", "a", LinkKind.Equity, 10) { Share = 1 }),
        ["schedule not summing to amount"] = b => b.AddLink(new Link("a", "b", LinkKind.ComputeContract, 10) { Schedule = [new(March, 4), new(September, 5)] }),
        ["schedule out of order"] = b => b.AddLink(new Link("a", "b", LinkKind.ComputeContract, 10) { Schedule = [new(September, 5), new(March, 5)] }),
        ["schedule with a repeated month"] = b => b.AddLink(new Link("a", "b", LinkKind.ComputeContract, 10) { Schedule = [new(March, 5), new(March, 5)] }),
        ["schedule with termYears"] = b => b.AddLink(new Link("a", "b", LinkKind.ComputeContract, 10) { TermYears = 2, Schedule = [new(March, 5), new(September, 5)] }),
        ["negative payment"] = b => b.AddLink(new Link("a", "b", LinkKind.ComputeContract, 10) { Schedule = [new(March, -1), new(September, 11)] }),
    };

    [TestMethod]
    [DataRow("negative valuation", "entity 'd'", "valuation", "must not be negative; got -1")]
    [DataRow("revenue growth of -100 %", "entity 'd'", "revenueGrowth", "must be above -1 (a yearly growth rate; -1 is -100 %); got -1")]
    [DataRow("costs growth below -1", "entity 'd'", "costsGrowth", "must be above -1 (a yearly growth rate; -1 is -100 %); got -1.5")]
    [DataRow("growth not a number", "entity 'd'", "costsGrowth", "must be a finite number; got NaN")]
    [DataRow("rate on a commercial link", "link #0 (a -> b)", "rate", "only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is ComputeContract")]
    [DataRow("negative rate", "link #0 (a -> b)", "rate", "must not be negative; got -0.1")]
    [DataRow("maturity on equity", "link #0 (a -> b)", "maturity", "only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity")]
    [DataRow("maturity before start", "link #0 (a -> b)", "maturity", "must not be before the start; got 2026-03, start 2026-06")]
    [DataRow("maturity before the date", "link #0 (a -> b)", "maturity", "must not be before the start (the link's date); got 2026-03, start 2026-06")]
    [DataRow("maturity before asOf", "link #0 (a -> b)", "maturity", "must not be before the start (the network's asOf); got 2025-12, start 2026-01")]
    [DataRow("seniority on equity", "link #0 (a -> b)", "seniority", "only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Equity")]
    [DataRow("collateral on a lease", "link #0 (a -> b)", "collateral", "only debt links (Loan, Bond, CreditFacility, VendorFinancing) carry it; this link is Lease")]
    [DataRow("collateral naming no entity", "link #0 (a -> b)", "collateral", "names no entity and no asset ('ghost'); a collateral is the id of an entity in which the borrower holds a stake, or of an asset of the holdings layer")]
    [DataRow("maxLtv without collateral", "link #0 (a -> b)", "maxLtv", "a maximum loan-to-value needs a collateral")]
    [DataRow("maxLtv of zero", "link #0 (a -> b)", "maxLtv", "must be positive when given")]
    [DataRow("low above amount", "link #0 (a -> b)", "low", "must not be above the amount; got low 12, amount 10")]
    [DataRow("high below amount", "link #0 (a -> b)", "high", "must not be below the amount; got high 8, amount 10")]
    [DataRow("negative low", "link #0 (a -> b)", "low", "must not be negative; got -1")]
    [DataRow("share on a loan", "link #0 (a -> b)", "share", "only Equity links carry a share; this link is Loan")]
    [DataRow("share above 1", "link #0 (a -> b)", "share", "must be in (0, 1] (the fraction of the recipient's equity held); got 1.5")]
    [DataRow("share of 0", "link #0 (a -> b)", "share", "must be in (0, 1] (the fraction of the recipient's equity held); got 0")]
    [DataRow("shares above 100 %", "link #1 (c -> b)", "share", "the shares of 'b' held through links #0, #1 sum to 1.1 (0.6 + 0.5); at most 1 (all of its equity)")]
    [DataRow("closed ownership group", "link #1 (b -> a)", "share", "'a' and 'b' are owned 100 % within their group (links #0, #1): a closed ownership group, held by no one outside it, whose equity values are undefined; at least one of them must be held partly from outside")]
    [DataRow("schedule not summing to amount", "link #0 (a -> b)", "schedule", "the payments sum to 9, the link's amount is 10; they must agree (within 1e-9 relative)")]
    [DataRow("schedule out of order", "link #0 (a -> b)", "schedule", "payment months must be strictly increasing; payment 2 (2026-03) follows 2026-09")]
    [DataRow("schedule with a repeated month", "link #0 (a -> b)", "schedule", "payment months must be strictly increasing; payment 2 (2026-03) follows 2026-03")]
    [DataRow("schedule with termYears", "link #0 (a -> b)", "schedule", "give either a schedule or termYears, not both")]
    [DataRow("negative payment", "link #0 (a -> b)", "schedule", "payment 1 (2026-03) must not be negative; got -1")]
    public void Build_BrokenRule_OneProblemNamingItemFieldAndRule(string name, string subject, string field, string message)
    {
        var builder = Cases[name](Base());

        var error = Assert.ThrowsExactly<NetworkValidationException>(() => builder.Build());

        Assert.AreEqual(new NetworkProblem(null, subject, field, message), error.Problems.Single());
    }

    [TestMethod]
    public void Build_EveryNewField_ValidValues_Built()
    {
        var network = Base()
            .AddEntity(new Entity("d", Sector.Hyperscaler) { Valuation = 3000, RevenueGrowth = 0.25, CostsGrowth = -0.5 })
            .AddLink(new Link("a", "b", LinkKind.Loan, 10) { Start = March, Maturity = March, Rate = 0, Seniority = DebtSeniority.Junior, Collateral = "c", MaxLtv = 0.5 })
            .AddLink(new Link("a", "b", LinkKind.Equity, 10) { Low = 10, High = 10, Confidence = AmountConfidence.Derived, Share = 1 })
            .AddLink(new Link("a", "c", LinkKind.ComputeContract, 0.3) { Schedule = [new(March, 0.1), new(June, 0.2)] }) // 0.1 + 0.2 ≠ 0.3 exactly, within 1e-9
            .AddLink(new Link("b", "c", LinkKind.Equity, 1) { Share = 0.1 })
            .AddLink(new Link("a", "c", LinkKind.Equity, 1) { Share = 0.2 })
            .AddLink(new Link("d", "c", LinkKind.Equity, 1) { Share = 0.7 }) // 0.1 + 0.2 + 0.7 = 1.0000000000000002: within the tolerance
            .Build();

        Assert.AreEqual(6, network.LinkCount);
        Assert.AreEqual(DebtSeniority.Junior, network.Links[0].Seniority);
        Assert.AreEqual(2, network.Links[2].Schedule.Length);
    }

    [TestMethod]
    public void Build_ManyBrokenRulesOnOneLink_AllReported()
    {
        var builder = Base().AddLink(new Link("a", "b", LinkKind.Services, 10)
        {
            Rate = 0.1, Seniority = DebtSeniority.Junior, Share = 2, Low = 11, High = 9, TermYears = 1,
            Schedule = [new(September, 5), new(March, 4)],
        });

        var error = Assert.ThrowsExactly<NetworkValidationException>(() => builder.Build());

        CollectionAssert.AreEqual(
            new[] { "low", "high", "schedule", "schedule", "schedule", "rate", "seniority", "share", "share" },
            error.Problems.Select(p => p.Field).ToArray(),
            string.Join("\n", error.Problems));
    }

    [TestMethod]
    public void Build_SharesAboveOneInTwoRecipients_EachNamed()
    {
        var builder = Base()
            .AddLink(new Link("a", "b", LinkKind.Equity, 1) { Share = 0.9 })
            .AddLink(new Link("a", "c", LinkKind.Equity, 1) { Share = 0.9 })
            .AddLink(new Link("c", "b", LinkKind.Equity, 1) { Share = 0.2 })
            .AddLink(new Link("b", "c", LinkKind.Equity, 1) { Share = 0.2 });

        var error = Assert.ThrowsExactly<NetworkValidationException>(() => builder.Build());

        CollectionAssert.AreEqual(
            new[] { "link #2 (c -> b)", "link #3 (b -> c)" },
            error.Problems.Select(p => p.Subject).ToArray());
        StringAssert.Contains(error.Problems[1].Message, "the shares of 'c' held through links #1, #3 sum to 1.1");
    }

    // The closed-group rule (ρ(C) < 1, research note for issue 19): two groups, each named once on its last link; a
    // subsidiary held 100 % by a group but holding none of it is not named; a ring whose shares sum to 1 only up to
    // rounding (0.1 + 0.2 + 0.7) counts as closed; a ring held 1 % from outside is fine.
    [TestMethod]
    public void Build_ClosedOwnershipGroups_EachNamedOnceWithItsFirmsAndLinks()
    {
        var builder = Base()
            .AddEntity("d", Sector.Other)
            .AddEntity("e", Sector.Other)
            .AddEntity("f", Sector.Other)
            .AddEntity("g", Sector.Other)
            .AddLink(new Link("a", "b", LinkKind.Equity, 1) { Share = 1 })             // #0  ring a -> b -> c -> a
            .AddLink(new Link("b", "c", LinkKind.Equity, 1) { Share = 1 })             // #1
            .AddLink(new Link("c", "a", LinkKind.Equity, 1) { Share = 0.1 })           // #2
            .AddLink(new Link("b", "a", LinkKind.Equity, 1) { Share = 0.2 })           // #3
            .AddLink(new Link("c", "a", LinkKind.Equity, 1) { Share = 0.7 })           // #4
            .AddLink(new Link("a", "d", LinkKind.Equity, 1) { Share = 1 })             // #5  d: a subsidiary of the ring
            .AddLink(new Link("e", "f", LinkKind.Equity, 1) { Share = 1 })             // #6  e <-> f
            .AddLink(new Link("f", "e", LinkKind.Equity, 1) { Share = 1 })             // #7
            .AddLink(new Link("g", "d", LinkKind.Loan, 1))                             // #8  debt is no ownership
            .AddLink(new Link("d", "g", LinkKind.Equity, 1) { Share = 0.99 });         // #9  g held 1 % from outside

        var error = Assert.ThrowsExactly<NetworkValidationException>(() => builder.Build());

        CollectionAssert.AreEqual(
            new[]
            {
                new NetworkProblem(null, "link #4 (c -> a)", "share", "'a', 'b' and 'c' are owned 100 % within their group (links #0, #1, #2, #3, #4): a closed ownership group, held by no one outside it, whose equity values are undefined; at least one of them must be held partly from outside"),
                new NetworkProblem(null, "link #7 (f -> e)", "share", "'e' and 'f' are owned 100 % within their group (links #6, #7): a closed ownership group, held by no one outside it, whose equity values are undefined; at least one of them must be held partly from outside"),
            },
            error.Problems.ToArray(),
            string.Join("\n", error.Problems));
    }

    [TestMethod]
    public void Build_RingHeldPartlyFromOutside_Built()
    {
        var network = Base()
            .AddLink(new Link("a", "b", LinkKind.Equity, 1) { Share = 1 })
            .AddLink(new Link("b", "c", LinkKind.Equity, 1) { Share = 1 })
            .AddLink(new Link("c", "a", LinkKind.Equity, 1) { Share = 0.999999 })
            .Build();

        Assert.AreEqual(3, network.LinkCount);
    }

    private static FinancingNetworkBuilder Base() => FinancingNetwork.CreateBuilder()
        .WithMetadata(new NetworkMetadata { AsOf = "2026-01-01" })
        .AddEntity("a", Sector.Bank)
        .AddEntity("b", Sector.ModelLab)
        .AddEntity("c", Sector.Neocloud);
}
