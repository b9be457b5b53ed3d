using System.Globalization;
using System.Text.Json;
using AiContagion.Cli.Infrastructure;
using AiContagion.FireSales;
using Spectre.Console;

namespace AiContagion.Cli.Commands.Cascades;

/// <summary>
/// What <c>cascade --model fire-sale</c> adds to the cascade report: the fire sale's own outcome — GLT's aggregate
/// vulnerability, each asset's price path, the firms with the largest fire-sale losses with their indirect vulnerability
/// and systemicness (JSON: the <c>fireSale</c> object).
/// </summary>
internal static class FireSaleReport
{
    /// <summary>The <c>fireSale</c> object of the JSON: totals, every asset's price path, the firms (the top rows when cut).</summary>
    public static void WriteJson(Utf8JsonWriter w, FireSaleResult result, ResultScope scope)
    {
        w.WriteStartObject("fireSale");
        w.WriteString("dynamics", FireSaleModelOptions.Name(result.Dynamics));
        w.WriteBoolean("converged", result.Converged);
        w.WriteNumber("rounds", result.Rounds);
        w.WriteNumber("aggregateVulnerability", result.AggregateVulnerability);
        w.WriteNumber("systemEquity", result.SystemEquity);
        w.WriteNumber("totalDirectLoss", result.TotalDirectLoss);
        w.WriteNumber("totalFireSaleLoss", result.TotalFireSaleLoss);
        w.WriteOptionalNumber("spectralRadius", result.SpectralRadius);
        w.WriteStartArray("assets");
        foreach (var asset in result.Assets)
        {
            w.WriteStartObject();
            w.WriteString("id", asset.Id);
            w.WriteNumber("heldValue", asset.HeldValue);
            w.WriteNumber("shockFall", asset.ShockFall);
            w.WriteNumber("finalPrice", asset.FinalPrice);
            w.WriteNumber("sold", asset.Sold);
            w.WriteStartArray("prices");
            foreach (var price in asset.Prices)
            {
                w.WriteNumberValue(price);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var e in scope.Complete ? result.Entities.AsEnumerable() : Top(result).Take(scope.Rows))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteOptionalNumber("equity", e.Equity);
            w.WriteNumber("directLoss", e.DirectLoss);
            w.WriteNumber("fireSaleLoss", e.FireSaleLoss);
            w.WriteNumber("sold", e.Sold);
            w.WriteOptionalNumber("indirectVulnerability", e.IndirectVulnerability);
            w.WriteNumber("systemicness", e.Systemicness);
            w.WriteBoolean("illiquid", e.Illiquid);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The text section: one line of totals, the assets' prices, the firms with the largest fire-sale losses.</summary>
    public static void WriteText(CliContext context, FireSaleResult result, int rows)
    {
        var console = context.Console;
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fire sale ({FireSaleModelOptions.Name(result.Dynamics)}): aggregate vulnerability AV = {result.AggregateVulnerability:0.######} (fire-sale loss {Readable.Amount(result.TotalFireSaleLoss)} on equity {Readable.Amount(result.SystemEquity)}; direct loss {Readable.Amount(result.TotalDirectLoss)}), {result.Rounds} rounds{(result.SpectralRadius is { } rho ? $", spectral radius {rho:0.######}" : string.Empty)}"));
        if (result.Assets.IsEmpty)
        {
            console.WriteLine("the network has no holdings layer: nothing to sell");
            return;
        }

        var assets = new Table().AddColumn("asset").AddColumn(new TableColumn("held").RightAligned()).AddColumn(new TableColumn("after shock").RightAligned())
            .AddColumn(new TableColumn("final price").RightAligned()).AddColumn(new TableColumn("sold").RightAligned());
        foreach (var asset in result.Assets.OrderByDescending(a => a.HeldValue).Take(rows))
        {
            assets.AddRow(Markup.Escape(asset.Id), Readable.Amount(asset.HeldValue), Price(asset.Prices[0]), Price(asset.FinalPrice), Readable.Amount(asset.Sold));
        }

        console.Write(assets);
        var firms = new Table().AddColumn("entity").AddColumn(new TableColumn("fire-sale loss").RightAligned()).AddColumn(new TableColumn("indirect vuln.").RightAligned())
            .AddColumn(new TableColumn("systemicness").RightAligned()).AddColumn(new TableColumn("sold").RightAligned());
        foreach (var e in Top(result).Take(rows))
        {
            firms.AddRow(
                Markup.Escape(e.Id),
                Readable.Amount(e.FireSaleLoss),
                e.IndirectVulnerability is { } iv ? Price(iv) : "-",
                Price(e.Systemicness),
                Readable.Amount(e.Sold));
        }

        console.Write(firms);
    }

    private static string Price(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Firms by fire-sale loss, then systemicness, then network order; those the fire sale did not touch left out.</summary>
    private static IEnumerable<EntityFireSaleOutcome> Top(FireSaleResult result) => result.Entities
        .Select((e, i) => (e, i))
        .Where(x => x.e.FireSaleLoss > 0 || x.e.Sold > 0 || x.e.DirectLoss > 0)
        .OrderByDescending(x => x.e.FireSaleLoss).ThenByDescending(x => x.e.Systemicness).ThenBy(x => x.i)
        .Select(x => x.e);
}
