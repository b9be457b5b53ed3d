using System.Globalization;
using System.Text;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// Writes a financing network as a Graphviz DOT diagram: entities filled by sector, laid out left to right in
/// the chain's tiers (funders → application start-ups → model labs → clouds and data centres → chipmakers →
/// other), links styled by kind, their width growing with the amount, a title and a legend; plus the overlays
/// of <see cref="DotOptions.Overlays"/> (a cascade, a minimum cut, dominators, a centrality).
/// </summary>
/// <remarks>
/// <para><b>Direction.</b> Every DOT edge runs the way its link moves money, payer (<c>From</c>) to recipient
/// (<c>To</c>); the writer walks each link once. Links that run back up the chain (a chipmaker's vendor
/// financing to its cloud customer) are drawn with <c>constraint=false</c> so the tiers stay in order.</para>
/// <para><b>Safety.</b> Every id is a quoted, escaped DOT string and every label and tooltip is escaped text
/// (see <c>DotText</c>): no input can add an attribute, a node, an edge or HTML. The legend is the only HTML
/// label and holds no user text. Non-ASCII text is kept (UTF-8, declared with <c>charset</c>).</para>
/// <para><b>Determinism.</b> The output is byte-identical for the same network, options and overlays,
/// whatever order entities and links were added in: entities are written by tier then id, links by payer id,
/// recipient id, kind, amount and finally their statement text; numbers use the invariant culture; line ends
/// are <c>\n</c>. Nothing runs in parallel.</para>
/// <para><b>Layout.</b> Each tier is a cluster whose nodes share a rank (<c>newrank=true</c>); an invisible
/// edge joins consecutive non-empty tiers so they keep their order; the legend, joined to nothing, takes the first
/// rank (top left). Render with <see cref="GraphvizRenderer"/> or <c>dot -Tsvg</c>.</para>
/// <para>Complexity O(n log n + m log m) time, O(n + m) text. Thread-safe (no shared state).</para>
/// </remarks>
public static class DotWriter
{
    /// <summary>The graph name written in every document (<c>digraph "AiContagion"</c>).</summary>
    public const string GraphName = "AiContagion";

    /// <summary>Writes the DOT document of a network.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">What to draw; <see langword="null"/> means <see cref="DotOptions.Default"/>.</param>
    /// <returns>The DOT text and how much of the network it shows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (<see cref="DotOptions.Validate"/>).</exception>
    /// <exception cref="ArgumentException">An overlay names an entity or link the network lacks.</exception>
    public static DotDiagram Create(FinancingNetwork network, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= DotOptions.Default;
        options.Validate();
        options.Overlays.ValidateFor(network);
        return new Composer(network, options).Compose();
    }

    /// <summary>The DOT text of a network (see <see cref="Create"/>).</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">What to draw; <see langword="null"/> means <see cref="DotOptions.Default"/>.</param>
    /// <returns>The DOT text.</returns>
    public static string ToDot(FinancingNetwork network, DotOptions? options = null) => Create(network, options).Text;

    /// <summary>Writes the DOT document of a network to a file (UTF-8, no byte-order mark), whole or not at all.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The target file (conventionally <c>.dot</c> or <c>.gv</c>).</param>
    /// <param name="options">What to draw; <see langword="null"/> means <see cref="DotOptions.Default"/>.</param>
    /// <returns>The document written.</returns>
    /// <exception cref="IOException">The file could not be written; an existing file is left as it was.</exception>
    public static DotDiagram WriteFile(FinancingNetwork network, string path, DotOptions? options = null)
    {
        var diagram = Create(network, options);
        AtomicFile.WriteAllText(path, diagram.Text);
        return diagram;
    }

    private sealed class Composer
    {
        private readonly FinancingNetwork _network;
        private readonly DotOptions _options;
        private readonly DiagramOverlays _overlays;
        private readonly string _unit;

        public Composer(FinancingNetwork network, DotOptions options)
        {
            _network = network;
            _options = options;
            _overlays = options.Overlays;
            _unit = Text(network.Unit);
        }

