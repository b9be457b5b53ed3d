using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AiContagion.Export;

/// <summary>
/// Writes the body of a report section as HTML: paragraphs, key figures, tables, and figures holding an SVG picture
/// (with pan, zoom and hover highlighting). Every piece of text is escaped; the only markup that is not written by
/// this class is the SVG handed to <see cref="Figure"/>, which must come from this library's writers (Graphviz output
/// of <see cref="ChainDiagram"/>, <see cref="SankeyDiagram"/>, <see cref="Chart"/>).
/// </summary>
/// <remarks>Not thread-safe: one writer serves one document being written.</remarks>
public sealed partial class ReportWriter
{
    private readonly StringBuilder _html;
    private int _figures;

    internal ReportWriter(StringBuilder html)
    {
        _html = html;
    }

    /// <summary>A paragraph of plain text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This writer.</returns>
    public ReportWriter Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _html.Append("<p>");
        HtmlLabelText.Append(_html, text).Append("</p>\n");
        return this;
    }

    /// <summary>A note in smaller, grey type (assumptions, caveats, what was left out).</summary>
    /// <param name="text">The text.</param>
    /// <returns>This writer.</returns>
    public ReportWriter Note(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _html.Append("<p class=\"note\">");
        HtmlLabelText.Append(_html, text).Append("</p>\n");
        return this;
    }

    /// <summary>A row of key figures, each a large value over a small label.</summary>
    /// <param name="figures">Label and value pairs.</param>
    /// <returns>This writer.</returns>
    public ReportWriter KeyFigures(IEnumerable<(string Label, string Value)> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        _html.Append("<div class=\"figures\">");
        foreach (var (label, value) in figures)
        {
            _html.Append("<div class=\"figure-box\"><div class=\"value\">");
            HtmlLabelText.Append(_html, value).Append("</div><div class=\"label\">");
            HtmlLabelText.Append(_html, label).Append("</div></div>");
        }

        _html.Append("</div>\n");
        return this;
    }

    /// <summary>A table; columns whose cells all look like numbers are right-aligned.</summary>
    /// <param name="headers">The column headings.</param>
    /// <param name="rows">The rows; each as many cells as there are headings.</param>
    /// <param name="caption">A caption, or <see langword="null"/>.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException">A row has the wrong number of cells.</exception>
    public ReportWriter Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var body = rows.ToList();
        var numeric = new bool[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            numeric[c] = body.Count > 0 && body.All(r => r.Count == headers.Count && (r[c].Length == 0 || Number().IsMatch(r[c])));
        }

        _html.Append("<div class=\"table-wrap\"><table>");
        if (caption is not null)
        {
            _html.Append("<caption>");
            HtmlLabelText.Append(_html, caption).Append("</caption>");
        }

        _html.Append("<thead><tr>");
        for (var c = 0; c < headers.Count; c++)
        {
            _html.Append(numeric[c] ? "<th class=\"num\">" : "<th>");
            HtmlLabelText.Append(_html, headers[c]).Append("</th>");
        }

        _html.Append("</tr></thead><tbody>");
        foreach (var row in body)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A row has {row.Count} cells; the table has {headers.Count} columns."), nameof(rows));
            }

            _html.Append("<tr>");
            for (var c = 0; c < row.Count; c++)
            {
                _html.Append(numeric[c] ? "<td class=\"num\">" : "<td>");
                HtmlLabelText.Append(_html, row[c]).Append("</td>");
            }

            _html.Append("</tr>");
        }

        _html.Append("</tbody></table></div>\n");
        return this;
    }

    /// <summary>
    /// A figure holding an SVG picture, inlined (no XML prolog), with a caption; when <paramref name="interactive"/>,
    /// the reader can zoom (buttons, Ctrl + wheel, double-click), pan (drag) and hover a node to highlight its money in
    /// and out. Element ids inside the picture are prefixed so that several pictures can share a page.
    /// </summary>
    /// <param name="svg">The SVG document, from this library's writers.</param>
    /// <param name="caption">The caption.</param>
    /// <param name="interactive">Whether to add zoom, pan and highlighting.</param>
    /// <returns>This writer.</returns>
    public ReportWriter Figure(string svg, string caption, bool interactive = true)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(caption);
        var prefix = "d" + (++_figures).ToString(CultureInfo.InvariantCulture) + "-";
        var inline = IdAttribute().Replace(ChainPicture.Inline(svg), m => m.Groups[1].Value + prefix);
        inline = HrefToId().Replace(inline, m => m.Groups[1].Value + prefix);
        _html.Append(interactive ? "<figure class=\"diagram interactive\">" : "<figure class=\"diagram\">");
        if (interactive)
        {
            _html.Append("<div class=\"toolbar\"><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">−</button><button type=\"button\" data-zoom=\"fit\" title=\"Fit to width\">fit</button><span class=\"hint\">drag to pan · Ctrl + wheel or double-click to zoom · hover a firm to light up its money</span></div>");
        }

        _html.Append("<div class=\"viewer\">").Append(inline).Append("</div><figcaption>");
        HtmlLabelText.Append(_html, caption).Append("</figcaption></figure>\n");
        return this;
    }

    [GeneratedRegex(@"^-?[0-9][0-9,]*(\.[0-9]+)?( ?%| ?[a-zA-Z]{1,3})?$|^[=–-]?[0-9]+([–-][0-9]+)?$|^\$?[0-9][0-9,.]*(bn|m)?( ×[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex("(\\sid=\")", RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();

    [GeneratedRegex("((?:xlink:)?href=\"#)", RegexOptions.CultureInvariant)]
    private static partial Regex HrefToId();
}
