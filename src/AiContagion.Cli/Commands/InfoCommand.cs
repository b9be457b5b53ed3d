using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary><c>aicontagion info &lt;graph&gt; [--top N] [--json [--detail]]</c>: counts by sector and kind, totals, funding sources.</summary>
internal static class InfoCommand
{
    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var results = new ResultOptions("Funding sources listed (default 20; --json lists every one up to 10,000 entities + links).", output: null);
        var command = new Command("info", "Summarise a graph: entities by sector, links and amounts by kind, totals, funding sources.")
        {
            graph,
        };
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            var network = graph.Load(parse, context);
            var summary = NetworkSummary.Of(network);
            if (request.Json)
            {
                WriteJson(context, network, summary, request.Scope(network));
            }
            else
            {
                WriteTable(context, network, summary, request.Rows);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(CliContext context, FinancingNetwork network, NetworkSummary summary, ResultScope scope) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteString("title", network.Metadata.Title);
            w.WriteString("unit", network.Unit);
            w.WriteString("asOf", network.Metadata.AsOf);
            w.WriteNumber("entities", network.EntityCount);
            w.WriteNumber("links", network.LinkCount);
            w.WriteNumber("totalAmount", network.TotalAmount);
            w.WriteNumber("annotations", network.Metadata.Annotations.Length);
            w.WriteStartArray("sectors");
            foreach (var (sector, count) in summary.EntitiesBySector)
            {
                w.WriteStartObject();
                w.WriteString("sector", sector.ToString());
                w.WriteNumber("entities", count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("kinds");
            foreach (var (kind, count, amount) in summary.LinksByKind)
            {
                w.WriteStartObject();
                w.WriteString("kind", kind.ToString());
                w.WriteString("class", kind.Class().ToString());
                w.WriteNumber("links", count);
                w.WriteNumber("amount", amount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            scope.WriteTruncation(w, "fundingSources");
            w.WriteStrings("fundingSources", scope.Take(network.FundingSources.Select(s => s.Id)));
            w.WriteEndObject();
        });

    private static void WriteTable(CliContext context, FinancingNetwork network, NetworkSummary summary, int rows)
    {
        var console = context.Console;
        var title = network.Metadata.Title ?? "untitled network";
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]" + (network.Metadata.AsOf is { } asOf ? $" (as of {Markup.Escape(asOf)})" : string.Empty));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{network.EntityCount} entities, {network.LinkCount} links, total {network.TotalAmount:#,0.###} {network.Unit}, {network.Metadata.Annotations.Length} annotations"));

        var sectors = new Table().AddColumn("sector").AddColumn(new TableColumn("entities").RightAligned());
        foreach (var (sector, count) in summary.EntitiesBySector)
        {
            sectors.AddRow(sector.ToString(), count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(sectors);
        var kinds = new Table().AddColumn("kind").AddColumn("class").AddColumn(new TableColumn("links").RightAligned())
            .AddColumn(new TableColumn($"amount ({Markup.Escape(network.Unit)})").RightAligned());
        foreach (var (kind, count, amount) in summary.LinksByKind)
        {
            kinds.AddRow(kind.ToString(), kind.Class().ToString(), count.ToString(CultureInfo.InvariantCulture), amount.ToString("#,0.###", CultureInfo.InvariantCulture));
        }

        console.Write(kinds);
        var sources = network.FundingSources;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"funding sources ({sources.Count:#,0}): ") + string.Join(", ", sources.Take(rows).Select(s => s.Id)));
        if (sources.Count > rows)
        {
            console.WriteLine(Readable.More(sources.Count - rows, "funding sources", "--top N lists more; --json --detail lists every one"));
        }
    }

    private sealed record NetworkSummary(
        IReadOnlyList<(Sector Sector, int Count)> EntitiesBySector,
        IReadOnlyList<(LinkKind Kind, int Count, double Amount)> LinksByKind)
    {
        public static NetworkSummary Of(FinancingNetwork network) => new(
            [.. network.Entities.GroupBy(e => e.Sector).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))],
            [.. network.Links.GroupBy(l => l.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.Sum(l => l.Amount)))]);
    }
}
