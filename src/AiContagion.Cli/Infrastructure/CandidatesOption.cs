using AiContagion.Ranking;
using System.Collections.Immutable;
using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--candidates funding|all|ID[,ID]</c>: which entities a ranking tries — every funding source (the default),
/// every entity, or the given ids (each an entity of the network, each once).
/// </summary>
internal sealed class CandidatesOption : Option<string>
{
    public CandidatesOption()
        : base("--candidates")
    {
        Description = "Who to try: 'funding' (every funding source, the default), 'all' (every entity), or ID,ID,...";
        HelpName = "funding|all|ID[,ID]";
        DefaultValueFactory = _ => "funding";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
            OptionValues.SplitList(text).Count > 0 ? text.Trim() : throw new CliUsageException($"{option}: give 'funding', 'all' or a list of ids."));
    }

    /// <summary>The ranking options with these candidates, ids checked against the network.</summary>
    public WithdrawalRankingOptions Apply(ParseResult parse, FinancingNetwork network, WithdrawalRankingOptions options)
    {
        var text = parse.GetValue(this)!;
        switch (text.ToLowerInvariant())
        {
            case "funding":
                return options with { Candidates = RankingCandidates.FundingSources };
            case "all":
                return options with { Candidates = RankingCandidates.AllEntities };
            default:
                var ids = OptionValues.SplitList(text);
                var name = OptionParsing.NameOf(parse, this);
                OptionValues.EnsureEntities(network, name, ids);
                OptionValues.EnsureUnique(name, ids);
                return options with { Candidates = RankingCandidates.Given, CandidateIds = [.. ids] };
        }
    }
}
