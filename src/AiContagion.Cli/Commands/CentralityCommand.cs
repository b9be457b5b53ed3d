using System.CommandLine;
using AiContagion.Cli.Commands.Centrality;
using AiContagion.Cli.Infrastructure;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion centrality &lt;graph&gt; --measure M [measure options] [--top N] [--json [--detail]] [--output FILE]</c>:
/// strength, PageRank, eigenvector, Katz, betweenness, harmonic closeness, DebtRank impact or NetworkRiskMeasures' impact
/// susceptibility / fluidity / diffusion of every entity, ranked.
/// </summary>
internal static class CentralityCommand
{
    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var measure = new MeasureOption("The measure.") { Required = true };
        var parameters = new CentralityParameters();
        var results = new ResultOptions(
            "Show only the N highest scores (default 20; --json lists every score up to 10,000 entities + links).",
            OutputFileOption.ForRows("one row per entity, highest score first; columns: " + CentralityReport.Rows.Help + "."));
        var command = new Command("centrality", "Rank entities by a centrality measure. Links point the way money moves; --direction says which way importance travels.")
        {
            graph, measure,
        };
        parameters.AddTo(command);
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            var chosen = parse.GetValue(measure)!.Value;
            parameters.Check(parse, chosen);
            var network = graph.Load(parse, context);
            var scores = parameters.Compute(parse, chosen, network, context);
            CentralityReport.Write(context, request, network, scores);
            return CentralityReport.CheckConverged(context, scores, chosen);
        });
        return command;
    }
}
