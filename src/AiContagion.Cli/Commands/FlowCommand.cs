using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Flow;
using AiContagion.Model;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion flow &lt;graph&gt; --from S --to T [--entities]</c>: the maximum flow from a set of sources to a
/// sink entity or sector, the minimum cut links and, optionally, the fewest entities whose failure cuts the money.
/// </summary>
internal static class FlowCommand
{
    public static Command Create(CliContext context)
    {
        var graph = CommonOptions.Graph();
        var from = SelectionOption.Create("--from", "The sources: funding (default), sector:NAME, or ID[,ID].");
        var to = SelectionOption.Create("--to", "The sink: sector:NAME or ID[,ID].");
        to.Required = true;
        var entities = new Option<bool>("--entities") { Description = "Also compute the minimum entity cut (entities whose failure cuts every money path; sources and sinks are not cuttable)." };
        var entityCost = new Option<string?>("--entity-cost") { Description = "Entity cut cost: count (default: fewest entities) or inflow (cheapest by yearly inflow)." };
        var json = CommonOptions.Json();
        var command = new Command("flow", "Maximum flow and minimum cut from sources to a sink, capacity = link amount (money moves from payer to recipient).")
        {
            graph, from, to, entities, entityCost, json,
        };
        command.SetAction(parse =>
        {
            var cost = parse.GetValue(entityCost)?.Trim().ToLowerInvariant() switch
            {
                null or "count" => EntityCutCost.Count,
                "inflow" => EntityCutCost.Inflow,
                var other => throw new CliUsageException($"--entity-cost: unknown cost '{other}' (expected count or inflow)."),
            };
            if (parse.GetValue(entityCost) is not null && !parse.GetValue(entities))
            {
                throw new CliUsageException("--entity-cost applies only with --entities.");
            }

            var network = CliContext.Load(parse.GetValue(graph)!);
            var sources = SelectionOption.Resolve(network, "--from", parse.GetValue(from) ?? "funding");
            var sinks = SelectionOption.Resolve(network, "--to", parse.GetValue(to)!);
            var result = MaximumFlow.Compute(network, sources, sinks, context.CancellationToken);
            EntityCutResult? entityCut = null;
            string? entityCutProblem = null;
            if (parse.GetValue(entities))
            {
                try
                {
                    entityCut = MinimumEntityCut.Compute(network, sources, sinks, new EntityCutOptions { Cost = cost }, context.CancellationToken);
                }
                catch (UnboundedFlowException e)
                {
                    entityCutProblem = e.Message;
                }
            }

            if (parse.GetValue(json))
            {
                WriteJson(context, network, result, parse.GetValue(entities), entityCut, entityCutProblem);
            }
            else
            {
                WriteTable(context, network, result, entityCut, entityCutProblem);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(CliContext context, FinancingNetwork network, FlowResult result, bool withEntities, EntityCutResult? entityCut, string? entityCutProblem) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("maxFlow", result.Value);
            w.WriteString("unit", network.Unit);
            WriteIds(w, "sources", result.Sources);
            WriteIds(w, "sinks", result.Sinks);
            WriteIds(w, "sourceSide", result.SourceSide);
            w.WriteStartArray("cut");
            foreach (var link in result.CutLinks)
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
                    WriteIds(w, "entityCut", entityCut.Entities);
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

    private static void WriteIds(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
    }

    private static string Abbreviate(IReadOnlyList<string> ids) =>
        ids.Count <= 10 ? string.Join(", ", ids) : string.Join(", ", ids.Take(10)) + string.Create(CultureInfo.InvariantCulture, $" … (+{ids.Count - 10} more)");

    private static void WriteTable(CliContext context, FinancingNetwork network, FlowResult result, EntityCutResult? entityCut, string? entityCutProblem)
    {
        var console = context.Console;
        console.WriteLine(result.ToString());
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"from {Abbreviate(result.Sources)} to {Abbreviate(result.Sinks)}: {result.Value:#,0.###} {network.Unit}"));
        var table = new Table().AddColumn("from").AddColumn("to").AddColumn("kind").AddColumn(new TableColumn($"amount ({Markup.Escape(network.Unit)})").RightAligned());
        foreach (var link in result.CutLinks)
        {
            table.AddRow(Markup.Escape(link.From), Markup.Escape(link.To), link.Kind.ToString(), link.Amount.ToString("#,0.###", CultureInfo.InvariantCulture));
        }

        console.Write(table);
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

/// <summary>Entity-selection options (<c>funding</c>, <c>sector:NAME</c>, <c>ID[,ID]</c>) shared by the structure commands.</summary>
internal static class SelectionOption
{
    public static Option<string?> Create(string name, string description) => new(name) { Description = description };

    /// <summary>Parses and checks a selection against the network; bad values are usage errors naming the option.</summary>
    public static EntitySelection Resolve(FinancingNetwork network, string option, string text)
    {
        if (!EntitySelection.TryParse(text, out var selection, out var problem))
        {
            throw new CliUsageException($"{option}: {problem}.");
        }

        try
        {
            _ = selection.Select(network);
        }
        catch (KeyNotFoundException e)
        {
            throw new CliUsageException($"{option} '{text}': {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"{option} '{text}': {e.Message}", e);
        }

        return selection;
    }
}
