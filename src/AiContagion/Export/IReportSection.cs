namespace AiContagion.Export;

/// <summary>
/// One section of a <see cref="ReportDocument"/>: an anchor, a heading and the body it writes with a
/// <see cref="ReportWriter"/>. The extension point of the report: a new analysis (a baseline, an uncertainty run)
/// becomes a section by implementing this interface over its result object, and is added with
/// <see cref="ReportDocument.Add"/>; nothing else in the report changes.
/// </summary>
/// <remarks>Implementations should be immutable (built from result objects) so that a document can be written more than once.</remarks>
public interface IReportSection
{
    /// <summary>The section's anchor, unique in the document: letters, digits and hyphens (e.g. <c>ranking</c>).</summary>
    string Id { get; }

    /// <summary>The section's heading, plain text.</summary>
    string Title { get; }

    /// <summary>Writes the section's body (the heading is written by the document).</summary>
    /// <param name="writer">The writer; every piece of text goes through it, escaped.</param>
    void Write(ReportWriter writer);
}
