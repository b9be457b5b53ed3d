using System.CommandLine;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Stress;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Stress;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion stress &lt;graph&gt; --model M --trials N --seed S [--p P] [--p sector:NAME=P] [--p ID=P] [--correlation R]
/// [--external-shock-distribution beta:a,b] [--top N] [--json [--detail]] [--output FILE] [--chart FILE]</c>: Monte Carlo
/// over random, correlated withdrawals.
/// </summary>
internal static class StressCommand
{
    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var models = new ModelOptions();
        var trials = new TrialsOption("Monte Carlo trials", 10_000, StressOptions.MaximumTrials, "-n");
        var seed = new SeedOption("1");
        var probabilities = new ProbabilityOption();
        var correlation = new FractionOption("--correlation", "Correlation ρ in [0, 1] of the one-factor Gaussian copula (default 0: independent).", aliases: ["--rho"]);
        var shock = new CandidateShockOptions("a drawn entity");
        var external = new ExternalShockDistributionOptions();
        var threads = new ThreadsOption("trials");
        var charts = new StressChartOptions();
        var results = new ResultOptions(
            "Entities shown in the failure table (default 20; --json lists every entity up to 10,000 entities + links).",
            OutputFileOption.ForRows("one row per entity, most likely to fail first; columns: " + StressReport.Rows.Help + "."));
        var command = new Command(
            "stress",
            "Monte Carlo stress test: random withdrawals of funding sources (per-source or per-sector probabilities, correlated through a one-factor Gaussian copula) "
            + "and optional external-asset shocks; distribution of links down, amount down and entities failed, and each entity's probability of failure.")
        {
            graph, trials, seed, probabilities, correlation, threads,
        };
        models.AddTo(command);
        shock.AddTo(command);
        external.AddTo(command);
        charts.AddTo(command);
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            var model = models.Build(parse);
            var options = new StressOptions
            {
                Trials = parse.GetValue(trials),
                Seed = seed.Seed(parse, 1),
                Correlation = correlation.Value(parse, 0.0),
                Shock = shock.Shock(parse),
                WithdrawalFraction = shock.Fraction(parse),
                ExternalShock = external.Read(parse),
                MaxDegreeOfParallelism = threads.MaxDegreeOfParallelism(parse),
            };
            _ = StressReport.Test(model, options);
            var network = graph.Load(parse, context);
            var test = StressReport.Test(model, probabilities.Apply(parse, options, network));
            var result = TerminalProgressBar.Run<StressProgress, StressResult>(context, "stress trials", p => (p.Completed, p.Total), progress =>
                test.Run(network, progress, context.CancellationToken));
            StressReport.Write(context, request, result, charts.Read(parse), (model as RunwayCascade)?.Assumptions(network));
            return ExitCodes.Ok;
        });
        return command;
    }
}
