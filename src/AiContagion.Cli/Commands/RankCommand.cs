using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Rank;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Ranking;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion rank &lt;graph&gt; --model M [--candidates funding|all|ID,ID] [--pairs | --greedy K] [--top N]
/// [--sweep NAME=v1,v2,... | --uncertainty N [--seed S] [--amount-distribution D]] [--chart FILE] [--json [--detail]]
/// [--output FILE]</c>: which funding source's withdrawal brings down the most links, how that answer moves across
/// assumptions (<c>--sweep</c>), and how likely each source is to rank first when amounts are uncertain (<c>--uncertainty</c>).
/// </summary>
internal static class RankCommand
{
    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var models = new ModelOptions();
        var candidates = new CandidatesOption();
        var mode = new RankingModeOptions();
        var shock = new CandidateShockOptions("each candidate");
        var threads = new ThreadsOption("runs");
        var chart = new ChartOption("Also draw the ranking as a bar chart (links down, direct vs cascade; with --uncertainty each source's rank interval)");
        var sweep = new RankSweepOption();
        var uncertainty = new RankUncertaintyOptions();
        var results = new ResultOptions(
            "Rows of the ranking (default 20; --json lists every entry up to 10,000 entities + links); with --sweep also k of the top-k overlap (default 3).",
            OutputFileOption.ForRows("one row per ranking entry (with --sweep: per setting and entry); columns: " + RankReport.Rows.Help
                + ". With --uncertainty one row per candidate, most likely first first; columns: " + RankUncertaintyReport.Rows.Help + "."));
        var command = new Command(
            "rank",
            "Rank funding sources (or any candidates) by the links their withdrawal brings down, then amount down, then entities failed.")
        {
            graph, candidates, threads, chart, sweep,
        };
        models.AddTo(command);
        mode.AddTo(command);
        shock.AddTo(command);
        uncertainty.AddTo(command);
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            var (kind, settings) = models.Settings(parse);
            var axes = sweep.Axes(parse, kind, models, mode, shock, chart);
            var draws = uncertainty.Read(parse, mode, axes.Count > 0);
            var network = graph.Load(parse, context);
            var options = candidates.Apply(parse, network, mode.Apply(parse, new WithdrawalRankingOptions
            {
                Shock = shock.Shock(parse),
                WithdrawalFraction = shock.Fraction(parse),
                MaxDegreeOfParallelism = threads.MaxDegreeOfParallelism(parse),
            }));
            if (axes.Count > 0)
            {
                RankSweep.Run(context, request, network, kind, settings, axes, options);
                return ExitCodes.Ok;
            }

            if (draws is not null)
            {
                var uncertaintyOptions = new UncertaintyRankingOptions
                {
                    Draws = draws.Draws,
                    Seed = draws.Seed,
                    Distribution = draws.Distribution,
                    Ranking = options,
                    MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
                };
                var result = TerminalProgressBar.Run<RankingProgress, UncertaintyRankingResult>(context, "uncertainty draws", p => (p.Completed, p.Total), progress =>
                    new UncertaintyRanking(CascadeModels.Create(kind, settings), uncertaintyOptions).Run(network, progress, context.CancellationToken));
                RankUncertaintyReport.Write(context, request, result, parse.GetValue(chart));
                return ExitCodes.Ok;
            }

            var ranking = TerminalProgressBar.Run<RankingProgress, RankingResult>(context, "ranking", p => (p.Completed, p.Total), progress =>
                new WithdrawalRanking(CascadeModels.Create(kind, settings), options).Rank(network, progress, context.CancellationToken));
            RankReport.Write(context, request, ranking, parse.GetValue(chart));
            return ExitCodes.Ok;
        });
        return command;
    }
}
