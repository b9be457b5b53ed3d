using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Flow;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion flow &lt;graph&gt; --from S --to T [--entities] [--top N] [--json [--detail]] [--output FILE]</c>: the
/// maximum flow from a set of sources to a set of sinks, the minimum cut links and, optionally, the fewest entities
/// whose failure cuts the money.
/// </summary>
internal static class FlowCommand
{
    /// <summary>The <c>--output</c> columns: one row per entity, in network order.</summary>
    internal static readonly RowSchema<FlowRow> Rows = new(
        RowColumn<FlowRow>.Text("id", "entity id", r => r.Entity.Id),
        RowColumn<FlowRow>.Text("sector", "its sector", r => r.Entity.Sector.ToString()),
        RowColumn<FlowRow>.Flag("source", "one of the sources (--from)", r => r.Source),
        RowColumn<FlowRow>.Flag("sink", "one of the sinks (--to)", r => r.Sink),
        RowColumn<FlowRow>.Flag("sourceSide", "on the sources' side of the minimum cut", r => r.SourceSide),
        RowColumn<FlowRow>.Text("entityCut", "--entities: whether it is in the minimum entity cut (empty without --entities or when there is none)", r => r.EntityCut is { } cut ? (cut ? "true" : "false") : null));

    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var from = new EntitySelectionOption("--from", "The sources: funding (default), sector:NAME, or ID[,ID].");
        var to = new EntitySelectionOption("--to", "The sinks: sector:NAME or ID[,ID].") { Required = true };
        var entities = new Option<bool>("--entities") { Description = "Also compute the minimum entity cut (entities whose failure cuts every money path; sources and sinks are not cuttable)." };
        var entityCost = new Option<EntityCutCost?>("--entity-cost")
        {
            Description = "Entity cut cost: count (default: fewest entities) or inflow (cheapest by yearly inflow).",
            HelpName = "count|inflow",
            CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (EntityCutCost?)(text.Trim().ToLowerInvariant() switch
            {
                "count" => EntityCutCost.Count,
                "inflow" => EntityCutCost.Inflow,
                _ => throw new CliUsageException($"{option}: unknown cost '{text}' (expected count or inflow)."),
            })),
        };
        var results = new ResultOptions(
            "Cut links listed (default 20; --json lists every one up to 10,000 entities + links).",
            OutputFileOption.ForRows("one row per entity; columns: " + Rows.Help + "."));
        var command = new Command("flow", "Maximum flow and minimum cut from sources to a sink, capacity = link amount (money moves from payer to recipient).")
        {
            graph, from, to, entities, entityCost,
        };
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            if (parse.GetValue(entityCost) is not null && !parse.GetValue(entities))
            {
                throw new CliUsageException("--entity-cost applies only with --entities.");
            }

            var network = graph.Load(parse, context);
            var sources = from.Resolve(parse, network, EntitySelection.FundingSources)!;
            var sinks = to.Resolve(parse, network)!;
            var result = MaximumFlow.Compute(network, sources, sinks, context.CancellationToken);
            var (entityCut, problem) = parse.GetValue(entities) ? EntityCut(network, sources, sinks, parse.GetValue(entityCost) ?? EntityCutCost.Count, context) : (null, null);
            Write(context, request, network, result, parse.GetValue(entities), entityCut, problem);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (EntityCutResult? Cut, string? Problem) EntityCut(FinancingNetwork network, EntitySelection sources, EntitySelection sinks, EntityCutCost cost, CliContext context)
    {
        try
        {
            return (MinimumEntityCut.Compute(network, sources, sinks, new EntityCutOptions { Cost = cost }, context.CancellationToken), null);
        }
        catch (UnboundedFlowException e)
        {
            return (null, e.Message);
        }
    }

    private static void Write(CliContext context, ResultRequest request, FinancingNetwork network, FlowResult result, bool withEntities, EntityCutResult? entityCut, string? problem)
    {
        if (request.OutputPath is { } path)
        {
            var sources = result.Sources.ToHashSet(StringComparer.Ordinal);
            var sinks = result.Sinks.ToHashSet(StringComparer.Ordinal);
            var side = result.SourceSide.ToHashSet(StringComparer.Ordinal);
            var cut = entityCut?.Entities.ToHashSet(StringComparer.Ordinal);
            Rows.Write(path, network.Entities.Select(e => new FlowRow(e, sources.Contains(e.Id), sinks.Contains(e.Id), side.Contains(e.Id), cut?.Contains(e.Id))));
        }

        if (request.Json)
        {
            WriteJson(context, network, result, withEntities, entityCut, problem, request.Scope(network));
        }
        else
        {
            WriteTable(context, network, result, entityCut, problem, request.Rows);
        }
    }

    private static void WriteJson(CliContext context, FinancingNetwork network, FlowResult result, bool withEntities, EntityCutResult? entityCut, string? entityCutProblem, ResultScope scope) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("maxFlow", result.Value);
            w.WriteString("unit", network.Unit);
            scope.WriteTruncation(w, "sources", "sinks", "sourceSide", "cut", "entityCut");
            w.WriteStrings("sources", scope.Take(result.Sources));
            w.WriteStrings("sinks", scope.Take(result.Sinks));
            w.WriteStrings("sourceSide", scope.Take(result.SourceSide));
            w.WriteStartArray("cut");
            foreach (var link in scope.Take(result.CutLinks))
            {
                w.WriteStartObject();
                w.WriteString("from", link.From);
                w.WriteString("to", link.To);
                w.WriteString("kind", link.Kind.ToString());
                w.WriteNumber("amount", link.Amount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (withEntities)
            {
                if (entityCut is not null)
                {
                    w.WriteStrings("entityCut", scope.Take(entityCut.Entities));
                    w.WriteNumber("entityCutValue", entityCut.Value);
                }
                else
                {
                    w.WriteNull("entityCut");
                    w.WriteString("entityCutProblem", entityCutProblem);
                }
            }

            w.WriteEndObject();
        });

    private static void WriteTable(CliContext context, FinancingNetwork network, FlowResult result, EntityCutResult? entityCut, string? entityCutProblem, int rows)
    {
        var console = context.Console;
        console.WriteLine(result.ToString());
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"from {Readable.List(result.Sources)} to {Readable.List(result.Sinks)}: {result.Value:#,0.###} {network.Unit}"));
        var table = new Table().AddColumn("from").AddColumn("to").AddColumn("kind").AddColumn(new TableColumn($"amount ({Markup.Escape(network.Unit)})").RightAligned());
        foreach (var link in result.CutLinks.Take(rows))
        {
            table.AddRow(Markup.Escape(link.From), Markup.Escape(link.To), link.Kind.ToString(), link.Amount.ToString("#,0.###", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (result.CutLinks.Length > rows)
        {
            console.WriteLine(Readable.More(result.CutLinks.Length - rows, "cut links", "--top N lists more; --json --detail lists every one"));
        }

        if (entityCut is not null)
        {
            console.WriteLine(entityCut.ToString());
        }
        else if (entityCutProblem is not null)
        {
            console.WriteLine("no entity cut: " + entityCutProblem);
        }
    }
}

/// <summary>One entity's part in a flow result (a row of <c>flow --output</c>).</summary>
internal sealed record FlowRow(Entity Entity, bool Source, bool Sink, bool SourceSide, bool? EntityCut);
