using System.Globalization;
using System.Text.Json;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Valuation;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Value;

/// <summary>What <c>value</c> prints and writes: a summary with the weakest firms, the documented JSON, every row in a file.</summary>
internal static class ValueReport
{
    /// <summary>The <c>--output</c> columns: one row per entity, in network order.</summary>
    public static readonly RowSchema<(EntityValuation Row, Entity Entity)> Rows = new(
        RowColumn<(EntityValuation Row, Entity Entity)>.Text("id", "entity id", r => r.Row.Id),
        RowColumn<(EntityValuation Row, Entity Entity)>.Text("sector", "its sector", r => r.Entity.Sector.ToString()),
        RowColumn<(EntityValuation Row, Entity Entity)>.Number("externalAssets", "external assets valued, after the shock", r => r.Row.ExternalAssets),
        RowColumn<(EntityValuation Row, Entity Entity)>.Number("value", "firm value V: external assets + debt payments received + shares of others' equity", r => r.Row.Value),
        RowColumn<(EntityValuation Row, Entity Entity)>.Number("equity", "equity value max(0, V - D)", r => r.Row.Equity),
        RowColumn<(EntityValuation Row, Entity Entity)>.Number("netWorth", "V - D, negative in default", r => r.Row.NetWorth),
        RowColumn<(EntityValuation Row, Entity Entity)>.Flag("defaulted", "whether it cannot pay all it owes", r => r.Row.Defaulted),
        RowColumn<(EntityValuation Row, Entity Entity)>.Number("debtPaid", "what it pays its creditors, min(V, D)", r => r.Row.DebtPaid),
        RowColumn<(EntityValuation Row, Entity Entity)>.Number("debtOwed", "what it owes, D (network and external)", r => r.Row.DebtOwed));

    /// <summary>The summary tables or the JSON on standard output.</summary>
    public static void Write(CliContext context, ResultRequest request, CrossHoldingsValuation model, ValuationResult result, string shock, bool eisenbergNoe, ValuationSensitivities? greeks)
    {
        if (request.Json)
        {
            JsonOutput.Write(context.Output, w => WriteJson(w, model, result, shock, eisenbergNoe, greeks, request.Scope(result.Network)));
        }
        else
        {
            WriteTables(context, model, result, shock, eisenbergNoe, greeks, request.Rows);
        }
    }

