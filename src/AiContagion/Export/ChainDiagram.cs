using System.Globalization;
using System.Text;
using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// Chain diagrams an analyst can read at print size: the whole chain in tier columns (<see cref="Tiered"/>), the
/// neighbourhood of one firm or what a cascade touched in the same columns (<see cref="ChainDiagramOptions.Focus"/>,
/// <see cref="ChainDiagramOptions.Cascade"/>), and the largest firms on a hub layout (<see cref="Core"/>). Writes DOT
/// for Graphviz; render with <see cref="ChainPicture"/> (which also checks the text is large enough) or
/// <c>dot -Tsvg</c>.
/// </summary>
/// <remarks>
/// <para><b>Reading.</b> Tiers are columns left to right in the order money flows (<see cref="ChainTier"/>), pinned by
/// one <c>rank=same</c> group per tier and an invisible, heavy spine of tier headings (no clusters; <c>newrank</c>).
/// Links are summed in C# per (payer, recipient, <see cref="DealClass"/>) with their deal count; an edge's width
/// grows with the square root of its amount, its colour is its deal class, and only large edges carry a short
/// amount label (<see cref="ChainDiagramOptions.LabelMinimum"/>, at most 12 characters); the deals with their dates
/// and sources are in the tooltip. An edge whose money runs against the chain (a chip maker's stake in a lab, vendor
/// financing) is written reversed with <c>dir=back</c> and drawn dashed, so it keeps the layered routing and still
/// points the way the money moves.</para>
/// <para><b>Direction.</b> Every edge's arrow points the way its links move money, payer to recipient.</para>
/// <para><b>Safety.</b> User text reaches the DOT only escaped (<see cref="DotText"/> for ids and plain labels,
/// HTML-entity escaping for HTML-like labels); ids are quoted.</para>
/// <para><b>Determinism.</b> Byte-identical output for the same network and options (entities in network order
/// within a tier, edges by amount then ids). Fonts: <c>Arial,Helvetica,sans-serif</c> (Liberation Sans, Arial's
/// metrics, on Debian), so an SVG shown elsewhere keeps the widths Graphviz measured.</para>
/// <para>Complexity O(n + m log m). Thread-safe.</para>
/// </remarks>
public static partial class ChainDiagram
{
    /// <summary>The font list every chain diagram names.</summary>
    public const string FontName = "Arial,Helvetica,sans-serif";

    /// <summary>The smallest font size (points) any text of a chain diagram is written in.</summary>
    public const double SmallestFontSize = 12;

    private const string DownColor = "#c0392b";
    private const string ContextColor = "#9a9a9a";
    private const string CutColor = "#111111";
    private const string DominatorColor = "#6a3d9a";

    /// <summary>
    /// The tiered chain diagram: the whole chain, or — with <see cref="ChainDiagramOptions.Focus"/> or
    /// <see cref="ChainDiagramOptions.Cascade"/> — the part of it one firm or one cascade touches.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="options">What to draw; <see langword="null"/> means <see cref="ChainDiagramOptions.Default"/>.</param>
    /// <returns>The DOT document and what it shows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The focus or an overlay names an entity or link the network lacks.</exception>
    public static ChainDiagramDocument Tiered(FinancingNetwork network, ChainDiagramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= ChainDiagramOptions.Default;
        Check(network, options);
        return new TieredWriter(network, options).Write();
    }

