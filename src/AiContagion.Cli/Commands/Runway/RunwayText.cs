using System.Globalization;
using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Cli.Infrastructure;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Runway;

/// <summary>
/// What every output of the runway model states, in text and JSON: the assumptions the run relied on (undated links,
/// firms without a cash figure) and the baseline — who fails without any shock, in which month, and why.
/// </summary>
internal static class RunwayText
{
    /// <summary>The cause as the outputs write it: <c>cash</c>, <c>losses</c>, <c>shock</c>.</summary>
    public static string CauseName(RunwayFailureCause cause) => cause switch
    {
        RunwayFailureCause.Cash => "cash",
        RunwayFailureCause.Losses => "losses",
        RunwayFailureCause.Shock => "shock",
        _ => "none",
    };

    /// <summary>
    /// The calendar month of month <paramref name="month"/> ≥ 1, written <c>YYYY-MM</c> (month k is the k-th calendar
    /// month counted from the asOf month: asOf 2026-01 → month 1 is 2026-01), or <see langword="null"/> for month 0
    /// (the state at asOf) and for a network without an asOf.
    /// </summary>
    public static string? Date(RunwayAssumptions assumptions, int? month) =>
        assumptions.AsOf is { } asOf && month is { } k && k >= 1 ? asOf.AddMonths(k - 1).ToString() : null;

    /// <summary>A month as the tables write it: <c>5 (2026-05)</c>, or the bare number without a calendar date (month 0, no asOf).</summary>
    public static string MonthCell(RunwayAssumptions assumptions, int month) =>
        Date(assumptions, month) is { } date
            ? string.Create(CultureInfo.InvariantCulture, $"{month} ({date})")
            : month.ToString(CultureInfo.InvariantCulture);

    /// <summary>The calendar line (which calendar months the months are), then one line per assumption, each starting with <c>note:</c>.</summary>
    public static void WriteNotes(TextWriter output, RunwayAssumptions assumptions, int? months = null)
    {
        if (assumptions.AsOf is { } asOf)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"calendar: asOf {asOf}; month 0 is the state at asOf, month 1 is {asOf}{(months is { } h ? $", month {h} is {Date(assumptions, h)}" : "")}"));
        }
        else
        {
            output.WriteLine("calendar: the network has no asOf; month 1 is the first month simulated (no calendar dates)");
        }

        foreach (var note in assumptions.Notes)
        {
            output.WriteLine("note: " + note);
        }
    }

    /// <summary>The <c>assumptions</c> object: the undated-link defaults, the unknown-cash rule and every firm relying on it, the notes.</summary>
    public static void WriteAssumptions(Utf8JsonWriter w, RunwayAssumptions assumptions)
    {
        w.WriteStartObject("assumptions");
        if (assumptions.AsOf is { } asOf)
        {
            w.WriteString("asOf", asOf.ToString());
        }
        else
        {
            w.WriteNull("asOf");
        }

        w.WriteNumber("undatedClaims", assumptions.UndatedClaims);
        w.WriteNumber("undatedContracts", assumptions.UndatedContracts);
        w.WriteNumber("defaultTermMonths", assumptions.DefaultTermMonths);
        w.WriteNumber("linksWithoutStart", assumptions.LinksWithoutStart);
        w.WriteString("unknownCashRule", assumptions.UnknownCashRuleText);
        w.WriteStrings("unknownCash", assumptions.UnknownCash);
        w.WriteStrings("notes", assumptions.Notes);
        w.WriteEndObject();
    }

    /// <summary>The <c>baseline</c> object: the firms that fail with no shock at all, by month, each with the flows that drained it.</summary>
    public static void WriteBaseline(Utf8JsonWriter w, RunwayResult runway, ResultScope scope)
    {
        w.WriteStartObject("baseline");
        w.WriteNumber("failed", runway.FailedWithoutShock);
        w.WriteStartArray("failures");
        foreach (var e in scope.Take(runway.BaselineFailures))
        {
            WriteFailure(w, e.Id, e.BaselineFailure!, runway.Assumptions);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One failure as a JSON object: id, month, cause, cash and the flows of months 1 to the failure.</summary>
    public static void WriteFailure(Utf8JsonWriter w, string id, RunwayFailure failure, RunwayAssumptions assumptions)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteNumber("month", failure.Month);
        WriteDate(w, "date", assumptions, failure.Month);
        w.WriteString("cause", CauseName(failure.Cause));
        w.WriteOptionalNumberOrNull("cash", failure.Cash);
        w.WriteNumber("received", failure.Received);
        w.WriteNumber("revenue", failure.Revenue);
        w.WriteNumber("paid", failure.Paid);
        w.WriteNumber("debtServicePaid", failure.DebtServicePaid);
        w.WriteNumber("costs", failure.Costs);
        w.WriteNumber("losses", failure.Losses);
        w.WriteEndObject();
    }

    /// <summary>A calendar date (<c>YYYY-MM</c>) of a month, <see langword="null"/> when it has none (see <see cref="Date"/>).</summary>
    public static void WriteDate(Utf8JsonWriter w, string name, RunwayAssumptions assumptions, int? month)
    {
        if (Date(assumptions, month) is { } date)
        {
            w.WriteString(name, date);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>The baseline in words and a table: who fails anyway, in which month, and what drained it.</summary>
    public static void WriteBaselineTable(IAnsiConsole console, RunwayResult runway, int rows)
    {
        var failures = runway.BaselineFailures;
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"baseline (no withdrawal): {Readable.Count(failures.Length)} firms fail anyway within {runway.Options.Months} months{(failures.IsEmpty ? "" : ":")}"));
        if (failures.IsEmpty)
        {
            return;
        }

        var unit = Markup.Escape(runway.Network.Unit);
        var table = new Table().AddColumn(new TableColumn("month").RightAligned()).AddColumn("entity").AddColumn("cause")
            .AddColumn(new TableColumn($"cash at start ({unit})").RightAligned())
            .AddColumn(new TableColumn("received").RightAligned()).AddColumn(new TableColumn("revenue").RightAligned())
            .AddColumn(new TableColumn("paid").RightAligned()).AddColumn(new TableColumn("of which debt service").RightAligned())
            .AddColumn(new TableColumn("costs").RightAligned()).AddColumn(new TableColumn("cash at failure").RightAligned())
            .AddColumn(new TableColumn("losses").RightAligned());
        foreach (var e in failures.Take(rows))
        {
            var f = e.BaselineFailure!;
            table.AddRow(
                MonthCell(runway.Assumptions, f.Month),
                Markup.Escape(e.Id),
                CauseName(f.Cause),
                e.InitialCash is { } c ? Readable.Amount(Math.Round(c, 4)) + (e.CashEstimated ? " (est.)" : "") : "unlimited",
                Readable.Amount(Math.Round(f.Received, 4)),
                Readable.Amount(Math.Round(f.Revenue, 4)),
                Readable.Amount(Math.Round(f.Paid, 4)),
                Readable.Amount(Math.Round(f.DebtServicePaid, 4)),
                Readable.Amount(Math.Round(f.Costs, 4)),
                f.Cash is { } cash ? Readable.Amount(Math.Round(cash, 4)) : "unlimited",
                Readable.Amount(Math.Round(f.Losses, 4)));
        }

        console.Write(table);
        if (failures.Length > rows)
        {
            console.WriteLine(Readable.More(failures.Length - rows, "baseline failures"));
        }
    }
}
