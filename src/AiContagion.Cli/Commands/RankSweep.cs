using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Cascades;
using AiContagion.Cli.Infrastructure;
using AiContagion.Ranking;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion rank ... --sweep NAME=v1,v2,... [--sweep ...]</c>: the ranking at every point of a grid of
/// assumptions, and how stable it is between points (<see cref="RankingSweep"/>).
/// </summary>
internal static class RankSweep
{
    /// <summary>Parses the <c>--sweep</c> values into axes; every error names the option and the value.</summary>
    public static IReadOnlyList<SweepAxis> ParseAxes(IReadOnlyList<string> values, CascadeModelKind model)
    {
        var axes = new List<SweepAxis>();
        foreach (var raw in values)
        {
            var text = raw.Trim();
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliUsageException($"--sweep: '{raw}' should be NAME=v1,v2,... with NAME one of {SweepParameter.AllNames}.");
            }

            var name = text[..equals].Trim();
            if (!SweepParameter.TryParse(name, out var parameter))
            {
                throw new CliUsageException($"--sweep: unknown parameter '{name}'; expected one of {SweepParameter.AllNames}.");
            }

            if (axes.Any(a => ReferenceEquals(a.Parameter, parameter)))
            {
                throw new CliUsageException($"--sweep: {parameter.Name} is given twice; list all its values in one --sweep.");
            }

            if (!parameter.AppliesTo(model))
            {
                throw new CliUsageException(
                    $"--sweep: the {CascadeModels.CommandName(model)} model does not read {parameter.Name} (it is read by {string.Join(", ", parameter.Models.Select(CascadeModels.CommandName))}).");
            }

            var parts = CommonOptions.SplitList(text[(equals + 1)..]);
            if (parts.Count == 0)
            {
                throw new CliUsageException($"--sweep: {parameter.Name} has no value.");
            }

            var numbers = new List<double>();
            foreach (var part in parts)
            {
                var value = Number(parameter, part);
                if (!parameter.IsValid(value))
                {
                    throw new CliUsageException($"--sweep: {parameter.Name} value '{part}' must lie in {parameter.RangeText()}.");
                }

                if (numbers.Contains(value))
                {
                    throw new CliUsageException($"--sweep: {parameter.Name} gives {part} twice.");
                }

                numbers.Add(value);
            }

            axes.Add(new SweepAxis(parameter, numbers));
        }