    /// <summary>
    /// The circular core: the <see cref="ChainDiagramOptions.CoreSize"/> largest firms by total flow (anonymous funders
    /// left out), laid out by Graphviz <c>neato</c> from a fixed start (<c>start=1</c>, reproducible), each a circle
    /// sized by its total flow — or by its valuation when every firm drawn has one — and every link among them, summed
    /// per deal class, labelled with its amount. The picture of circular deals readers know from the financial press.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Core size, title, tooltips; thresholds and overlays are not used.</param>
    /// <returns>The DOT document (graph attribute <c>layout=neato</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ChainDiagramDocument Core(FinancingNetwork network, ChainDiagramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= ChainDiagramOptions.Default;
        options.Validate();
        return new CoreWriter(network, options).Write();
    }

    private static void Check(FinancingNetwork network, ChainDiagramOptions options)
    {
        options.Validate();
        if (options.Focus is { } focus && !network.Contains(focus))
        {
            throw new ArgumentException($"The focus '{focus}' is not an entity of the network.", nameof(options));
        }

        new DiagramOverlays { Cascade = options.Cascade, Cut = options.Cut, Dominators = options.Dominators }.ValidateFor(network);
    }

    /// <summary>Edge width in points: 0.8 to 11, growing with the square root of the amount's share of the largest.</summary>
    internal static double PenWidth(double amount, double largest) =>
        largest <= 0 ? 1 : Math.Clamp(11 * Math.Sqrt(amount / largest), 0.8, 11);

    /// <summary>Arrowheads shrink as edges widen (Graphviz draws a head with the edge's pen).</summary>
    internal static double ArrowSize(double penWidth) => Math.Clamp(1.6 / penWidth, 0.35, 0.8);

    internal static string Attr(double value) => DotText.Attribute(value);

    internal static string Title(FinancingNetwork network, ChainDiagramOptions options, string fallback) =>
        DotText.Truncate(options.Title ?? network.Metadata.Title ?? fallback, 120);

    /// <summary>The graph label: a bold title, subtitle lines and a legend row, as an HTML-like table.</summary>
    internal static string GraphLabel(string title, IEnumerable<string> subtitles, IEnumerable<(string Swatch, string Text, bool Dashed)> legend)
    {
        var html = new StringBuilder();
        html.Append("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">");
        html.Append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"24\"><B>");
        HtmlLabelText.AppendLabel(html, title).Append("</B></FONT></TD></TR>");
        foreach (var line in subtitles)
        {
            html.Append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\" COLOR=\"#333333\">");
            HtmlLabelText.AppendLabel(html, line).Append("</FONT></TD></TR>");
        }

        var items = legend.ToList();
        if (items.Count > 0)
        {
            // One line of coloured squares and words: a table of swatch cells would stretch to the title's width.
            html.Append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\">");
            var first = true;
            foreach (var (swatch, text, dashed) in items)
            {
                html.Append(first ? "" : "     ");
                first = false;
                var white = string.Equals(swatch, "#ffffff", StringComparison.OrdinalIgnoreCase);
                html.Append("<FONT COLOR=\"").Append(white ? "#666666" : swatch).Append("\"><B>")
                    .Append(dashed ? "- - -" : white ? "□" : "■").Append("</B></FONT> ");
                HtmlLabelText.AppendLabel(html, text);
            }

            html.Append("</FONT></TD></TR>");
        }

        html.Append("</TABLE>");
        return html.ToString();
    }

    /// <summary>Tooltip lines for a flow: who pays whom, the total, then each deal (up to 12) with date and source.</summary>
    internal static List<string> FlowTooltip(FinancingNetwork network, ChainFlow flow, string? note)
    {
        var unit = network.Unit;
        var lines = new List<string>
        {
            DotText.Truncate($"{flow.From.Name} → {flow.To.Name}", 100),
            string.Create(CultureInfo.InvariantCulture, $"{flow.Deal.Name()}: {DotText.Amount(flow.Amount)} {unit} in {flow.Links.Count} deal{(flow.Links.Count == 1 ? "" : "s")}"),
        };
        if (note is not null)
        {
            lines.Add(note);
        }

        foreach (var l in flow.Links.OrderByDescending(l => network.Links[l].Amount).ThenBy(l => l).Take(12))
        {
            var link = network.Links[l];
            var parts = new List<string> { $"· {DotText.Amount(link.Amount)} {link.Kind}" };
            if (flow.From.Group is not null || flow.To.Group is not null)
            {
                parts.Add($"{network[link.From].Name} → {network[link.To].Name}");
            }

            if (link.Date is { } date)
            {
                parts.Add(date);
            }

            if (link.Source is { } source)
            {
                parts.Add(source);
            }

            lines.Add(DotText.Truncate(string.Join(", ", parts), 140));
        }

        if (flow.Links.Count > 12)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"· and {flow.Links.Count - 12} more"));
        }

        return lines;
    }

    /// <summary>Tooltip lines for a node: name, sector, figures, group members.</summary>
    internal static List<string> NodeTooltip(FinancingNetwork network, ChainNode node)
    {
        var lines = new List<string>();
        if (node.Entity is { } v)
        {
            var entity = network.Entities[v];
            lines.Add(DotText.Truncate($"{entity.Name} ({entity.Id})", 120));
            lines.Add($"{DiagramStyle.SectorName(entity.Sector)} · {node.Tier.Name()}");
            var figures = new List<string>();
            void Add(string name, double? value)
            {
                if (value is { } x)
                {
                    figures.Add($"{name} {DotText.Amount(x)}");
                }
            }

            Add("cash", entity.Cash);
            Add("revenue", entity.Revenue);
            Add("costs", entity.Costs);
            Add("capital", entity.Capital);
            Add("valuation", entity.Valuation);
            if (figures.Count > 0)
            {
                lines.Add($"{string.Join(" · ", figures)} ({network.Unit})");
            }
        }
        else
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{node.Name}: {node.Members.Count} anonymous funders"));
            foreach (var member in node.Members.Take(12))
            {
                lines.Add(DotText.Truncate("· " + network.Entities[member].Name, 100));
            }

            if (node.Members.Count > 12)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"· and {node.Members.Count - 12} more"));
            }
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"all links in and out: {DotText.Amount(node.TotalFlow)} {network.Unit}"));
        return lines;
    }

    /// <summary>A DOT node or header name that is not an entity id.</summary>
    internal static string FreeName(FinancingNetwork network, string name)
    {
        while (network.Contains(name))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>Writes the tiered views.</summary>
    private sealed class TieredWriter
    {
        private readonly FinancingNetwork _network;
        private readonly ChainDiagramOptions _options;
        private readonly CascadeOverlay? _cascade;
        private readonly ChainView _view;

        public TieredWriter(FinancingNetwork network, ChainDiagramOptions options)
        {
            _network = network;
            _options = options;
            _cascade = options.Cascade;
            _view = _cascade is not null ? ChainView.Cascade : options.Focus is not null ? ChainView.Focus : ChainView.Tiered;
        }

        public ChainDiagramDocument Write()
        {
            var network = _network;
            var cutLinks = _options.Cut?.CutLinks;
            var down = _cascade?.LinksDown;
            var keep = new HashSet<int>();
            if (_options.Focus is { } focus)
            {
                keep.Add(network.IndexOf(focus));
            }

            if (_cascade is not null)
            {
                foreach (var id in _cascade.Withdrawn.Concat(_cascade.FailureRounds.Keys))
                {
                    keep.Add(network.IndexOf(id));
                }
            }

            var graph = ChainGraph.Build(network, _options.GroupFunders, keep.Contains,
                l => down is not null && down.ContainsKey(l) ? 1 : cutLinks is not null && cutLinks.Contains(l) ? 2 : 0);
            var selected = SelectNodes(graph);
            var minimum = _options.EffectiveMinimumAmount;
            var flows = graph.Flows.Where(f => selected.Contains(f.From) && selected.Contains(f.To) && (f.Marker != 0 || f.Amount >= minimum)).ToList();
            var nodes = _view == ChainView.Tiered
                ? flows.SelectMany(f => new[] { f.From, f.To }).ToHashSet()
                : selected;
            var shownLinks = flows.Sum(f => f.Links.Count);
            var hiddenLinks = network.LinkCount - shownLinks;
            var hiddenAmount = network.TotalAmount - flows.Sum(f => f.Amount);
            var hiddenEntities = network.EntityCount - nodes.Sum(n => n.Members.Count);
            var largest = flows.Count == 0 ? 0 : flows.Max(f => f.Amount);

            var dot = new StringBuilder(4096);
            dot.Append("digraph ");
            DotText.AppendId(dot, DotWriter.GraphName).Append(" {\n");
            dot.Append("  graph [charset=\"UTF-8\", layout=dot, rankdir=LR, newrank=true, splines=spline, nodesep=0.2, ranksep=1.0, ")
                .Append("outputorder=edgesfirst, remincross=true, mclimit=4, pad=0.3, fontname=\"").Append(FontName)
                .Append("\", fontsize=14, labelloc=t, labeljust=l, label=<")
                .Append(GraphLabel(Title(network, _options, "Financing network"), Subtitles(nodes, hiddenLinks, hiddenAmount, hiddenEntities, minimum, flows), Legend(flows)))
                .Append(">];\n");
            dot.Append("  node [shape=box, style=\"rounded,filled\", fontname=\"").Append(FontName)
                .Append("\", fontsize=12, margin=\"0.10,0.05\", height=0.3, penwidth=0.8, color=\"#666666\"];\n");
            dot.Append("  edge [fontname=\"").Append(FontName).Append("\", fontsize=12, fontcolor=\"#222222\", arrowsize=0.6];\n");

            var headers = new List<string>();
            var headings = new StringBuilder();
            foreach (var tier in ChainTiers.All)
            {
                var members = graph.Nodes.Where(n => n.Tier == tier && nodes.Contains(n)).ToList();
                if (members.Count == 0)
                {
                    continue;
                }

                var header = FreeName(network, "tier:" + ChainTiers.CssClass(tier));
                headers.Add(header);
                dot.Append("  { rank=same;\n");
                foreach (var node in members)
                {
                    dot.Append("    ");
                    DotText.AppendId(dot, node.Key).Append(' ').Append(NodeAttributes(node)).Append(";\n");
                }

                dot.Append("  }\n");

                // The heading joins its column in a second group written after every column: dot stacks connected
                // components in the order their first node is written (the first at the bottom when rankdir=LR), so
                // the headings' spine, written last, lands on top of every column, above a firm that only has links
                // inside later columns (say a GPU cloud and its data-centre joint venture) as well.
                headings.Append("  { rank=same; ");
                DotText.AppendId(headings, members[0].Key).Append(";\n    ");
                DotText.AppendId(headings, header).Append(" [shape=plaintext, style=\"\", fontsize=15, fontcolor=\"#555555\", label=<<B>")
                    .Append(HtmlLabelText.AppendLabel(new StringBuilder(), tier.Heading())).Append("</B>>, id=\"h").Append(((int)tier).ToString(CultureInfo.InvariantCulture)).Append("\"];\n");
                headings.Append("  }\n");
            }

            dot.Append(headings);
            if (headers.Count > 1)
            {
                dot.Append("  ");
                for (var i = 0; i < headers.Count; i++)
                {
                    if (i > 0)
                    {
                        dot.Append(" -> ");
                    }

                    DotText.AppendId(dot, headers[i]);
                }

                dot.Append(" [style=invis, weight=1000];\n");
            }

            var labelled = 0;
            var number = 0;
            foreach (var flow in flows)
            {
                dot.Append("  ").Append(FlowStatement(flow, number++, largest, ref labelled)).Append(";\n");
            }

            dot.Append("}\n");
            return new ChainDiagramDocument(dot.ToString(), _view, nodes.Count, flows.Count, shownLinks, network.LinkCount, hiddenLinks, Math.Max(0, hiddenAmount), minimum, labelled);
        }

        private HashSet<ChainNode> SelectNodes(ChainGraph graph)
        {
            var network = _network;
            if (_cascade is { } cascade)
            {
                var touched = new HashSet<ChainNode>();
                foreach (var id in cascade.Withdrawn.Concat(cascade.FailureRounds.Keys))
                {
                    touched.Add(graph.NodeOfEntity[network.IndexOf(id)]);
                }

                foreach (var l in cascade.LinksDown.Keys)
                {
                    touched.Add(graph.NodeOfEntity[network.Index.LinkFrom[l]]);
                    touched.Add(graph.NodeOfEntity[network.Index.LinkTo[l]]);
                }

                return touched;
            }

            if (_options.Focus is { } focus)
            {
                var start = network.IndexOf(focus);
                var distance = new Dictionary<int, int> { [start] = 0 };
                var queue = new Queue<int>();
                queue.Enqueue(start);
                while (queue.Count > 0)
                {
                    var v = queue.Dequeue();
                    if (distance[v] == _options.Depth)
                    {
                        continue;
                    }

                    foreach (var l in network.Index.LinksOutOf(v))
                    {
                        Visit(network.Index.LinkTo[l], distance[v] + 1);
                    }

                    foreach (var l in network.Index.LinksInto(v))
                    {
                        Visit(network.Index.LinkFrom[l], distance[v] + 1);
                    }
                }

                return [.. distance.Keys.Select(v => graph.NodeOfEntity[v])];

                void Visit(int w, int d)
                {
                    if (distance.TryAdd(w, d))
                    {
                        queue.Enqueue(w);
                    }
                }
            }

            return [.. graph.Nodes];
        }

        private List<string> Subtitles(HashSet<ChainNode> nodes, int hiddenLinks, double hiddenAmount, int hiddenEntities, double minimum, List<ChainFlow> flows)
        {
            var network = _network;
            var unit = DotText.Truncate(network.Unit, 30);
            var lines = new List<string>();
            var first = network.Metadata.AsOf is { } asOf ? $"Amounts in {unit}, as of {asOf}. " : $"Amounts in {unit}. ";
            var deals = flows.Sum(f => f.Links.Count);
            lines.Add(DotText.Truncate(first + string.Create(CultureInfo.InvariantCulture,
                $"{deals} deals summed per payer, recipient and kind into {flows.Count} arrows; width ∝ √amount; labels on arrows ≥ {ChainText.Money(_options.LabelMinimum, unit)}; details in tooltips."), 240));
            if (_cascade is { } cascade)
            {
                var failed = cascade.FailureRounds.Keys.Count(id => !cascade.Withdrawn.Contains(id));
                var who = string.Join(", ", cascade.Withdrawn.Take(3).Select(id => network[id].Name)) + (cascade.Withdrawn.Count > 3 ? ", …" : "");
                var model = cascade.Model is { } m ? $" ({m})" : "";
                lines.Add(DotText.Truncate(string.Create(CultureInfo.InvariantCulture,
                    $"Cascade{model}: {who} withdraw; {failed} firm{(failed == 1 ? "" : "s")} fail over {cascade.Unit.Count(cascade.Rounds)}; {cascade.LinksDown.Count} of {network.LinkCount} links go down (red). Only what the withdrawal touches is drawn."), 200));
            }
            else if (_options.Focus is { } focus)
            {
                lines.Add(DotText.Truncate(string.Create(CultureInfo.InvariantCulture,
                    $"Focus: {network[focus].Name} and every firm within {_options.Depth} link{(_options.Depth == 1 ? "" : "s")} of it."), 200));
            }

            if (_options.Cut is { } cut)
            {
                var value = cut.Value is { } v ? $", {DotText.Amount(v)} {unit}" : "";
                var what = cut.Description is { } d ? $" ({DotText.Truncate(d, 80)})" : "";
                lines.Add(DotText.Truncate(string.Create(CultureInfo.InvariantCulture, $"Minimum cut{what}: {cut.CutLinks.Count} link{(cut.CutLinks.Count == 1 ? "" : "s")}{value}, drawn black and labelled 'cut'."), 240));
            }

            if (hiddenLinks > 0)
            {
                var below = minimum > 0 ? $"under {ChainText.Money(minimum, unit)}" : "outside this view";
                lines.Add(DotText.Truncate(string.Create(CultureInfo.InvariantCulture,
                    $"Hidden: {hiddenLinks} of {network.LinkCount} links {below} ({DotText.Amount(hiddenAmount)} {unit}){(hiddenEntities > 0 ? $" and {hiddenEntities} entities left with none" : "")}."), 240));
            }

            if (_options.GroupFunders && nodes.Any(n => n.Group is not null))
            {
                lines.Add("Anonymous syndicates, markets and crowds of lenders are grouped by kind (members in the tooltip).");
            }

            return lines;
        }

        private List<(string, string, bool)> Legend(List<ChainFlow> flows)
        {
            var legend = new List<(string, string, bool)>();
            if (_cascade is not null)
            {
                legend.Add((DiagramStyle.WithdrawnFill, "withdraws", false));
                for (var round = 1; round <= Math.Min(_cascade.Rounds, DiagramStyle.RoundColours); round++)
                {
                    var text = round == DiagramStyle.RoundColours && _cascade.Rounds > round ? $"fails {_cascade.Unit.Label(round)} or later" : $"fails {_cascade.Unit.Label(round)}";
                    legend.Add((DiagramStyle.RoundFill(round), text, false));
                }

                legend.Add(("#ffffff", "hit, survives", false));
                legend.Add((DownColor, "link down", false));
                legend.Add((ContextColor, "other link", false));
            }
            else
            {
                foreach (var deal in DealClasses.All.Where(d => flows.Any(f => f.Deal == d)))
                {
                    legend.Add((deal.Color(), deal.Name(), false));
                }
            }

            if (flows.Any(f => f.Back))
            {
                legend.Add(("#444444", "money against the chain", true));
            }

            if (_options.Cut is not null)
            {
                legend.Add((CutColor, "minimum cut", false));
            }

            return legend;
        }

        private string NodeAttributes(ChainNode node)
        {
            var network = _network;
            var fontSize = node.TotalFlow >= 100 ? 16 : node.TotalFlow >= 20 ? 14 : 12;
            var bold = node.TotalFlow >= 100;
            var fill = ChainTiers.Fill(node.Tier);
            string? fontColor = null;
            var tooltip = NodeTooltip(network, node);
            string? status = null;
            var border = "#666666";
            var penWidth = 0.8;
            var peripheries = 1;
            if (_cascade is { } cascade && node.Entity is { } v)
            {
                var id = network.Entities[v].Id;
                if (cascade.Withdrawn.Contains(id))
                {
                    status = "withdraws";
                    fill = DiagramStyle.WithdrawnFill;
                    fontColor = "#ffffff";
                }
                else if (cascade.FailureRounds.TryGetValue(id, out var round))
                {
                    status = "fails " + cascade.Unit.Label(round);
                    fill = DiagramStyle.RoundFill(round);
                    fontColor = DiagramStyle.RoundNeedsLightText(round) ? "#ffffff" : null;
                }
                else
                {
                    fill = "#ffffff";
                }
            }
            else if (_cascade is not null)
            {
                fill = "#ffffff";
            }

            if (status is not null)
            {
                tooltip.Insert(1, status);
            }

            if (_options.Focus is { } focus && node.Entity is { } f && network.Entities[f].Id == focus)
            {
                border = "#111111";
                penWidth = 2.5;
                bold = true;
            }

            if (_options.Dominators is { } dominators && node.Entity is { } d && dominators.SinglePointsOfFailure.Contains(network.Entities[d].Id))
            {
                border = DominatorColor;
                penWidth = 2;
                peripheries = 2;
                tooltip.Add("single point of failure: every funding path to it passes through here");
            }

            if (_options.Cut is { } cut && node.Entity is { } c && cut.SourceSide.Contains(network.Entities[c].Id))
            {
                tooltip.Add("source side of the minimum cut");
            }

            var label = new StringBuilder();
            label.Append("<FONT POINT-SIZE=\"").Append(fontSize.ToString(CultureInfo.InvariantCulture)).Append('"');
            if (fontColor is not null)
            {
                label.Append(" COLOR=\"").Append(fontColor).Append('"');
            }

            label.Append('>');
            var lines = ChainText.Wrap(node.Name);
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0)
                {
                    label.Append("<BR/>");
                }

                label.Append(bold ? "<B>" : "");
                HtmlLabelText.AppendLabel(label, lines[i]);
                label.Append(bold ? "</B>" : "");
            }

            if (status is not null)
            {
                label.Append("<BR/><FONT POINT-SIZE=\"12\">");
                HtmlLabelText.AppendLabel(label, status).Append("</FONT>");
            }

            label.Append("</FONT>");
            var attributes = new DotAttributes()
                .Html("label", label.ToString())
                .Quoted("fillcolor", fill)
                .Quoted("id", node.SvgId)
                .Quoted("class", ChainTiers.CssClass(node.Tier) + (node.Group is not null ? " group" : ""));
            if (border != "#666666")
            {
                attributes.Quoted("color", border).Token("penwidth", Attr(penWidth));
            }

            if (peripheries != 1)
            {
                attributes.Token("peripheries", DotText.Integer(peripheries));
            }

            if (_options.IncludeTooltips)
            {
                attributes.Text("tooltip", tooltip);
            }

            return attributes.ToString();
        }

        private string FlowStatement(ChainFlow flow, int number, double largest, ref int labelled)
        {
            var network = _network;
            var unit = network.Unit;
            var isDown = flow.Marker == 1;
            var isCut = flow.Marker == 2;
            string color;
            string? note = null;
            if (_cascade is { } cascade)
            {
                if (isDown)
                {
                    color = DownColor;
                    var rounds = flow.Links.Select(l => cascade.LinksDown[l]).ToList();
                    var first = rounds.Min(r => r.Round);
                    var causes = string.Join(", ", rounds.Select(r => r.Cause).Distinct().Order(StringComparer.Ordinal));
                    note = $"down from {cascade.Unit.Label(first)}: {causes}";
                }
                else
                {
                    color = ContextColor + "b0";
                }
            }
            else
            {
                color = flow.Deal.Color() + (flow.Amount >= _options.LabelMinimum ? "d0" : "80");
            }

            if (isCut)
            {
                color = CutColor;
                note = "in the minimum cut";
            }

            var penWidth = PenWidth(flow.Amount, largest) + (isCut ? 1.5 : 0);
            var attributes = new DotAttributes();
            var labelText = flow.Amount >= _options.LabelMinimum || isCut
                ? ChainText.FlowLabel(flow.Amount, flow.Links.Count, unit, isCut ? "cut" : null)
                : null;
            if (labelText is not null)
            {
                labelled++;
                // A flat edge (both ends in one tier) is routed after its label is placed: an external label
                // avoids Graphviz 2.43's "triangulation failed" on flat edges with label nodes.
                attributes.Text(flow.Flat ? "xlabel" : "label", [labelText]);
                if (isDown || isCut)
                {
                    attributes.Quoted("fontcolor", color);
                }
            }

            attributes.Quoted("color", color)
                .Token("penwidth", Attr(penWidth))
                .Token("arrowsize", Attr(ArrowSize(penWidth)));
            var styles = new List<string>();
            if (flow.Back)
            {
                styles.Add("dashed");
                attributes.Token("dir", "back");
            }
            else if (!flow.Flat)
            {
                attributes.Token("weight", DotText.Integer(1 + (int)Math.Floor(3 * Math.Log10(1 + (100 * flow.Amount / Math.Max(largest, 1e-300))))))
                    .Quoted("tailport", "e").Quoted("headport", "w");
            }

            if (isCut)
            {
                styles.Add("bold");
            }

            if (styles.Count > 0)
            {
                attributes.Quoted("style", string.Join(",", styles));
            }

            var css = new StringBuilder("flow ").Append(flow.Deal.CssClass()).Append(" from-").Append(flow.From.SvgId).Append(" to-").Append(flow.To.SvgId);
            if (flow.Back)
            {
                css.Append(" back");
            }

            if (isDown)
            {
                css.Append(" down");
            }

            if (isCut)
            {
                css.Append(" cut");
            }

            attributes.Quoted("id", "f" + number.ToString(CultureInfo.InvariantCulture)).Quoted("class", css.ToString());
            if (_options.IncludeTooltips)
            {
                var tooltip = FlowTooltip(network, flow, note);
                attributes.Text("tooltip", tooltip).Text("labeltooltip", tooltip);
            }

            var statement = new StringBuilder();
            var (tail, head) = flow.Back ? (flow.To, flow.From) : (flow.From, flow.To);
            DotText.AppendId(statement, tail.Key).Append(" -> ");
            DotText.AppendId(statement, head.Key).Append(' ').Append(attributes);
            return statement.ToString();
        }
    }
}
