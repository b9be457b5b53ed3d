using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AiContagion.Cascades;
using AiContagion.Cli.Commands.Cascades;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion cascade &lt;graph&gt; --model M [shock options] [model options] [--json]</c>: run one contagion model
/// with a shock and show who fails in which round and which links go down.
/// </summary>
internal static class CascadeCommand
{
    public static Command Create(CliContext context)
    {
        var graph = CommonOptions.Graph();
        var json = CommonOptions.Json();
        var models = new ModelOptions();
        var shocks = new ShockOptions();
        var command = new Command(
            "cascade",
            "Run a contagion model (funding, credit, chain, eisenberg-noe, rogers-veraart, debtrank, debtrank-linear, gai-kapadia) with a shock: "
            + "failures by round, links down and why, amounts down.")
        {
            graph,
            json,
        };
        models.AddTo(command);
        shocks.AddTo(command);
        command.SetAction(parse =>
        {
            var network = CliContext.Load(parse.GetValue(graph)!);
            var model = models.Build(parse);
            var shock = shocks.Build(parse, network);
            var result = model.Run(network, shock, context.CancellationToken);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, w => WriteJson(w, result, shock));
            }
            else
            {
                WriteTables(context, result, shock);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void WriteJson(Utf8JsonWriter w, CascadeResult result, CascadeShock shock)
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
        w.WriteString("shock", shock.ToString());
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
        w.WriteStartArray("shocked");
        foreach (var id in result.Shocked)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var e in result.Entities)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteBoolean("failed", e.Failed);
            if (e.Round is { } round)
            {
                w.WriteNumber("round", round);
            }
            else
            {
                w.WriteNull("round");
            }

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
        foreach (var l in result.Links)
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
            if (l.Round is { } round)
            {
                w.WriteNumber("round", round);
            }
            else
            {
                w.WriteNull("round");
            }

            w.WriteNumber("amountDown", l.AmountDown);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("history");
        foreach (var round in result.History)
        {
            w.WriteStartObject();
            w.WriteNumber("round", round.Round);
            w.WriteStartArray("failed");
            foreach (var id in round.Failed)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteNumber("linksDown", round.LinksDown);
            w.WriteNumber("amountDown", round.AmountDown);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTables(CliContext context, CascadeResult result, CascadeShock shock)
    {
        var console = context.Console;
        var network = result.Network;
        var unit = Markup.Escape(network.Unit);
        console.MarkupLine($"[bold]{Markup.Escape(result.ModelName)}[/] cascade, shock: {Markup.Escape(shock.ToString())}");
        if (!result.Settings.IsEmpty)
        {
            console.WriteLine("settings: " + ModelOptions.Describe(result.Settings));
        }

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.EntitiesFailed} entities failed ({result.CascadeFailures} in the cascade), {result.LinksDown} of {network.LinkCount} links down ({result.DirectLinksDown} direct, {result.CascadeLinksDown} cascade), amount down {Format(result.AmountDown)} {network.Unit}, {result.Rounds} rounds"));
        if (result.DebtRank is { } debtRank)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DebtRank R = {debtRank:0.######} (initial stress {result.InitialStress:0.######})"));
        }

        var figures = FigureColumns(result);
        var entities = new Table().AddColumn(new TableColumn("round").RightAligned()).AddColumn("entity").AddColumn("sector");
        foreach (var (name, _) in figures)
        {
            entities.AddColumn(new TableColumn(name).RightAligned());
        }

        var shown = result.Entities.Where(e => e.Failed || e.Shocked || (e.Distress ?? 0) > 0 || (e.LostInflow ?? 0) > 0 || (e.CreditLoss ?? 0) > 0 || (e.Payment is not null))
            .OrderBy(e => e.Round ?? int.MaxValue).ThenBy(e => network.IndexOf(e.Id));
        foreach (var e in shown)
        {
            var entity = network[e.Id];
            var cells = new List<string>
            {
                e.Round?.ToString(CultureInfo.InvariantCulture) ?? (e.Shocked ? "shocked" : "-"),
                Markup.Escape(e.Id),
                entity.Sector.ToString(),
            };
            cells.AddRange(figures.Select(f => f.Value(e) is { } v ? Format(v) : "-"));
            entities.AddRow(cells.ToArray());
        }

        console.Write(entities);
        if (result.LinksDown == 0)
        {
            console.WriteLine("no link down");
            return;
        }

        var links = new Table().AddColumn(new TableColumn("round").RightAligned()).AddColumn("from").AddColumn("to").AddColumn("kind")
            .AddColumn(new TableColumn($"amount down ({unit})").RightAligned()).AddColumn("cause");
        foreach (var l in result.DownLinks)
        {
            var link = network.Links[l.Index];
            links.AddRow(
                l.Round!.Value.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(link.From),
                Markup.Escape(link.To),
                link.Kind.ToString(),
                Format(l.AmountDown),
                l.Cause.ToString());
        }

        console.Write(links);
    }

    private static List<(string Name, Func<EntityOutcome, double?> Value)> FigureColumns(CascadeResult result)
    {
        var columns = new List<(string, Func<EntityOutcome, double?>)>();
        var sample = result.Entities.IsEmpty ? null : result.Entities[0];
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

        if (result.Entities.Any(e => e.Equity is not null))
        {
            columns.Add(("equity", e => e.Equity));
        }

        if (sample.Distress is not null)
        {
            columns.Add(("distress h", e => e.Distress));
        }

        return columns;
    }

    internal static string Format(double value) => value.ToString("#,0.######", CultureInfo.InvariantCulture);
}
