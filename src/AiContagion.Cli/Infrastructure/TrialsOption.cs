using System.CommandLine;
using System.Globalization;

namespace AiContagion.Cli.Infrastructure;

/// <summary><c>--trials N</c>: how many random draws a Monte Carlo command makes, in [1, maximum].</summary>
internal sealed class TrialsOption : Option<int>
{
    public TrialsOption(string description, int defaultTrials, int maximum, params string[] aliases)
        : base("--trials", aliases)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{description} (default {defaultTrials}, at most {maximum}).");
        HelpName = "N";
        DefaultValueFactory = _ => defaultTrials;
        CustomParser = result => OptionParsing.ParseOne(result, (name, text) => (int)OptionValues.Integer(name, text, 1, maximum));
    }
}
