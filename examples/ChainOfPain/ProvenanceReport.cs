using AiContagion.Model;
using AiContagion.Provenance;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>Section 4: what share of NVIDIA's and each lab's income is, at its origin, funder money or outside revenue.</summary>
internal static class ProvenanceReport
{
    /// <summary>The origin classes, in column order: a funding source's sector decides its class.</summary>
    public static readonly (string Name, Func<OriginShare, Sector?, bool> Test)[] Classes =
    [
        ("venture & PE", (o, s) => o.Kind == OriginKind.FundingSource && s is Sector.VentureCapital or Sector.PrivateEquity),
        ("private credit", (o, s) => o.Kind == OriginKind.FundingSource && s == Sector.PrivateCredit),
        ("banks", (o, s) => o.Kind == OriginKind.FundingSource && s == Sector.Bank),
        ("bond & stock buyers", (o, s) => o.Kind == OriginKind.FundingSource && s == Sector.PublicMarkets),
        ("SoftBank & sovereign", (o, s) => o.Kind == OriginKind.FundingSource && s is Sector.Conglomerate or Sector.Sovereign),
        ("other funders", (o, s) => o.Kind == OriginKind.FundingSource && s is not (Sector.VentureCapital or Sector.PrivateEquity or Sector.PrivateCredit or Sector.Bank or Sector.PublicMarkets or Sector.Conglomerate or Sector.Sovereign)),
        ("outside revenue", (o, _) => o.Kind == OriginKind.Revenue),
        ("untraced", (o, _) => o.Kind == OriginKind.Untraced),
    ];

    public static void Write(ChainAnalysis analysis, TextWriter output)
    {
        var network = analysis.Network;
        output.WriteLine();
        output.WriteLine("7. WHERE THE MONEY COMES FROM: each firm's inflow traced back to its origin (proportional tracing)");
        var columns = new List<(string, bool)> { ("firm", false), ("inflow", true) };
        columns.AddRange(Classes.Select(c => (c.Name, true)));
        columns.Add(("funder money", true));
        var table = new TextTable([.. columns]);
        foreach (var id in Rows(analysis))
        {
            var traced = analysis.Provenance[id];
            var shares = Shares(analysis, traced);
            var cells = new List<object> { analysis.Name(id), Amount(traced.Inflow) };
            cells.AddRange(shares.Select(s => (object)Percent(s)));
            cells.Add(Percent(traced.ShareOf(OriginKind.FundingSource)));
            table.Add([.. cells]);
        }

        table.WriteTo(output, "   ");
        output.WriteLine("   Each firm passes its receipts on in proportion, so a payment carries the origin mix of the payer's income.");
        output.WriteLine("   Outside revenue is reported revenue, the firm's own or its payers' (a chipmaker's stake in a lab traces back to");
        output.WriteLine("   the chipmaker's revenue). A funding source is an origin: what SoftBank borrows from banks counts as SoftBank's.");
        var target = analysis.Provenance[analysis.Target];
        var labs = network.EntitiesIn(Sector.ModelLab).Select(e => analysis.Provenance[e.Id]).Where(p => p.HasInflow).ToList();
        output.WriteLine(Text($"   {analysis.Name(analysis.Target)}: {Percent(target.ShareOf(OriginKind.FundingSource))} of its income is funder money at its origin, {Percent(target.ShareOf(OriginKind.Revenue))} outside revenue."));
        foreach (var lab in labs)
        {
            var first = lab.Origins[0];
            output.WriteLine(Text($"   {analysis.Name(lab.Id)}: {Percent(lab.ShareOf(OriginKind.FundingSource))} funder money; largest origin {analysis.Name(first.EntityId)}{(first.Kind == OriginKind.Revenue ? "'s revenue" : string.Empty)} ({Percent(first.Share)}, {analysis.Money(first.Amount)})."));
        }

        WriteRoundTrip(analysis, output);
    }

    /// <summary>Circular money: the share of each firm's income that started as its own payment (MoneyRoundTrip).</summary>
    public static void WriteRoundTrip(ChainAnalysis analysis, TextWriter output)
    {
        var roundTrip = analysis.RoundTrip;
        var circular = roundTrip.Ranked().Where(e => e.Share > 0).ToList();
        output.WriteLine();
        output.WriteLine(Text($"   Circular money: {circular.Count} firms get part of their income back from their own payments (round-trip share,"));
        output.WriteLine("   the share of a firm's income that started as a payment by the firm itself, traced back along the same links):");
        var table = new TextTable(("firm", false), ("inflow", true), ("round-trip share", true), (analysis.Network.Unit + " back", true), ("loop size", true));
        foreach (var e in circular.Take(8))
        {
            table.Add(analysis.Name(e.Id), Amount(e.Inflow), Text($"{e.Share!.Value * 100:0.0} %"), Amount(e.Amount), e.Loop);
        }

        table.WriteTo(output, "   ");
        output.WriteLine("   (loop size = firms in the group its money can come back through.)");
    }

    /// <summary>The firms in the table: the target chipmaker, then every model lab with inflow.</summary>
    public static IEnumerable<string> Rows(ChainAnalysis analysis) =>
        new[] { analysis.Target }.Concat(analysis.Network.EntitiesIn(Sector.ModelLab).Where(e => analysis.Provenance[e.Id].HasInflow).Select(e => e.Id));

    /// <summary>The shares of an entity's inflow by origin class (summing to 1 when it has inflow).</summary>
    public static double[] Shares(ChainAnalysis analysis, EntityProvenance traced)
    {
        var shares = new double[Classes.Length];
        foreach (var origin in traced.Origins)
        {
            var sector = analysis.Network.Contains(origin.EntityId) ? analysis.Network[origin.EntityId].Sector : (Sector?)null;
            for (var c = 0; c < Classes.Length; c++)
            {
                if (Classes[c].Test(origin, sector))
                {
                    shares[c] += origin.Share;
                    break;
                }
            }
        }

        return shares;
    }
}
