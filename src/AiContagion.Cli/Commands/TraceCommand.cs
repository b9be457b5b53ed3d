using System.CommandLine;
using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Provenance;
using Spectre.Console;

namespace AiContagion.Cli.Commands;

/// <summary>
/// <c>aicontagion trace &lt;graph&gt; [--to ID] [--round-trip] [--top N] [--json [--detail]] [--output FILE]</c>: the share of each
/// entity's inflow that originates, traced back proportionally, with each funding source and each entity's outside revenue;
/// with <c>--round-trip</c>, the share of each entity's income that started as its own payments (<see cref="MoneyRoundTrip"/>).
/// </summary>
internal static class TraceCommand
{
    /// <summary>The <c>--output</c> columns: one row per entity and origin (an entity without inflow: one row, no origin).</summary>
    internal static readonly RowSchema<(EntityProvenance Entity, OriginShare? Origin)> Rows = new(
        RowColumn<(EntityProvenance Entity, OriginShare? Origin)>.Text("id", "entity id", r => r.Entity.Id),
        RowColumn<(EntityProvenance Entity, OriginShare? Origin)>.Number("inflow", "its inflow: links in plus revenue", r => r.Entity.Inflow),
        RowColumn<(EntityProvenance Entity, OriginShare? Origin)>.Text("origin", "where that money starts: a funding source, or revenue:ID", r => r.Origin?.Origin),
        RowColumn<(EntityProvenance Entity, OriginShare? Origin)>.Text("kind", "fundingSource, revenue or untraced", r => r.Origin is { } o ? KindName(o.Kind) : null),
        RowColumn<(EntityProvenance Entity, OriginShare? Origin)>.Number("share", "share of the inflow from that origin", r => r.Origin?.Share),
        RowColumn<(EntityProvenance Entity, OriginShare? Origin)>.Number("amount", "amount from that origin", r => r.Origin?.Amount));

    /// <summary>The <c>--round-trip --output</c> columns: one row per entity, largest round-trip share first.</summary>
    internal static readonly RowSchema<EntityRoundTrip> RoundTripRows = new(
        RowColumn<EntityRoundTrip>.Text("id", "entity id", r => r.Id),
        RowColumn<EntityRoundTrip>.Number("inflow", "its income: links in plus revenue", r => r.Inflow),
        RowColumn<EntityRoundTrip>.Number("roundTripShare", "share of that income that started as the entity's own payments (empty without income)", r => r.Share),
        RowColumn<EntityRoundTrip>.Number("roundTripAmount", "that share times the income", r => r.Amount),
        RowColumn<EntityRoundTrip>.Integer("loop", "entities in the money loop its payments can come back through, itself included (1: none)", r => r.Loop),
        RowColumn<EntityRoundTrip>.Flag("fundingSource", "whether it is a funding source", r => r.IsFundingSource));

