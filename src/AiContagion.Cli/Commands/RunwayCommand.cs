using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Runway;
using AiContagion.Cli.Infrastructure;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion runway &lt;graph&gt; [--withdraw ID[,ID]] [--at MONTH] [--months H] [--floor X] [--unknown-cash RULE]
/// [--recovery r] [--top N] [--json [--detail]] [--output FILE] [--chart FILE]</c>: the month-by-month cash model
/// (<see cref="RunwayCascade"/>): who runs out of cash when, why, and how the failures spread, next to the no-shock baseline.
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
            "Monthly cash model (the runway; cascade --model runway runs the same): links pay as dated (start, termYears, schedule; undated claims once in their start month, contracts over 12 months), "
            + "debt links with rate/maturity carry debt service back; sources withdraw at month t0; a firm whose cash falls below the floor, or whose losses exceed its capital, fails and stops paying. "
            + "Shows who fails when and why, next to the no-shock baseline.")
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
            var result = new RunwayCascade(options).Run(network, new CascadeShock { Withdrawals = withdrawals }, context.CancellationToken);
            RunwayReport.Write(context, request, result.Runway!, parse.GetValue(chart), parse.GetValue(chartTop) ?? 10, settings.CashPaths(parse));
            return ExitCodes.Ok;
        });
        return command;
    }
}
