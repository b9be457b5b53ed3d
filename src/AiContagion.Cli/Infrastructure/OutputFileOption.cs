using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--output FILE</c> (<c>-o</c>): where the command's full result goes, in the format its extension names — one
/// row per entity or link as <c>.csv</c> or <c>.json</c> for the analysis commands, a diagram for <c>export</c>.
/// Written whole or not at all (<see cref="AiContagion.Io.AtomicFile"/>), after every check has passed; the
/// extension is checked while parsing.
/// </summary>
internal sealed class OutputFileOption : Option<string?>
{
    /// <summary>The row-file formats: CSV or JSON.</summary>
    public static readonly string[] RowFormats = [".csv", ".json"];

    public OutputFileOption(string description, IReadOnlyList<string> extensions, Func<string, bool>? accepts = null, string name = "--output", params string[] aliases)
        : base(name, aliases)
    {
        Description = description;
        HelpName = "FILE";
        accepts ??= path => extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
        var list = extensions.Count == 1 ? extensions[0] : string.Join(", ", extensions.Take(extensions.Count - 1)) + " or " + extensions[^1];
        CustomParser = result => OptionParsing.ParseOne(result, (option, path) => accepts(path)
            ? path
            : throw new CliUsageException($"{option}: cannot tell the format of '{path}'; use a {list} file."));
    }

    /// <summary>The analysis commands' <c>--output FILE.csv|FILE.json</c>; <paramref name="rows"/> says what one row is and lists the columns.</summary>
    public static OutputFileOption ForRows(string rows) =>
        new("Write the full result to FILE.csv or FILE.json, " + rows, RowFormats, name: "--output", aliases: "-o");
}
