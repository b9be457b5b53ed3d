using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AiContagion.Cli.Commands.Stress;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using AiContagion.Io;
using AiContagion.Stress;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion experiment gai-kapadia [--n 1000] [--trials T] [--seed S] [--json] [--chart FILE] [--output FILE]</c>: random-network
/// experiments (the Gai–Kapadia contagion window).
/// </summary>
internal static class ExperimentCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("experiment", "Random-network experiments.");
        command.Subcommands.Add(GaiKapadia(context));
        return command;
    }

    /// <summary>The <c>--output</c> columns: one row per average degree z.</summary>
    internal static readonly RowSchema<GaiKapadiaExperimentPoint> Rows = new(
        RowColumn<GaiKapadiaExperimentPoint>.Number("z", "average degree", p => p.AverageDegree),
        RowColumn<GaiKapadiaExperimentPoint>.Integer("trials", "networks drawn", p => p.Trials),
        RowColumn<GaiKapadiaExperimentPoint>.Integer("contagious", "networks in which contagion spread (≥ 5 % of banks)", p => p.ContagiousTrials),
        RowColumn<GaiKapadiaExperimentPoint>.Number("frequency", "share of contagious networks", p => p.ContagionFrequency),
        RowColumn<GaiKapadiaExperimentPoint>.Number("frequencyStandardError", "its standard error", p => p.FrequencyStandardError),
        RowColumn<GaiKapadiaExperimentPoint>.Number("extentGivenContagion", "mean share of banks defaulting when contagion spreads", p => p.MeanExtentGivenContagion),
        RowColumn<GaiKapadiaExperimentPoint>.Number("meanDefaults", "mean number of defaults", p => p.MeanDefaults),
        RowColumn<GaiKapadiaExperimentPoint>.Number("realisedDegree", "mean realised average degree", p => p.MeanRealisedDegree));

    private static Command GaiKapadia(CliContext context)
    {
        var json = new JsonOption();
        var settings = new GaiKapadiaOptionsReader();
        var chart = new ChartOption("Write the contagion curve: frequency and extent against z");
        var output = OutputFileOption.ForRows("one row per average degree z; columns: " + Rows.Help + ".");
        var legacyCsv = new OutputFileOption("Old spelling of --output FILE.csv.", [".csv"], _ => true, "--csv") { Hidden = true };
        var command = new Command(
            "gai-kapadia",
            "Gai & Kapadia (2010): directed Erdős–Rényi banking systems (capital 4 %, interbank assets 20 %, zero recovery), one random initial default; "
            + "contagion frequency and extent against average degree z.")
        {
            json, chart, output, legacyCsv,
        };
        settings.AddTo(command);
        command.SetAction(parse =>
        {
            var options = settings.Read(parse);
            var result = TerminalProgressBar.Run<StressProgress, GaiKapadiaExperimentResult>(context, "Gai–Kapadia trials", p => (p.Completed, p.Total), progress =>
                GaiKapadiaExperiment.Run(options, progress, context.CancellationToken));
            Write(context, parse.GetValue(json), result, parse.GetValue(chart), parse.GetValue(output) ?? parse.GetValue(legacyCsv));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(CliContext context, bool json, GaiKapadiaExperimentResult result, string? chart, string? output)
    {
        if (chart is not null)
        {
            result.ToChart().Save(chart);
        }

        if (output is not null)
        {
            Rows.Write(output, result.Points);
        }

        if (json)
        {
            JsonOutput.Write(context.Output, w => WriteJson(w, result));
        }
        else
        {
            WriteTable(context, result);
        }
    }

    private static void WriteJson(Utf8JsonWriter w, GaiKapadiaExperimentResult result)
    {
        var options = result.Options;
        w.WriteStartObject();
        w.WriteString("experiment", "gai-kapadia");
        w.WriteNumber("banks", options.Banks);
        w.WriteNumber("trialsPerDegree", options.TrialsPerDegree);
        w.WriteNumber("seed", options.Seed);
        w.WriteNumber("capitalRatio", options.CapitalRatio);
        w.WriteNumber("interbankAssetShare", options.InterbankAssetShare);
        w.WriteNumber("recovery", options.Recovery);
        w.WriteNumber("contagionThreshold", options.ContagionThreshold);
        if (result.Window() is { } window)
        {
            w.WriteStartObject("window");
            w.WriteNumber("low", window.Low);
            w.WriteNumber("high", window.High);
            w.WriteNumber("minimumFrequency", 0.01);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("window");
        }

        w.WriteStartArray("points");
        foreach (var p in result.Points)
        {
            w.WriteStartObject();
            w.WriteNumber("z", p.AverageDegree);
            w.WriteNumber("trials", p.Trials);
            w.WriteNumber("contagious", p.ContagiousTrials);
            w.WriteNumber("frequency", p.ContagionFrequency);
            w.WriteNumber("frequencyStandardError", p.FrequencyStandardError);
            w.WriteNumber("extentGivenContagion", p.MeanExtentGivenContagion);
            w.WriteNumber("meanDefaults", p.MeanDefaults);
            w.WriteNumber("realisedDegree", p.MeanRealisedDegree);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTable(CliContext context, GaiKapadiaExperimentResult result)
    {
        var console = context.Console;
        var options = result.Options;
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Gai–Kapadia: n = {options.Banks}, {options.TrialsPerDegree} networks per z, capital {options.CapitalRatio:P0}, interbank {options.InterbankAssetShare:P0}, seed {options.Seed}")));
        var table = new Table().AddColumn(new TableColumn("z").RightAligned())
            .AddColumn(new TableColumn("contagion").RightAligned()).AddColumn(new TableColumn("± s.e.").RightAligned())
            .AddColumn(new TableColumn("extent when it happens").RightAligned()).AddColumn(new TableColumn("mean defaults").RightAligned());
        foreach (var p in result.Points)
        {
            table.AddRow(
                p.AverageDegree.ToString(CultureInfo.InvariantCulture),
                p.ContagionFrequency.ToString("0.0%", CultureInfo.InvariantCulture),
                p.FrequencyStandardError.ToString("0.0%", CultureInfo.InvariantCulture),
                p.ContagiousTrials == 0 ? "-" : p.MeanExtentGivenContagion.ToString("0.0%", CultureInfo.InvariantCulture),
                p.MeanDefaults.ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.WriteLine(result.Window() is { } window
            ? string.Create(CultureInfo.InvariantCulture, $"contagion (in at least 1 % of networks) for {window.Low} ≤ z ≤ {window.High}")
            : "no contagion at any z");
    }
}
