using System.Globalization;
using System.Text;

namespace AiContagion.Model;

/// <summary>
/// Where in an input something was read: the file, and the line (CSV, GraphML) or JSON path. Used to point
/// a <see cref="NetworkProblem"/> at the place a person has to fix.
/// </summary>
/// <param name="File">The file, if known.</param>
/// <param name="Line">1-based line number, if known.</param>
/// <param name="Path">JSON path such as <c>$.links[3].amount</c>, or an element path for XML, if known.</param>
public sealed record SourceLocation(string? File = null, int? Line = null, string? Path = null)
{
    /// <summary>Formats the location as <c>file:line</c>, <c>file $.path</c>, or whatever parts are known.</summary>
    /// <returns>The location, invariant culture; empty when nothing is known.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (File is not null)
        {
            text.Append(File);
        }

        if (Line is { } line)
        {
            text.Append(File is null ? "line " : ":").Append(line.ToString(CultureInfo.InvariantCulture));
        }

        if (Path is not null)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Path);
        }

        return text.ToString();
    }
}
