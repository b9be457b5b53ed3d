using AiContagion.Model;
using AiContagion.Provenance;

namespace AiContagion.Export;

/// <summary>Where the money comes from: for chosen firms, the share of their income that is funder money at its origin, outside revenue, or untraced, and the largest origin.</summary>
/// <param name="network">The network.</param>
/// <param name="provenance">The provenance result.</param>
/// <param name="ids">The firms to show (in order).</param>
public sealed class ProvenanceSection(FinancingNetwork network, ProvenanceResult provenance, IEnumerable<string> ids) : IReportSection
{
    private readonly string[] _ids = [.. ids];

    /// <inheritdoc/>
    public string Id => "provenance";

    /// <inheritdoc/>
    public string Title => "Where the money comes from";

    /// <inheritdoc/>
    public void Write(ReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Paragraph("Each firm's income (links in plus its own revenue) traced back through the chain to where the money starts: a funding source, some firm's outside revenue, or a loop that cannot be traced.");
        var rows = _ids.Where(network.Contains).Select(id =>
        {
            var p = provenance[id];
            var largest = p.Origins.Where(o => o.Kind == OriginKind.FundingSource).OrderByDescending(o => o.Share).FirstOrDefault();
            return (IReadOnlyList<string>)[
                ReportText.Name(network, id),
                ReportText.Amount(p.Inflow),
                ReportText.Percent(p.ShareOf(OriginKind.FundingSource)),
                ReportText.Percent(p.ShareOf(OriginKind.Revenue)),
                ReportText.Percent(p.ShareOf(OriginKind.Untraced)),
                largest.Origin is null ? "—" : $"{ReportText.Name(network, largest.EntityId)} ({ReportText.Percent(largest.Share)})"];
        });
        writer.Table(["firm", $"income ({network.Unit})", "funder money", "outside revenue", "untraced", "largest funder"], rows);
    }
}
