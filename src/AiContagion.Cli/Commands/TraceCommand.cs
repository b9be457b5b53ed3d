using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Provenance;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion trace &lt;graph&gt; [--to ID]</c>: the share of each entity's inflow that originates, traced back
/// proportionally, with each funding source and each entity's outside revenue.
/// </summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var graph = CommonOptions.Graph();
        var to = new Option<string?>("--to") { Description = "Trace only these entities: ID[,ID] (default: every entity)." };
        var json = CommonOptions.Json();
        var command = new Command("trace", "Money provenance: what share of each entity's inflow comes, ultimately, from each funding source or from outside revenue.")
        {
            graph, to, json,
        };
        command.SetAction(parse =>
        {
            var network = CliContext.Load(parse.GetValue(graph)!);
            IReadOnlyCollection<string>? targets = null;
            if (parse.GetValue(to) is { } text)
            {
                targets = CommonOptions.SplitList(text);
                if (targets.Count == 0)
                {
                    throw new CliUsageException("--to: name one or more entity ids.");
                }

                foreach (var id in targets)
                {
                    if (!network.Contains(id))
                    {
                        throw new CliUsageException($"--to: the network has no entity with id '{id}'.");
                    }
                }
            }

            var result = MoneyProvenance.Trace(network, new ProvenanceOptions { Targets = targets }, context.CancellationToken);
            if (parse.GetValue(json))
            {
                WriteJson(context, result);
            }
            else
            {
                WriteTable(context, network, result);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string KindName(OriginKind kind) => kind switch
    {
        OriginKind.FundingSource => "fundingSource",
        OriginKind.Revenue => "revenue",
        _ => "untraced",
    };

    private static void WriteJson(CliContext context, ProvenanceResult result) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("entities");
            foreach (var entity in result.Entities)
            {
                w.WriteStartObject();
                w.WriteString("id", entity.Id);
                w.WriteNumber("inflow", entity.Inflow);
                w.WriteBoolean("hasInflow", entity.HasInflow);
                if (entity.ActsAsOrigin is { } kind)
                {
                    w.WriteString("actsAsOrigin", KindName(kind));
                }

                w.WriteStartArray("origins");
                foreach (var origin in entity.Origins)
                {
                    w.WriteStartObject();
                    w.WriteString("origin", origin.Origin);
                    w.WriteString("kind", KindName(origin.Kind));
                    w.WriteNumber("share", origin.Share);
                    w.WriteNumber("amount", origin.Amount);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteTable(CliContext context, FinancingNetwork network, ProvenanceResult result)
    {
        var console = context.Console;
        console.WriteLine(result.ToString());
        var table = new Table().AddColumn("entity").AddColumn(new TableColumn($"inflow ({Markup.Escape(network.Unit)})").RightAligned())
            .AddColumn("origin").AddColumn("kind").AddColumn(new TableColumn("share").RightAligned()).AddColumn(new TableColumn("amount").RightAligned());
        foreach (var entity in result.Entities)
        {
            var inflow = entity.Inflow.ToString("#,0.###", CultureInfo.InvariantCulture);
            if (!entity.HasInflow)
            {
                table.AddRow(Markup.Escape(entity.Id), inflow, "(no inflow)", string.Empty, string.Empty, string.Empty);
                continue;
            }

            var first = true;
            foreach (var origin in entity.Origins)
            {
                table.AddRow(
                    first ? Markup.Escape(entity.Id) : string.Empty,
                    first ? inflow : string.Empty,
                    Markup.Escape(origin.Origin),
                    KindName(origin.Kind),
                    origin.Share.ToString("P2", CultureInfo.InvariantCulture),
                    origin.Amount.ToString("#,0.###", CultureInfo.InvariantCulture));
                first = false;
            }
        }

        console.Write(table);
    }
}
