using AiContagion.Cascades;
using AiContagion.Export;
using static AiContagion.Examples.ChainOfPain.ChainAnalysis;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>
/// Section 9: the pictures and the report. First the chain in tier columns and the worst cascade on cash in the same
/// columns (pictures that print on A3 with text of 7 pt or more), then the whole network with the cascade and the cut
/// drawn on it (every firm and deal: for zooming, not printing), the charts, and report.html, one self-contained file
/// with all of it. DOT and the charts are always written; SVG, PNG and the report's diagrams need Graphviz <c>dot</c>.
/// </summary>
internal static class Diagrams
{
    public static List<string> Write(ChainAnalysis analysis, string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var renderer = new GraphvizRenderer();
        var worst = analysis.Name(analysis.RunwayWorst.Sources[0]);
        var cascade = new DotOptions
        {
            Overlays = new DiagramOverlays { Cascade = ModelOverlays.Cascade(analysis.RunwayWorstCascade, Months(analysis)) },
            Title = Text($"{worst} withdraw (runway, {analysis.Months} months): {analysis.RunwayWorstCascade.LinksDown} of {analysis.Network.LinkCount} links down"),
        };

        output.WriteLine();
        output.WriteLine(Text($"9. PICTURES in {folder}/"));
        SaveChain(analysis, Path.Combine(folder, "chain-of-pain-chain"), new ChainDiagramOptions(), renderer, files, output,
            "the chain in tier columns, funding sources to chip makers (A3)");
        SaveChain(analysis, Path.Combine(folder, "chain-of-pain-worst"), new ChainDiagramOptions
        {
            Cascade = ModelOverlays.Cascade(analysis.RunwayWorstCascade, Months(analysis)),
            GroupFunders = true,
            Title = Text($"The worst withdrawal on cash: {worst}"),
        }, renderer, files, output, "the worst cascade on cash in the same columns, failure months on the firms (A3)");
        Save(analysis, Path.Combine(folder, "chain-of-pain-cascade"), cascade, renderer, files, output);

        var flow = analysis.ToTarget;
        var target = analysis.Name(analysis.Target);
        var dominators = analysis.Dominators.DominatorsOf(analysis.Target);
        var cut = new DotOptions
        {
            Overlays = new DiagramOverlays
            {
                Cut = new CutOverlay(flow.CutLinkIndices, flow.SourceSide, flow.Value, "funding sources -> " + target),
                Dominators = new DominatorOverlay(
                    dominators,
                    analysis.Dominators.Entries.Where(e => e.ImmediateDominator is not null).Select(e => new KeyValuePair<string, string>(e.Id, e.ImmediateDominator!)),
                    analysis.Target),
            },
            Title = Text($"Funding sources -> {target}: minimum cut {analysis.Money(flow.Value)}, {flow.CutLinks.Length} links"),
        };
        Save(analysis, Path.Combine(folder, "chain-of-pain-cut"), cut, renderer, files, output);

        Chart(folder, "chain-of-pain-ranking", ModelOverlays.RankingChart(analysis.Runway, 15), files, output, "links each source's withdrawal brings down beyond the baseline, on cash (direct and cascade), top 15");
        Chart(folder, "chain-of-pain-uncertainty", analysis.Uncertainty.RankIntervalChart(15), files, output, Text($"each source's rank over {analysis.Uncertainty.Draws:#,0} draws of the estimated amounts (5-95 %), top 15"));
        Chart(folder, "chain-of-pain-timeline", analysis.RunwayWorstCascade.Runway!.TimelineChart(10), files, output, Text($"cash month by month of the firms the worst withdrawal ({worst}) hits"));
        Chart(folder, "chain-of-pain-static-ranking", ModelOverlays.RankingChart(analysis.Funding, 15), files, output, "the static funding model's ranking (second opinion), top 15");

        // The report runs its analyses itself, with the same settings as this example: the runway first (the answer),
        // over the sweep of section 5, then the static funding model as the second opinion.
        var report = ChainReport.Create(analysis.Network, new ChainReportOptions
        {
            Models = [CascadeModelKind.Runway, CascadeModelKind.Funding],
            ModelSettings = RunwaySettings,
            Sweep = [.. analysis.RunwaySweep.Axes],
            Baseline = true,
            Target = analysis.Target,
            Source = analysis.FileName,
        }, renderer);
        var reportPath = Path.Combine(folder, "report.html");
        report.Save(reportPath);
        files.Add(reportPath);
        output.WriteLine(Text($"   report.html: one self-contained page with all of it ({report.Sections.Count} sections; open it in a browser, no network needed)"));
        return files;
    }

    /// <summary>Writes name.dot, and name.svg and name.png when Graphviz is available, of a tiered chain view.</summary>
    private static void SaveChain(ChainAnalysis analysis, string stem, ChainDiagramOptions options, GraphvizRenderer renderer, List<string> files, TextWriter output, string what)
    {
        var written = new List<string> { ".dot" };
        ChainPicture.Save(analysis.Network, stem + ".dot", ChainView.Tiered, options);
        files.Add(stem + ".dot");
        if (renderer.IsAvailable)
        {
            foreach (var extension in new[] { ".svg", ".png" })
            {
                ChainPicture.Save(analysis.Network, stem + extension, ChainView.Tiered, options, PictureFit.A3, renderer);
                files.Add(stem + extension);
                written.Add(extension);
            }
        }

        output.WriteLine(Text($"   {Path.GetFileName(stem)}{string.Join("/", written)}: {what}"));
    }

    private static void Chart(string folder, string stem, Chart chart, List<string> files, TextWriter output, string what)
    {
        foreach (var extension in new[] { ".png", ".svg" })
        {
            var path = Path.Combine(folder, stem + extension);
            chart.Save(path);
            files.Add(path);
        }

        output.WriteLine(Text($"   {stem}.png/.svg: {what}"));
    }

    /// <summary>Writes name.dot, then name.svg and name.png when Graphviz is available.</summary>
    public static void Save(ChainAnalysis analysis, string stem, DotOptions options, GraphvizRenderer renderer, List<string> files, TextWriter output)
    {
        var dot = DiagramFile.Save(analysis.Network, stem + ".dot", options, renderer);
        files.Add(dot.Path);
        var written = new List<string> { ".dot" };
        if (renderer.IsAvailable)
        {
            foreach (var extension in new[] { ".svg", ".png" })
            {
                files.Add(DiagramFile.Save(analysis.Network, stem + extension, options, renderer).Path);
                written.Add(extension);
            }
        }

        output.WriteLine(Text($"   {Path.GetFileName(stem)}{string.Join("/", written)}: {options.Title}"));
        if (!renderer.IsAvailable)
        {
            output.WriteLine("   (Graphviz 'dot' is not on the PATH: only the DOT text was written. Install graphviz for SVG and PNG.)");
        }
    }

    /// <summary>The runway's rounds as calendar months (month 1 = the asOf month), so the pictures say 2027-10, not round 22.</summary>
    private static RoundUnit Months(ChainAnalysis analysis) =>
        AiContagion.Model.CalendarMonth.TryParse(analysis.Network.Metadata.AsOf, out var first) ? RoundUnit.Months(first) : RoundUnit.Rounds;
}
