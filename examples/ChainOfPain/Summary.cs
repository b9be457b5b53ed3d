using AiContagion.Model;
using AiContagion.Provenance;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>Section 10: what holds across every run above, and the answer in one paragraph; every figure is taken from the analysis.</summary>
internal static class Summary
{
    public static void Write(ChainAnalysis analysis, List<string> files, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("10. WHAT HOLDS ACROSS ALL OF IT");
        foreach (var finding in Findings(analysis))
        {
            var lines = Wrap(finding, 110).ToList();
            output.WriteLine("   - " + lines[0]);
            foreach (var line in lines.Skip(1))
            {
                output.WriteLine("     " + line);
            }
        }

        output.WriteLine();
        output.WriteLine("THE ANSWER");
        foreach (var line in Wrap(Paragraph(analysis), 112))
        {
            output.WriteLine("   " + line);
        }

        output.WriteLine();
        output.WriteLine(Text($"   Files: {string.Join(", ", files.Select(Path.GetFileName))}"));
    }

    /// <summary>The conclusions, each checked against the runs (nominal, draws, sweep, static model).</summary>
    public static List<string> Findings(ChainAnalysis analysis)
    {
        var network = analysis.Network;
        var worst = analysis.RunwayWorst;
        var worstName = analysis.Name(worst.Sources[0]);
        var u = analysis.Uncertainty[worst.Label];
        var sweep = analysis.RunwaySweep;
        var inSweep = sweep.Candidates.Single(c => c.Label == worst.Label);
        var findings = new List<string>();

        var baseline = analysis.BaselineFailures;
        findings.Add(baseline.Length == 0
            ? "With no withdrawal nobody runs out of cash within the horizon."
            : Text($"Without any withdrawal, {baseline.Length} firms run out of cash within {analysis.Months} months: {Join(baseline.Select(e => Text($"{analysis.Name(e.Id)} ({analysis.MonthText(e.FailedMonth!.Value)})")), ", ", " and ")}. ")
              + Text($"The sweep's baselines range from {sweep.Settings.Min(s => s.Ranking.Baseline?.EntitiesFailed ?? 0)} to {sweep.Settings.Max(s => s.Ranking.Baseline?.EntitiesFailed ?? 0)} such firms (the horizon and the unknown-cash rule move it)."));

        findings.Add(Text($"The worst single withdrawal on cash is the {worstName}: {worst.LinksDown} links down ({analysis.Money(worst.AmountDown)}) and {worst.EntitiesFailed} firm{(worst.EntitiesFailed == 1 ? string.Empty : "s")} failed beyond the baseline. ")
            + Text($"It ranks first in {Percent1(u.PFirst)} of the {analysis.Uncertainty.Draws:#,0} draws (rank {Interval(u.RankLow, u.RankHigh)}) and first in {inSweep.TimesTiedFirst} of the {inSweep.Settings} assumption settings")
            + (inSweep.AlwaysInTopK ? ", in the top three in all of them." : Text($" (rank {inSweep.BestRank}-{inSweep.WorstRank}).")));

        var staticHit = analysis.Giants.Where(g => analysis.WorstCascade.IsFailed(g)).ToList();
        findings.Add((analysis.GiantFailures.Length == 0
                ? Text($"On cash, no funding source's withdrawal fails any of the largest firms ({Join(analysis.Giants.Select(analysis.Name), ", ", " and ")}) within {analysis.Months} months: each has tens of billions in cash and far more outside revenue than any one customer pays it.")
                : Text($"On cash, some withdrawals fail a large firm: {string.Join("; ", analysis.GiantFailures)}."))
            + (staticHit.Count > 0
                ? Text($" The static model fails {Join(staticHit.Select(analysis.Name), ", ", " and ")} in its worst cascade, because it sets whole multi-year deal totals against one year's inflow; that is why it is only a second opinion.")
                : string.Empty));

        var target = analysis.Provenance[analysis.Target];
        var nvidiaIn = network.LinksTo(analysis.Target).Where(l => l.Kind == LinkKind.GpuPurchase).ToList();
        findings.Add(Text($"{analysis.Name(analysis.Target)} sells GPUs to {nvidiaIn.Select(l => l.From).Distinct().Count()} buyers in the graph ({analysis.Money(nvidiaIn.Sum(l => l.Amount))} of purchases); ")
            + Text($"{Percent(target.ShareOf(OriginKind.FundingSource))} of its income traces back to funders and {Percent(target.ShareOf(OriginKind.Revenue))} to outside revenue. ")
            + Text($"A cut of {analysis.ToTarget.CutLinks.Length} links ({analysis.Money(analysis.ToTarget.Value)}) severs the funders from it, so no one firm or lender is its single point of failure."));

        var circular = analysis.RoundTrip.Ranked().Where(e => e.Share > 0).ToList();
        if (circular.Count > 0)
        {
            var top = circular[0];
            var nvidia = analysis.RoundTrip[analysis.Target];
            findings.Add(Text($"Circular money is real but small: the largest round-trip share is {analysis.Name(top.Id)}'s {top.Share!.Value * 100:0.0} % ({analysis.Money(top.Amount)}); ")
                + Text($"{analysis.Name(analysis.Target)}'s is {(nvidia.Share ?? 0) * 100:0.0} %."));
        }

        var unknown = analysis.Runway.Baseline!.Runway!.Assumptions.UnknownCash;
        findings.Add(Text($"What the data cannot settle: {unknown.Length} firms have no cash figure (the unknown-cash rule decides them), refinancing is not modelled, ")
            + Text($"and {analysis.Uncertainty.RangedLinks.Length} amounts are estimates with ranges; sections 4 and 5 show how far each moves the ranking."));
        return findings;
    }

