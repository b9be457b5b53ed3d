using AiContagion.Export;
using System.Globalization;
using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Runway;
using AiContagion.Cli.Infrastructure;
using AiContagion.Stress;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Stress;

/// <summary>What <c>stress</c> prints and writes: the statistics and the entities most likely to fail, the JSON, every entity in a file, the charts.</summary>
internal static class StressReport
{
    /// <summary>The <c>--output</c> columns: one row per entity, most likely to fail first.</summary>
    public static readonly RowSchema<(EntityStressOutcome Outcome, string Sector)> Rows = new(
        RowColumn<(EntityStressOutcome Outcome, string Sector)>.Text("id", "entity id", r => r.Outcome.Id),
        RowColumn<(EntityStressOutcome Outcome, string Sector)>.Text("sector", "its sector", r => r.Sector),
        RowColumn<(EntityStressOutcome Outcome, string Sector)>.Number("failureProbability", "share of trials in which it failed", r => r.Outcome.FailureProbability),
        RowColumn<(EntityStressOutcome Outcome, string Sector)>.Number("standardError", "standard error of that share", r => r.Outcome.FailureStandardError),
        RowColumn<(EntityStressOutcome Outcome, string Sector)>.Integer("failures", "trials in which it failed", r => r.Outcome.Failures),
        RowColumn<(EntityStressOutcome Outcome, string Sector)>.Number("probability", "its probability of being drawn (0: never)", r => r.Outcome.Probability),
        RowColumn<(EntityStressOutcome Outcome, string Sector)>.Number("drawFrequency", "share of trials in which it was drawn", r => r.Outcome.DrawFrequency));

    /// <summary>The stress test, or a usage error naming the model when the options do not fit it (e.g. an external shock on the funding model).</summary>
    public static StressTest Test(ICascadeModel model, StressOptions options)
    {
        try
        {
            return new StressTest(model, options);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            throw new CliUsageException("--model: " + e.Message.Split(" (Parameter")[0]);
        }
    }

    /// <summary>Warnings, charts and the file, then the tables or the JSON.</summary>
    public static void Write(CliContext context, ResultRequest request, StressResult result, StressCharts charts, RunwayAssumptions? runway = null)
    {
        if (result.AtRisk.IsEmpty)
        {
            context.Error.WriteLine("warning: no entity is at risk (no funding source and no --p entry with p > 0): every trial is the same.");
        }

        if (result.Options.ExternalShock is not null && result.ExposedEntities == 0)
        {
            context.Error.WriteLine("warning: no entity has external assets, so the external-asset shock changes nothing.");
        }

        if (charts.Distribution is { } chartPath)
        {
            result.DistributionChart(charts.Measure).Save(chartPath);
        }

        if (charts.Failures is { } failurePath)
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

        if (request.OutputPath is { } path)
        {
            Rows.Write(path, result.ByFailureProbability.Select(e => (e, result.Network[e.Id].Sector.ToString())));
        }

        if (request.Json)
        {
            JsonOutput.Write(context.Output, w => WriteJson(w, result, charts.Measure, request.Scope(result.Network), runway));
        }
        else
        {
            if (runway is not null)
            {
                // The runway's defaults hold in every trial: say which ones (and that each trial counts the firms that fail anyway).
                RunwayText.WriteNotes(context.Output, runway);
                context.Output.WriteLine("note: each trial counts every failure within the horizon, those of the no-shock baseline included (rank --model runway subtracts them).");
            }

            WriteTables(context, result, request.Rows);
        }
    }

    private static void WriteJson(Utf8JsonWriter w, StressResult result, StressMeasure measure, ResultScope scope, RunwayAssumptions? runway)
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
        if (runway is not null)
        {
            RunwayText.WriteAssumptions(w, runway);
        }

        w.WriteNumber("trials", result.Trials);
        w.WriteNumber("seed", result.Seed);
        w.WriteNumber("correlation", options.Correlation);
        w.WriteString("shock", CandidateShockOptions.Name(options.Shock));
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
        scope.WriteTruncation(w, "entities");
        w.WriteStartArray("entities");
        foreach (var e in scope.Take(result.ByFailureProbability))
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

    private static void WriteTables(CliContext context, StressResult result, int rows)
    {
        var console = context.Console;
        var options = result.Options;
        var external = options.ExternalShock is { } x
            ? string.Create(CultureInfo.InvariantCulture, $", external shock {x} on {result.ExposedEntities} entities")
            : "";
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.ModelName} stress: {result.Trials} trials, seed {result.Seed}, ρ = {options.Correlation}, {result.AtRisk.Length} entities at risk ({CandidateShockOptions.Name(options.Shock)}){external}")));
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
                Readable.Amount(Math.Round(s.Mean, 4)),
                Readable.Amount(Math.Round(s.StandardError, 4)),
                Readable.Amount(s.P50),
                Readable.Amount(s.P90),
                Readable.Amount(s.P95),
                Readable.Amount(s.P99),
                Readable.Amount(Math.Round(s.Es95, 4)),
                Readable.Amount(Math.Round(s.Es99, 4)),
                Readable.Amount(s.Maximum));
        }

        console.Write(table);
        var failing = result.ByFailureProbability.Where(e => e.Failures > 0).ToList();
        if (failing.Count == 0)
        {
            console.WriteLine("no entity failed in any trial");
            return;
        }

        var failures = new Table().AddColumn("entity").AddColumn("sector")
            .AddColumn(new TableColumn("P(fail)").RightAligned()).AddColumn(new TableColumn("± s.e.").RightAligned()).AddColumn(new TableColumn("p drawn").RightAligned());
        foreach (var e in failing.Take(rows))
        {
            failures.AddRow(
                Markup.Escape(e.Id),
                result.Network[e.Id].Sector.ToString(),
                e.FailureProbability.ToString("0.00%", CultureInfo.InvariantCulture),
                e.FailureStandardError.ToString("0.00%", CultureInfo.InvariantCulture),
                e.Probability > 0 ? e.Probability.ToString("0.##%", CultureInfo.InvariantCulture) : "-");
        }

        console.Write(failures);
        if (failing.Count > rows)
        {
            console.WriteLine(Readable.More(failing.Count - rows, "entities that failed in some trial"));
        }
    }
}
