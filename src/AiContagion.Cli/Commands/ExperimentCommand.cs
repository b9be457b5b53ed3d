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
/// <c>aicontagion experiment gai-kapadia [--n 1000] [--trials T] [--seed S] [--json] [--chart FILE]</c>: random-network
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

    private static Command GaiKapadia(CliContext context)
    {
        var json = CommonOptions.Json();
        var banks = new Option<int>("--n") { Description = "Banks per network (default 1000).", DefaultValueFactory = _ => 1000 };
        var trials = new Option<int>("--trials") { Description = "Networks drawn per average degree (default 1000).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "Seed of every random draw (default 1).", DefaultValueFactory = _ => 1 };
        var zMax = new Option<int>("--z-max") { Description = "Sweep the average degree z = 0, 1, …, Z (default 15).", DefaultValueFactory = _ => 15 };
        var capital = new Option<string?>("--capital") { Description = "Capital as a share of total assets (default 0.04)." };
        var interbank = new Option<string?>("--interbank") { Description = "Interbank assets as a share of total assets (default 0.20)." };
        var threads = new Option<int?>("--threads") { Description = "Most trials at once (default: one per processor). The output does not depend on it." };
        var chart = new Option<string?>("--chart") { Description = "Write the contagion curve: frequency and extent against z (.png or .svg)." };
        var csv = new Option<string?>("--csv") { Description = "Write the curve as CSV." };
        var command = new Command(
            "gai-kapadia",
            "Gai & Kapadia (2010): directed Erdős–Rényi banking systems (capital 4 %, interbank assets 20 %, zero recovery), one random initial default; "
            + "contagion frequency and extent against average degree z.")
        {
            json, banks, trials, seed, zMax, capital, interbank, threads, chart, csv,
        };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(banks);
            if (n < 2)
            {
                throw new CliUsageException($"--n: {n} must be at least 2.");
            }

            var count = parse.GetValue(trials);
            if (count < 1)
            {
                throw new CliUsageException($"--trials: {count} must be positive.");
            }

            var top = parse.GetValue(zMax);
            if (top < 0 || top > n - 1)
            {
                throw new CliUsageException($"--z-max: {top} must lie in [0, n − 1 = {n - 1}].");
            }

            if ((long)count * (top + 1) > int.MaxValue)
            {
                throw new CliUsageException("--trials: too many trials in all.");
            }

            ChartFiles.Check("--chart", parse.GetValue(chart));
            var options = new GaiKapadiaExperimentOptions
            {
                Banks = n,
                TrialsPerDegree = count,
                Seed = parse.GetValue(seed),
                AverageDegrees = [.. Enumerable.Range(0, top + 1).Select(z => (double)z)],
                CapitalRatio = parse.GetValue(capital) is { } k ? Cascades.OptionValues.Fraction("--capital", k) : 0.04,
                InterbankAssetShare = parse.GetValue(interbank) is { } a ? Cascades.OptionValues.Fraction("--interbank", a) : 0.20,
                MaxDegreeOfParallelism = parse.GetValue(threads) switch
                {
                    null => -1,
                    > 0 and var t => t,
                    var t => throw new CliUsageException($"--threads: {t} must be positive."),
                },
            };
            var result = TerminalProgressBar.Run(context, "Gai–Kapadia trials", progress => GaiKapadiaExperiment.Run(options, progress, context.CancellationToken));
            if (parse.GetValue(chart) is { } chartPath)
            {
                result.ToChart().Save(chartPath);
            }

            if (parse.GetValue(csv) is { } csvPath)
            {
                AtomicFile.WriteAllText(csvPath, result.ToCsv());
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, w => WriteJson(w, result));
            }
            else
            {
                WriteTable(context, result);
            }

            return ExitCodes.Ok;
        });
        return command;
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