        public DotDiagram Compose()
        {
            var statements = new string[_network.LinkCount];
            var largest = _network.LinkCount == 0 ? 0 : _network.Index.Amount.Max();
            for (var l = 0; l < statements.Length; l++)
            {
                statements[l] = LinkStatement(l, largest);
            }

            var selection = DiagramSelection.Create(_network, _options, statements);
            var dot = new StringBuilder(256 + (160 * (_network.EntityCount + _network.LinkCount)));
            dot.Append("digraph ");
            DotText.AppendId(dot, GraphName).Append(" {\n");
            dot.Append("  graph ").Append(GraphAttributes(selection)).Append(";\n");
            dot.Append("  node ").Append(new DotAttributes()
                .Token("shape", "box").Quoted("style", "rounded,filled").Quoted("fontname", DiagramStyle.FontName)
                .Token("fontsize", "11").Quoted("color", DiagramStyle.NodeBorder).Quoted("fillcolor", "#ffffff")).Append(";\n");
            dot.Append("  edge ").Append(new DotAttributes()
                .Quoted("fontname", DiagramStyle.FontName).Token("fontsize", "9").Token("arrowsize", "0.7")).Append(";\n");

            var scale = CentralityScale(selection);
            var tierHeads = new List<int>();
            foreach (var tier in EntitiesByTier(selection))
            {
                var tierNumber = _network.Entities[tier[0]].Sector.Tier();
                dot.Append("  subgraph ");
                DotText.AppendId(dot, "cluster_tier" + DotText.Integer(tierNumber)).Append(" {\n");
                dot.Append("    graph ").Append(new DotAttributes()
                    .Text("label", [DiagramStyle.TierName(tierNumber)]).Token("rank", "same").Quoted("style", "rounded")
                    .Quoted("color", "#bbbbbb").Quoted("fontcolor", "#555555").Token("fontsize", "12")).Append(";\n");
                foreach (var v in tier)
                {
                    dot.Append("    ");
                    DotText.AppendId(dot, _network.Entities[v].Id).Append(' ').Append(EntityAttributes(v, scale)).Append(";\n");
                }

                dot.Append("  }\n");
                tierHeads.Add(tier[0]);
            }

            for (var t = 0; t + 1 < tierHeads.Count; t++)
            {
                dot.Append("  ");
                DotText.AppendId(dot, _network.Entities[tierHeads[t]].Id).Append(" -> ");
                DotText.AppendId(dot, _network.Entities[tierHeads[t + 1]].Id).Append(" [style=invis];\n");
            }

            var shownLinks = Enumerable.Range(0, _network.LinkCount).Where(l => selection.LinkShown[l]).ToList();
            shownLinks.Sort((a, b) => DiagramSelection.CompareLinks(_network, statements, a, b));
            foreach (var l in shownLinks)
            {
                dot.Append("  ").Append(statements[l]).Append(";\n");
            }

            if (_options.ShowLegend)
            {
                AppendLegend(dot, selection, shownLinks);
            }

            dot.Append("}\n");
            return new DotDiagram(dot.ToString(), selection.EntitiesShown, selection.LinksShown, _network.EntityCount, _network.LinkCount);
        }

        private string GraphAttributes(DiagramSelection selection)
        {
            var metadata = _network.Metadata;
            var lines = new List<string> { Text(_options.Title ?? metadata.Title ?? "Financing network") };
            lines.Add(metadata.AsOf is { } asOf ? $"as of {Text(asOf)} · amounts in {_unit}" : $"amounts in {_unit}");
            if (_overlays.Cascade is { } cascade)
            {
                lines.Add(CascadeCaption(cascade));
            }

            if (_overlays.Cut is { } cut)
            {
                var value = cut.Value is { } v ? $", capacity {DotText.Amount(v)} {_unit}" : "";
                var what = cut.Description is { } d ? $" ({Text(d)})" : "";
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"minimum cut{what}: {cut.CutLinks.Count} link{(cut.CutLinks.Count == 1 ? "" : "s")} in bold{value}"));
            }

