using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Stress;

namespace AiContagion.Cli.Commands.Stress;

/// <summary><c>--p</c>: withdrawal probabilities — <c>P</c> (every funding source), <c>sector:NAME=P</c>, <c>ID=P</c>; the most specific wins.</summary>
internal sealed class ProbabilityOption : Option<string[]>
{
    public ProbabilityOption()
        : base("--p")
    {
        Description = "Withdrawal probability: P for every funding source (default 0.1), sector:NAME=P for every entity of a sector, ID=P for one entity. Repeatable or comma-separated; the most specific wins.";
        HelpName = "[sector:NAME=|ID=]P";
    }

    /// <summary>The options with the probabilities given, ids checked against the network.</summary>
    public StressOptions Apply(ParseResult parse, StressOptions options, FinancingNetwork network) =>
        ProbabilityValues.Apply(options, OptionValues.Parts(parse.GetValue(this)), network);
}
