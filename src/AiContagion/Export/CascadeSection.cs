using System.Globalization;
using AiContagion.Cascades;

namespace AiContagion.Export;

/// <summary>
/// One cascade round by round (or month by month, see <see cref="RoundUnit"/>): who fails when, the links and money
/// down in each round, the totals, and optionally the picture of what it touched.
/// </summary>
/// <param name="result">The cascade.</param>
/// <param name="unit">What its rounds are; <see langword="null"/> means <see cref="RoundUnit.Rounds"/>.</param>
/// <param name="diagramSvg">The cascade picture (<see cref="ChainPicture"/> with <see cref="ChainDiagramOptions.Cascade"/>), or <see langword="null"/>.</param>
/// <param name="diagramCaption">Its caption (e.g. its readability), or <see langword="null"/>.</param>
public sealed class CascadeSection(CascadeResult result, RoundUnit? unit = null, string? diagramSvg = null, string? diagramCaption = null) : IReportSection
{
    private readonly RoundUnit _unit = unit ?? RoundUnit.Rounds;

    /// <inheritdoc/>
    public string Id => "cascade";

    /// <inheritdoc/>
    public string Title => _unit.FirstMonth is null ? "The worst cascade, round by round" : "The worst cascade, month by month";

    /// <inheritdoc/>
    public void Write(ReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var network = result.Network;
        var unit = network.Unit;
        var sources = string.Join(", ", result.Shocked.Select(id => ReportText.Name(network, id)));
        writer.KeyFigures([
            ("withdrawn", sources.Length == 0 ? "none" : sources),
            ("firms failed in the cascade", ReportText.Count(result.CascadeFailures)),
            ("links down", string.Create(CultureInfo.InvariantCulture, $"{result.LinksDown} of {network.LinkCount}")),
            ($"money down ({unit})", ReportText.Amount(result.AmountDown)),
            (_unit.Plural, ReportText.Count(result.Rounds)),
        ]);
        var rows = result.History.Select(r => (IReadOnlyList<string>)[
            r.Round == 0 ? "shock" : _unit.Label(r.Round),
            r.Failed.IsEmpty ? "—" : string.Join(", ", r.Failed.Select(id => ReportText.Name(network, id))),
            ReportText.Count(r.LinksDown),
            ReportText.Amount(r.AmountDown)]);
        writer.Table([_unit.Name, "fail", "links down", $"money down ({unit})"], rows,
            string.Create(CultureInfo.InvariantCulture, $"{result.ModelName}: what happens in each {_unit.Name}"));
        if (diagramSvg is not null)
        {
            writer.Figure(diagramSvg, diagramCaption ?? "What the withdrawal touches: the source, the firms that fail (darker = sooner), the links that go down (red) and the firms at their other end.");
        }
    }
}
