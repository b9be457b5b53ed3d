using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Flow;
using AiContagion.Model;
using AiContagion.Provenance;
using AiContagion.Ranking;
using AiContagion.Stress;

namespace AiContagion.Export;

/// <summary>
/// The standard report on a financing chain, as one self-contained HTML document (<see cref="ReportDocument"/>): the
/// data, the tiered chain, the withdrawal ranking per model (table and chart), the worst cascade round by round with
/// its picture, the baseline and the sweep when asked for, the cut and the provenance, the core and the money by tier.
/// </summary>
/// <remarks>
/// Runs every analysis once, in this order, and adds one section per result; add more sections to the returned
/// document (<see cref="ReportDocument.Add"/>) for analyses it does not run. Pictures need Graphviz <c>dot</c>; without it
/// each picture is replaced by a note saying so. Cost: one ranking per model (one cascade per candidate), one flow, one
/// provenance trace, a few <c>dot</c> runs (well under a second each for about 100 links). Thread-safe.
/// </remarks>
public static class ChainReport
{
    /// <summary>Runs the analyses and composes the report.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">What to run; <see langword="null"/> means <see cref="ChainReportOptions.Default"/>.</param>
    /// <param name="renderer">The Graphviz renderer; <see langword="null"/> uses one with default options.</param>
    /// <param name="cancellationToken">Stops the analyses.</param>
    /// <returns>The report; call <see cref="ReportDocument.Save"/>.</returns>
    /// <exception cref="ArgumentException">An option is invalid, or the target is not an entity.</exception>
    /// <exception cref="GraphvizRenderException"><c>dot</c> failed.</exception>
    public static ReportDocument Create(FinancingNetwork network, ChainReportOptions? options = null, GraphvizRenderer? renderer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= ChainReportOptions.Default;
        options.Validate();
        renderer ??= new GraphvizRenderer();
        var target = options.Target ?? DefaultTarget(network);
        if (target is not null && !network.Contains(target))
        {
            throw new ArgumentException($"The report's target '{target}' is not an entity of the network.", nameof(options));
        }

        var rankings = options.Models.Select(kind =>
            new WithdrawalRanking(CascadeModels.Create(kind, options.ModelSettings)).Rank(network, cancellationToken: cancellationToken)).ToList();
        var first = rankings[0];
        var models = string.Join(", ", rankings.Select(r => r.ModelName));
        var title = options.Title ?? network.Metadata.Title ?? "Financing network";
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{(options.Source is { } s ? s + " · " : "")}{network.EntityCount} entities, {network.LinkCount} links{(network.Metadata.AsOf is { } asOf ? ", as of " + asOf : "")} · models: {models}");
        var report = new ReportDocument(title, subtitle);
        report.Add(new NetworkSummarySection(network, options.Source));

        var pictures = renderer.IsAvailable;
        var tiered = pictures ? Picture(network, ChainView.Tiered, new ChainDiagramOptions(), options.Fit, renderer, cancellationToken) : null;
        report.Add(tiered is null
            ? Missing("chain", "The chain")
            : new DiagramSection("chain", "The chain", tiered.Value.Svg, tiered.Value.Caption,
                "Who pays whom, tier by tier in the order money flows (funding sources → app start-ups → model labs → hyperscalers → GPU clouds → data-centre vehicles → chip makers). Arrows point the way money moves; dashed arrows run against the chain (a chip maker's stake in a lab, vendor financing). Hover a firm to light up its money in and out; hover an arrow for its deals."));

        var number = 0;
        foreach (var ranking in rankings)
        {
            report.Add(new RankingSection(ranking, options.Top, number++ == 0 ? "ranking" : "ranking-" + CascadeModels.CommandName(options.Models[number - 1])));
        }

        CascadeResult? worst = null;
        if (!first.Entries.IsEmpty)
        {
            worst = first.Explain(first.Entries[0], cancellationToken);
            // The runway's rounds are calendar months: label them so (2026-03, not round 3) when the network has an asOf.
            var overlay = worst.ModelKind == CascadeModelKind.Runway && CalendarMonth.TryParse(network.Metadata.AsOf, out var firstMonth)
                ? ModelOverlays.Cascade(worst, RoundUnit.Months(firstMonth))
                : ModelOverlays.Cascade(worst);
            var cascade = pictures ? Picture(network, ChainView.Cascade, new ChainDiagramOptions { Cascade = overlay }, options.Fit, renderer, cancellationToken) : null;
            report.Add(new CascadeSection(worst, overlay.Unit, cascade?.Svg, cascade?.Caption));
        }

        if (options.Baseline && worst is not null)
        {
            var runway = new RunwayCascade(options.ModelSettings.Runway).Run(network, CascadeShock.Withdraw(worst.Shocked), cancellationToken).Runway!;
            var month = CalendarMonth.TryParse(network.Metadata.AsOf, out var m) ? m : (CalendarMonth?)null;
            report.Add(new BaselineSection(runway, month));
        }

        if (options.Sweep.Count > 0)
        {
            var sweep = new RankingSweep(options.Models[0], options.Sweep, new RankingSweepOptions { ModelSettings = options.ModelSettings, TopK = 3 })
                .Run(network, cancellationToken: cancellationToken);
            report.Add(new SweepSection(sweep, options.Top));
        }

        if (target is not null)
        {
            var sources = EntitySelection.FundingSources;
            var flow = MaximumFlow.Compute(network, sources, EntitySelection.Of(target), cancellationToken);
            EntityCutResult? entityCut;
            try
            {
                entityCut = MinimumEntityCut.Compute(network, sources, EntitySelection.Of(target), cancellationToken: cancellationToken);
            }
            catch (UnboundedFlowException)
            {
                // A funder pays the target directly: no set of firms cuts it off; the section says only the link cut.
                entityCut = null;
            }

            var tree = DominatorTree.Compute(network, sources, cancellationToken);
            var cutOptions = new ChainDiagramOptions
            {
                Cut = ModelOverlays.Cut(flow, "funding sources → " + network[target].Name),
                Dominators = ModelOverlays.Dominators(tree, [target], network[target].Name),
            };
            var cut = pictures ? Picture(network, ChainView.Tiered, cutOptions, options.Fit, renderer, cancellationToken) : null;
            report.Add(new CutSection(network, flow, entityCut, cut?.Svg, cut?.Caption));
            var provenance = MoneyProvenance.Trace(network, cancellationToken: cancellationToken);
            var ids = new List<string> { target };
            ids.AddRange(network.EntitiesIn(Sector.ModelLab).Select(e => e.Id).Where(id => id != target));
            report.Add(new ProvenanceSection(network, provenance, ids));
        }

        var core = pictures ? Picture(network, ChainView.Core, new ChainDiagramOptions(), options.Fit, renderer, cancellationToken) : null;
        report.Add(core is null
            ? Missing("core", "The core")
            : new DiagramSection("core", "The core: circular deals among the largest firms", core.Value.Svg, core.Value.Caption,
                "The largest firms by money in and out and every link among them: the hub picture known from the financial press, where the loops (a supplier funding its customer, who buys from it) are the subject."));
        var sankey = SankeyDiagram.Create(network);
        var sankeySvg = sankey.ToSvg();
        report.Add(new DiagramSection("money", "Money by tier", sankeySvg,
            "Ribbon width ∝ amount. " + Readability.Measure(sankeySvg, options.Fit.Page ?? PageSize.A3),
            "Where the money goes, summed: from each kind of funder into the chain, and from tier to tier down the chain. Money against the chain or within a tier is left out (the chain picture shows it)."));
        return report;
    }