    public static string Paragraph(ChainAnalysis analysis)
    {
        var network = analysis.Network;
        var worst = analysis.RunwayWorst;
        var cascade = analysis.RunwayWorstCascade.Runway!;
        var failed = cascade.Entities.Where(e => e.Outcome is Cascades.RunwayOutcome.FailsOnlyWithShock or Cascades.RunwayOutcome.FailsSoonerWithShock).Select(e => analysis.Name(e.Id)).ToList();
        var next = analysis.Runway.Entries.Skip(1).Take(2).ToList();
        var u = analysis.Uncertainty[worst.Label];
        var staticFirst = analysis.Funding.Entries[0];
        return Text($"On cash, month by month over {analysis.Months} months from {analysis.MonthText(1)}, {analysis.BaselineFailures.Length} firms of {analysis.FileName} run out of money with no withdrawal at all. ")
            + Text($"Of the {analysis.Runway.Candidates.Length} funding sources, the {analysis.Name(worst.Sources[0])} would do the most harm by pulling out: {worst.LinksDown} of the {network.LinkCount} links ({Amount(worst.AmountDown)} of {analysis.Money(network.TotalAmount)}) stop beyond the baseline")
            + (failed.Count > 0 ? Text($" and {Join(failed, ", ", " and ")} fail{(failed.Count == 1 ? "s" : string.Empty)} or fail{(failed.Count == 1 ? "s" : string.Empty)} sooner") : string.Empty)
            + Text($". Next come the {Join(next.Select(e => Text($"{analysis.Name(e.Sources[0])} ({e.LinksDown} links)")), ", ", " and the ")}. ")
            + Text($"That first place holds in {Percent1(u.PFirst)} of {analysis.Uncertainty.Draws:#,0} draws of the estimated amounts. ")
            + (analysis.GiantFailures.Length == 0 ? Text($"No single withdrawal fails {Join(analysis.Giants.Select(analysis.Name), ", ", " or ")} within the horizon. ") : string.Empty)
            + Text($"The static funding model, a second opinion that counts whole deal totals at once, names the {analysis.Name(staticFirst.Sources[0])} instead ({staticFirst.LinksDown} links) and fails far more firms.");
    }

    private static string Interval(int low, int high) => low == high ? Text($"{low}") : Text($"{low}-{high}");

    private static string Percent1(double p) => (p * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";

    private static string Join(IEnumerable<string> parts, string separator, string? last = null)
    {
        var list = parts.ToList();
        return last is null || list.Count < 2 ? string.Join(separator, list) : string.Join(separator, list.Take(list.Count - 1)) + last + list[^1];
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
