using System.Globalization;
using AiContagion.Ranking;

namespace AiContagion.Export;

/// <summary>How far to trust the ranking: the worst source in each setting of a parameter sweep, and each source's rank range across the grid.</summary>
/// <param name="sweep">The sweep.</param>
/// <param name="top">Sources shown in the range table (default 10).</param>
public sealed class SweepSection(RankingSweepResult sweep, int top = 10) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "sweep";

    /// <inheritdoc/>
    public string Title => "How far to trust it: the sweep";

    /// <inheritdoc/>
    public void Write(ReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var network = sweep.Network;
        writer.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"The {sweep.ModelName} ranking rerun over {sweep.Settings.Length} settings ({string.Join(" × ", sweep.Axes.Select(a => a.ToString()))}). Top-k overlap between settings at least {ReportText.Percent(sweep.MinimumTopKOverlap)}; Kendall's τ at least {sweep.MinimumKendallTau.ToString("0.00", CultureInfo.InvariantCulture)}."));
        var settings = sweep.Settings.Select(s => (IReadOnlyList<string>)[
            s.Label,
            s.Ranking.Entries.IsEmpty ? "—" : string.Join(" + ", s.Ranking.Entries[0].Sources.Select(id => ReportText.Name(network, id))),
            s.Ranking.Entries.IsEmpty ? "" : ReportText.Count(s.Ranking.Entries[0].LinksDown),
            s.Ranking.Entries.IsEmpty ? "" : ReportText.Count(s.Ranking.Entries[0].EntitiesFailed)]);
        writer.Table(["setting", "worst source", "links down", "firms failed"], settings, "The worst single withdrawal in each setting");
        var candidates = sweep.Candidates.Take(top).Select(c => (IReadOnlyList<string>)[
            ReportText.Name(network, c.Label),
            c.BestRank == c.WorstRank ? ReportText.Count(c.BestRank) : $"{c.BestRank}–{c.WorstRank}",
            c.FewestLinksDown == c.MostLinksDown ? ReportText.Count(c.MostLinksDown) : $"{c.FewestLinksDown}–{c.MostLinksDown}",
            string.Create(CultureInfo.InvariantCulture, $"{c.TimesTiedFirst}/{c.Settings}"),
            string.Create(CultureInfo.InvariantCulture, $"{c.TimesInTopK}/{c.Settings}")]);
        writer.Table(["source", "rank range", "links down", "worst (ties)", $"in top {sweep.Options.TopK}"], candidates, "Each source across the grid");
    }
}