            if (_overlays.Dominators is { } dominators)
            {
                var target = dominators.Target is { } t ? " of " + Text(t) : "";
                var count = dominators.SinglePointsOfFailure.Count;
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"dominators{target}: {count} single point{(count == 1 ? "" : "s")} of failure"));
            }

            if (_overlays.Centrality is { } centrality)
            {
                lines.Add($"node size: {Text(centrality.Measure)} centrality");
            }

            if (selection.LinksShown < _network.LinkCount || selection.EntitiesShown < _network.EntityCount)
            {
                var filters = new List<string>();
                if (_options.MinimumAmount > 0)
                {
                    filters.Add($"amount ≥ {DotText.Amount(_options.MinimumAmount)}");
                }

                if (_options.TopLinks is { } top)
                {
                    filters.Add(string.Create(CultureInfo.InvariantCulture, $"top {top} by amount"));
                }

                if (_options.KeepHighlightedLinks && !_overlays.IsEmpty)
                {
                    filters.Add("plus highlighted links");
                }

                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"showing {selection.LinksShown} of {_network.LinkCount} links and {selection.EntitiesShown} of {_network.EntityCount} entities ({string.Join(", ", filters)})"));
            }

            return new DotAttributes()
                .Quoted("charset", "UTF-8").Token("rankdir", "LR").Token("newrank", "true")
                .Token("nodesep", "0.35").Token("ranksep", "0.9").Quoted("fontname", DiagramStyle.FontName)
                .Token("fontsize", "14").Token("labelloc", "t").Text("label", lines).ToString();
        }

        private string CascadeCaption(CascadeOverlay cascade)
        {
            var withdrawn = cascade.Withdrawn.Take(5).Select(Text).ToList();
            if (cascade.Withdrawn.Count > 5)
            {
                withdrawn.Add(string.Create(CultureInfo.InvariantCulture, $"and {cascade.Withdrawn.Count - 5} more"));
            }

            var model = cascade.Model is { } m ? $" ({Text(m)})" : "";
            var who = withdrawn.Count == 0 ? "no source withdrawn" : string.Join(", ", withdrawn) + " withdrawn";
            var failed = cascade.FailureRounds.Keys.Count(id => !cascade.Withdrawn.Contains(id));
            return string.Create(CultureInfo.InvariantCulture,
                $"cascade{model}: {who}; {failed} {(failed == 1 ? "entity" : "entities")} failed in {cascade.Rounds} round{(cascade.Rounds == 1 ? "" : "s")}; {cascade.LinksDown.Count} link{(cascade.LinksDown.Count == 1 ? "" : "s")} down");
        }

        private List<List<int>> EntitiesByTier(DiagramSelection selection)
        {
            var shown = Enumerable.Range(0, _network.EntityCount).Where(v => selection.EntityShown[v]).ToList();
            shown.Sort((a, b) =>
            {
                var byTier = _network.Entities[a].Sector.Tier().CompareTo(_network.Entities[b].Sector.Tier());
                return byTier != 0 ? byTier : string.CompareOrdinal(_network.Entities[a].Id, _network.Entities[b].Id);
            });
            return shown.GroupBy(v => _network.Entities[v].Sector.Tier()).Select(g => g.ToList()).ToList();
        }

        /// <summary>Min and max centrality score over the shown entities that have one, or null without the overlay.</summary>
        private (double Min, double Max)? CentralityScale(DiagramSelection selection)
        {
            if (_overlays.Centrality is not { } centrality)
            {
                return null;
            }

            var scores = centrality.Scores.Where(s => selection.EntityShown[_network.IndexOf(s.Key)]).Select(s => s.Value).ToList();
            return scores.Count == 0 ? (0, 0) : (scores.Min(), scores.Max());
        }

        private string EntityAttributes(int v, (double Min, double Max)? scale)
        {
            var entity = _network.Entities[v];
            var label = new List<string> { Text(entity.Name) };
            var tooltip = new List<string> { $"{entity.Id} · {DiagramStyle.SectorName(entity.Sector)}" };
            var fill = DiagramStyle.SectorFill(entity.Sector);
            string? fontColor = null;
            string? border = null;
            var style = "rounded,filled";
            var penWidth = 1.0;
            var peripheries = 1;

            var figures = Figures(entity);
            if (figures.Length > 0)
            {
                tooltip.Add(figures);
            }

            if (entity.Note is { } note)
            {
                tooltip.Add(Text(note));
            }

            double? size = null;
            if (_overlays.Centrality is { } centrality && scale is { } range)
            {
                var has = centrality.Scores.TryGetValue(entity.Id, out var score);
                size = !has ? 0 : range.Max > range.Min ? (score - range.Min) / (range.Max - range.Min) : 1;
                label.Add(has ? $"{Text(centrality.Measure)} {DotText.Score(score)}" : $"{Text(centrality.Measure)} n/a");
            }

            if (_overlays.Cascade is { } cascade)
            {
                if (cascade.Withdrawn.Contains(entity.Id))
                {
                    label.Add("withdrawn");
                    tooltip.Add("withdrawn by the shock");
                    fill = DiagramStyle.WithdrawnFill;
                    fontColor = "#ffffff";
                    style = "rounded,filled,bold";
                }
                else if (cascade.FailureRounds.TryGetValue(entity.Id, out var round))
                {
                    var text = string.Create(CultureInfo.InvariantCulture, $"failed in round {round}");
                    label.Add(text);
                    tooltip.Add(text);
                    fill = DiagramStyle.RoundFill(round);
                    fontColor = DiagramStyle.RoundNeedsLightText(round) ? "#ffffff" : null;
                }
            }

            if (_overlays.Cut is { } cut && cut.SourceSide.Contains(entity.Id))
            {
                border = DiagramStyle.CutColor;
                penWidth = 2;
                tooltip.Add("source side of the minimum cut");
            }

            if (_overlays.Dominators is { } dominators)
            {
                if (dominators.SinglePointsOfFailure.Contains(entity.Id))
                {
                    label.Add("single point of failure");
                    tooltip.Add("single point of failure");
                    border = DiagramStyle.DominatorColor;
                    penWidth = 2;
                    peripheries = 2;
                }

                if (dominators.ImmediateDominators.TryGetValue(entity.Id, out var idom))
                {
                    tooltip.Add("immediate dominator: " + Text(idom));
                }
            }

            var attributes = new DotAttributes().Text("label", label).Quoted("fillcolor", fill);
            if (size is { } t)
            {
                // Node size by centrality: minimum width 0.9 to 2.7 inches, height 0.45 to 1.35, font 10 to 20 points.
                attributes.Token("width", DotText.Attribute(0.9 + (1.8 * t)))
                    .Token("height", DotText.Attribute(0.45 + (0.9 * t)))
                    .Token("fontsize", DotText.Attribute(10 + (10 * t)));
            }

            if (fontColor is not null)
            {
                attributes.Quoted("fontcolor", fontColor);
            }

            if (style != "rounded,filled")
            {
                attributes.Quoted("style", style);
            }

            if (border is not null)
            {
                attributes.Quoted("color", border).Token("penwidth", DotText.Attribute(penWidth));
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

        private string Figures(Entity entity)
        {
            var parts = new List<string>();
            void Add(string name, double? value)
            {
                if (value is { } x)
                {
                    parts.Add($"{name} {DotText.Amount(x)}");
                }
            }

            Add("cash", entity.Cash);
            Add("revenue", entity.Revenue);
            Add("costs", entity.Costs);
            Add("capital", entity.Capital);
            if (entity.Tolerance is { } tolerance)
            {
                parts.Add("tolerance " + DotText.Score(tolerance));
            }

            return parts.Count == 0 ? "" : $"{string.Join(" · ", parts)} ({_unit})";
        }

        private string LinkStatement(int l, double largest)
        {
            var link = _network.Links[l];
            var claim = link.Kind.IsClaim();
            var amount = $"{DotText.Amount(link.Amount)} {_unit}";
            var label = new List<string> { $"{link.Kind} {amount}" };
            var tooltip = new List<string> { $"{link.From} → {link.To}: {link.Kind} {amount}" };
            if (link.Date is { } date)
            {
                tooltip.Add("date " + Text(date));
            }

            if (link.TermYears is { } term)
            {
                tooltip.Add($"term {DotText.Amount(term)} year{(term == 1 ? "" : "s")}");
            }

            if (link.Note is { } note)
            {
                tooltip.Add(Text(note));
            }

            if (link.Source is { } source)
            {
                tooltip.Add("source: " + Text(source));
            }

            var color = claim ? DiagramStyle.ClaimColor : DiagramStyle.CommercialColor;
            string? fontColor = null;
            var line = claim ? "solid" : "dotted";
            var penWidth = DiagramStyle.PenWidth(link.Amount, largest);
            var bold = false;
            if (_overlays.Cut is { } cut && cut.CutLinks.Contains(l))
            {
                label.Add("cut");
                tooltip.Add("in the minimum cut");
                color = DiagramStyle.CutColor;
                fontColor = DiagramStyle.CutColor;
                penWidth += 2;
                bold = true;
            }

            if (_overlays.Cascade is { } cascade && cascade.LinksDown.TryGetValue(l, out var down))
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"down: {Text(down.Cause)} (round {down.Round})");
                label.Add(text);
                tooltip.Add(text);
                color = DiagramStyle.DownColor;
                fontColor = DiagramStyle.DownColor;
                line = "dashed";
            }

            var statement = new StringBuilder();
            DotText.AppendId(statement, link.From).Append(" -> ");
            DotText.AppendId(statement, link.To).Append(' ');
            var fromTier = _network.Index.Sector[_network.Index.LinkFrom[l]].Tier();
            var toTier = _network.Index.Sector[_network.Index.LinkTo[l]].Tier();
            var attributes = new DotAttributes();
            if (_options.ShowLinkLabels)
            {
                // A link within one tier joins two nodes of the same rank; Graphviz 2.43 fails to route such
                // flat edges around large label nodes ("triangulation failed"), so their label is an external
                // label, placed after routing.
                attributes.Text(fromTier == toTier ? "xlabel" : "label", label);
            }

            attributes.Quoted("color", color);
            if (fontColor is not null && _options.ShowLinkLabels)
            {
                attributes.Quoted("fontcolor", fontColor);
            }

            attributes.Quoted("style", bold ? line + ",bold" : line)
                .Token("penwidth", DotText.Attribute(penWidth))
                .Token("arrowhead", claim ? "normal" : "vee");
            if (fromTier > toTier)
            {
                attributes.Token("constraint", "false");
            }

            if (_options.IncludeTooltips)
            {
                attributes.Text("tooltip", tooltip);
            }

            return statement.Append(attributes).ToString();
        }

        private void AppendLegend(StringBuilder dot, DiagramSelection selection, List<int> shownLinks)
        {
            var sectors = new HashSet<Sector>();
            for (var v = 0; v < _network.EntityCount; v++)
            {
                if (selection.EntityShown[v])
                {
                    sectors.Add(_network.Entities[v].Sector);
                }
            }

            var hasClaims = shownLinks.Any(l => _network.Index.Kind[l].IsClaim());
            var hasCommercial = shownLinks.Any(l => !_network.Index.Kind[l].IsClaim());
            var id = "legend";
            while (_network.Contains(id))
            {
                id += "_";
            }

            // Not joined to any entity, the legend takes the first rank: the top left, beside the funders.
            dot.Append("  ");
            DotText.AppendId(dot, id).Append(' ')
                .Append(new DotAttributes().Token("shape", "plain").Quoted("style", "").Html("label", DotLegend.Markup(sectors, hasClaims, hasCommercial, _overlays)))
                .Append(";\n");
        }

        /// <summary>User text cut to the maximum length; escaping happens when it is written.</summary>
        private string Text(string text) => DotText.Truncate(text, _options.MaximumTextLength);
    }
}
