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
/// <c>aicontagion runway &lt;graph&gt; --withdraw ID[,ID] [--at MONTH] [--months H] [--json] [--chart FILE]</c>: the month-by-month
/// cash simulation: who runs out of cash when, and how the failures spread.
/// </summary>
internal static class RunwayCommand
{
    public static Command Create(CliContext context)
    {
        var graph = CommonOptions.Graph();
        var json = CommonOptions.Json();
        var withdraw = new Option<string[]>("--withdraw", "-w")
        {
            Description = "Sources that withdraw: ID or ID=fraction, repeatable or comma-separated. None: the baseline alone.",
        };
        var at = new Option<int>("--at") { Description = "The month t0 at whose end they withdraw: no payment from month t0 + 1 (default 0).", DefaultValueFactory = _ => 0 };
        var months = new Option<int>("--months") { Description = "The horizon H in months (default 24, at most 1200).", DefaultValueFactory = _ => 24 };
        var term = new Option<string?>("--default-term") { Description = "Years over which a link without termYears is paid (default 1)." };
        var recurring = new Option<bool>("--recurring") { Description = "Links pay amount / (12 · termYears) every month of the horizon instead of stopping once paid." };
        var unknownCash = new Option<string>("--unknown-cash")
        {
            Description = "Cash of an entity without a cash figure (funding sources: unlimited): 'tolerance' (default: τ × first-year inflow), 'unlimited', 'zero'.",
            DefaultValueFactory = _ => "tolerance",
        };
        var tolerance = new Option<string?>("--default-tolerance") { Description = "τ in [0, 1] for --unknown-cash tolerance when the entity has no tolerance figure (default 0.25)." };
        var cashPaths = new Option<bool>("--cash-paths") { Description = "JSON: include each entity's cash month by month." };
        var chart = new Option<string?>("--chart") { Description = "Write the cash paths of the first entities to fail (.png or .svg)." };
        var chartTop = new Option<int>("--chart-top") { Description = "Cash paths drawn by --chart (default 10).", DefaultValueFactory = _ => 10 };
        var command = new Command(
            "runway",
            "Monthly cash simulation: sources withdraw at month t0; each entity's cash moves with its link payments (spread over termYears), revenue and costs; "
            + "an entity out of cash fails and stops paying. Shows who fails when, compared with a no-shock baseline.")
        {
            graph, json, withdraw, at, months, term, recurring, unknownCash, tolerance, cashPaths, chart, chartTop,
        };
        command.SetAction(parse =>
        {
            var network = CliContext.Load(parse.GetValue(graph)!);
            var withdrawals = OptionValues.Assignments("--withdraw", OptionValues.Parts(parse.GetValue(withdraw)), 1.0, allowZero: false);
            OptionValues.EnsureEntities(network, "--withdraw", withdrawals.Select(w => w.Name));
            if (withdrawals.Select(w => w.Name).Distinct(StringComparer.Ordinal).Count() != withdrawals.Count)
            {
                throw new CliUsageException("--withdraw: an id is given twice.");
            }

            var horizon = parse.GetValue(months);
            if (horizon is < 1 or > 1200)
            {
                throw new CliUsageException($"--months: {horizon} must lie in [1, 1200].");
            }

            var t0 = parse.GetValue(at);
            if (t0 < 0 || t0 > horizon)
            {
                throw new CliUsageException($"--at: {t0} must lie in [0, --months = {horizon}].");
            }

            var top = parse.GetValue(chartTop);
            if (top <= 0)
            {
                throw new CliUsageException($"--chart-top: {top} must be positive.");
            }

            ChartFiles.Check("--chart", parse.GetValue(chart));
            var options = new RunwayOptions
            {
                Months = horizon,
                WithdrawalMonth = t0,
                DefaultTermYears = parse.GetValue(term) is { } years ? PositiveYears(years) : 1.0,
                RecurringLinks = parse.GetValue(recurring),
                UnknownCash = parse.GetValue(unknownCash)!.Trim().ToLowerInvariant() switch
                {
                    "tolerance" => UnknownCashRule.FromTolerance,
                    "unlimited" => UnknownCashRule.Unlimited,
                    "zero" => UnknownCashRule.Zero,
                    var other => throw new CliUsageException($"--unknown-cash: '{other}' should be 'tolerance', 'unlimited' or 'zero'."),
                },
                DefaultTolerance = parse.GetValue(tolerance) is { } tau ? OptionValues.Fraction("--default-tolerance", tau) : 0.25,
            };
            if (parse.GetValue(tolerance) is not null && options.UnknownCash != UnknownCashRule.FromTolerance)
            {
                throw new CliUsageException("--default-tolerance applies only with --unknown-cash tolerance.");
            }

            var result = new RunwaySimulation(options).Run(network, withdrawals.Select(w => new Withdrawal(w.Name, w.Value)), context.CancellationToken);
            if (parse.GetValue(chart) is { } path)
            {
                if (result.Failed == 0 && result.Entities.All(e => e.Cash.IsEmpty || e.Cash.Min() >= e.Cash[0]))
                {
                    context.Error.WriteLine("warning: no entity failed and none saw its cash fall; --chart was not written.");
                }
                else
                {
                    result.TimelineChart(top).Save(path);
                }
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, w => WriteJson(w, result, parse.GetValue(cashPaths)));
            }
            else
            {
                WriteTables(context, result);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static double PositiveYears(string text)
    {
        var value = OptionValues.Number("--default-term", text);
        if (value <= 0)
        {
            throw new CliUsageException($"--default-term: '{text}' must be a positive number of years.");
        }

        return value;
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

    private static void WriteJson(Utf8JsonWriter w, RunwayResult result, bool cashPaths)
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
        w.WriteNumber("defaultTermYears", options.DefaultTermYears);
        w.WriteBoolean("recurringLinks", options.RecurringLinks);
        w.WriteString("unknownCash", options.UnknownCash switch
        {
            UnknownCashRule.FromTolerance => "tolerance",
            UnknownCashRule.Unlimited => "unlimited",
            _ => "zero",
        });
        w.WriteNumber("defaultTolerance", options.DefaultTolerance);
        w.WriteString("unit", result.Network.Unit);
        w.WriteNumber("failed", result.Failed);
        w.WriteNumber("failedWithoutShock", result.FailedWithoutShock);
        w.WriteNumber("failedBecauseOfShock", result.FailedBecauseOfShock);
        w.WriteStartArray("entities");
        foreach (var e in result.FailureOrder.Concat(result.Entities.Where(e => e.FailedMonth is null)))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            WriteMonth(w, "failedMonth", e.FailedMonth);
            WriteMonth(w, "baselineFailedMonth", e.BaselineFailedMonth);
            w.WriteString("outcome", OutcomeName(e.Outcome));
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
        w.WriteStartArray("timeline");
        foreach (var month in result.Timeline)
        {
            w.WriteStartObject();
            w.WriteNumber("month", month.Month);
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

    private static void WriteMonth(Utf8JsonWriter w, string name, int? month)
    {
        if (month is { } value)
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteTables(CliContext context, RunwayResult result)
    {
        var console = context.Console;
        var network = result.Network;
        var shock = result.Withdrawals.IsEmpty
            ? "no withdrawal (baseline)"
            : string.Create(CultureInfo.InvariantCulture, $"withdrawal of {string.Join(", ", result.Withdrawals.Select(w => w.Fraction == 1 ? w.Id : $"{w.Id}={w.Fraction}"))} at month {result.Options.WithdrawalMonth}");
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"runway over {result.Options.Months} months, {shock}: {result.Failed} entities out of cash ({result.FailedWithoutShock} without the shock, {result.FailedBecauseOfShock} because of it), {result.Timeline[^1].LinksDown} links down")));
        if (result.Failed > 0)
        {
            var unit = Markup.Escape(network.Unit);
            var table = new Table().AddColumn(new TableColumn("month").RightAligned()).AddColumn("entity").AddColumn("sector")
                .AddColumn("outcome").AddColumn(new TableColumn("without shock").RightAligned()).AddColumn(new TableColumn($"cash at start ({unit})").RightAligned());
            foreach (var e in result.FailureOrder)
            {
                table.AddRow(
                    e.FailedMonth!.Value.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(e.Id),
                    network[e.Id].Sector.ToString(),
                    OutcomeName(e.Outcome),
                    e.BaselineFailedMonth is { } b ? b.ToString(CultureInfo.InvariantCulture) : "survives",
                    e.InitialCash is { } c ? CascadeCommand.Format(Math.Round(c, 4)) + (e.CashEstimated ? " (est.)" : "") : "unlimited");
            }

            console.Write(table);
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
                    month.Month.ToString(CultureInfo.InvariantCulture),
                    month.LinksDown.ToString(CultureInfo.InvariantCulture),
                    month.EntitiesFailed.ToString(CultureInfo.InvariantCulture),
                    CascadeCommand.Format(Math.Round(month.FlowStopped, 4)),
                    month.BaselineLinksDown.ToString(CultureInfo.InvariantCulture),
                    month.BaselineEntitiesFailed.ToString(CultureInfo.InvariantCulture));
            }

            previous = month;
        }

        console.WriteLine("months in which something changed:");
        console.Write(timeline);
    }
}
