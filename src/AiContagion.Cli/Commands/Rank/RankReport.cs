using AiContagion.Ranking;
using System.Globalization;
using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Runway;
using AiContagion.Cli.Infrastructure;
using AiContagion.Export;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Rank;

/// <summary>What <c>rank</c> prints and writes: the top entries, the documented JSON, every entry in a file, the chart.</summary>
internal static class RankReport
{
    /// <summary>The <c>--output</c> columns: one row per entry (with <c>--sweep</c>, per setting and entry).</summary>
    public static readonly RowSchema<(SweepSetting? Setting, CandidateRank Entry)> Rows = new(
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Integer("setting", "--sweep: index of the setting (0-based); empty without --sweep", r => r.Setting?.Index),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Text("parameters", "--sweep: the setting, e.g. default-tolerance=0.1", r => r.Setting?.Label),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Integer("rank", "rank (ties share one)", r => r.Entry.Rank),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Text("source", "the candidate (a+b for a pair or a greedy set)", r => r.Entry.Label),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Integer("linksDown", "links down", r => r.Entry.LinksDown),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Integer("directLinks", "of which the candidate's own links", r => r.Entry.DirectLinks),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Integer("cascadeLinks", "of which brought down by the cascade", r => r.Entry.CascadeLinks),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Number("amountDown", "amount down", r => r.Entry.AmountDown),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Number("directAmount", "of which direct", r => r.Entry.DirectAmount),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Number("cascadeAmount", "of which cascade", r => r.Entry.CascadeAmount),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Integer("entitiesFailed", "entities failed", r => r.Entry.EntitiesFailed),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Integer("earlierFailures", "against the baseline: firms the baseline fails too, but later", r => r.Entry.EarlierFailures),
        RowColumn<(SweepSetting? Setting, CandidateRank Entry)>.Integer("firstFailure", "against the baseline: the first round (runway: month) a firm fails because of the shock; empty: none", r => r.Entry.FirstFailureRound));

    /// <summary>Writes the chart and the file (when asked), then the table or the JSON.</summary>
    public static void Write(CliContext context, ResultRequest request, RankingResult ranking, string? chart)
    {
        if (chart is not null && ranking.Entries.Length > 0)
        {
            ModelOverlays.RankingChart(ranking, request.Rows).Save(chart);
        }

        if (request.OutputPath is { } path)
        {
            Rows.Write(path, ranking.Entries.Select(e => ((SweepSetting?)null, e)));
        }

        var scope = request.Scope(ranking.Network);
        if (request.Json)
        {
            var entries = scope.Complete ? ranking.Entries.Take(request.TopGiven ?? int.MaxValue) : ranking.Entries.Take(scope.Rows);
            JsonOutput.Write(context.Output, w => WriteJson(w, ranking, [.. entries], scope));
        }
        else
        {
            WriteTable(context, ranking, request.Rows);
        }
    }

    /// <summary>
    /// The JSON name of an entry's first failure when a ranking counts against the baseline (<c>firstFailureMonth</c> for
    /// the runway, whose rounds are months; <c>firstFailureRound</c> otherwise), or <see langword="null"/> when it does not.
    /// </summary>
    internal static string? FirstFailureName(RankingResult ranking) =>
        !ranking.AgainstBaseline ? null : ranking.ModelName == CascadeModels.CommandName(CascadeModelKind.Runway) ? "firstFailureMonth" : "firstFailureRound";

    /// <summary>One ranking entry as a JSON object (shared with the sweep output); against the baseline, with its earlier failures and first failure.</summary>
    internal static void WriteEntry(Utf8JsonWriter w, CandidateRank e, string? firstFailureName = null, RunwayAssumptions? calendar = null)
    {
        w.WriteStartObject();
        w.WriteNumber("rank", e.Rank);
        w.WriteString("source", e.Label);
        w.WriteStrings("sources", e.Sources);
        w.WriteNumber("linksDown", e.LinksDown);
        w.WriteNumber("directLinks", e.DirectLinks);
        w.WriteNumber("cascadeLinks", e.CascadeLinks);
        w.WriteNumber("amountDown", e.AmountDown);
        w.WriteNumber("directAmount", e.DirectAmount);
        w.WriteNumber("cascadeAmount", e.CascadeAmount);
        w.WriteNumber("entitiesFailed", e.EntitiesFailed);
        if (firstFailureName is not null)
        {
            w.WriteNumber("earlierFailures", e.EarlierFailures);
            w.WriteNumberOrNull(firstFailureName, e.FirstFailureRound);
            if (calendar is not null)
            {
                RunwayText.WriteDate(w, "firstFailureDate", calendar, e.FirstFailureRound);
            }
        }

        w.WriteEndObject();
    }

