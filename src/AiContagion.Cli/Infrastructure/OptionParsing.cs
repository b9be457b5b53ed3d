using System.CommandLine;
using System.CommandLine.Parsing;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// How the shared option types validate their values while the command line is parsed (before any graph is read):
/// a value parser reports a problem as a <see cref="CliUsageException"/>, which becomes a parse error naming the
/// option as the user typed it (exit code 2).
/// </summary>
internal static class OptionParsing
{
    /// <summary>The option's name for messages: its long name (<c>--withdraw</c> for <c>-w</c>), or another long alias as typed.</summary>
    public static string NameOf(ArgumentResult result) =>
        result.Parent is OptionResult option ? Named(option.IdentifierToken?.Value, option.Option) : result.Argument.Name;

    /// <summary>The option's name for messages (see <see cref="NameOf(ArgumentResult)"/>), or its name when it was not given.</summary>
    public static string NameOf(ParseResult parse, Option option) => Named(parse.GetResult(option)?.IdentifierToken?.Value, option);

    private static string Named(string? typed, Option option) =>
        typed is not null && typed.StartsWith("--", StringComparison.Ordinal) ? typed : option.Name;

    /// <summary>Whether the user gave the option (a default value does not count).</summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>Parses the option's tokens with <paramref name="parse"/> (option name as typed, token values), or records its problem.</summary>
    public static T? Parse<T>(ArgumentResult result, Func<string, IReadOnlyList<string>, T> parse)
    {
        try
        {
            return parse(NameOf(result), [.. result.Tokens.Select(t => t.Value)]);
        }
        catch (CliUsageException problem)
        {
            result.AddError(problem.Message);
            return default;
        }
    }

    /// <summary>Parses the option's single value with <paramref name="parse"/>, or records its problem.</summary>
    public static T? ParseOne<T>(ArgumentResult result, Func<string, string, T> parse) =>
        Parse(result, (name, tokens) => parse(name, tokens.Count > 0 ? tokens[^1] : string.Empty));
}
