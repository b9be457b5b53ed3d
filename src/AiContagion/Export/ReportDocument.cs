using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AiContagion.Io;

namespace AiContagion.Export;

/// <summary>
/// A self-contained HTML report built from sections (<see cref="IReportSection"/>): one file with inline CSS, inline
/// SVG pictures and a small inline script (pan, zoom, hover highlighting; no library, MIT like this package). It
/// makes no network request: a Content-Security-Policy forbids every fetch, and nothing in it names an outside
/// address.
/// </summary>
/// <remarks>
/// Compose it: <c>new ReportDocument("Title").Add(new NetworkSummarySection(network)).Add(new RankingSection(ranking))
/// .Save("report.html")</c>, or let <see cref="ChainReport.Create"/> run the analyses and add the standard sections.
/// Sections appear in the order added, with a table of contents. Not thread-safe while sections are added; writing
/// is repeatable.
/// </remarks>
public sealed partial class ReportDocument
{
    private readonly List<IReportSection> _sections = [];

    /// <summary>Creates an empty report.</summary>
    /// <param name="title">The report's title.</param>
    /// <param name="subtitle">A line under the title (source file, date, models), or <see langword="null"/>.</param>
    public ReportDocument(string title, string? subtitle = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        Subtitle = subtitle;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The line under the title, or <see langword="null"/>.</summary>
    public string? Subtitle { get; }

    /// <summary>The sections, in order.</summary>
    public IReadOnlyList<IReportSection> Sections => _sections;

    /// <summary>Appends a section.</summary>
    /// <param name="section">The section.</param>
    /// <returns>This document.</returns>
    /// <exception cref="ArgumentException">Its id is not letters, digits and hyphens, or another section has it.</exception>
    public ReportDocument Add(IReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!SectionId().IsMatch(section.Id ?? ""))
        {
            throw new ArgumentException($"The section id '{section.Id}' must be letters, digits and hyphens, starting with a letter.", nameof(section));
        }

        if (_sections.Any(s => s.Id == section.Id))
        {
            throw new ArgumentException($"Two sections have the id '{section.Id}'.", nameof(section));
        }

        _sections.Add(section);
        return this;
    }

    /// <summary>The report as one HTML document.</summary>
    /// <returns>The HTML text.</returns>
    public string ToHtml()
    {
        var html = new StringBuilder(1 << 18);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        HtmlLabelText.Append(html, Title).Append("</title>\n<style>\n").Append(ReportAssets.Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>");
        HtmlLabelText.Append(html, Title).Append("</h1>");
        if (Subtitle is not null)
        {
            html.Append("<p class=\"subtitle\">");
            HtmlLabelText.Append(html, Subtitle).Append("</p>");
        }

        html.Append("<nav><ol>");
        foreach (var section in _sections)
        {
            html.Append("<li><a href=\"#").Append(section.Id).Append("\">");
            HtmlLabelText.Append(html, section.Title).Append("</a></li>");
        }

        html.Append("</ol></nav></header>\n<main>\n");
        var writer = new ReportWriter(html);
        foreach (var section in _sections)
        {
            html.Append("<section id=\"").Append(section.Id).Append("\"><h2>");
            HtmlLabelText.Append(html, section.Title).Append("</h2>\n");
            section.Write(writer);
            html.Append("</section>\n");
        }

        html.Append("</main>\n<footer>");
        HtmlLabelText.Append(html, string.Create(CultureInfo.InvariantCulture,
            $"Written by AiContagion. One self-contained file: inline CSS, SVG and script (pan, zoom, highlighting; MIT licence, no library), no network access. Links point the way money moves."));
        html.Append("</footer>\n<script>\n").Append(ReportAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the report (UTF-8), whole or not at all.</summary>
    /// <param name="path">The target file, conventionally <c>.html</c>.</param>
    /// <exception cref="IOException">The file could not be written; an existing file is left as it was.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllText(path, ToHtml());
    }

    /// <summary>The policy every report carries: nothing may be fetched; inline style and script only; images only as data.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionId();
}
