using System.CommandLine;
using AiContagion.Centrality;

namespace AiContagion.Cli.Infrastructure;

/// <summary><c>--measure M</c>: a centrality measure (strength, pagerank, …), checked while parsing; shared by <c>centrality</c> and <c>export --overlay centrality</c>.</summary>
internal sealed class MeasureOption : Option<CentralityMeasure?>
{
    public MeasureOption(string description)
        : base("--measure")
    {
        Description = description + " One of " + string.Join(", ", CentralityMeasures.Names) + ".";
        HelpName = "MEASURE";
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => CentralityMeasures.TryParse(text, out var measure)
            ? (CentralityMeasure?)measure
            : throw new CliUsageException($"{option}: unknown measure '{text}' (expected one of {string.Join(", ", CentralityMeasures.Names)})."));
    }

    /// <summary>The command-line name of a measure (<c>pagerank</c>).</summary>
    public static string CommandName(CentralityMeasure measure) => CentralityMeasures.Names[(int)measure];
}
