using AiContagion.Export;
using System.Globalization;
using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Cli.Infrastructure;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Runway;

/// <summary>
/// What <c>runway</c> prints and writes: the assumptions it relied on, who fails when and why (top rows), the baseline
/// (who fails anyway, and why), the months that changed; the JSON, every entity in a file, the chart.
/// </summary>
internal static class RunwayReport
{
    /// <summary>The <c>--output</c> columns: one row per entity, failures first (by month), then survivors in network order.</summary>
    public static readonly RowSchema<(EntityRunway Entity, string Sector)> Rows = new(
        RowColumn<(EntityRunway Entity, string Sector)>.Text("id", "entity id", r => r.Entity.Id),
        RowColumn<(EntityRunway Entity, string Sector)>.Text("sector", "its sector", r => r.Sector),
        RowColumn<(EntityRunway Entity, string Sector)>.Integer("failedMonth", "month it ran out of cash with the shock (empty: survived)", r => r.Entity.FailedMonth),
        RowColumn<(EntityRunway Entity, string Sector)>.Integer("baselineFailedMonth", "the same without the shock", r => r.Entity.BaselineFailedMonth),
        RowColumn<(EntityRunway Entity, string Sector)>.Text("outcome", "survives, fails-without-shock, fails-sooner-with-shock, fails-only-with-shock, fails-later-with-shock or survives-only-with-shock", r => OutcomeName(r.Entity.Outcome)),
        RowColumn<(EntityRunway Entity, string Sector)>.Flag("withdrawn", "whether it is a withdrawing source", r => r.Entity.IsWithdrawn),
        RowColumn<(EntityRunway Entity, string Sector)>.Number("initialCash", "cash at month 0 (empty: unlimited)", r => r.Entity.InitialCash),
        RowColumn<(EntityRunway Entity, string Sector)>.Flag("cashEstimated", "whether that cash was estimated (--unknown-cash)", r => r.Entity.CashEstimated),
        RowColumn<(EntityRunway Entity, string Sector)>.Number("finalCash", "cash at the last month simulated (empty: unlimited)", r => r.Entity.Cash.IsEmpty ? null : r.Entity.Cash[^1]),
        RowColumn<(EntityRunway Entity, string Sector)>.Text("failureCause", "why it failed: cash, losses or shock (empty: survived)", r => r.Entity.Failure is { } f ? RunwayText.CauseName(f.Cause) : null),
        RowColumn<(EntityRunway Entity, string Sector)>.Text("baselineFailureCause", "the same without the shock", r => r.Entity.BaselineFailure is { } f ? RunwayText.CauseName(f.Cause) : null));

    /// <summary>The chart and the file (when asked), then the tables or the JSON.</summary>
    public static void Write(CliContext context, ResultRequest request, RunwayResult result, string? chart, int chartTop, bool cashPaths)
    {
        if (chart is not null)
        {
            if (result.Failed == 0 && result.Entities.All(e => e.Cash.IsEmpty || e.Cash.Min() >= e.Cash[0]))
            {
                context.Error.WriteLine("warning: no entity failed and none saw its cash fall; --chart was not written.");
            }
            else
            {
                result.TimelineChart(chartTop).Save(chart);
            }
        }

        var ordered = result.FailureOrder.Concat(result.Entities.Where(e => e.FailedMonth is null));
        if (request.OutputPath is { } path)
        {
            Rows.Write(path, ordered.Select(e => (e, result.Network[e.Id].Sector.ToString())));
        }

        if (request.Json)
        {
            JsonOutput.Write(context.Output, w => WriteJson(w, result, ordered, cashPaths, request.Scope(result.Network)));
        }
        else
        {
            WriteTables(context, result, request.Rows);
        }
    }

    private static string OutcomeName(RunwayOutcome outcome) => outcome switch
    {
        RunwayOutcome.Survives => "survives",
        RunwayOutcome.FailsWithoutShock => "fails-without-shock",
        RunwayOutcome.FailsSoonerWithShock => "fails-sooner-with-shock",
        RunwayOutcome.FailsOnlyWithShock => "fails-only-with-shock",
        RunwayOutcome.FailsLaterWithShock => "fails-later-with-shock",
        _ => "survives-only-with-shock",
    };

