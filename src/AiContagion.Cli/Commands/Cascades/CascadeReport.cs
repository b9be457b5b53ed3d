using System.Globalization;
using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Runway;
using AiContagion.Cli.Infrastructure;
using AiContagion.Io;
using AiContagion.Model;
using Spectre.Console;
using Link = AiContagion.Model.Link;

namespace AiContagion.Cli.Commands.Cascades;

/// <summary>What <c>cascade</c> prints and writes: a summary with the top rows, the documented JSON, every row in files.</summary>
internal static class CascadeReport
{
    /// <summary>The <c>--output</c> columns: one row per entity, in network order.</summary>
    public static readonly RowSchema<(EntityOutcome Outcome, Entity Entity)> EntityRows = new(
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Text("id", "entity id", r => r.Outcome.Id),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Text("sector", "its sector", r => r.Entity.Sector.ToString()),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Flag("failed", "whether it failed", r => r.Outcome.Failed),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Integer("round", "round it failed in (empty: did not fail)", r => r.Outcome.Round),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Flag("shocked", "whether the shock named it", r => r.Outcome.Shocked),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Number("payment", "clearing models: total payment p_i", r => r.Outcome.Payment),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Number("networkPayment", "clearing models: part paid to the network", r => r.Outcome.NetworkPayment),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Number("equity", "final equity, where the model has one", r => r.Outcome.Equity),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Number("distress", "debtrank models: final distress h in [0, 1]", r => r.Outcome.Distress),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Number("lostInflow", "funding, chain: inflow lost", r => r.Outcome.LostInflow),
        RowColumn<(EntityOutcome Outcome, Entity Entity)>.Number("creditLoss", "credit, chain: loss on claims", r => r.Outcome.CreditLoss));

    /// <summary>The <c>--output-links</c> columns: one row per link, in network order.</summary>
    public static readonly RowSchema<(LinkOutcome Outcome, Link Link)> LinkRows = new(
        RowColumn<(LinkOutcome Outcome, Link Link)>.Integer("index", "link index in the network (0-based)", r => r.Outcome.Index),
        RowColumn<(LinkOutcome Outcome, Link Link)>.Text("from", "payer id", r => r.Link.From),
        RowColumn<(LinkOutcome Outcome, Link Link)>.Text("to", "recipient id", r => r.Link.To),
        RowColumn<(LinkOutcome Outcome, Link Link)>.Text("kind", "link kind", r => r.Link.Kind.ToString()),
        RowColumn<(LinkOutcome Outcome, Link Link)>.Number("amount", "link amount", r => r.Link.Amount),
        RowColumn<(LinkOutcome Outcome, Link Link)>.Flag("down", "whether it went down", r => r.Outcome.Down),
        RowColumn<(LinkOutcome Outcome, Link Link)>.Text("cause", "why (None when up)", r => r.Outcome.Cause.ToString()),
        RowColumn<(LinkOutcome Outcome, Link Link)>.Integer("round", "round it went down in (empty: up)", r => r.Outcome.Round),
        RowColumn<(LinkOutcome Outcome, Link Link)>.Number("amountDown", "amount that stopped", r => r.Outcome.AmountDown));

    /// <summary>Writes <c>--output</c> (entities) and <c>--output-links</c> (links), when asked.</summary>
    public static void WriteFiles(CascadeResult result, string? entities, string? links)
    {
        var network = result.Network;
        if (entities is not null)
        {
            EntityRows.Write(entities, result.Entities.Select((e, i) => (e, network.Entities[i])));
        }

        if (links is not null)
        {
            if (Path.GetExtension(links).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                AtomicFile.Write(links, stream => LinkOutcomeCsv.Write(stream, result, LinkRows.Columns.Select(c => c.Name)));
            }
            else
            {
                LinkRows.Write(links, result.Links.Select((l, i) => (l, network.Links[i])));
            }
        }
    }

    /// <summary>The summary table or the JSON on standard output; for the fire-sale model, its own outcome too (<see cref="FireSaleReport"/>).</summary>
    public static void Write(CliContext context, ResultRequest request, CascadeResult result, GivenShock shock, AiContagion.FireSales.FireSaleResult? fireSale = null)
    {
        if (request.Json)
        {
            JsonOutput.Write(context.Output, w => WriteJson(w, result, shock.Description, request.Scope(result.Network), fireSale));
        }
        else
        {
            WriteTables(context, result, shock.Description, request.Rows);
            if (fireSale is not null)
            {
                FireSaleReport.WriteText(context, fireSale, request.Rows);
            }
        }
    }

