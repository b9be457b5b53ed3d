using AiContagion.Cascades;
using AiContagion.Ranking;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>Section 5: the ranking across a grid of assumptions, and which conclusions survive it.</summary>
internal static class SweepReport
{
    public static void Write(ChainAnalysis analysis, TextWriter output)
    {
        var sweep = analysis.Sweep;
        var baseline = Baseline(sweep);
        output.WriteLine();
        output.WriteLine(Text($"5. HOW FAR TO TRUST IT: the chain-model ranking over {string.Join(" x ", sweep.Axes)} ({sweep.Settings.Length} settings)"));
        var table = new TextTable(
            ("#", true), ("default tolerance", true), ("recovery", true), ("1st (links down)", false), ("2nd", false), ("3rd", false),
            ("tau-b vs baseline", true), ("top-3 vs baseline", true));
        foreach (var setting in sweep.Settings)
        {
            var top = setting.Ranking.Entries.Take(3).Select(e => Text($"{analysis.Name(e.Sources[0])} ({e.LinksDown})")).ToList();
            var same = setting.Index == baseline.Index;
            table.Add(
                (same ? "*" : string.Empty) + (setting.Index + 1),
                setting.Value(SweepParameter.DefaultTolerance),
                setting.Value(SweepParameter.Recovery),
                top.ElementAtOrDefault(0) ?? "-",
                top.ElementAtOrDefault(1) ?? "-",
                top.ElementAtOrDefault(2) ?? "-",
                same ? "-" : Number(sweep.Between(baseline.Index, setting.Index).KendallTau),
                same ? "-" : Number(sweep.Between(baseline.Index, setting.Index).TopKOverlap));
        }

        table.WriteTo(output, "   ");
        output.WriteLine(Text($"   * baseline. Kendall's tau-b compares whole rankings (1 = same order, ties kept); top-3 = share of the top three in common."));
        output.WriteLine(Text($"   Lowest over all {sweep.Stability.Length} pairs: tau-b {Number(sweep.MinimumKendallTau)}, top-3 overlap {Number(sweep.MinimumTopKOverlap)}."));
        output.WriteLine();
        output.WriteLine("   Holds across the grid:");
        foreach (var line in Holds(analysis))
        {
            output.WriteLine("   - " + line);
        }

        output.WriteLine("   Depends on the assumptions:");
        foreach (var line in Depends(analysis))
        {
            output.WriteLine("   - " + line);
        }
    }

    public static SweepSetting Baseline(RankingSweepResult sweep) => sweep.Settings.Single(s =>
        s.Value(SweepParameter.DefaultTolerance) == ChainAnalysis.Baseline.Liquidity.DefaultTolerance && s.Value(SweepParameter.Recovery) == 0);

    /// <summary>Conclusions that are true in every setting.</summary>
    public static List<string> Holds(ChainAnalysis analysis)
    {
        var sweep = analysis.Sweep;
        var lines = new List<string>();
        var alwaysWorst = sweep.Candidates.Where(c => c.AlwaysWorst).ToList();
        if (alwaysWorst.Count > 0)
        {
            lines.Add(Text($"In every setting the most links come down when {Join(analysis, alwaysWorst)} withdraw{(alwaysWorst.Count == 1 ? "s" : string.Empty)}."));
        }

        var alwaysTop = sweep.Candidates.Where(c => c.AlwaysInTopK).ToList();
        if (alwaysTop.Count > 0)
        {
            lines.Add(Text($"In every setting the top three (ties included) contain {string.Join("; ", alwaysTop.Select(c => Text($"{analysis.Name(c.Label)} ({Range(c.FewestLinksDown, c.MostLinksDown)} links)")))}."));
        }

        if (RecoveryNeverMatters(sweep))
        {
            lines.Add("The recovery rate changes nothing: each default tolerance gives the same ranking at every recovery rate" + (analysis.CapitalKnown == 0
                ? ", because no entity's capital is known, so no loss can fail anyone."
                : "."));
        }

        var firstLinks = sweep.Settings.Select(s => s.Ranking.Entries[0].LinksDown).ToList();
        var amounts = sweep.Settings.Select(s => s.Ranking.Entries[0].AmountDown).ToList();
        lines.Add(Text($"The worst single withdrawal always brings down {Range(firstLinks.Min(), firstLinks.Max())} of {analysis.Network.LinkCount} links ({Range(amounts.Min(), amounts.Max())} {analysis.Network.Unit}), {Percent(amounts.Min() / analysis.Network.TotalAmount)} of the chain's money or more."));
        return lines;
    }

    /// <summary>Conclusions that change inside the grid.</summary>
    public static List<string> Depends(ChainAnalysis analysis)
    {
        var sweep = analysis.Sweep;
        var lines = new List<string>();
        var byFirst = sweep.Settings
            .GroupBy(s => analysis.Name(s.Ranking.Entries[0].Sources[0]))
            .Select(g => Text($"{g.Key} at default tolerance {string.Join("/", g.Select(s => s.Value(SweepParameter.DefaultTolerance)).Distinct())} ({g.First().Ranking.Entries[0].LinksDown} links)"))
            .ToList();
        if (byFirst.Count > 1)
        {
            lines.Add("Which source comes first: " + string.Join("; ", byFirst) + ".");
        }

        var movers = sweep.Candidates
            .Where(c => c.BestRank <= 3 && c.WorstRank - c.BestRank >= 3)
            .OrderByDescending(c => c.WorstRank - c.BestRank)
            .Take(3)
            .Select(c => Text($"{analysis.Name(c.Label)}: rank {Range(c.BestRank, c.WorstRank)}, {Range(c.FewestLinksDown, c.MostLinksDown)} links"))
            .ToList();
        if (movers.Count > 0)
        {
            lines.Add("Big moves (ranks count ties as one place): " + string.Join("; ", movers) + ". A buffer just above or below a firm's loss flips it, and everything it pays.");
        }

        if (lines.Count == 0)
        {
            lines.Add("Nothing material: the first source and the top three are the same in every setting.");
        }

        return lines;
    }

    /// <summary>Whether settings that differ only in recovery always rank identically.</summary>
    public static bool RecoveryNeverMatters(RankingSweepResult sweep) =>
        sweep.Settings
            .GroupBy(s => s.Value(SweepParameter.DefaultTolerance))
            .All(g => g.All(s => s.Ranking.Entries.SequenceEqual(g.First().Ranking.Entries)));

    private static string Join(ChainAnalysis analysis, IEnumerable<CandidateSweepSummary> candidates) =>
        string.Join(", ", candidates.Select(c => analysis.Name(c.Label)));

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : Text($"{value:0.00}");
}