    private static void WriteJson(Utf8JsonWriter w, RunwayResult result, IEnumerable<EntityRunway> ordered, bool cashPaths, ResultScope scope)
    {
        var options = result.Options;
        w.WriteStartObject();
        w.WriteStartArray("withdrawn");
        foreach (var withdrawal in result.Withdrawals)
        {
            w.WriteStartObject();
            w.WriteString("id", withdrawal.Id);
            w.WriteNumber("fraction", withdrawal.Fraction);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("withdrawalMonth", options.WithdrawalMonth);
        w.WriteNumber("months", options.Months);
        w.WriteNumber("floor", options.Floor);
        w.WriteNumber("defaultTermYears", options.DefaultTermYears);
        w.WriteBoolean("recurringLinks", options.RecurringLinks);
        w.WriteString("unknownCash", options.UnknownCashText());
        w.WriteNumber("defaultTolerance", options.DefaultTolerance);
        w.WriteString("recovery", options.Recovery.ToString());
        RunwayText.WriteAssumptions(w, result.Assumptions);
        w.WriteString("unit", result.Network.Unit);
        w.WriteNumber("failed", result.Failed);
        w.WriteNumber("failedWithoutShock", result.FailedWithoutShock);
        w.WriteNumber("failedBecauseOfShock", result.FailedBecauseOfShock);
        scope.WriteTruncation(w, "entities");
        w.WriteStartArray("entities");
        foreach (var e in scope.Take(ordered))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteNumberOrNull("failedMonth", e.FailedMonth);
            w.WriteNumberOrNull("baselineFailedMonth", e.BaselineFailedMonth);
            RunwayText.WriteDate(w, "failedDate", result.Assumptions, e.FailedMonth);
            RunwayText.WriteDate(w, "baselineFailedDate", result.Assumptions, e.BaselineFailedMonth);
            w.WriteString("outcome", OutcomeName(e.Outcome));
            if (e.Failure is { } failure)
            {
                w.WriteString("failureCause", RunwayText.CauseName(failure.Cause));
            }

            if (e.BaselineFailure is { } baselineFailure)
            {
                w.WriteString("baselineFailureCause", RunwayText.CauseName(baselineFailure.Cause));
            }

            w.WriteBoolean("withdrawn", e.IsWithdrawn);
            if (e.InitialCash is { } cash)
            {
                w.WriteNumber("initialCash", cash);
                w.WriteBoolean("cashEstimated", e.CashEstimated);
                w.WriteNumber("finalCash", e.Cash[^1]);
            }
            else
            {
                w.WriteNull("initialCash");
            }

            if (cashPaths && !e.Cash.IsEmpty)
            {
                w.WriteStartArray("cash");
                foreach (var value in e.Cash)
                {
                    w.WriteNumberValue(value);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        RunwayText.WriteBaseline(w, result, scope);
        w.WriteStartArray("timeline");
        foreach (var month in result.Timeline)
        {
            w.WriteStartObject();
            w.WriteNumber("month", month.Month);
            RunwayText.WriteDate(w, "date", result.Assumptions, month.Month);
            w.WriteNumber("linksDown", month.LinksDown);
            w.WriteNumber("amountDown", month.AmountDown);
            w.WriteNumber("entitiesFailed", month.EntitiesFailed);
            w.WriteNumber("flowStopped", month.FlowStopped);
            w.WriteNumber("baselineLinksDown", month.BaselineLinksDown);
            w.WriteNumber("baselineEntitiesFailed", month.BaselineEntitiesFailed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTables(CliContext context, RunwayResult result, int rows)
    {
        var console = context.Console;
        var network = result.Network;
        var shock = result.Withdrawals.IsEmpty
            ? "no withdrawal (baseline)"
            : string.Create(CultureInfo.InvariantCulture, $"{WithdrawOption.Describe(result.Withdrawals)} at month {result.Options.WithdrawalMonth}");
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"runway over {result.Options.Months} months, {shock}: {Readable.Count(result.Failed)} entities out of cash ({Readable.Count(result.FailedWithoutShock)} without the shock, {Readable.Count(result.FailedBecauseOfShock)} because of it), {Readable.Count(result.Timeline[^1].LinksDown)} links down")));
        RunwayText.WriteNotes(context.Output, result.Assumptions, result.Options.Months);
        if (result.Failed > 0)
        {
            var unit = Markup.Escape(network.Unit);
            var table = new Table().AddColumn(new TableColumn("month").RightAligned()).AddColumn("entity").AddColumn("sector").AddColumn("cause")
                .AddColumn("outcome").AddColumn(new TableColumn("without shock").RightAligned()).AddColumn(new TableColumn($"cash at start ({unit})").RightAligned());
            foreach (var e in result.FailureOrder.Take(rows))
            {
                table.AddRow(
                    RunwayText.MonthCell(result.Assumptions, e.FailedMonth!.Value),
                    Markup.Escape(e.Id),
                    network[e.Id].Sector.ToString(),
                    RunwayText.CauseName(e.Failure!.Cause),
                    OutcomeName(e.Outcome),
                    e.BaselineFailedMonth is { } b ? RunwayText.MonthCell(result.Assumptions, b) : "survives",
                    e.InitialCash is { } c ? Readable.Amount(Math.Round(c, 4)) + (e.CashEstimated ? " (est.)" : "") : "unlimited");
            }

            console.Write(table);
            if (result.Failed > rows)
            {
                console.WriteLine(Readable.More(result.Failed - rows, "entities out of cash"));
            }
        }

        if (!result.Withdrawals.IsEmpty)
        {
            RunwayText.WriteBaselineTable(console, result, rows);
        }

        var timeline = new Table().AddColumn(new TableColumn("month").RightAligned())
            .AddColumn(new TableColumn("links down").RightAligned()).AddColumn(new TableColumn("entities failed").RightAligned())
            .AddColumn(new TableColumn("flow stopped").RightAligned())
            .AddColumn(new TableColumn("baseline links down").RightAligned()).AddColumn(new TableColumn("baseline failed").RightAligned());
        RunwayMonth? previous = null;
        foreach (var month in result.Timeline)
        {
            var changed = previous is not { } p || p.LinksDown != month.LinksDown || p.EntitiesFailed != month.EntitiesFailed
                || p.BaselineLinksDown != month.BaselineLinksDown || p.BaselineEntitiesFailed != month.BaselineEntitiesFailed;
            if (changed || month.Month == result.Options.Months)
            {
                timeline.AddRow(
                    RunwayText.MonthCell(result.Assumptions, month.Month),
                    month.LinksDown.ToString(CultureInfo.InvariantCulture),
                    month.EntitiesFailed.ToString(CultureInfo.InvariantCulture),
                    Readable.Amount(Math.Round(month.FlowStopped, 4)),
                    month.BaselineLinksDown.ToString(CultureInfo.InvariantCulture),
                    month.BaselineEntitiesFailed.ToString(CultureInfo.InvariantCulture));
            }

            previous = month;
        }

        console.WriteLine("months in which something changed:");
        console.Write(timeline);
    }
}
