using System.CommandLine;
using System.Globalization;

namespace AiContagion.Cli.Infrastructure;

/// <summary>An option whose value is a finite number greater than zero (a tolerance, an attenuation factor).</summary>
internal sealed class PositiveNumberOption : Option<double?>
{
    public PositiveNumberOption(string name, string description)
        : base(name)
    {
        Description = description;
        HelpName = "X";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            var value = OptionValues.Number(option, text);
            return value > 0 ? (double?)value : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: {text} must be positive."));
        });
    }
}
