using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Flow;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion dominators &lt;graph&gt; [--from S]</c>: for each entity, the entities every funding path to it
/// passes through (single points of failure), as a dominator tree.
/// </summary>
internal static class DominatorsCommand
{
    public static Command Create(CliContext context)
    {
        var graph = CommonOptions.Graph();
        var from = SelectionOption.Create("--from", "Where funding paths start: funding (default), sector:NAME, or ID[,ID].");
        var json = CommonOptions.Json();
        var command = new Command("dominators", "Single points of failure: the entities every money path from the sources to an entity passes through.")
        {
            graph, from, json,
        };
        command.SetAction(parse =>
        {
            var network = CliContext.Load(parse.GetValue(graph)!);
            var sources = SelectionOption.Resolve(network, "--from", parse.GetValue(from) ?? "funding");
            var tree = DominatorTree.Compute(network, sources, context.CancellationToken);
            if (parse.GetValue(json))
            {
                WriteJson(context, tree);
            }
            else
            {
                WriteTable(context, network, tree);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(CliContext context, DominatorTree tree) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("sources");
            foreach (var id in tree.Sources)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteStartArray("tree");
            foreach (var entry in tree.Entries)
            {
                w.WriteStartObject();
                w.WriteString("id", entry.Id);
                w.WriteString("idom", entry.ImmediateDominator);
                w.WriteNumber("dominated", entry.DominatedCount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("dominators");
            foreach (var entry in tree.Entries)
            {
                w.WriteStartArray(entry.Id);
                foreach (var id in tree.DominatorsOf(entry.Id))
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteStartArray("unreachable");
            foreach (var id in tree.Unreachable)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteTable(CliContext context, FinancingNetwork network, DominatorTree tree)
    {
        var console = context.Console;
        console.WriteLine(tree.ToString());
        var table = new Table().AddColumn("id").AddColumn("sector").AddColumn("immediate dominator").AddColumn("every funding path passes through").AddColumn(new TableColumn("dominates").RightAligned());
        foreach (var entry in tree.Entries)
        {
            table.AddRow(
                Markup.Escape(entry.Id),
                network[entry.Id].Sector.ToString(),
                Markup.Escape(entry.ImmediateDominator ?? "-"),
                Markup.Escape(string.Join(" ← ", tree.DominatorsOf(entry.Id))),
                entry.DominatedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (tree.Unreachable.Length > 0)
        {
            console.WriteLine("unreachable from the sources: " + string.Join(", ", tree.Unreachable));
        }
    }
}
