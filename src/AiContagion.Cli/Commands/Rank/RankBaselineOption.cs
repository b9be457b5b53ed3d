using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Ranking;

namespace AiContagion.Cli.Commands.Rank;

/// <summary>
/// <c>--baseline auto|none|no-shock</c>: count what each candidate's run brings down, or only what it adds to the
/// model's run without any shock (the default for <c>--model runway</c>: firms that run out of cash on their own are
/// not the withdrawal's doing).
/// </summary>
internal sealed class RankBaselineOption : Option<RankingBaseline?>
{
    public RankBaselineOption()
        : base("--baseline")
    {
        Description = "Count only what each candidate adds to the no-shock run ('no-shock'), or everything its run brings down ('none'); "
            + "default 'auto': no-shock for the runway model, none for the others. Against the baseline, the output shows the baseline on its own.";
        HelpName = "auto|none|no-shock";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (RankingBaseline?)(text.Trim().ToLowerInvariant() switch
        {
            "auto" or "automatic" => RankingBaseline.Automatic,
            "none" => RankingBaseline.None,
            "no-shock" or "noshock" => RankingBaseline.NoShock,
            _ => throw new CliUsageException($"{option}: '{text}' should be 'auto', 'none' or 'no-shock'."),
        }));
    }

    /// <summary>The choice, <see cref="RankingBaseline.Automatic"/> when not given.</summary>
    public RankingBaseline Value(ParseResult parse) => parse.GetValue(this) ?? RankingBaseline.Automatic;
}
