using System.CommandLine;
using AiContagion.Cli.Commands.Runway;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Stress;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion runway &lt;graph&gt; --withdraw ID[,ID] [--at MONTH] [--months H] [--top N] [--json [--detail]]
/// [--output FILE] [--chart FILE]</c>: the month-by-month cash simulation: who runs out of cash when, and how the
/// failures spread.
/// </summary>
internal static class RunwayCommand
{
    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var withdraw = new WithdrawOption("Sources that withdraw: ID, or ID=share in (0, 1]; repeatable or comma-separated. None: the baseline alone.");
        var settings = new RunwayOptionsReader();
        var chart = new ChartOption("Write the cash paths of the first entities to fail");
        var chartTop = new CountOption("--chart-top", "Cash paths drawn by --chart (default 10).");
        var results = new ResultOptions(
            "Rows of the failure table (default 20; --json lists every entity up to 10,000 entities + links).",
            OutputFileOption.ForRows("one row per entity, failures first; columns: " + RunwayReport.Rows.Help + "."));
        var command = new Command(
            "runway",
            "Monthly cash simulation: sources withdraw at month t0; each entity's cash moves with its link payments (spread over termYears), revenue and costs; "
            + "an entity out of cash fails and stops paying. Shows who fails when, compared with a no-shock baseline.")
        {
            graph, withdraw.Option, chart, chartTop,
        };
        settings.AddTo(command);
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            var options = settings.Read(parse);
            var network = graph.Load(parse, context);
            var withdrawals = withdraw.Read(parse, network);
            var result = new RunwaySimulation(options).Run(network, withdrawals, context.CancellationToken);
            RunwayReport.Write(context, request, result, parse.GetValue(chart), parse.GetValue(chartTop) ?? 10, settings.CashPaths(parse));
            return ExitCodes.Ok;
        });
        return command;
    }
}
