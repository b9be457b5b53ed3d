using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary>Arguments and options shared by several commands, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The <c>&lt;graph&gt;</c> argument.</summary>
    public static Argument<string> Graph() => new("graph")
    {
        Description = "The financing network: a .json or .graphml file, or a folder holding entities.csv and links.csv.",
    };

    /// <summary>The <c>--json</c> flag.</summary>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write machine-readable JSON to standard output instead of a table.",
    };

    /// <summary>Splits a comma-separated option value into trimmed, non-empty parts.</summary>
    public static IReadOnlyList<string> SplitList(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
