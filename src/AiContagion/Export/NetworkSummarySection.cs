using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>The data summary: entities by tier, links and money by deal class, funding sources, the network's own description.</summary>
/// <param name="network">The network.</param>
/// <param name="source">Where it was read from (a file name), or <see langword="null"/>.</param>
public sealed class NetworkSummarySection(FinancingNetwork network, string? source = null) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "data";

    /// <inheritdoc/>
    public string Title => "The data";

    /// <inheritdoc/>
    public void Write(ReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var unit = network.Unit;
        var tiers = ChainTiers.Assign(network);
        writer.KeyFigures([
            ("entities", network.EntityCount.ToString("#,0", CultureInfo.InvariantCulture)),
            ("links (deals)", network.LinkCount.ToString("#,0", CultureInfo.InvariantCulture)),
            ($"money in links ({unit})", ReportText.Amount(network.TotalAmount)),
            ("funding sources", network.FundingSources.Count.ToString(CultureInfo.InvariantCulture)),
            ("as of", network.Metadata.AsOf ?? "not given"),
        ]);
        if (network.Metadata.Description is { } description)
        {
            writer.Paragraph(DotText.Truncate(description, 1200));
        }

        if (source is not null)
        {
            writer.Note("Read from " + source + ".");
        }

        var totals = new double[network.EntityCount];
        for (var l = 0; l < network.LinkCount; l++)
        {
            totals[network.Index.LinkFrom[l]] += network.Index.Amount[l];
            totals[network.Index.LinkTo[l]] += network.Index.Amount[l];
        }

        var byTier = ChainTiers.All.Select(t =>
        {
            var members = Enumerable.Range(0, network.EntityCount).Where(v => tiers[v] == t).ToList();
            var largest = members.OrderByDescending(v => totals[v]).ThenBy(v => v)
                .Take(4).Select(v => network.Entities[v].Name);
            return (IReadOnlyList<string>)[t.Heading().ToLowerInvariant(), members.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", largest)];
        }).Where(r => r[1] != "0");
        writer.Table(["tier", "entities", "largest by money in and out"], byTier, "Entities by tier, in the order money flows down the chain");
        var byClass = DealClasses.All.Select(d =>
        {
            var links = network.Links.Where(l => DealClasses.Of(l.Kind) == d).ToList();
            return (IReadOnlyList<string>)[d.Name(), links.Count.ToString(CultureInfo.InvariantCulture), ReportText.Amount(links.Sum(l => l.Amount)),
                string.Join(", ", links.Select(l => l.Kind.ToString()).Distinct().Order(StringComparer.Ordinal))];
        }).Where(r => r[1] != "0");
        writer.Table(["deal class", "links", $"amount ({unit})", "kinds"], byClass, "Links by class of deal");
        writer.Note("Amounts are what the data give: mostly deal totals (a multi-year contract's whole value, a round's or a facility's committed size), not yearly flows.");
    }
}
