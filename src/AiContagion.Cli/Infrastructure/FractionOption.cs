using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary>An option whose value is a share: a finite number in [0, 1], or (0, 1] when zero means nothing.</summary>
internal sealed class FractionOption : Option<double?>
{
    public FractionOption(string name, string description, bool allowZero = true, params string[] aliases)
        : base(name, aliases)
    {
        Description = description;
        HelpName = allowZero ? "0..1" : "(0..1]";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (double?)OptionValues.Fraction(option, text, allowZero));
    }

    /// <summary>The value given, or <paramref name="defaultValue"/>.</summary>
    public double Value(ParseResult parse, double defaultValue) => parse.GetValue(this) ?? defaultValue;
}
