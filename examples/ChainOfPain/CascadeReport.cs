using AiContagion.Cascades;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>Section 2: the worst source's cascade, round by round.</summary>
internal static class CascadeReport
{
    public static void Write(ChainAnalysis analysis, TextWriter output)
    {
        var network = analysis.Network;
        var result = analysis.WorstCascade;
        var source = analysis.Name(analysis.Worst.Sources[0]);
        output.WriteLine();
        output.WriteLine(Text($"2. THE WORST CASCADE, ROUND BY ROUND: {source} withdraws (funding model)"));
        var down = result.DownLinks.GroupBy(l => l.Round ?? 0).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var round in result.History)
        {
            var links = down.GetValueOrDefault(round.Round, []);
            if (round.Round == 0)
            {
                output.WriteLine(Text($"   round 0  {source} stops paying: {Describe(analysis, links, 4)}"));
                continue;
            }

            output.WriteLine(Text($"   round {round.Round}  {round.Failed.Length} fail:"));
            foreach (var id in round.Failed)
            {
                output.WriteLine("            " + Failure(analysis, id, round.Round));
            }

            if (links.Count > 0)
            {
                output.WriteLine(Text($"            so {links.Count} links stop ({analysis.Money(round.AmountDown)}), largest: {Describe(analysis, links, 2)}"));
            }
        }

        output.WriteLine(Text($"   In all: {result.CascadeFailures} firms fail and {result.LinksDown} of {network.LinkCount} links ({analysis.Money(result.AmountDown)} of {Amount(network.TotalAmount)}) stop, in {result.Rounds} rounds."));
        var failed = result.FailedEntities.Where(e => !e.Shocked).Select(e => network[e.Id]).ToList();
        var byDefault = failed.Count(e => Header.ToleranceOf(network, e, Baseline.Liquidity.DefaultTolerance).Basis == "default");
        output.WriteLine(Text($"   {byDefault} of the {failed.Count} failures are firms with no cash figure, held to the default buffer; the losses are deal totals"));
        output.WriteLine("   (multi-year contracts, whole rounds) set against inflows that include one year's revenue.");
        var hit = result.Entities
            .Where(e => !e.Failed && !e.Shocked && e.LostInflow is > 0)
            .Select(e => (e.Id, Lost: e.LostInflow!.Value, Share: e.LostInflow!.Value / network.Inflow(e.Id)))
            .OrderByDescending(e => e.Lost)
            .Take(4)
            .ToList();
        if (hit.Count > 0)
        {
            output.WriteLine("   Hit but standing: " + string.Join("; ", hit.Select(h => Text($"{analysis.Name(h.Id)} loses {analysis.Money(h.Lost)} ({Percent(h.Share)} of its inflow)"))) + ".");
        }
    }

    /// <summary>
    /// Why an entity failed in round r: the inflow it had lost when round r began (links into it stopped in rounds
    /// before r, by a withdrawal or a failed payer), against its buffer τ × inflow.
    /// </summary>
    private static string Failure(ChainAnalysis analysis, string id, int round)
    {
        var network = analysis.Network;
        var entity = network[id];
        var inflow = network.Inflow(id);
        var lost = analysis.WorstCascade.DownLinks
            .Where(l => l.Round < round && l.Cause is LinkDownCause.Withdrawn or LinkDownCause.PayerFailed && network.Links[l.Index].To == id)
            .Sum(l => l.AmountDown);
        var (tolerance, basis) = Header.ToleranceOf(network, entity, Baseline.Liquidity.DefaultTolerance);
        return Text($"{entity.Name} ({entity.Sector}) had lost {Amount(lost)} of its {Amount(inflow)} inflow ({Percent(lost / inflow)}) > buffer {Percent(tolerance)} ({basis})");
    }

    /// <summary>The largest links of a round, e.g. "Equity 30 to Anthropic; ... (+3 more)".</summary>
    private static string Describe(ChainAnalysis analysis, List<LinkOutcome> links, int count)
    {
        var network = analysis.Network;
        var parts = links
            .Select(l => network.Links[l.Index])
            .OrderByDescending(l => l.Amount)
            .Take(count)
            .Select(l => Text($"{analysis.Name(l.From)} -> {analysis.Name(l.To)} {l.Kind} {Amount(l.Amount)}"));
        return string.Join("; ", parts) + (links.Count > count ? Text($" (+{links.Count - count} more)") : string.Empty);
    }
}
