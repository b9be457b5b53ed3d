using System.CommandLine;

namespace AiContagion.Cli.Infrastructure;

/// <summary>An option whose value is a positive whole number (samples, iterations, months).</summary>
internal sealed class CountOption : Option<int?>
{
    public CountOption(string name, string description, int maximum = int.MaxValue)
        : base(name)
    {
        Description = description;
        HelpName = "N";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (int?)OptionValues.Integer(option, text, 1, maximum));
    }
}
