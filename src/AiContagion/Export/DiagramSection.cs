namespace AiContagion.Export;

/// <summary>A section holding one picture (interactive: zoom, pan, highlighting) with an introduction and a caption.</summary>
/// <param name="id">The anchor.</param>
/// <param name="title">The heading.</param>
/// <param name="svg">The SVG picture, from this library's writers.</param>
/// <param name="caption">The caption.</param>
/// <param name="introduction">A paragraph before the picture, or <see langword="null"/>.</param>
/// <param name="interactive">Whether to add zoom, pan and highlighting (default yes).</param>
public sealed class DiagramSection(string id, string title, string svg, string caption, string? introduction = null, bool interactive = true) : IReportSection
{
    /// <inheritdoc/>
    public string Id => id;

    /// <inheritdoc/>
    public string Title => title;

    /// <inheritdoc/>
    public void Write(ReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (introduction is not null)
        {
            writer.Paragraph(introduction);
        }

        writer.Figure(svg, caption, interactive);
    }
}
