using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--seed S</c>: the seed of every random draw of the command (a whole number); the output depends on it and
/// on nothing else — not on <c>--threads</c>. Without it, the computation's documented default seed.
/// </summary>
internal sealed class SeedOption : Option<long?>
{
    public SeedOption(string defaultText)
        : base("--seed")
    {
        Description = $"Seed of every random draw (default {defaultText}); the output depends on it and not on --threads.";
        HelpName = "S";
        CustomParser = result => OptionParsing.ParseOne(result, (name, text) => OptionValues.Integer(name, text));
    }

    /// <summary>The seed given, or <paramref name="defaultSeed"/>.</summary>
    public long Seed(ParseResult parse, long defaultSeed) => parse.GetValue(this) ?? defaultSeed;
}
