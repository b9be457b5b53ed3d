using System.Globalization;
using AiContagion.Ranking;

namespace AiContagion.Export;

/// <summary>A withdrawal ranking: the table of the top sources (links down, direct and cascade, money down, firms failed) and the bar chart.</summary>
/// <param name="ranking">The ranking.</param>
/// <param name="top">Rows and bars shown (default 15).</param>
/// <param name="id">The section's anchor (default <c>ranking</c>; give each model's ranking its own).</param>
public sealed class RankingSection(RankingResult ranking, int top = 15, string id = "ranking") : IReportSection
{
    /// <inheritdoc/>
    public string Id => id;

    /// <inheritdoc/>
    public string Title => $"Which withdrawal breaks the most ({ranking.ModelName})";

    /// <inheritdoc/>
    public void Write(ReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var network = ranking.Network;
        var unit = network.Unit;
        writer.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Each of the {ranking.Candidates.Length} candidate sources is withdrawn in turn under the {ranking.ModelName} model and ranked by the links that go down, then the money down, then the firms that fail."));
        if (ranking.Entries.IsEmpty)
        {
            writer.Note("No candidate to rank.");
            return;
        }

        var rows = ranking.Entries.Take(top).Select(e => (IReadOnlyList<string>)[
            e.Rank.ToString(CultureInfo.InvariantCulture),
            string.Join(" + ", e.Sources.Select(s => ReportText.Name(network, s))),
            string.Create(CultureInfo.InvariantCulture, $"{e.LinksDown} of {network.LinkCount}"),
            ReportText.Count(e.DirectLinks),
            ReportText.Count(e.CascadeLinks),
            ReportText.Amount(e.AmountDown),
            ReportText.Count(e.EntitiesFailed)]);
        writer.Table(["rank", "source", "links down", "direct", "cascade", $"money down ({unit})", "firms failed"], rows,
            string.Create(CultureInfo.InvariantCulture, $"Top {Math.Min(top, ranking.Entries.Length)} of {ranking.Entries.Length}"));
        var bars = ranking.Entries.Take(top).Select(e => new RankingChartRow(string.Join(" + ", e.Sources.Select(s => ReportText.Name(network, s))), e.DirectLinks, e.CascadeLinks)).ToList();
        var chart = Chart.Ranking(bars, new ChartOptions { Title = $"Withdrawal ranking ({ranking.ModelName}): links brought down", Width = 1000 });
        writer.Figure(chart.ToSvg(), "Links each source's withdrawal brings down: its own (direct, blue) and through failures (cascade, red).", interactive: false);
        if (ranking.Settings.Count > 0)
        {
            writer.Note("Model settings: " + string.Join(", ", ranking.Settings.Select(s => s.Key + " = " + s.Value)) + ".");
        }
    }
}
