namespace AiContagion.Export;

/// <summary>
/// A section of one table with an introduction and notes: the quickest way to put a new analysis in a report
/// before it has a section of its own (e.g. rank intervals from an uncertainty run: source, rank low–high, pFirst).
/// </summary>
/// <param name="id">The anchor.</param>
/// <param name="title">The heading.</param>
/// <param name="headers">The column headings.</param>
/// <param name="rows">The rows.</param>
/// <param name="introduction">A paragraph before the table, or <see langword="null"/>.</param>
/// <param name="notes">Notes after it.</param>
public sealed class TableSection(string id, string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? introduction = null, IEnumerable<string>? notes = null) : IReportSection
{
    private readonly IReadOnlyList<IReadOnlyList<string>> _rows = [.. rows];
    private readonly IReadOnlyList<string> _notes = [.. notes ?? []];

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

        writer.Table(headers, _rows);
        foreach (var note in _notes)
        {
            writer.Note(note);
        }
    }
}
