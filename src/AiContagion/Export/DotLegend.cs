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
    /// <summary>The legend's HTML-like label for the sectors, link classes and overlays in use: sectors in the left columns, line styles and overlays in the right ones.</summary>
    public static string Markup(IReadOnlyCollection<Sector> sectors, bool hasClaims, bool hasCommercial, DiagramOverlays overlays)
    {
        var left = sectors.OrderBy(s => s.Tier()).ThenBy(s => s).Select(s => Swatch(DiagramStyle.SectorFill(s), DiagramStyle.SectorName(s))).ToList();
        var right = new List<string>();
        if (hasClaims)
        {
            right.Add(Line(DiagramStyle.ClaimColor, "———", "claim: equity, loan, bond, credit, vendor financing, SPV"));
        }

        if (hasCommercial)
        {
            right.Add(Line(DiagramStyle.CommercialColor, "·····", "commercial: compute, GPUs, API spend, lease, services"));
        }

        if (hasClaims || hasCommercial)
        {
            right.Add(Line(DiagramStyle.ClaimColor, "→", "money moves along the arrow; width grows with the amount"));
        }

        if (overlays.Cascade is { } cascade)
        {
            right.Add(Swatch(DiagramStyle.WithdrawnFill, "withdrawn by the shock"));
            var rounds = Math.Max(1, cascade.Rounds);
            for (var round = 1; round <= Math.Min(rounds, DiagramStyle.RoundColours); round++)
            {
                var text = round == DiagramStyle.RoundColours && rounds > round
                    ? string.Create(CultureInfo.InvariantCulture, $"failed in round {round} or later")
                    : string.Create(CultureInfo.InvariantCulture, $"failed in round {round}");
                right.Add(Swatch(DiagramStyle.RoundFill(round), text));
            }

            right.Add(Line(DiagramStyle.DownColor, "- - -", "link down (cause and round in its label)"));
        }

        if (overlays.Cut is not null)
        {
            right.Add(Line(DiagramStyle.CutColor, "<B>━━━</B>", "link in the minimum cut"));
            right.Add(Line(DiagramStyle.CutColor, "▢", "blue border: source side of the cut"));
        }

        if (overlays.Dominators is not null)
        {
            right.Add(Line(DiagramStyle.DominatorColor, "◎", "double border: single point of failure"));
        }

        if (overlays.Centrality is not null)
        {
            right.Add(Line(DiagramStyle.NodeBorder, "▭ ▯", "node size grows with the centrality score"));
        }

        var html = new StringBuilder();
        html.Append("<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
        html.Append("<TR><TD COLSPAN=\"4\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>");
        for (var row = 0; row < Math.Max(left.Count, right.Count); row++)
        {
            html.Append("<TR>")
                .Append(row < left.Count ? left[row] : "<TD></TD><TD></TD>")
                .Append(row < right.Count ? right[row] : "<TD></TD><TD></TD>")
                .Append("</TR>");
        }

        html.Append("</TABLE>");
        return html.ToString();
    }

    private static string Swatch(string fill, string text) =>
        $"<TD BGCOLOR=\"{fill}\" WIDTH=\"24\" HEIGHT=\"12\" BORDER=\"1\" COLOR=\"{DiagramStyle.NodeBorder}\"></TD><TD ALIGN=\"LEFT\">{text}</TD>";

    private static string Line(string color, string sample, string text) =>
        $"<TD><FONT COLOR=\"{color}\">{sample}</FONT></TD><TD ALIGN=\"LEFT\">{text}</TD>";
}
