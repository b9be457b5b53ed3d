using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Ranking;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>Sections 1-5: the answer on cash (the runway model, months from the data's asOf).</summary>
internal static class RunwayReport
{
    public const int Shown = 10;

    /// <summary>Section 1: who runs out of cash with no withdrawal at all, when, and on what.</summary>
    public static void WriteBaseline(ChainAnalysis analysis, TextWriter output)
    {
        var failures = analysis.BaselineFailures;
        output.WriteLine();
        output.WriteLine(Text($"1. WHO RUNS OUT OF CASH ANYWAY: no withdrawal, {analysis.Months} months ({analysis.MonthText(1)} to {analysis.MonthText(analysis.Months)})"));
        if (failures.Length == 0)
        {
            output.WriteLine("   Nobody: with the money the data show, every firm pays its way over the horizon.");
            return;
        }

        output.WriteLine(Text($"   {failures.Length} firms run out of cash on their own (money in {analysis.Network.Unit}, months 1 to the month of failure):"));
        var table = new TextTable(("month", false), ("firm", false), ("sector", false), ("cash at start", true), ("received", true), ("revenue", true), ("paid", true), ("of which debt", true), ("costs", true), ("cash at end", true));
        foreach (var e in failures)
        {
            var f = e.Failure!;
            table.Add(
                analysis.MonthText(f.Month),
                analysis.Name(e.Id),
                analysis.Network[e.Id].Sector,
                e.InitialCash is { } c ? Cash(c) + (e.CashEstimated ? " (est.)" : string.Empty) : "unlimited",
                Amount(f.Received),
                Amount(f.Revenue),
                Amount(f.Paid),
                Amount(f.DebtServicePaid),
                Amount(f.Costs),
                f.Cash is { } end ? Cash(end) : "-");
        }

        table.WriteTo(output, "   ");
        output.WriteLine("   Why, firm by firm (the largest drain is named; 'est.' = no cash figure in the data, the --unknown-cash rule):");
        foreach (var e in failures)
        {
            output.WriteLine("   - " + Why(analysis, e));
        }

        if (failures.Any(e => e.Id == "xai"))
        {
            output.WriteLine("   xAI is kept on its own: SpaceX acquired it in February 2026 and now pays its bills, but the facts give no");
            output.WriteLine("   SpaceX balance sheet, so the graph has xAI's 2026-27 GPU purchases without the parent's cash behind them.");
        }

        output.WriteLine("   The model pays every dated debt at maturity from cash and raises no new money: a firm that would refinance a");
        output.WriteLine("   maturing loan or sell assets fails here. These failures are the baseline; everything below counts what a");
        output.WriteLine("   withdrawal adds to it.");
    }

    /// <summary>Cash to two decimals: the small firms' figures (0.02, -0.03) would read 0 at one.</summary>
    private static string Cash(double value) => value.ToString("#,0.0#", System.Globalization.CultureInfo.InvariantCulture);

    private static string Why(ChainAnalysis analysis, EntityRunway e)
    {
        var f = e.Failure!;
        var inflow = f.Received + f.Revenue;
        var drain = f.DebtServicePaid >= Math.Max(f.Paid - f.DebtServicePaid, f.Costs)
            ? Text($"debt service {Amount(f.DebtServicePaid)} (interest and principal falling due)")
            : f.Paid - f.DebtServicePaid >= f.Costs
                ? Text($"payments along its links {Amount(f.Paid - f.DebtServicePaid)} (contracts, purchases)")
                : Text($"outside costs {Amount(f.Costs)}");
        var start = e.InitialCash is { } c ? Cash(c) + (e.CashEstimated ? " (estimated)" : string.Empty) : "unlimited";
        return Text($"{analysis.Name(e.Id)}, {analysis.MonthText(f.Month)}: starts with {start}, takes in {Amount(inflow)}, pays out {Amount(f.Paid + f.Costs)}; the largest drain is {drain}.");
    }

    /// <summary>Section 2: the funding sources ranked by what their withdrawal adds to the baseline.</summary>
    public static void WriteRanking(ChainAnalysis analysis, TextWriter output)
    {
        var ranking = analysis.Runway;
        var network = analysis.Network;
        output.WriteLine();
        output.WriteLine(Text($"2. WHICH WITHDRAWAL BREAKS THE MOST, ON CASH: {ranking.Candidates.Length} funding sources, each withdrawn alone from the start"));
        output.WriteLine("   Counted beyond the baseline: links down and firms failed that the no-withdrawal run does not have.");
        var table = new TextTable(("rank", true), ("funding source", false), ("sector", false), ("links down", true), ("direct", true), ("cascade", true), (network.Unit + " down", true), ("firms failed", true), ("sooner", true), ("first failure", false));
        CandidateRank? previous = null;
        foreach (var e in ranking.Entries.Take(Shown))
        {
            var tied = previous is not null && RankingReport.SameOutcome(previous, e);
            var source = network[e.Sources[0]];
            table.Add((tied ? "=" : string.Empty) + e.Rank, source.Name, source.Sector, Text($"{e.LinksDown} of {network.LinkCount}"), e.DirectLinks, e.CascadeLinks, Amount(e.AmountDown), e.EntitiesFailed, e.EarlierFailures, e.FirstFailureRound is { } m ? analysis.MonthText(m) : "-");
            previous = e;
        }

        table.WriteTo(output, "   ");
        var harmless = ranking.Entries.Count(e => e.LinksDown == e.DirectLinks && e.EntitiesFailed == 0 && e.EarlierFailures == 0);
        output.WriteLine(Text($"   'sooner' = firms of the baseline that fail earlier. {harmless} of the {ranking.Candidates.Length} sources bring down only their own links:"));
        output.WriteLine("   the firms they fund have the cash to carry on for the horizon.");
    }

    /// <summary>Section 3: the worst withdrawal, month by month.</summary>
    public static void WriteCascade(ChainAnalysis analysis, TextWriter output)
    {
        var result = analysis.RunwayWorstCascade;
        var runway = result.Runway!;
        var network = analysis.Network;
        var source = analysis.Name(analysis.RunwayWorst.Sources[0]);
        output.WriteLine();
        output.WriteLine(Text($"3. THE WORST CASCADE, MONTH BY MONTH: {source} withdraws at the start (runway model)"));
        var direct = result.Links.Where(l => l.Down && l.Cause == LinkDownCause.Withdrawn).Select(l => network.Links[l.Index]).ToList();
        output.WriteLine(Text($"   {analysis.MonthText(0)}  {source} stops {direct.Count} links ({Amount(direct.Sum(l => l.Amount))} {network.Unit}): {Largest(analysis, direct, 3)}"));
        foreach (var month in runway.FailureOrder.Select(e => e.FailedMonth!.Value).Distinct().Order())
        {
            foreach (var e in runway.FailureOrder.Where(e => e.FailedMonth == month))
            {
                var note = e.Outcome switch
                {
                    RunwayOutcome.FailsOnlyWithShock => "fails only because of the withdrawal",
                    RunwayOutcome.FailsSoonerWithShock => Text($"fails sooner: {analysis.MonthText(e.BaselineFailedMonth!.Value)} without it"),
                    RunwayOutcome.FailsWithoutShock => "fails anyway (baseline, same month)",
                    _ => e.Outcome.ToString(),
                };
                var cash = e.InitialCash is { } c ? Cash(c) + (e.CashEstimated ? " est." : string.Empty) : "unlimited";
                output.WriteLine(Text($"   {analysis.MonthText(month)}  {analysis.Name(e.Id)} ({network[e.Id].Sector}) runs out of cash (started with {cash}): {note}"));
            }

            var down = result.Links.Where(l => l.Down && l.Round == month && l.Cause != LinkDownCause.Withdrawn).Select(l => network.Links[l.Index]).ToList();
            if (down.Count > 0)
            {
                output.WriteLine(Text($"            so {down.Count} link{(down.Count == 1 ? " stops" : "s stop")} ({Amount(down.Sum(l => l.Amount))} {network.Unit}): {Largest(analysis, down, 3)}"));
            }
        }

        output.WriteLine(Text($"   In all: {result.LinksDown} of {network.LinkCount} links ({Amount(result.AmountDown)} of {Amount(network.TotalAmount)} {network.Unit}) stop within {analysis.Months} months;"));
        output.WriteLine(Text($"   {runway.FailedBecauseOfShock} firm{(runway.FailedBecauseOfShock == 1 ? " fails" : "s fail")} because of the withdrawal (or sooner), {runway.FailedWithoutShock} fail anyway."));
    }

    private static string Largest(ChainAnalysis analysis, List<Link> links, int count)
    {
        var shown = links.OrderByDescending(l => l.Amount).ThenBy(l => l.From, StringComparer.Ordinal).Take(count)
            .Select(l => Text($"{analysis.Name(l.From)} -> {analysis.Name(l.To)} {l.Kind} {Amount(l.Amount)}"));
        return string.Join("; ", shown) + (links.Count > count ? Text($" (+{links.Count - count} more)") : string.Empty);
    }

    /// <summary>Section 4: the ranking over draws of the estimated amounts.</summary>
    public static void WriteUncertainty(ChainAnalysis analysis, TextWriter output)
    {
        var u = analysis.Uncertainty;
        output.WriteLine();
        output.WriteLine(Text($"4. HOW SURE, GIVEN THE DATA'S RANGES: {u.Draws:#,0} draws of the {u.RangedLinks.Length} estimated amounts (triangular, seed {u.Options.Seed})"));
        output.WriteLine("   Each draw takes every estimated link's amount within its low-high range (the stated amount most likely) and");
        output.WriteLine("   ranks the sources again on cash.");
        var table = new TextTable(("funding source", false), ("P(first)", true), ("P(top 3)", true), ("rank 5-95 %", true), ("stated rank", true), ("links down: mean [5-95 %]", true));
        foreach (var c in u.Candidates.Where(c => c.PTop3 > 0 || c.NominalRank <= 3).Take(Shown))
        {
            table.Add(analysis.Name(c.Sources[0]), Percent1(c.PFirst), Percent1(c.PTop3), c.RankLow == c.RankHigh ? Text($"{c.RankLow}") : Text($"{c.RankLow}-{c.RankHigh}"), c.NominalRank, Text($"{c.LinksDownMean:0.#} [{c.LinksDownP05}-{c.LinksDownP95}]"));
        }

        table.WriteTo(output, "   ");
        var first = u.Candidates[0];
        output.WriteLine(Text($"   {analysis.Name(first.Sources[0])} ranks first in {Percent1(first.PFirst)} of the draws (± {Percent1(first.PFirstStandardError)})."));
    }

    private static string Percent1(double p) => (p * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";

    /// <summary>Section 5: the ranking over the assumptions the data leave open.</summary>
    public static void WriteSweep(ChainAnalysis analysis, TextWriter output)
    {
        var sweep = analysis.RunwaySweep;
        output.WriteLine();
        output.WriteLine(Text($"5. HOW SURE, GIVEN THE ASSUMPTIONS: the runway ranking over {string.Join(" x ", sweep.Axes)} ({sweep.Settings.Length} settings)"));
        output.WriteLine("   unknown-cash: the cash of firms with no cash figure (tolerance = a quarter of their first year's inflow, zero,");
        output.WriteLine(Text($"   six months of their outflows, unlimited); floor: the cash ({analysis.Network.Unit}) below which a firm fails; months: the horizon."));
        var table = new TextTable(("unknown-cash", false), ("floor", true), ("months", true), ("1st (links down)", false), ("2nd", false), ("baseline failures", true));
        foreach (var s in sweep.Settings)
        {
            var e = s.Ranking.Entries;
            table.Add(
                SweepParameter.UnknownCash.FormatValue(s.Value(SweepParameter.UnknownCash)),
                SweepParameter.Floor.FormatValue(s.Value(SweepParameter.Floor)),
                SweepParameter.Months.FormatValue(s.Value(SweepParameter.Months)),
                e.Length > 0 ? Text($"{analysis.Name(e[0].Sources[0])} ({e[0].LinksDown})") : "-",
                e.Length > 1 ? Text($"{analysis.Name(e[1].Sources[0])} ({e[1].LinksDown})") : "-",
                s.Ranking.Baseline?.EntitiesFailed ?? 0);
        }

        table.WriteTo(output, "   ");
        foreach (var horizon in sweep.Settings.GroupBy(s => s.Value(SweepParameter.Months)))
        {
            var firsts = horizon.GroupBy(s => s.Ranking.Entries[0].Sources[0]).Select(g => Text($"{analysis.Name(g.Key)} ({g.Count()} of {horizon.Count()})"));
            output.WriteLine(Text($"   {horizon.Key} months: first is {string.Join(", ", firsts)}."));
        }

        var always = sweep.Candidates.Where(c => c.AlwaysWorst).Select(c => analysis.Name(c.Label)).ToList();
        var top3 = sweep.Candidates.Where(c => c.AlwaysInTopK).Select(c => analysis.Name(c.Label)).ToList();
        output.WriteLine(always.Count > 0
            ? Text($"   First (ties included) in every setting: {string.Join(", ", always)}.")
            : "   No source is first in every setting.");
        output.WriteLine(top3.Count > 0
            ? Text($"   In the top three in every setting: {string.Join(", ", top3)}.")
            : "   No source is in the top three in every setting.");
        output.WriteLine(Text($"   Lowest agreement between two settings: Kendall's tau-b {sweep.MinimumKendallTau:0.00}, top-3 overlap {sweep.MinimumTopKOverlap:0.00}."));
    }
}