        return axes;
    }

    public static void WriteJson(CliContext context, RankingSweepResult sweep, int? limit) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteString("model", sweep.ModelName);
            w.WriteString("mode", sweep.Options.Ranking.Mode.ToString());
            w.WriteString("shock", sweep.Options.Ranking.Shock.ToString());
            w.WriteString("unit", sweep.Network.Unit);
            w.WriteNumber("topK", sweep.Options.TopK);
            w.WriteStartArray("axes");
            foreach (var axis in sweep.Axes)
            {
                w.WriteStartObject();
                w.WriteString("parameter", axis.Parameter.Name);
                w.WriteStartArray("values");
                foreach (var value in axis.Values)
                {
                    WriteValue(w, value);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("settings");
            foreach (var setting in sweep.Settings)
            {
                w.WriteStartObject();
                w.WriteNumber("index", setting.Index);
                w.WriteStartObject("parameters");
                foreach (var value in setting.Values)
                {
                    w.WritePropertyName(value.Parameter.Name);
                    WriteValue(w, value.Value);
                }

                w.WriteEndObject();
                w.WriteStartObject("modelSettings");
                foreach (var (name, value) in setting.Ranking.Settings)
                {
                    w.WriteString(name, value);
                }

                w.WriteEndObject();
                w.WriteNumber("candidates", setting.Ranking.Candidates.Length);
                w.WriteNumber("runs", setting.Ranking.Runs);
                w.WriteStartArray("ranking");
                foreach (var entry in setting.Ranking.Entries.Take(limit ?? int.MaxValue))
                {
                    RankCommand.WriteEntry(w, entry);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("stability");
            foreach (var s in sweep.Stability)
            {
                w.WriteStartObject();
                w.WriteNumber("a", s.A);
                w.WriteNumber("b", s.B);
                w.WriteNumber("commonCandidates", s.CommonCandidates);
                w.WriteNumberOrNull("topKOverlap", s.TopKOverlap);
                w.WriteNumberOrNull("kendallTau", s.KendallTau);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("candidates");
            foreach (var c in sweep.Candidates.Take(limit ?? int.MaxValue))
            {
                w.WriteStartObject();
                w.WriteString("source", c.Label);
                w.WriteNumber("bestRank", c.BestRank);
                w.WriteNumber("worstRank", c.WorstRank);
                w.WriteNumber("fewestLinksDown", c.FewestLinksDown);
                w.WriteNumber("mostLinksDown", c.MostLinksDown);
                w.WriteNumber("timesFirst", c.TimesFirst);
                w.WriteNumber("timesTiedFirst", c.TimesTiedFirst);
                w.WriteNumber("timesInTopK", c.TimesInTopK);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static void WriteTables(CliContext context, RankingSweepResult sweep, int? limit)
    {
        var console = context.Console;
        var first = sweep.Settings[0].Ranking;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(sweep.ModelName)}[/] ranking sweep: {string.Join(" × ", sweep.Axes.Select(a => Markup.Escape(a.ToString())))} = {sweep.Settings.Length} settings, {first.Candidates.Length} candidates, {first.Options.Mode}, shock {first.Options.Shock}"));
        foreach (var setting in sweep.Settings)
        {
            console.WriteLine();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]#{setting.Index + 1}[/] {Markup.Escape(setting.Label)}"));
            console.WriteLine("settings: " + ModelOptions.Describe(setting.Ranking.Settings));
            RankCommand.WriteEntryTable(console, sweep.Network.Unit, [.. setting.Ranking.Entries.Take(limit ?? int.MaxValue)]);
        }

        if (sweep.Settings.Length > 1)
        {
            console.WriteLine();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]Stability[/] between settings (upper: Kendall's tau-b over common candidates, ties kept; lower: top-{sweep.Options.TopK} overlap)"));
            var matrix = new Table().AddColumn(string.Empty);
            foreach (var setting in sweep.Settings)
            {
                matrix.AddColumn(new TableColumn("#" + (setting.Index + 1).ToString(CultureInfo.InvariantCulture)).RightAligned());
            }

            foreach (var row in sweep.Settings)
            {
                var cells = new List<string> { "#" + (row.Index + 1).ToString(CultureInfo.InvariantCulture) };
                foreach (var column in sweep.Settings)
                {
                    cells.Add(
                        row.Index == column.Index ? "-"
                        : row.Index < column.Index ? Format(sweep.Between(row.Index, column.Index).KendallTau)
                        : Format(sweep.Between(row.Index, column.Index).TopKOverlap));
                }

                matrix.AddRow([.. cells]);
            }

            console.Write(matrix);
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"minimum Kendall's tau-b {Format(sweep.MinimumKendallTau)}, minimum top-{sweep.Options.TopK} overlap {Format(sweep.MinimumTopKOverlap)}"));
        }

        console.WriteLine();
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]Across the grid[/] ({sweep.Settings.Length} settings)"));
        var across = new Table()
            .AddColumn("source")
            .AddColumn(new TableColumn("rank").RightAligned())
            .AddColumn(new TableColumn("links down").RightAligned())
            .AddColumn(new TableColumn("first").RightAligned())
            .AddColumn(new TableColumn("tied first").RightAligned())
            .AddColumn(new TableColumn($"in top {sweep.Options.TopK}").RightAligned());
        foreach (var c in sweep.Candidates.Take(limit ?? int.MaxValue))
        {
            across.AddRow(
                Markup.Escape(c.Label),
                Range(c.BestRank, c.WorstRank),
                Range(c.FewestLinksDown, c.MostLinksDown),
                Count(c.TimesFirst, c.Settings),
                Count(c.TimesTiedFirst, c.Settings),
                Count(c.TimesInTopK, c.Settings));
        }

        console.Write(across);
    }

    private static double Number(SweepParameter parameter, string text)
    {
        if (text.Trim().ToLowerInvariant() is "inf" or "infinity" or "+inf" or "∞")
        {
            return double.PositiveInfinity;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            throw new CliUsageException($"--sweep: {parameter.Name} value '{text}' is not a number.");
        }

        return value;
    }

    private static void WriteValue(System.Text.Json.Utf8JsonWriter w, double value)
    {
        // JSON has no infinity: +∞ (a default capital) is written as the string "inf", as on the command line.
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteStringValue(SweepParameter.Format(value));
        }
    }

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Range(int low, int high) =>
        low == high ? low.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{low}–{high}");

    private static string Count(int count, int of) => string.Create(CultureInfo.InvariantCulture, $"{count}/{of}");
}