    /// <summary>
    /// The documented JSON: the model, its settings and the shock, the layers, the convergence report, counts and totals,
    /// <c>entities</c> (network order; cut: the lowest net worths) and, with <c>--sensitivities</c>, <c>sensitivities</c>:
    /// <c>value</c>, <c>equity</c> and <c>debtValue</c>, each entity i → entity j → ∂xᵢ/∂(external assets)ⱼ, zeros left out
    /// (cut: the largest |∂Vᵢ| of each column).
    /// </summary>
    internal static void WriteJson(Utf8JsonWriter w, CrossHoldingsValuation model, ValuationResult result, string shock, bool eisenbergNoe, ValuationSensitivities? greeks, ResultScope scope)
    {
        var network = result.Network;
        w.WriteStartObject();
        w.WriteString("model", eisenbergNoe ? "eisenberg-noe" : "cross-holdings");
        w.WriteStartObject("settings");
        w.WriteBoolean("stakes", model.Options.IncludeStakes);
        w.WriteBoolean("seniorityLayers", model.Options.SeniorityLayers);
        w.WriteString("externalLiabilities", RankName(model.Options.ExternalLiabilities));
        w.WriteEndObject();
        w.WriteString("shock", shock);
        w.WriteString("unit", network.Unit);
        w.WriteStrings("layers", result.Layers);
        w.WriteNumber("stakeLinks", model.StakeCount);
        w.WriteNumber("equityLinksWithoutShare", model.EquityLinksWithoutShare);
        w.WriteStartObject("convergence");
        w.WriteBoolean("converged", true);
        w.WriteString("method", result.Convergence.Method);
        w.WriteNumber("iterations", result.Convergence.Iterations);
        w.WriteNumber("residual", result.Convergence.Residual);
        w.WriteBoolean("exact", result.Convergence.Exact);
        w.WriteEndObject();
        w.WriteNumber("entityCount", network.EntityCount);
        w.WriteNumber("defaulted", result.DefaultedCount);
        w.WriteNumber("totalValue", result.Entities.Sum(e => e.Value));
        w.WriteNumber("totalEquity", result.Entities.Sum(e => e.Equity));
        w.WriteNumber("totalDebtPaid", result.Entities.Sum(e => e.DebtPaid));
        w.WriteNumber("totalDebtOwed", result.Entities.Sum(e => e.DebtOwed));
        scope.WriteTruncation(w, greeks is null ? ["entities"] : ["entities", "sensitivities"]);
        w.WriteStartArray("entities");
        foreach (var e in scope.Complete ? result.Entities : Weakest(result).Take(scope.Rows))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteNumber("value", e.Value);
            w.WriteNumber("equity", e.Equity);
            w.WriteNumber("netWorth", e.NetWorth);
            w.WriteBoolean("defaulted", e.Defaulted);
            w.WriteNumber("debtPaid", e.DebtPaid);
            w.WriteNumber("debtOwed", e.DebtOwed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (greeks is not null)
        {
            WriteSensitivities(w, greeks, scope);
        }

        w.WriteEndObject();
    }

    private static void WriteSensitivities(Utf8JsonWriter w, ValuationSensitivities greeks, ResultScope scope)
    {
        w.WriteStartObject("sensitivities");
        w.WriteString("method", "implicit-function theorem on the regime of the fixed point (right derivative at a boundary); " + greeks.Method);
        w.WriteStrings("withRespectTo", greeks.Columns.Select(c => c.WithRespectTo));
        w.WriteStrings("undefined", greeks.Columns.Where(c => !c.IsDefined).Select(c => c.WithRespectTo));
        w.WriteStrings("boundary", greeks.BoundaryEntities);
        w.WriteNumberOrNull("regimeMargin", greeks.RegimeMargin);

        // Row-major maps (entity i → entity j → derivative) from the columns j, keeping each column's non-zero rows.
        var rows = new SortedDictionary<int, List<(string Wrt, EntitySensitivity Row)>>();
        var index = greeks.At.Network;
        foreach (var column in greeks.Columns.Where(c => c.IsDefined))
        {
            var entries = scope.Complete ? column.Entries : column.Entries.OrderByDescending(r => Math.Abs(r.Value)).Take(scope.Rows);
            foreach (var row in entries)
            {
                var i = index.IndexOf(row.Id);
                if (!rows.TryGetValue(i, out var list))
                {
                    rows[i] = list = [];
                }

                list.Add((column.WithRespectTo, row));
            }
        }

        foreach (var (name, figure) in new (string, Func<EntitySensitivity, double>)[] { ("value", r => r.Value), ("equity", r => r.Equity), ("debtValue", r => r.DebtValue) })
        {
            w.WriteStartObject(name);
            foreach (var (_, list) in rows)
            {
                var nonZero = list.Where(x => figure(x.Row) != 0).ToList();
                if (nonZero.Count == 0)
                {
                    continue;
                }

                w.WriteStartObject(nonZero[0].Row.Id);
                foreach (var (wrt, row) in nonZero)
                {
                    w.WriteNumber(wrt, figure(row));
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The firms a person looks at first: lowest net worth first (the defaulted, then the nearest to default), then network order.</summary>
    private static IEnumerable<EntityValuation> Weakest(ValuationResult result) =>
        result.Entities.OrderBy(e => e.DebtOwed > 0 ? e.NetWorth : double.PositiveInfinity).ThenBy(e => e.Index);

    private static string RankName(ExternalLiabilityRank rank) => rank switch
    {
        ExternalLiabilityRank.First => "first",
        ExternalLiabilityRank.WithJunior => "junior",
        _ => "senior",
    };

    private static void WriteTables(CliContext context, CrossHoldingsValuation model, ValuationResult result, string shock, bool eisenbergNoe, ValuationSensitivities? greeks, int rows)
    {
        var console = context.Console;
        var network = result.Network;
        var unit = network.Unit;
        console.MarkupLine($"[bold]{(eisenbergNoe ? "eisenberg-noe" : "cross-holdings")}[/] valuation, shock: {Markup.Escape(shock)}");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"layers: {string.Join(", ", result.Layers)} (external liabilities {RankName(model.Options.ExternalLiabilities)}); {Readable.Count(model.StakeCount)} stakes{(model.EquityLinksWithoutShare > 0 ? $" ({Readable.Count(model.EquityLinksWithoutShare)} Equity links without a share carry none)" : string.Empty)}"));
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Readable.Count(result.DefaultedCount)} of {Readable.Count(network.EntityCount)} entities defaulted; total value {Readable.Amount(result.Entities.Sum(e => e.Value))} {unit}, equity {Readable.Amount(result.Entities.Sum(e => e.Equity))}, debt paid {Readable.Amount(result.Entities.Sum(e => e.DebtPaid))} of {Readable.Amount(result.Entities.Sum(e => e.DebtOwed))}"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"converged: {result.Convergence}"));
        if (result.Entities.All(e => e.ExternalAssets == 0))
        {
            console.WriteLine("note: no entity has external assets (the 'externalAssets' field; cash and revenue are not read), so values come only from what the firms owe and hold one another.");
        }
        var table = new Table().AddColumn("entity").AddColumn("sector")
            .AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("equity").RightAligned())
            .AddColumn(new TableColumn("net worth").RightAligned()).AddColumn(new TableColumn("debt paid").RightAligned())
            .AddColumn(new TableColumn("of").RightAligned()).AddColumn("defaulted");
        foreach (var e in Weakest(result).Take(rows))
        {
            table.AddRow(
                Markup.Escape(e.Id),
                network.Entities[e.Index].Sector.ToString(),
                Readable.Amount(e.Value),
                Readable.Amount(e.Equity),
                Readable.Amount(e.NetWorth),
                Readable.Amount(e.DebtPaid),
                Readable.Amount(e.DebtOwed),
                e.Defaulted ? "yes" : "-");
        }

        console.Write(table);
        if (network.EntityCount > rows)
        {
            console.WriteLine(Readable.More(network.EntityCount - rows, "entities"));
        }

        if (greeks is null)
        {
            return;
        }

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"sensitivities ({greeks.Method}): {Readable.Count(greeks.Columns.Count)} columns, regime margin {(double.IsFinite(greeks.RegimeMargin) ? Readable.Amount(greeks.RegimeMargin) : "none")}{(greeks.BoundaryEntities.Count > 0 ? "; at a boundary (right derivative): " + Readable.List(greeks.BoundaryEntities) : string.Empty)}"));
        foreach (var column in greeks.Columns.Take(rows))
        {
            if (!column.IsDefined)
            {
                console.WriteLine($"d / d externalAssets[{column.WithRespectTo}]: undefined (a singular regime)");
                continue;
            }

            var entries = column.Entries.OrderByDescending(r => Math.Abs(r.Value)).ToList();
            var greeksTable = new Table().Title(Markup.Escape($"d / d externalAssets[{column.WithRespectTo}]")).AddColumn("entity")
                .AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("equity").RightAligned()).AddColumn(new TableColumn("debt value").RightAligned());
            foreach (var row in entries.Take(rows))
            {
                greeksTable.AddRow(Markup.Escape(row.Id), Readable.Amount(row.Value), Readable.Amount(row.Equity), Readable.Amount(row.DebtValue));
            }

            console.Write(greeksTable);
            if (entries.Count > rows)
            {
                console.WriteLine(Readable.More(entries.Count - rows, "entities move", "--top N shows more; --json writes them all"));
            }
        }

        if (greeks.Columns.Count > rows)
        {
            console.WriteLine(Readable.More(greeks.Columns.Count - rows, "columns", "--top N shows more; --json writes them all"));
        }
    }
}