    /// <summary>The ranking table (shared with the sweep output), cut at <paramref name="rows"/>.</summary>
    internal static void WriteEntryTable(IAnsiConsole console, string networkUnit, IReadOnlyList<CandidateRank> entries, int rows, string? firstFailureName = null, RunwayAssumptions? calendar = null)
    {
        if (entries.Count == 0)
        {
            console.WriteLine("no candidate");
            return;
        }

        var unit = Markup.Escape(networkUnit);
        var table = new Table()
            .AddColumn(new TableColumn("rank").RightAligned())
            .AddColumn("source")
            .AddColumn(new TableColumn("links down").RightAligned())
            .AddColumn(new TableColumn("direct").RightAligned())
            .AddColumn(new TableColumn("cascade").RightAligned())
            .AddColumn(new TableColumn($"amount down ({unit})").RightAligned())
            .AddColumn(new TableColumn("entities failed").RightAligned());
        if (firstFailureName is not null)
        {
            table.AddColumn(new TableColumn("earlier").RightAligned())
                .AddColumn(new TableColumn(firstFailureName == "firstFailureMonth" ? "first failure month" : "first failure round").RightAligned());
        }

        foreach (var e in entries.Take(rows))
        {
            List<string> cells =
            [
                e.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(e.Label),
                e.LinksDown.ToString(CultureInfo.InvariantCulture),
                e.DirectLinks.ToString(CultureInfo.InvariantCulture),
                e.CascadeLinks.ToString(CultureInfo.InvariantCulture),
                Readable.Amount(e.AmountDown),
                e.EntitiesFailed.ToString(CultureInfo.InvariantCulture),
            ];
            if (firstFailureName is not null)
            {
                cells.Add(e.EarlierFailures.ToString(CultureInfo.InvariantCulture));
                cells.Add(e.FirstFailureRound is not { } first ? "-" : calendar is not null ? RunwayText.MonthCell(calendar, first) : first.ToString(CultureInfo.InvariantCulture));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
        if (entries.Count > rows)
        {
            console.WriteLine(Readable.More(entries.Count - rows, "entries"));
        }
    }

    private static void WriteJson(Utf8JsonWriter w, RankingResult ranking, IReadOnlyList<CandidateRank> entries, ResultScope scope)
    {
        w.WriteStartObject();
        w.WriteString("model", ranking.ModelName);
        w.WriteStartObject("settings");
        foreach (var (name, value) in ranking.Settings)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        w.WriteString("mode", ranking.Options.Mode.ToString());
        w.WriteString("shock", ranking.Options.Shock.ToString());
        w.WriteNumber("withdrawalFraction", ranking.Options.WithdrawalFraction);
        w.WriteString("unit", ranking.Network.Unit);
        w.WriteNumber("candidates", ranking.Candidates.Length);
        w.WriteNumber("runs", ranking.Runs);
        w.WriteBoolean("againstBaseline", ranking.AgainstBaseline);
        scope.WriteTruncation(w, "ranking");
        WriteBaseline(w, ranking, scope);
        w.WriteStartArray("ranking");
        var firstFailure = FirstFailureName(ranking);
        foreach (var e in entries)
        {
            WriteEntry(w, e, firstFailure, ranking.Baseline?.Runway?.Assumptions);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Against the baseline: the no-shock run on its own (<c>baseline</c>: who fails anyway; for the runway, in which
    /// month and why, and the <c>assumptions</c> every run relied on).
    /// </summary>
    internal static void WriteBaseline(Utf8JsonWriter w, RankingResult ranking, ResultScope scope)
    {
        if (ranking.Baseline is not { } baseline)
        {
            return;
        }

        if (baseline.Runway is { } runway)
        {
            RunwayText.WriteAssumptions(w, runway.Assumptions);
            RunwayText.WriteBaseline(w, runway, scope);
            return;
        }

        w.WriteStartObject("baseline");
        w.WriteNumber("failed", baseline.EntitiesFailed);
        w.WriteStartArray("failures");
        foreach (var e in scope.Take(baseline.FailedEntities))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteNumberOrNull("round", e.Round);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Against the baseline, in words: what the entries leave out (and for the runway, the assumptions and who fails anyway, when, why).</summary>
    internal static void WriteBaselineText(CliContext context, RankingResult ranking, int rows)
    {
        if (ranking.Baseline is not { } baseline)
        {
            return;
        }

        var console = context.Console;
        if (baseline.Runway is { } runway)
        {
            RunwayText.WriteNotes(context.Output, runway.Assumptions, runway.Options.Months);
            console.WriteLine("entries count only what each withdrawal adds to the baseline (links down and firms failed within the horizon that the baseline does not have):");
            RunwayText.WriteBaselineTable(console, runway, rows);
            return;
        }

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"entries count only what each candidate adds to the baseline (no shock: {Readable.Count(baseline.EntitiesFailed)} entities fail anyway{(baseline.EntitiesFailed == 0 ? "" : ": " + Readable.List([.. baseline.FailedEntities.Take(rows).Select(e => e.Id)]))})"));
    }

    private static void WriteTable(CliContext context, RankingResult ranking, int rows)
    {
        var console = context.Console;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(ranking.ModelName)}[/] ranking: {ranking.Candidates.Length} candidates, {ranking.Options.Mode}, shock {ranking.Options.Shock}, {ranking.Runs} runs"));
        if (!ranking.Settings.IsEmpty)
        {
            console.WriteLine("settings: " + ModelOptions.Describe(ranking.Settings));
        }

        WriteBaselineText(context, ranking, rows);
        WriteEntryTable(console, ranking.Network.Unit, ranking.Entries, rows, FirstFailureName(ranking), ranking.Baseline?.Runway?.Assumptions);
    }
}
