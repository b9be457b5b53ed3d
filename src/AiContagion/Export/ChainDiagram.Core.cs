using System.Globalization;
using System.Text;
using AiContagion.Model;

namespace AiContagion.Export;

public static partial class ChainDiagram
{
    /// <summary>
    /// Writes the circular core view. Edges are <c>splines=curved</c>: Graphviz 2.43's <c>neato</c> crashes on this
    /// kind of graph with <c>splines=true</c> or <c>polyline</c> (exit 134/139, seen on the AI chain's 10- and 12-firm cores).
    /// </summary>
    private sealed class CoreWriter(FinancingNetwork network, ChainDiagramOptions options)
    {
        public ChainDiagramDocument Write()
        {
            var graph = ChainGraph.Build(network, groupFunders: false);
            var candidates = graph.Nodes.Where(n => n.Entity is { } v && !ChainGraph.IsAnonymousFunder(network.Entities[v]) && n.TotalFlow > 0)
                .OrderByDescending(n => n.TotalFlow).ThenBy(n => n.Key, StringComparer.Ordinal)
                .Take(options.CoreSize).ToList();
            var core = candidates.ToHashSet();
            var byValuation = core.Count > 0 && core.All(n => network.Entities[n.Entity!.Value].Valuation is > 0);
            double Size(ChainNode n) => byValuation ? network.Entities[n.Entity!.Value].Valuation!.Value : n.TotalFlow;
            var largestSize = core.Count == 0 ? 1 : core.Max(Size);
            var flows = graph.Flows.Where(f => core.Contains(f.From) && core.Contains(f.To)).ToList();
            var largest = flows.Count == 0 ? 0 : flows.Max(f => f.Amount);
            var shownLinks = flows.Sum(f => f.Links.Count);
            var unit = DotText.Truncate(network.Unit, 30);

            var dot = new StringBuilder(4096);
            dot.Append("digraph ");
            DotText.AppendId(dot, DotWriter.GraphName).Append(" {\n");
            var subtitles = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"The {core.Count} largest firms by money in and out ({unit}); circle area ∝ {(byValuation ? "valuation" : "total flow")}; every link between them, summed per kind."),
                string.Create(CultureInfo.InvariantCulture, $"{shownLinks} of {network.LinkCount} links drawn; anonymous funders and smaller firms left out."),
            };
            var legend = DealClasses.All.Where(d => flows.Any(f => f.Deal == d)).Select(d => (d.Color(), d.Name(), false)).ToList();
            dot.Append("  graph [charset=\"UTF-8\", layout=neato, start=1, mode=major, overlap=false, sep=\"+10\", esep=\"+6\", splines=curved, ")
                .Append("outputorder=edgesfirst, pad=0.3, fontname=\"").Append(FontName).Append("\", fontsize=14, labelloc=t, labeljust=l, label=<")
                .Append(GraphLabel(Title(network, options, "Financing network") + ": the core", subtitles, legend)).Append(">];\n");
            dot.Append("  node [shape=circle, style=filled, fontname=\"").Append(FontName).Append("\", fontsize=13, penwidth=0.8, color=\"#555555\", margin=\"0.02\"];\n");
            dot.Append("  edge [fontname=\"").Append(FontName).Append("\", fontsize=12, fontcolor=\"#222222\", len=1.7];\n");
            foreach (var node in candidates)
            {
                var share = Math.Sqrt(Size(node) / largestSize);
                var label = new StringBuilder("<");
                var lines = ChainText.Wrap(node.Name, 14, 2);
                for (var i = 0; i < lines.Count; i++)
                {
                    label.Append(i > 0 ? "<BR/>" : "").Append(share > 0.5 ? "<B>" : "");
                    HtmlLabelText.AppendLabel(label, lines[i]).Append(share > 0.5 ? "</B>" : "");
                }

                label.Append("<BR/><FONT POINT-SIZE=\"12\">").Append(HtmlLabelText.AppendLabel(new StringBuilder(), ChainText.Money(Size(node), unit))).Append("</FONT>>");
                var attributes = new DotAttributes()
                    .Html("label", label.ToString()[1..^1])
                    .Token("width", Attr(0.8 + (1.7 * share)))
                    .Quoted("fillcolor", ChainTiers.Fill(node.Tier))
                    .Quoted("id", node.SvgId)
                    .Quoted("class", ChainTiers.CssClass(node.Tier));
                if (options.IncludeTooltips)
                {
                    attributes.Text("tooltip", NodeTooltip(network, node));
                }

                dot.Append("  ");
                DotText.AppendId(dot, node.Key).Append(' ').Append(attributes).Append(";\n");
            }

            var number = 0;
            foreach (var flow in flows)
            {
                var penWidth = PenWidth(flow.Amount, largest) * 0.8;
                var attributes = new DotAttributes()
                    .Text("label", [ChainText.FlowLabel(flow.Amount, flow.Links.Count, unit)])
                    .Quoted("color", flow.Deal.Color() + "c8")
                    .Token("penwidth", Attr(Math.Max(0.8, penWidth)))
                    .Token("arrowsize", Attr(ArrowSize(Math.Max(0.8, penWidth)) + 0.2))
                    .Quoted("id", "f" + number++.ToString(CultureInfo.InvariantCulture))
                    .Quoted("class", $"flow {flow.Deal.CssClass()} from-{flow.From.SvgId} to-{flow.To.SvgId}");
                if (options.IncludeTooltips)
                {
                    var tooltip = FlowTooltip(network, flow, null);
                    attributes.Text("tooltip", tooltip).Text("labeltooltip", tooltip);
                }

                dot.Append("  ");
                DotText.AppendId(dot, flow.From.Key).Append(" -> ");
                DotText.AppendId(dot, flow.To.Key).Append(' ').Append(attributes).Append(";\n");
            }

            dot.Append("}\n");
            return new ChainDiagramDocument(dot.ToString(), ChainView.Core, core.Count, flows.Count, shownLinks, network.LinkCount,
                network.LinkCount - shownLinks, Math.Max(0, network.TotalAmount - flows.Sum(f => f.Amount)), 0, flows.Count);
        }
    }
}
