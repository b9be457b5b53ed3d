using System.Text;

namespace AiContagion.Model;

/// <summary>One thing wrong with a network or its input: where, which field, and what to do about it.</summary>
/// <param name="Location">Where the problem is (file, line, JSON path), when the input came from a file.</param>
/// <param name="Subject">What the problem is about: an entity id, or a link such as <c>link #3 (a -&gt; b)</c>.</param>
/// <param name="Field">The field at fault (e.g. <c>amount</c>), if one.</param>
/// <param name="Message">What is wrong and what was expected, for a person to act on.</param>
public sealed record NetworkProblem(SourceLocation? Location, string? Subject, string? Field, string Message)
{
    /// <summary>Formats the problem as <c>location: subject: field: message</c>, skipping unknown parts.</summary>
    /// <returns>The problem on one line.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        var location = Location?.ToString();
        if (!string.IsNullOrEmpty(location))
        {
            text.Append(location).Append(": ");
        }

        if (Subject is not null)
        {
            text.Append(Subject).Append(": ");
        }

        if (Field is not null)
        {
            text.Append('\'').Append(Field).Append("': ");
        }

        return text.Append(Message).ToString();
    }
}