    /// <summary>
    /// The documented JSON: summary fields, then <c>shocked</c>, <c>entities</c> (network order), <c>links</c> (network
    /// order) and <c>history</c>. Cut (see <see cref="ResultScope"/>): <c>entities</c> holds the top rows (failures by
    /// round, then the other entities the run touched), <c>links</c> the first links down, <c>shocked</c> and each
    /// round's <c>failed</c> their first ids.
    /// </summary>
    internal static void WriteJson(Utf8JsonWriter w, CascadeResult result, string shock, ResultScope scope, AiContagion.FireSales.FireSaleResult? fireSale = null)
    {
        var network = result.Network;
        w.WriteStartObject();
        w.WriteString("model", result.ModelName);
        w.WriteStartObject("settings");
        foreach (var (name, value) in result.Settings)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        w.WriteString("shock", shock);
        w.WriteString("unit", network.Unit);
        w.WriteBoolean("converged", result.Converged);
        w.WriteNumber("rounds", result.Rounds);
        w.WriteNumber("iterations", result.Iterations);
        w.WriteNumber("entitiesFailed", result.EntitiesFailed);
        w.WriteNumber("cascadeFailures", result.CascadeFailures);
        w.WriteNumber("linksDown", result.LinksDown);
        w.WriteNumber("directLinksDown", result.DirectLinksDown);
        w.WriteNumber("cascadeLinksDown", result.CascadeLinksDown);
        w.WriteNumber("amountDown", result.AmountDown);
        w.WriteOptionalNumber("debtRank", result.DebtRank);
        w.WriteOptionalNumber("initialStress", result.InitialStress);
        if (result.Runway is { } runway)
        {
            // The runway's rounds are months; what it relied on, and the baseline (who fails anyway, and why).
            w.WriteStartObject("runway");
            RunwayText.WriteAssumptions(w, runway.Assumptions);
            RunwayText.WriteBaseline(w, runway, scope);
            w.WriteEndObject();
        }

        scope.WriteTruncation(w, "shocked", "entities", "links", "history[].failed");
        w.WriteStrings("shocked", scope.Take(result.Shocked));
        w.WriteStartArray("entities");
        foreach (var e in scope.Complete ? result.Entities.AsEnumerable() : TopEntities(result).Take(scope.Rows))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteBoolean("failed", e.Failed);
            w.WriteNumberOrNull("round", e.Round);
            w.WriteBoolean("shocked", e.Shocked);
            w.WriteOptionalNumber("payment", e.Payment);
            w.WriteOptionalNumber("networkPayment", e.NetworkPayment);
            w.WriteOptionalNumber("equity", e.Equity);
            w.WriteOptionalNumber("distress", e.Distress);
            w.WriteOptionalNumber("lostInflow", e.LostInflow);
            w.WriteOptionalNumber("creditLoss", e.CreditLoss);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("links");
        foreach (var l in scope.Complete ? result.Links.AsEnumerable() : TopDownLinks(result, scope.Rows))
        {
            var link = network.Links[l.Index];
            w.WriteStartObject();
            w.WriteNumber("index", l.Index);
            w.WriteString("from", link.From);
            w.WriteString("to", link.To);
            w.WriteString("kind", link.Kind.ToString());
            w.WriteNumber("amount", link.Amount);
            w.WriteBoolean("down", l.Down);
            w.WriteString("cause", l.Cause.ToString());
            w.WriteNumberOrNull("round", l.Round);
            w.WriteNumber("amountDown", l.AmountDown);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("history");
        foreach (var round in result.History)
        {
            w.WriteStartObject();
            w.WriteNumber("round", round.Round);
            w.WriteStrings("failed", scope.Take(round.Failed));
            w.WriteNumber("linksDown", round.LinksDown);
            w.WriteNumber("amountDown", round.AmountDown);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (fireSale is not null)
        {
            FireSaleReport.WriteJson(w, fireSale, scope);
        }

        w.WriteEndObject();
    }

    /// <summary>The entities a person looks at first: failures by round (then network order), then the others the run touched.</summary>
    private static IEnumerable<EntityOutcome> TopEntities(CascadeResult result)
    {
        foreach (var index in result.FailedEntityIndices)
        {
            yield return result.EntityOutcomeAt(index);
        }

        for (var v = 0; v < result.Network.EntityCount; v++)
        {
            if (!result.FailedAt(v) && result.TouchedAt(v))
            {
                yield return result.EntityOutcomeAt(v);
            }
        }
    }

    /// <summary>How many entities <see cref="TopEntities"/> lists, counted without making their outcomes.</summary>
    private static int TopEntityCount(CascadeResult result)
    {
        var count = result.EntitiesFailed;
        for (var v = 0; v < result.Network.EntityCount; v++)
        {
            count += !result.FailedAt(v) && result.TouchedAt(v) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The first down links (by round, then network order), without making every link's outcome.</summary>
    private static IEnumerable<LinkOutcome> TopDownLinks(CascadeResult result, int rows)
    {
        for (var i = 0; i < Math.Min(rows, result.LinksDown); i++)
        {
            yield return result.DownLinkOutcomeAt(i);
        }
    }

    private static void WriteTables(CliContext context, CascadeResult result, string shock, int rows)
    {
        var console = context.Console;
        var network = result.Network;
        var unit = Markup.Escape(network.Unit);
        console.MarkupLine($"[bold]{Markup.Escape(result.ModelName)}[/] cascade, shock: {Markup.Escape(shock)}");
        if (!result.Settings.IsEmpty)
        {
            console.WriteLine("settings: " + ModelOptions.Describe(result.Settings));
        }

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Readable.Count(result.EntitiesFailed)} entities failed ({Readable.Count(result.CascadeFailures)} in the cascade), {Readable.Count(result.LinksDown)} of {Readable.Count(network.LinkCount)} links down ({Readable.Count(result.DirectLinksDown)} direct, {Readable.Count(result.CascadeLinksDown)} cascade), amount down {Readable.Amount(result.AmountDown)} {network.Unit}, {result.Rounds} rounds"));
        if (result.DebtRank is { } debtRank)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DebtRank R = {debtRank:0.######} (initial stress {result.InitialStress:0.######})"));
        }

        if (result.Runway is { } runway)
        {
            WriteMonths(context, result, runway, rows);
        }

        var figures = FigureColumns(result);
        var entities = new Table().AddColumn(new TableColumn("round").RightAligned()).AddColumn("entity").AddColumn("sector");
        foreach (var (name, _) in figures)
        {
            entities.AddColumn(new TableColumn(name).RightAligned());
        }

        foreach (var e in TopEntities(result).Take(rows))
        {
            var cells = new List<string>
            {
                e.Round?.ToString(CultureInfo.InvariantCulture) ?? (e.Shocked ? "shocked" : "-"),
                Markup.Escape(e.Id),
                network[e.Id].Sector.ToString(),
            };
            cells.AddRange(figures.Select(f => f.Value(e) is { } v ? Readable.Amount(v) : "-"));
            entities.AddRow(cells.ToArray());
        }

        console.Write(entities);
        var touched = TopEntityCount(result);
        if (touched > rows)
        {
            console.WriteLine(Readable.More(touched - rows, "entities failed or touched by the shock"));
        }

        if (result.LinksDown == 0)
        {
            console.WriteLine("no link down");
            return;
        }

        var links = new Table().AddColumn(new TableColumn("round").RightAligned()).AddColumn("from").AddColumn("to").AddColumn("kind")
            .AddColumn(new TableColumn($"amount down ({unit})").RightAligned()).AddColumn("cause");
        foreach (var l in TopDownLinks(result, rows))
        {
            var link = network.Links[l.Index];
            links.AddRow(
                l.Round!.Value.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(link.From),
                Markup.Escape(link.To),
                link.Kind.ToString(),
                Readable.Amount(l.AmountDown),
                l.Cause.ToString());
        }

        console.Write(links);
        if (result.LinksDown > rows)
        {
            console.WriteLine(Readable.More(result.LinksDown - rows, "links down", "--top N shows more; --output-links FILE.csv|FILE.json writes every link"));
        }
    }

    /// <summary>The runway's rounds are months: its assumptions, the cascade month by month, and the baseline.</summary>
    private static void WriteMonths(CliContext context, CascadeResult result, RunwayResult runway, int rows)
    {
        var console = context.Console;
        RunwayText.WriteNotes(context.Output, runway.Assumptions, runway.Options.Months);
        console.WriteLine("the cascade month by month (rounds are months; month 0 is the state at asOf):");
        var months = new Table().AddColumn(new TableColumn("month").RightAligned()).AddColumn("failed")
            .AddColumn(new TableColumn("links down").RightAligned()).AddColumn(new TableColumn($"amount down ({Markup.Escape(result.Network.Unit)})").RightAligned());
        foreach (var round in result.History)
        {
            months.AddRow(
                RunwayText.MonthCell(runway.Assumptions, round.Round),
                Markup.Escape(round.Failed.IsEmpty ? "-" : Readable.List([.. round.Failed.Take(rows)]) + (round.Failed.Length > rows ? $" and {round.Failed.Length - rows} more" : string.Empty)),
                round.LinksDown.ToString(CultureInfo.InvariantCulture),
                Readable.Amount(round.AmountDown));
        }

        console.Write(months);
        RunwayText.WriteBaselineTable(console, runway, rows);
    }

    private static List<(string Name, Func<EntityOutcome, double?> Value)> FigureColumns(CascadeResult result)
    {
        var columns = new List<(string, Func<EntityOutcome, double?>)>();
        var sample = result.Network.EntityCount == 0 ? null : result.EntityOutcomeAt(0);
        if (sample is null)
        {
            return columns;
        }

        if (sample.Payment is not null)
        {
            columns.Add(("payment", e => e.Payment));
            columns.Add(("to network", e => e.NetworkPayment));
        }

        if (sample.LostInflow is not null)
        {
            columns.Add(("lost inflow", e => e.LostInflow));
        }

        if (sample.CreditLoss is not null)
        {
            columns.Add(("loss", e => e.CreditLoss));
        }

        if (result.HasEquity)
        {
            columns.Add(("equity", e => e.Equity));
        }

        if (sample.Distress is not null)
        {
            columns.Add(("distress h", e => e.Distress));
        }

        return columns;
    }
}
