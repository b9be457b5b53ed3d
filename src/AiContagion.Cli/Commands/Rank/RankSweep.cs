using System.CommandLine;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Ranking;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Rank;

/// <summary>
/// <c>--sweep NAME=v1,v2,...</c> (repeatable: the grid is the cross product): rank at every value of an assumption.
/// Values are checked while parsing, and against the model and the other options before any graph is read.
/// </summary>
internal sealed class RankSweepOption : Option<string[]>
{
    public RankSweepOption()
        : base("--sweep")
    {
        Description = "Rank at every value of an assumption, NAME=v1,v2,... (repeatable: the grid is the cross product), NAME one of "
            + SweepParameter.AllNames + "; prints each ranking and their stability (Kendall's tau-b, top-k overlap with k = --top, default 3).";
        HelpName = "NAME=v1,v2,...";
    }

    /// <summary>The sweep's axes (none without <c>--sweep</c>), checked against the model and the options that conflict with a sweep.</summary>
    public IReadOnlyList<SweepAxis> Axes(ParseResult parse, CascadeModelKind kind, ModelOptions models, RankingModeOptions mode, CandidateShockOptions shock, ChartOption chart)
    {
        var values = parse.GetValue(this) ?? [];
        if (values.Length == 0)
        {
            return [];
        }

        var axes = RankSweep.ParseAxes(values, kind);
        foreach (var axis in axes)
        {
            var single = axis.Parameter == SweepParameter.DefaultTolerance ? "--default-tolerance"
                : axis.Parameter == SweepParameter.Recovery ? "--recovery"
                : axis.Parameter == SweepParameter.WithdrawalFraction ? "--fraction"
                : axis.Parameter == SweepParameter.Months ? "--months"
                : axis.Parameter == SweepParameter.Floor ? "--floor"
                : axis.Parameter == SweepParameter.UnknownCash ? "--unknown-cash"
                : null;
            var given = single == "--fraction" ? shock.FractionGiven(parse) : single is not null && models.Gives(parse, single);
            if (given)
            {
                throw new CliUsageException($"--sweep {axis.Parameter.Name} and {single}: choose one.");
            }
        }

        if (mode.Mode(parse) == RankingMode.Greedy)
        {
            throw new CliUsageException("--sweep and --greedy: a sweep compares rankings of candidates; use singles or --pairs.");
        }

        if (parse.GetValue(chart) is not null)
        {
            throw new CliUsageException("--sweep and --chart: choose one (draw one setting's chart without --sweep).");
        }

        if (axes.Any(a => a.Parameter == SweepParameter.WithdrawalFraction) && shock.Shock(parse) != CandidateShock.Withdraw)
        {
            throw new CliUsageException("--sweep fraction: the withdrawal fraction applies to --shock withdraw only.");
        }

        return axes;
    }
}

/// <summary>
/// <c>aicontagion rank ... --sweep NAME=v1,v2,... [--sweep ...]</c>: the ranking at every point of a grid of
/// assumptions, and how stable it is between points (<see cref="RankingSweep"/>).
/// </summary>
internal static class RankSweep
{
    /// <summary>Runs the sweep and reports it: the file (when asked), then the tables or the JSON.</summary>
    public static void Run(CliContext context, ResultRequest request, FinancingNetwork network, CascadeModelKind kind, CascadeModelSettings settings, IReadOnlyList<SweepAxis> axes, WithdrawalRankingOptions options)
    {
        var sweepOptions = new RankingSweepOptions { ModelSettings = settings, Ranking = options, TopK = request.TopGiven ?? 3 };
        var result = TerminalProgressBar.Run<RankingProgress, RankingSweepResult>(context, "ranking sweep", p => (p.Completed, p.Total), progress =>
            new RankingSweep(kind, axes, sweepOptions).Run(network, progress, context.CancellationToken));
        if (request.OutputPath is { } path)
        {
            RankReport.Rows.Write(path, result.Settings.SelectMany(s => s.Ranking.Entries.Select(e => ((SweepSetting?)s, e))));
        }

        var scope = request.Scope(network);
        if (request.Json)
        {
            JsonOutput.Write(context.Output, w => WriteJson(w, result, scope.Complete ? request.TopGiven : request.Rows, scope));
        }
        else
        {
            WriteTables(context, result, request.Rows);
        }
    }

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

            var parts = OptionValues.SplitList(text[(equals + 1)..]);
            if (parts.Count == 0)
            {
                throw new CliUsageException($"--sweep: {parameter.Name} has no value.");
            }

            var numbers = new List<double>();
            foreach (var part in parts)
            {
                var value = parameter.TryParseValue(part, out var parsed) ? parsed
                    : parameter.IsNumeric ? throw new CliUsageException($"--sweep: {parameter.Name} value '{part}' is not a number.")
                    : throw new CliUsageException($"--sweep: {parameter.Name} value '{part}' should be one of: {parameter.RangeText()}.");
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

    private static void WriteJson(System.Text.Json.Utf8JsonWriter w, RankingSweepResult sweep, int? limit, ResultScope scope)
    {
        w.WriteStartObject();
        w.WriteString("model", sweep.ModelName);
        w.WriteString("mode", sweep.Options.Ranking.Mode.ToString());
        w.WriteString("shock", sweep.Options.Ranking.Shock.ToString());
        w.WriteString("unit", sweep.Network.Unit);
        w.WriteNumber("topK", sweep.Options.TopK);
        scope.WriteTruncation(w, "settings[].ranking", "candidates");
        w.WriteStartArray("axes");
        foreach (var axis in sweep.Axes)
        {
            w.WriteStartObject();
            w.WriteString("parameter", axis.Parameter.Name);
            w.WriteStartArray("values");
            foreach (var value in axis.Values)
            {
                WriteValue(w, axis.Parameter, value);
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
                WriteValue(w, value.Parameter, value.Value);
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
            w.WriteBoolean("againstBaseline", setting.Ranking.AgainstBaseline);
            RankReport.WriteBaseline(w, setting.Ranking, scope);
            w.WriteStartArray("ranking");
            var firstFailure = RankReport.FirstFailureName(setting.Ranking);
            foreach (var entry in setting.Ranking.Entries.Take(limit ?? int.MaxValue))
            {
                RankReport.WriteEntry(w, entry, firstFailure, setting.Ranking.Baseline?.Runway?.Assumptions);
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
    }

    private static void WriteTables(CliContext context, RankingSweepResult sweep, int rows)
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
            RankReport.WriteBaselineText(context, setting.Ranking, rows);
            RankReport.WriteEntryTable(console, sweep.Network.Unit, setting.Ranking.Entries, rows, RankReport.FirstFailureName(setting.Ranking), setting.Ranking.Baseline?.Runway?.Assumptions);
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
        foreach (var c in sweep.Candidates.Take(rows))
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
        if (sweep.Candidates.Length > rows)
        {
            console.WriteLine(Readable.More(sweep.Candidates.Length - rows, "candidates"));
        }
    }

    private static void WriteValue(System.Text.Json.Utf8JsonWriter w, SweepParameter parameter, double value)
    {
        // JSON has no infinity: +∞ (a default capital) is written as the string "inf", as on the command line; named
        // values (unknown-cash) as their names.
        if (double.IsFinite(value) && parameter.IsNumeric)
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteStringValue(parameter.FormatValue(value));
        }
    }

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Range(int low, int high) =>
        low == high ? low.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{low}–{high}");

    private static string Count(int count, int of) => string.Create(CultureInfo.InvariantCulture, $"{count}/{of}");
}
