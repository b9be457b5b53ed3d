using System.CommandLine;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--amount-distribution triangular|uniform|pert</c>: how a link amount with a range (<c>low</c>, <c>high</c>) is
/// drawn — triangular with the stated amount as its mode (the default), uniform on the range, or Beta-PERT (λ = 4).
/// For any command that draws amounts (<c>rank --uncertainty</c>; <c>stress</c> could share it).
/// </summary>
internal sealed class AmountDistributionOption : Option<AmountDistribution?>
{
    public AmountDistributionOption()
        : base("--amount-distribution")
    {
        Description = "How a ranged amount (a link with low/high) is drawn: 'triangular' (default; the stated amount is the mode), 'uniform' on [low, high], or 'pert' (Beta-PERT, λ = 4).";
        HelpName = "triangular|uniform|pert";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (AmountDistribution?)Parse(option, text));
    }

    /// <summary>The distribution given, or <see cref="AmountDistribution.Triangular"/>.</summary>
    public AmountDistribution Distribution(ParseResult parse) => parse.GetValue(this) ?? AmountDistribution.Triangular;

    /// <summary>The distribution's name on the command line and in JSON: <c>triangular</c>, <c>uniform</c> or <c>pert</c>.</summary>
    public static string NameOf(AmountDistribution distribution) => distribution.ToString().ToLowerInvariant();

    private static AmountDistribution Parse(string option, string text) => text.Trim().ToLowerInvariant() switch
    {
        "triangular" => AmountDistribution.Triangular,
        "uniform" => AmountDistribution.Uniform,
        "pert" or "beta-pert" => AmountDistribution.Pert,
        _ => throw new CliUsageException($"{option}: '{text}' should be 'triangular', 'uniform' or 'pert'."),
    };
}