    /// <summary>The default target: <c>nvidia</c>, else the chip maker receiving the most through links, else the entity receiving the most.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The id, or <see langword="null"/> for an empty network.</returns>
    public static string? DefaultTarget(FinancingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Contains("nvidia"))
        {
            return "nvidia";
        }

        var candidates = network.EntitiesIn(Sector.ChipMaker).Count > 0 ? network.EntitiesIn(Sector.ChipMaker) : network.Entities;
        return candidates.OrderByDescending(e => network.LinksTo(e.Id).Sum(l => l.Amount)).ThenBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault()?.Id;
    }

    private static (string Svg, string Caption)? Picture(
        FinancingNetwork network, ChainView view, ChainDiagramOptions options, PictureFit fit, GraphvizRenderer renderer, CancellationToken cancellationToken)
    {
        try
        {
            var result = ChainPicture.Render(network, view, GraphvizFormat.Svg, options, fit, renderer, cancellationToken);
            var caption = result.Readability is { } r ? "Readability: " + r + "." : "";
            if (result.Adjustments.Count > 0)
            {
                caption += " Fitted: " + string.Join("; ", result.Adjustments) + ".";
            }

            return (result.Svg, (result.Document + ". " + caption).Trim());
        }
        catch (UnreadableDiagramException e)
        {
            return (SvgNote(e.Message), e.Message);
        }
    }

    private static string SvgNote(string text) =>
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600pt\" height=\"40pt\" viewBox=\"0 0 600 40\"><text x=\"8\" y=\"24\" font-size=\"13\">" + HtmlLabelText.Escape(DotText.Truncate(text, 100)) + "</text></svg>";

    private static TableSection Missing(string id, string title) => new(id, title, ["picture"], [["Graphviz 'dot' is not installed: install the graphviz package and write the report again to see this picture."]]);
}
