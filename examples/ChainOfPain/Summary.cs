using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Ranking;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>Section 7: the answer in one paragraph, every figure taken from the analysis above.</summary>
internal static class Summary
{
    public static void Write(ChainAnalysis analysis, List<string> files, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("7. THE ANSWER");
        foreach (var line in Wrap(Paragraph(analysis), 112))
        {
            output.WriteLine("   " + line);
        }

        output.WriteLine();
        output.WriteLine(Text($"   Files: {string.Join(", ", files.Select(Path.GetFileName))}"));
    }

    public static string Paragraph(ChainAnalysis analysis)
    {
        var network = analysis.Network;
        var worst = analysis.Worst;
        var cascade = analysis.WorstCascade;
        var failed = cascade.FailedEntities.Where(e => !e.Shocked).Select(e => network[e.Id]).ToList();
        var labs = failed.Where(e => e.Sector == Sector.ModelLab).Select(e => e.Name).ToList();
        var next = analysis.Funding.Entries.Skip(1).Take(2).ToList();
        var sweep = analysis.Sweep;
        var firstLinks = sweep.Settings.Select(s => s.Ranking.Entries[0].LinksDown).ToList();
        var firstAmounts = sweep.Settings.Select(s => s.Ranking.Entries[0].AmountDown).ToList();
        var alwaysTop = sweep.Candidates.Where(c => c.AlwaysInTopK).Select(c => analysis.Name(c.Label)).ToList();
        var firsts = sweep.Settings
            .GroupBy(s => s.Ranking.Entries[0].Sources[0])
            .Select(g => Text($"{analysis.Name(g.Key)} at {Join(g.Select(s => s.Value(SweepParameter.DefaultTolerance)).Distinct().Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)), "/")}"))
            .ToList();
        var tolerances = sweep.Axes.Single(a => a.Parameter == SweepParameter.DefaultTolerance).Values;
        var recoveries = sweep.Axes.Single(a => a.Parameter == SweepParameter.Recovery).Values;
        var (_, _, byDefault) = Header.Buffers(network);

        var text = new List<string>
        {
            Text($"On the sourced deals in {analysis.FileName}, one withdrawal breaks the chain more than any other: if the {analysis.Name(worst.Sources[0])} pulled their {analysis.Money(worst.DirectAmount)},")
            + Text($" {worst.LinksDown} of the {network.LinkCount} links ({Amount(worst.AmountDown)} of {analysis.Money(network.TotalAmount)}) would stop and {worst.EntitiesFailed} firms would fail")
            + (labs.Count > 0 ? Text($", {Join(labs, ", ", " and ")} among them.") : "."),
            Text($"Next come the {Join(next.Select(e => Text($"{analysis.Name(e.Sources[0])} ({e.LinksDown} links)")), ", ", " and the ")}.")
            + (analysis.ChainEqualsFunding ? (analysis.CapitalKnown == 0 ? " The chain model gives the same answer, because no firm's capital is known." : " The chain model gives the same answer.") : " The chain model, which adds credit losses, ranks differently (section 1)."),
            "The mechanism is concentration: a lab that loses a round larger than its buffer stops paying for compute, and the clouds and data centres that booked those contracts fail in turn.",
            Structure(analysis),
            Text($"Across default tolerances {Range(tolerances.Min(), tolerances.Max())} and recovery {Range(recoveries.Min(), recoveries.Max())}, the worst single withdrawal always stops {Range(firstLinks.Min(), firstLinks.Max())} links ({Percent(firstAmounts.Min() / network.TotalAmount)} of the money or more)")
            + (alwaysTop.Count > 0 ? Text($" and the top three always include the {Join(alwaysTop, ", ", " and the ")}") : string.Empty)
            + (firsts.Count > 1 ? Text($"; but which source is worst depends on the buffer: the {Join(firsts, "; the ")}.") : Text($"; the worst source is the same in every setting.")),
            SweepReport.RecoveryNeverMatters(sweep) ? (analysis.CapitalKnown == 0 ? "The recovery rate changes nothing, for want of capital data." : "The recovery rate changes nothing.") : "The recovery rate moves the ranking too.",
            byDefault > 0
                ? Text($"So the answer rests mainly on what the data cannot settle, the cash of the {byDefault} firms held to the default buffer, and on deal totals that set multi-year contracts against one year's inflow.")
                : "So the answer rests on the cash figures given and on deal totals that set multi-year contracts against one year's inflow.",
        };
        return string.Join(" ", text);
    }

    /// <summary>The sentence on the money reaching the target chipmaker and the labs' dependence on funders.</summary>
    private static string Structure(ChainAnalysis analysis)
    {
        var target = analysis.Name(analysis.Target);
        var flow = analysis.ToTarget;
        var traced = analysis.Provenance[analysis.Target];
        var dominators = analysis.Dominators.DominatorsOf(analysis.Target);
        var labs = analysis.Network.EntitiesIn(Sector.ModelLab)
            .Select(e => analysis.Provenance[e.Id])
            .Where(p => p.HasInflow)
            .Select(p => Text($"{analysis.Name(p.Id)} {Percent(p.ShareOf(Provenance.OriginKind.FundingSource))}"))
            .ToList();
        return Text($"Funder money reaches {target} ")
            + (dominators.Count > 0 ? Text($"only through {Join(dominators.Select(analysis.Name), ", ", " and ")}: ") : "by several paths: ")
            + Text($"a cut of {flow.CutLinks.Length} link{(flow.CutLinks.Length == 1 ? string.Empty : "s")} ({analysis.Money(flow.Value)}) severs it, and it is {Percent(traced.ShareOf(Provenance.OriginKind.FundingSource))} of {target}'s income; ")
            + Text($"{Percent(traced.ShareOf(Provenance.OriginKind.Revenue))} is reported revenue the graph cannot trace further")
            + (labs.Count > 0 ? Text($", while the labs live on funder money ({Join(labs, ", ", " and ")}).") : ".");
    }

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
