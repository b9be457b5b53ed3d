using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Ranking;

namespace AiContagion.Cli.Commands.Rank;

/// <summary>
/// <c>--uncertainty N [--seed S] [--amount-distribution triangular|uniform|pert]</c>: rank over N draws of the uncertain
/// amounts (<see cref="UncertaintyRanking"/>). Checked against the other options before any graph is read.
/// </summary>
internal sealed class RankUncertaintyOptions
{
    private readonly CountOption _draws = new(
        "--uncertainty",
        "Rank over N random draws of the uncertain amounts (links with low/high): each source's probability of ranking first and in the top 3, its 5–95 % rank interval and links down (at most 1,000,000).",
        UncertaintyRankingOptions.MaximumDraws);

    private readonly SeedOption _seed = new("1; with --uncertainty");

    private readonly AmountDistributionOption _distribution = new();

    public void AddTo(Command command)
    {
        command.Options.Add(_draws);
        command.Options.Add(_seed);
        command.Options.Add(_distribution);
    }

    /// <summary>The draws asked for (<see langword="null"/> without <c>--uncertainty</c>); the options that need or conflict with it are checked.</summary>
    public UncertaintyRequest? Read(ParseResult parse, RankingModeOptions mode, bool sweep)
    {
        var draws = parse.GetValue(_draws);
        if (draws is null)
        {
            foreach (Option option in new Option[] { _seed, _distribution })
            {
                if (OptionParsing.Given(parse, option))
                {
                    throw new CliUsageException($"{OptionParsing.NameOf(parse, option)} applies to --uncertainty N (the draws of the uncertain amounts).");
                }
            }

            return null;
        }

        if (sweep)
        {
            throw new CliUsageException("--uncertainty and --sweep: choose one (the uncertainty run ranks one setting over random amounts).");
        }

        if (mode.Mode(parse) == RankingMode.Greedy)
        {
            throw new CliUsageException("--uncertainty and --greedy: a greedy set is not a ranking of candidates; use singles or --pairs.");
        }

        return new UncertaintyRequest(draws.Value, _seed.Seed(parse, AmountDraws.DefaultSeed), _distribution.Distribution(parse));
    }
}

/// <summary>What <c>--uncertainty</c> asked for.</summary>
/// <param name="Draws">N.</param>
/// <param name="Seed">The seed of the draws.</param>
/// <param name="Distribution">The distribution of the ranged amounts.</param>
internal sealed record UncertaintyRequest(int Draws, long Seed, AmountDistribution Distribution);
