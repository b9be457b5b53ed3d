using AiContagion.Ranking;
using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Cli.Infrastructure;

namespace AiContagion.Cli.Commands.Rank;

/// <summary><c>--pairs</c> or <c>--greedy K</c>: rank single candidates (the default), every pair, or a greedy set of K.</summary>
internal sealed class RankingModeOptions
{
    private readonly Option<bool> _pairs = new("--pairs") { Description = "Rank every pair of candidates withdrawn together." };

    private readonly Option<int?> _greedy = new("--greedy")
    {
        Description = "Build a greedy set of K candidates, one entry per step.",
        HelpName = "K",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            var value = OptionValues.Integer(option, text);
            return value is > 0 and <= int.MaxValue ? (int?)value : throw new CliUsageException($"{option}: {value} must be a positive number of candidates.");
        }),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_pairs);
        command.Options.Add(_greedy);
    }

    /// <summary>The mode chosen; <c>--pairs</c> with <c>--greedy</c> is an error.</summary>
    public RankingMode Mode(ParseResult parse)
    {
        if (parse.GetValue(_pairs) && parse.GetValue(_greedy) is not null)
        {
            throw new CliUsageException("--pairs and --greedy: choose one.");
        }

        return parse.GetValue(_pairs) ? RankingMode.Pairs : parse.GetValue(_greedy) is not null ? RankingMode.Greedy : RankingMode.Singles;
    }

    /// <summary>The ranking options with the mode (and greedy set size).</summary>
    public WithdrawalRankingOptions Apply(ParseResult parse, WithdrawalRankingOptions options) =>
        options with { Mode = Mode(parse), GreedySetSize = parse.GetValue(_greedy) ?? options.GreedySetSize };
}
