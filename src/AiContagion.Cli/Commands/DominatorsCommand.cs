using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Flow;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion dominators &lt;graph&gt; [--from S] [--top N] [--json [--detail]] [--output FILE]</c>: for each entity,
/// the entities every funding path to it passes through (single points of failure), as a dominator tree.
/// </summary>
internal static class DominatorsCommand
{
    /// <summary>The <c>--output</c> columns: one row per entity reached, in tree order.</summary>
    internal static readonly RowSchema<(EntityDominator Entry, DominatorTree Tree, Entity Entity)> Rows = new(
        RowColumn<(EntityDominator Entry, DominatorTree Tree, Entity Entity)>.Text("id", "entity id", r => r.Entry.Id),
        RowColumn<(EntityDominator Entry, DominatorTree Tree, Entity Entity)>.Text("sector", "its sector", r => r.Entity.Sector.ToString()),
        RowColumn<(EntityDominator Entry, DominatorTree Tree, Entity Entity)>.Text("idom", "immediate dominator (empty: a source, or reached only through several sources)", r => r.Entry.ImmediateDominator),
        RowColumn<(EntityDominator Entry, DominatorTree Tree, Entity Entity)>.Integer("depth", "depth in the dominator tree", r => r.Entry.Depth),
        RowColumn<(EntityDominator Entry, DominatorTree Tree, Entity Entity)>.Integer("dominated", "entities it dominates", r => r.Entry.DominatedCount),
        RowColumn<(EntityDominator Entry, DominatorTree Tree, Entity Entity)>.Text("dominators", "every dominator, nearest first, separated by spaces", r => string.Join(' ', r.Tree.DominatorsOf(r.Entry.Id))));

    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var from = new EntitySelectionOption("--from", "Where funding paths start: funding (default), sector:NAME, or ID[,ID].");
        var results = new ResultOptions(
            "Entities listed, those that dominate most first (default 20; --json lists every one up to 10,000 entities + links).",
            OutputFileOption.ForRows("one row per entity reached; columns: " + Rows.Help + "."));
        var command = new Command("dominators", "Single points of failure: the entities every money path from the sources to an entity passes through.")
        {
            graph, from,
        };
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            var network = graph.Load(parse, context);
            var sources = from.Resolve(parse, network, EntitySelection.FundingSources);
            var tree = DominatorTree.Compute(network, sources, context.CancellationToken);
            if (request.OutputPath is { } path)
            {
                Rows.Write(path, tree.Entries.Select(e => (e, tree, network[e.Id])));
            }

            if (request.Json)
            {
                WriteJson(context, tree, request.Scope(network));
            }
            else
            {
                WriteTable(context, network, tree, request.Rows);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(CliContext context, DominatorTree tree, ResultScope scope) =>
        JsonOutput.Write(context.Output, w =>
        {
            var entries = scope.Complete ? tree.Entries.AsEnumerable() : ByDominance(tree).Take(scope.Rows);
            w.WriteStartObject();
            scope.WriteTruncation(w, "sources", "tree", "dominators", "unreachable");
            w.WriteStrings("sources", scope.Take(tree.Sources));
            w.WriteStartArray("tree");
            foreach (var entry in entries)
            {
                w.WriteStartObject();
                w.WriteString("id", entry.Id);
                w.WriteString("idom", entry.ImmediateDominator);
                w.WriteNumber("dominated", entry.DominatedCount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("dominators");
            foreach (var entry in entries)
            {
                w.WriteStrings(entry.Id, tree.DominatorsOf(entry.Id));
            }

            w.WriteEndObject();
            w.WriteStrings("unreachable", scope.Take(tree.Unreachable));
            w.WriteEndObject();
        });

    /// <summary>The entries a person looks at first: those that dominate most, then tree order.</summary>
    private static IEnumerable<EntityDominator> ByDominance(DominatorTree tree) => tree.Entries.OrderByDescending(e => e.DominatedCount);

    private static void WriteTable(CliContext context, FinancingNetwork network, DominatorTree tree, int rows)
    {
        var console = context.Console;
        console.WriteLine(tree.ToString());
        var table = new Table().AddColumn("id").AddColumn("sector").AddColumn("immediate dominator").AddColumn("every funding path passes through").AddColumn(new TableColumn("dominates").RightAligned());
        var shown = tree.Entries.Length > rows ? ByDominance(tree).Take(rows) : tree.Entries;
        foreach (var entry in shown)
        {
            table.AddRow(
                Markup.Escape(entry.Id),
                network[entry.Id].Sector.ToString(),
                Markup.Escape(entry.ImmediateDominator ?? "-"),
                Markup.Escape(Readable.List([.. tree.DominatorsOf(entry.Id)], " ← ")),
                entry.DominatedCount.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (tree.Entries.Length > rows)
        {
            console.WriteLine(Readable.More(tree.Entries.Length - rows, "entities (those that dominate fewest)"));
        }

        if (tree.Unreachable.Length > 0)
        {
            console.WriteLine("unreachable from the sources: " + Readable.List(tree.Unreachable));
        }
    }
}
