using System.Globalization;
using System.Text;
using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// The legend of a diagram: one node with an HTML-like table that explains the sector colours, the line
/// styles of link kinds and the overlays drawn. The markup holds only text written here (sector names, fixed
/// phrases, numbers), never user text, so no input can reach Graphviz's HTML parser.
/// </summary>
internal static class DotLegend
{
    /// <summary>The legend's HTML-like label for the sectors, link classes and overlays in use.</summary>
    public static string Markup(IReadOnlyCollection<Sector> sectors, bool hasClaims, bool hasCommercial, DiagramOverlays overlays)
    {
        var html = new StringBuilder();
        html.Append("<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
        Header(html, "Legend");
        foreach (var sector in sectors.OrderBy(s => s.Tier()).ThenBy(s => s))
        {
            Swatch(html, DiagramStyle.SectorFill(sector), DiagramStyle.SectorName(sector));
        }

        if (hasClaims)
        {
            Line(html, DiagramStyle.ClaimColor, "———", "claim: equity, loan, bond, credit, vendor financing, SPV");
        }

        if (hasCommercial)
        {
            Line(html, DiagramStyle.CommercialColor, "·····", "commercial: compute, GPUs, API spend, lease, services");
        }

        if (hasClaims || hasCommercial)
        {
            Line(html, DiagramStyle.ClaimColor, "→", "money moves along the arrow; width grows with the amount (log)");
        }

        if (overlays.Cascade is { } cascade)
        {
            Swatch(html, DiagramStyle.WithdrawnFill, "withdrawn by the shock");
            var rounds = Math.Max(1, cascade.Rounds);
            for (var round = 1; round <= Math.Min(rounds, DiagramStyle.RoundColours); round++)
            {
                var text = round == DiagramStyle.RoundColours && rounds > round
                    ? string.Create(CultureInfo.InvariantCulture, $"failed in round {round} or later")
                    : string.Create(CultureInfo.InvariantCulture, $"failed in round {round}");
                Swatch(html, DiagramStyle.RoundFill(round), text);
            }

            Line(html, DiagramStyle.DownColor, "- - -", "link down (cause and round in its label)");
        }

        if (overlays.Cut is not null)
        {
            Line(html, DiagramStyle.CutColor, "<B>━━━</B>", "link in the minimum cut");
            Line(html, DiagramStyle.CutColor, "▢", "blue border: source side of the cut");
        }

        if (overlays.Dominators is not null)
        {
            Line(html, DiagramStyle.DominatorColor, "◎", "double border: single point of failure");
        }

        if (overlays.Centrality is not null)
        {
            Line(html, DiagramStyle.NodeBorder, "▭ ▯", "node size grows with the centrality score");
        }

        html.Append("</TABLE>");
        return html.ToString();
    }

    private static void Header(StringBuilder html, string text) =>
        html.Append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>").Append(text).Append("</B></TD></TR>");

    private static void Swatch(StringBuilder html, string fill, string text) =>
        html.Append("<TR><TD BGCOLOR=\"").Append(fill).Append("\" WIDTH=\"24\" HEIGHT=\"12\" BORDER=\"1\" COLOR=\"")
            .Append(DiagramStyle.NodeBorder).Append("\"></TD><TD ALIGN=\"LEFT\">").Append(text).Append("</TD></TR>");

    private static void Line(StringBuilder html, string color, string sample, string text) =>
        html.Append("<TR><TD><FONT COLOR=\"").Append(color).Append("\">").Append(sample)
            .Append("</FONT></TD><TD ALIGN=\"LEFT\">").Append(text).Append("</TD></TR>");
}