    public static Command Create(CliContext context)
    {
        var graph = new GraphArgument();
        var to = new EntitySelectionOption("--to", "Trace only these entities: ID[,ID], sector:NAME or funding (default: every entity).");
        var roundTrip = new Option<bool>("--round-trip")
        {
            Description = "Circular money: for each entity, the share of its income that started as its own payments and came back through the graph (largest first).",
        };
        var results = new ResultOptions(
            "Entities listed, and origins per entity (default 20; --json lists every one up to 10,000 entities + links).",
            OutputFileOption.ForRows("one row per entity and origin; columns: " + Rows.Help + ". With --round-trip: one row per entity, largest share first; columns: " + RoundTripRows.Help + "."));
        var command = new Command("trace", "Money provenance: what share of each entity's inflow comes, ultimately, from each funding source or from outside revenue; with --round-trip, how much of it is its own money come back.")
        {
            graph, to, roundTrip,
        };
        results.AddTo(command);
        command.SetAction(parse =>
        {
            var request = results.Read(parse);
            var network = graph.Load(parse, context);
            var targets = to.Resolve(parse, network)?.Select(network);
            if (parse.GetValue(roundTrip))
            {
                return RunRoundTrip(context, network, targets, request);
            }

            var result = MoneyProvenance.Trace(network, new ProvenanceOptions { Targets = targets?.ToArray() }, context.CancellationToken);
            if (request.OutputPath is { } path)
            {
                Rows.Write(path, result.Entities.SelectMany(e => e.HasInflow ? e.Origins.Select(o => (e, (OriginShare?)o)) : [(e, null)]));
            }

            if (request.Json)
            {
                WriteJson(context, result, request.Scope(network));
            }
            else
            {
                WriteTable(context, network, result, request.Rows);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int RunRoundTrip(CliContext context, FinancingNetwork network, IEnumerable<string>? targets, ResultRequest request)
    {
        var result = MoneyRoundTrip.Compute(network, new ProvenanceOptions { Targets = targets?.ToArray() }, context.CancellationToken);
        var ranked = result.Ranked().ToArray();
        if (request.OutputPath is { } path)
        {
            RoundTripRows.Write(path, ranked);
        }

        if (request.Json)
        {
            var scope = request.Scope(network);
            JsonOutput.Write(context.Output, w =>
            {
                w.WriteStartObject();
                scope.WriteTruncation(w, "entities");
                w.WriteNumber("entities", result.Entities.Length);
                w.WriteNumber("withIncome", result.Entities.Count(e => e.HasInflow));
                w.WriteNumber("circular", result.Circular);
                w.WriteNumber("largestLoop", result.LargestLoop);
                w.WriteStartArray("ranked");
                foreach (var entity in scope.Take(ranked))
                {
                    w.WriteStartObject();
                    w.WriteString("id", entity.Id);
                    w.WriteNumber("inflow", entity.Inflow);
                    w.WriteOptionalNumberOrNull("roundTripShare", entity.Share);
                    w.WriteNumber("roundTripAmount", entity.Amount);
                    w.WriteNumber("loop", entity.Loop);
                    w.WriteBoolean("fundingSource", entity.IsFundingSource);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Ok;
        }

        var console = context.Console;
        console.WriteLine(result.ToString());
        var table = new Table().AddColumn("entity").AddColumn(new TableColumn($"income ({Markup.Escape(network.Unit)})").RightAligned())
            .AddColumn(new TableColumn("own money back").RightAligned()).AddColumn(new TableColumn("amount").RightAligned()).AddColumn(new TableColumn("loop").RightAligned());
        foreach (var entity in ranked.Take(request.Rows))
        {
            table.AddRow(
                Markup.Escape(entity.Id) + (entity.IsFundingSource ? " (funding source)" : string.Empty),
                entity.Inflow.ToString("#,0.###", CultureInfo.InvariantCulture),
                entity.Share is { } share ? share.ToString("P2", CultureInfo.InvariantCulture) : "(no income)",
                entity.Amount.ToString("#,0.###", CultureInfo.InvariantCulture),
                entity.Loop.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (ranked.Length > request.Rows)
        {
            console.WriteLine(Readable.More(ranked.Length - request.Rows, "entities"));
        }

        return ExitCodes.Ok;
    }

    private static string KindName(OriginKind kind) => kind switch
    {
        OriginKind.FundingSource => "fundingSource",
        OriginKind.Revenue => "revenue",
        _ => "untraced",
    };

    private static void WriteJson(CliContext context, ProvenanceResult result, ResultScope scope) =>
        JsonOutput.Write(context.Output, w =>
        {
            w.WriteStartObject();
            scope.WriteTruncation(w, "entities", "entities[].origins");
            w.WriteStartArray("entities");
            foreach (var entity in scope.Take(result.Entities))
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
                foreach (var origin in scope.Take(entity.Origins))
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

    private static void WriteTable(CliContext context, FinancingNetwork network, ProvenanceResult result, int rows)
    {
        var console = context.Console;
        console.WriteLine(result.ToString());
        var table = new Table().AddColumn("entity").AddColumn(new TableColumn($"inflow ({Markup.Escape(network.Unit)})").RightAligned())
            .AddColumn("origin").AddColumn("kind").AddColumn(new TableColumn("share").RightAligned()).AddColumn(new TableColumn("amount").RightAligned());
        var hiddenOrigins = 0;
        foreach (var entity in result.Entities.Take(rows))
        {
            var inflow = entity.Inflow.ToString("#,0.###", CultureInfo.InvariantCulture);
            if (!entity.HasInflow)
            {
                table.AddRow(Markup.Escape(entity.Id), inflow, "(no inflow)", string.Empty, string.Empty, string.Empty);
                continue;
            }

            var first = true;
            foreach (var origin in entity.Origins.Take(rows))
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

            hiddenOrigins += Math.Max(0, entity.Origins.Length - rows);
        }

        console.Write(table);
        if (result.Entities.Length > rows)
        {
            console.WriteLine(Readable.More(result.Entities.Length - rows, "entities"));
        }

        if (hiddenOrigins > 0)
        {
            console.WriteLine(Readable.More(hiddenOrigins, "origins of the entities listed"));
        }
    }
}
