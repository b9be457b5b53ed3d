using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// Thrown by every reader when an input file is not a valid financing network. It names the place (file,
/// line or JSON path), the field and what was expected, and carries every problem found. A reader that throws
/// returns no network: there is never a partial result.
/// </summary>
/// <remarks>Derives from <see cref="FormatException"/>, as the input's format is at fault.</remarks>
public sealed class NetworkFormatException : FormatException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem; at least one.</param>
    public NetworkFormatException(IReadOnlyList<NetworkProblem> problems)
        : this(problems, null)
    {
    }

    /// <summary>Creates the exception from the problems found and the exception that revealed them.</summary>
    /// <param name="problems">Every problem; at least one.</param>
    /// <param name="innerException">The underlying parser error, if any.</param>
    public NetworkFormatException(IReadOnlyList<NetworkProblem> problems, Exception? innerException)
        : base(ProblemText.Describe("The input is not a valid financing network", problems), innerException)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = [.. problems];
        var first = problems.Count > 0 ? problems[0] : null;
        File = first?.Location?.File;
        Line = first?.Location?.Line;
        JsonPath = first?.Location?.Path;
        Field = first?.Field;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public NetworkFormatException()
        : this("The input is not a valid financing network.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public NetworkFormatException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NetworkFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = [new NetworkProblem(null, null, null, message)];
    }

    /// <summary>The file of the first problem, if known.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the first problem (CSV, GraphML), if known.</summary>
    public int? Line { get; }

    /// <summary>The JSON path (or XML element path) of the first problem, if known.</summary>
    public string? JsonPath { get; }

    /// <summary>The field of the first problem, if known.</summary>
    public string? Field { get; }

    /// <summary>Every problem found, in input order.</summary>
    public ImmutableArray<NetworkProblem> Problems { get; }
}
