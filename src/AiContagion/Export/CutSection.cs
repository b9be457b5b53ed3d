using System.Globalization;
using AiContagion.Flow;

namespace AiContagion.Export;

/// <summary>
/// Where the chain is thinnest: the maximum flow from the sources to a target, the links of a minimum cut (their total
/// is the flow), the fewest firms whose loss cuts every path, and optionally the picture with the cut drawn.
/// </summary>
/// <param name="network">The network the flow was computed on.</param>
/// <param name="flow">The maximum flow and minimum cut.</param>
/// <param name="entityCut">The minimum entity cut between the same ends, or <see langword="null"/>.</param>
/// <param name="diagramSvg">The picture with the cut drawn, or <see langword="null"/>.</param>
/// <param name="diagramCaption">Its caption, or <see langword="null"/>.</param>
public sealed class CutSection(Model.FinancingNetwork network, FlowResult flow, EntityCutResult? entityCut = null, string? diagramSvg = null, string? diagramCaption = null) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "cut";

    /// <inheritdoc/>
    public string Title => "Where the chain is thinnest";

    /// <inheritdoc/>
    public void Write(ReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var unit = network.Unit;
        var sinks = string.Join(", ", flow.Sinks.Select(id => ReportText.Name(network, id)));
        writer.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Maximum flow from the {flow.Sources.Length} funding sources to {sinks}: {ReportText.Amount(flow.Value)} {unit}. A minimum cut of {flow.CutLinks.Length} link{(flow.CutLinks.Length == 1 ? "" : "s")} carries all of it: stop these and no funder money reaches {sinks} through the links."));
        var rows = flow.CutLinks.Select(l => (IReadOnlyList<string>)[
            ReportText.Name(network, l.From), ReportText.Name(network, l.To), l.Kind.ToString(), ReportText.Amount(l.Amount), l.Date ?? "", DotText.Truncate(l.Source ?? "", 90)]);
        writer.Table(["payer", "recipient", "kind", $"amount ({unit})", "date", "source"], rows, "The links of the minimum cut");
        if (entityCut is not null)
        {
            writer.Paragraph("Fewest firms whose loss cuts every funding path: " +
                (entityCut.Entities.IsEmpty ? "none (no path)." : string.Join(", ", entityCut.Entities.Select(id => ReportText.Name(network, id))) + "."));
        }

        if (diagramSvg is not null)
        {
            writer.Figure(diagramSvg, diagramCaption ?? "The chain with the minimum cut drawn black; single points of failure have a double purple border.");
        }
    }
}
