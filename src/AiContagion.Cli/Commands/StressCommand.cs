using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Cascades;
using AiContagion.Cli.Commands.Stress;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Stress;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion stress &lt;graph&gt; --model M --trials N --seed S [--p P] [--p sector:NAME=P] [--p ID=P] [--correlation R]
/// [--external-shock beta:a,b] [--json] [--chart FILE]</c>: Monte Carlo over random, correlated withdrawals.
/// </summary>
internal static class StressCommand
{
    public static Command Create(CliContext context)
    {
        var graph = CommonOptions.Graph();
        var json = CommonOptions.Json();
        var models = new ModelOptions();
        var trials = new Option<int>("--trials", "-n") { Description = "Monte Carlo trials (default 10000).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<long>("--seed") { Description = "Seed of every random draw (default 1); the output depends on it and not on --threads.", DefaultValueFactory = _ => 1 };
        var probabilities = new Option<string[]>("--p")
        {
            Description = "Withdrawal probability: P for every funding source (default 0.1), sector:NAME=P for every entity of a sector, ID=P for one entity. Repeatable or comma-separated; the most specific wins.",
        };
        var correlation = new Option<string?>("--correlation", "--rho") { Description = "Correlation ρ in [0, 1] of the one-factor Gaussian copula (default 0: independent)." };
        var shock = new Option<string>("--shock")
        {
            Description = "What a drawn entity does: 'withdraw' (default) or 'fail' (for solvency, clearing and DebtRank models).",
            DefaultValueFactory = _ => "withdraw",
        };
        var fraction = new Option<string?>("--fraction") { Description = "Share in (0, 1] of its outgoing links a withdrawing entity stops (default 1)." };
        var external = new Option<string?>("--external-shock") { Description = "Random loss of external assets in each trial: beta:a,b or lognormal:mu,sigma (capped to 1)." };
        var scope = new Option<string>("--external-scope")
        {
            Description = "'common' (default): one loss fraction per trial for every entity; 'entity': one per entity.",
            DefaultValueFactory = _ => "common",
        };
        var threads = new Option<int?>("--threads") { Description = "Most trials at once (default: one per processor). The output does not depend on it." };
        var top = new Option<int>("--top") { Description = "Entities shown in the table (default 20; JSON lists all).", DefaultValueFactory = _ => 20 };
        var chart = new Option<string?>("--chart") { Description = "Write a histogram of the --chart-measure, with mean, p95, p99 and ES99 marked (.png or .svg)." };
        var chartMeasure = new Option<string>("--chart-measure")
        {
            Description = "What --chart draws: 'links' (default), 'amount', 'entities'.",
            DefaultValueFactory = _ => "links",
        };
        var failureChart = new Option<string?>("--failure-chart") { Description = "Write a bar chart of the entities most likely to fail (.png or .svg)." };
        var command = new Command(
            "stress",
            "Monte Carlo stress test: random withdrawals of funding sources (per-source or per-sector probabilities, correlated through a one-factor Gaussian copula) "
            + "and optional external-asset shocks; distribution of links down, amount down and entities failed, and each entity's probability of failure.")
        {
            graph, json, trials, seed, probabilities, correlation, shock, fraction, external, scope, threads, top, chart, chartMeasure, failureChart,
        };
        models.AddTo(command);
        command.SetAction(parse =>
        {
            var network = CliContext.Load(parse.GetValue(graph)!);
            var model = models.Build(parse);
            var trialCount = parse.GetValue(trials);
            if (trialCount is < 1 or > StressOptions.MaximumTrials)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--trials: {trialCount} must lie in [1, {StressOptions.MaximumTrials}]."));
            }

            var scopeValue = parse.GetValue(scope)!.Trim().ToLowerInvariant() switch
            {
                "common" => ExternalShockScope.Common,
                "entity" or "per-entity" => ExternalShockScope.PerEntity,
                var other => throw new CliUsageException($"--external-scope: '{other}' should be 'common' or 'entity'."),
            };
            var measure = Measure(parse.GetValue(chartMeasure)!);
            ChartFiles.Check("--chart", parse.GetValue(chart));
            ChartFiles.Check("--failure-chart", parse.GetValue(failureChart));
            var options = new StressOptions
            {
                Trials = trialCount,
                Seed = parse.GetValue(seed),
                Correlation = parse.GetValue(correlation) is { } rho ? OptionValues.Fraction("--correlation", rho) : 0.0,
                Shock = parse.GetValue(shock)!.Trim().ToLowerInvariant() switch
                {
                    "withdraw" => CandidateShock.Withdraw,
                    "fail" => CandidateShock.Fail,
                    var other => throw new CliUsageException($"--shock: '{other}' should be 'withdraw' or 'fail'."),
                },
                WithdrawalFraction = parse.GetValue(fraction) is { } f ? OptionValues.Fraction("--fraction", f, allowZero: false) : 1.0,
                ExternalShock = parse.GetValue(external) is { } text ? ParseExternal(text, scopeValue) : null,
                MaxDegreeOfParallelism = parse.GetValue(threads) switch
                {
                    null => -1,
                    > 0 and var count => count,
                    var count => throw new CliUsageException($"--threads: {count} must be positive."),
                },
            };
            options = ProbabilityValues.Apply(options, OptionValues.Parts(parse.GetValue(probabilities)), network);
            var limit = parse.GetValue(top);
            if (limit <= 0)
            {
                throw new CliUsageException($"--top: {limit} must be positive.");
            }

            StressTest test;
            try
            {
                test = new StressTest(model, options);
            }
            catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
            {
                throw new CliUsageException("--model: " + e.Message.Split(" (Parameter")[0]);
            }

            var result = TerminalProgressBar.Run(context, "stress trials", progress => test.Run(network, progress, context.CancellationToken));
            if (result.AtRisk.IsEmpty)
            {
                context.Error.WriteLine("warning: no entity is at risk (no funding source and no --p entry with p > 0): every trial is the same.");
            }

            if (options.ExternalShock is not null && result.ExposedEntities == 0)
            {
                context.Error.WriteLine("warning: no entity has external assets, so the external-asset shock changes nothing.");
            }

            if (parse.GetValue(chart) is { } chartPath)
            {
                result.DistributionChart(measure).Save(chartPath);
            }

            if (parse.GetValue(failureChart) is { } failurePath)
            {
                if (result.Entities.All(e => e.Failures == 0))
                {
                    context.Error.WriteLine("warning: no entity failed in any trial; --failure-chart was not written.");
                }
                else
                {
                    result.FailureProbabilityChart().Save(failurePath);
                }
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, w => WriteJson(w, result, measure));
            }
            else
            {
                WriteTables(context, result, limit);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static StressMeasure Measure(string text) => text.Trim().ToLowerInvariant() switch
    {
        "links" or "linksdown" or "links-down" => StressMeasure.LinksDown,
        "amount" or "amountdown" or "amount-down" => StressMeasure.AmountDown,
        "entities" or "entitiesfailed" or "entities-failed" => StressMeasure.EntitiesFailed,
        _ => throw new CliUsageException($"--chart-measure: '{text}' should be 'links', 'amount' or 'entities'."),
    };

    private static ExternalAssetShock ParseExternal(string text, ExternalShockScope scope)
    {
        try
        {
            return ExternalAssetShock.Parse(text, scope);
        }
        catch (FormatException e)
        {
            throw new CliUsageException("--external-shock: " + e.Message);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliUsageException($"--external-shock: '{text}': {e.Message.Split(" (Parameter")[0]}");
        }
    }

    private static void WriteJson(Utf8JsonWriter w, StressResult result, StressMeasure measure)
    {
        var options = result.Options;
        w.WriteStartObject();
        w.WriteString("model", result.ModelName);
        w.WriteStartObject("settings");
        foreach (var (name, value) in result.Settings)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        w.WriteNumber("trials", result.Trials);
        w.WriteNumber("seed", result.Seed);
        w.WriteNumber("correlation", options.Correlation);
        w.WriteString("shock", options.Shock == CandidateShock.Withdraw ? "withdraw" : "fail");
        w.WriteNumber("withdrawalFraction", options.WithdrawalFraction);
        if (options.ExternalShock is { } external)
        {
            w.WriteStartObject("externalShock");
            w.WriteString("distribution", external.Distribution == ExternalShockDistribution.Beta ? "beta" : "lognormal");
            w.WriteNumber(external.Distribution == ExternalShockDistribution.Beta ? "a" : "mu", external.First);
            w.WriteNumber(external.Distribution == ExternalShockDistribution.Beta ? "b" : "sigma", external.Second);
            w.WriteString("scope", external.Scope == ExternalShockScope.Common ? "common" : "entity");
            w.WriteNumber("meanFraction", external.MeanFraction);
            w.WriteNumber("exposedEntities", result.ExposedEntities);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("externalShock");
        }

        w.WriteString("unit", result.Network.Unit);
        w.WriteNumber("atRisk", result.AtRisk.Length);
        WriteStatistics(w, "linksDown", result.LinksDown);
        WriteStatistics(w, "amountDown", result.AmountDown);
        WriteStatistics(w, "entitiesFailed", result.EntitiesFailed);
        WriteStatistics(w, "entitiesDrawn", result.EntitiesDrawn);
        var bins = result.Histogram(measure);
        w.WriteStartObject("histogram");
        w.WriteString("measure", JsonName(measure));
        w.WriteStartArray("edges");
        foreach (var edge in bins.Edges)
        {
            w.WriteNumberValue(edge);
        }

        w.WriteEndArray();
        w.WriteStartArray("counts");
        foreach (var count in bins.Counts)
        {
            w.WriteNumberValue(count);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("entities");
        foreach (var e in result.ByFailureProbability)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteNumber("failureProbability", e.FailureProbability);
            w.WriteNumber("standardError", e.FailureStandardError);
            w.WriteNumber("failures", e.Failures);
            w.WriteNumber("probability", e.Probability);
            w.WriteNumber("drawFrequency", e.DrawFrequency);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string JsonName(StressMeasure measure) => measure switch
    {
        StressMeasure.LinksDown => "linksDown",
        StressMeasure.AmountDown => "amountDown",
        StressMeasure.EntitiesFailed => "entitiesFailed",
        _ => "entitiesDrawn",
    };

    private static void WriteStatistics(Utf8JsonWriter w, string name, StressStatistics s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("mean", s.Mean);
        w.WriteNumber("standardError", s.StandardError);
        w.WriteNumber("standardDeviation", s.StandardDeviation);
        w.WriteNumber("min", s.Minimum);
        w.WriteNumber("p50", s.P50);
        w.WriteNumber("p90", s.P90);
        w.WriteNumber("p95", s.P95);
        w.WriteNumber("p99", s.P99);
        w.WriteNumber("es95", s.Es95);
        w.WriteNumber("es99", s.Es99);
        w.WriteNumber("max", s.Maximum);
        w.WriteEndObject();
    }

    private static void WriteTables(CliContext context, StressResult result, int limit)
    {
        var console = context.Console;
        var options = result.Options;
        var external = options.ExternalShock is { } x
            ? string.Create(CultureInfo.InvariantCulture, $", external shock {x} on {result.ExposedEntities} entities")
            : "";
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.ModelName} stress: {result.Trials} trials, seed {result.Seed}, ρ = {options.Correlation}, {result.AtRisk.Length} entities at risk ({(options.Shock == CandidateShock.Withdraw ? "withdraw" : "fail")}){external}")));
        if (!result.Settings.IsEmpty)
        {
            console.WriteLine("settings: " + ModelOptions.Describe(result.Settings));
        }

        var table = new Table().AddColumn("measure");
        foreach (var column in new[] { "mean", "± s.e.", "p50", "p90", "p95", "p99", "ES95", "ES99", "max" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var (name, s) in new[]
        {
            ("links down", result.LinksDown),
            ($"amount down ({result.Network.Unit})", result.AmountDown),
            ("entities failed", result.EntitiesFailed),
            ("entities drawn", result.EntitiesDrawn),
        })
        {
            table.AddRow(
                Markup.Escape(name),
                CascadeCommand.Format(Math.Round(s.Mean, 4)),
                CascadeCommand.Format(Math.Round(s.StandardError, 4)),
                CascadeCommand.Format(s.P50),
                CascadeCommand.Format(s.P90),
                CascadeCommand.Format(s.P95),
                CascadeCommand.Format(s.P99),
                CascadeCommand.Format(Math.Round(s.Es95, 4)),
                CascadeCommand.Format(Math.Round(s.Es99, 4)),
                CascadeCommand.Format(s.Maximum));
        }

        console.Write(table);
        var entities = result.ByFailureProbability.Where(e => e.Failures > 0).Take(limit).ToList();
        if (entities.Count == 0)
        {
            console.WriteLine("no entity failed in any trial");
            return;
        }

        var failures = new Table().AddColumn("entity").AddColumn("sector")
            .AddColumn(new TableColumn("P(fail)").RightAligned()).AddColumn(new TableColumn("± s.e.").RightAligned()).AddColumn(new TableColumn("p drawn").RightAligned());
        foreach (var e in entities)
        {
            failures.AddRow(
                Markup.Escape(e.Id),
                result.Network[e.Id].Sector.ToString(),
                e.FailureProbability.ToString("0.00%", CultureInfo.InvariantCulture),
                e.FailureStandardError.ToString("0.00%", CultureInfo.InvariantCulture),
                e.Probability > 0 ? e.Probability.ToString("0.##%", CultureInfo.InvariantCulture) : "-");
        }

        console.Write(failures);
    }
}
