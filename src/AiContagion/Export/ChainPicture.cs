using System.Globalization;
using System.Text;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// Renders chain diagrams (<see cref="ChainDiagram"/>) with Graphviz and checks them for readability before anything
/// is written: the picture is laid out as SVG, measured (<see cref="Readability"/>), and refused
/// (<see cref="UnreadableDiagramException"/>) or — when <see cref="PictureFit.RaiseThreshold"/> is set — redrawn with a
/// higher threshold until its smallest text prints at the required size.
/// </summary>
/// <remarks>
/// Every file is written whole or not at all. Each attempt costs one <c>dot</c> run (about 0.1 s for 100 edges); a
/// PNG one more. Thread-safe for distinct paths.
/// </remarks>
public static class ChainPicture
{
    private static readonly double[] Ladder = [1, 2, 5];

    /// <summary>Lays out, checks and renders a chain diagram.</summary>
    /// <param name="network">The network.</param>
    /// <param name="view"><see cref="ChainView.Core"/> for the core view; any other value draws the tiered view the options describe.</param>
    /// <param name="format">SVG or PNG.</param>
    /// <param name="options">What to draw; <see langword="null"/> means the defaults.</param>
    /// <param name="fit">The readability rule; <see langword="null"/> means <see cref="PictureFit.Default"/>.</param>
    /// <param name="renderer">The Graphviz renderer; <see langword="null"/> uses one with default options.</param>
    /// <param name="cancellationToken">Stops a rendering.</param>
    /// <returns>The image, its SVG, the document drawn and its measurement.</returns>
    /// <exception cref="ArgumentException">An option is invalid or names an unknown entity, or the format is not SVG or PNG.</exception>
    /// <exception cref="UnreadableDiagramException">The smallest text would print under the rule's minimum (after raising the threshold as far as it goes, when asked to, or by default for a focused, cascade or cut view whose threshold was not set).</exception>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is not installed.</exception>
    /// <exception cref="GraphvizRenderException"><c>dot</c> failed or timed out.</exception>
    public static ChainPictureResult Render(
        FinancingNetwork network, ChainView view, GraphvizFormat format, ChainDiagramOptions? options = null, PictureFit? fit = null,
        GraphvizRenderer? renderer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (format is not (GraphvizFormat.Svg or GraphvizFormat.Png))
        {
            throw new ArgumentException("A chain picture is rendered as SVG or PNG.", nameof(format));
        }

        options ??= ChainDiagramOptions.Default;
        fit ??= PictureFit.Default;
        fit.Validate();
        renderer ??= new GraphvizRenderer();
        var notes = new List<string>();

        // A focused, cascade or cut view whose threshold was left to its default (0 for a focus or cascade: everything
        // it touches) first groups the anonymous funders, then raises the threshold, until the picture is readable:
        // asking for one firm's neighbourhood or one withdrawal's cascade should draw it, with the notes and subtitle
        // saying what was grouped or left out, not refuse. A threshold the caller set is kept and refused when unreadable.
        var raise = fit.RaiseThreshold || (view != ChainView.Core && options.MinimumAmount is null && (options.Focus is not null || options.Cascade is not null || options.Cut is not null));
        var document = Draw(network, view, options);
        var (svg, warnings) = Svg(renderer, document.Text, cancellationToken);
        var readability = fit.Page is { } page ? Readability.Measure(svg, page) : null;
        while (readability is not null && !readability.IsReadable(fit.MinimumText))
        {
            if (!raise || Next(view, options, document, groupFirst: raise && !fit.RaiseThreshold) is not { } next)
            {
                throw new UnreadableDiagramException(Refusal(view, options, document, readability, fit), readability);
            }

            notes.Add(view == ChainView.Core
                ? string.Create(CultureInfo.InvariantCulture, $"{options.CoreSize} firms: smallest text {readability.SmallestTextOnPage:0.0} pt on {readability.Page.Name}; drawing {next.CoreSize}")
                : next.GroupFunders != options.GroupFunders
                ? string.Create(CultureInfo.InvariantCulture, $"smallest text {readability.SmallestTextOnPage:0.0} pt on {readability.Page.Name}; anonymous funders grouped by kind")
                : string.Create(CultureInfo.InvariantCulture, $"threshold {DotText.Amount(document.MinimumAmount)}: smallest text {readability.SmallestTextOnPage:0.0} pt on {readability.Page.Name}; raised to {DotText.Amount(next.MinimumAmount!.Value)}"));
            options = next;
            document = Draw(network, view, options);
            (svg, warnings) = Svg(renderer, document.Text, cancellationToken);
            readability = Readability.Measure(svg, fit.Page!);
        }

        var content = format == GraphvizFormat.Svg
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(svg)
            : renderer.Render(document.Text, GraphvizFormat.Png, cancellationToken).Content;
        return new ChainPictureResult(content, svg, document, readability, options, notes, warnings);
    }

    /// <summary>
    /// Saves a chain diagram in the format the path's extension names: <c>.dot</c>/<c>.gv</c> (the DOT text, not
    /// rendered or checked), <c>.svg</c> or <c>.png</c> (rendered and checked as <see cref="Render"/> does).
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The target file.</param>
    /// <param name="view">The view (<see cref="ChainView.Core"/>, or the tiered views).</param>
    /// <param name="options">What to draw.</param>
    /// <param name="fit">The readability rule.</param>
    /// <param name="renderer">The Graphviz renderer.</param>
    /// <param name="cancellationToken">Stops a rendering.</param>
    /// <returns>What was written (for DOT: the document only, no image or measurement).</returns>
    /// <exception cref="ArgumentException">The extension is not .dot, .gv, .svg or .png, or an option is invalid.</exception>
    /// <exception cref="UnreadableDiagramException">The picture fails the readability rule; nothing is written.</exception>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is missing; the DOT text was written next to the target (same name, .dot), as the message says.</exception>
    /// <exception cref="GraphvizRenderException"><c>dot</c> failed or timed out; nothing is written.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static ChainPictureResult Save(
        FinancingNetwork network, string path, ChainView view, ChainDiagramOptions? options = null, PictureFit? fit = null,
        GraphvizRenderer? renderer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= ChainDiagramOptions.Default;
        var format = DiagramFile.FormatOf(path);
        if (format == DiagramFormat.GraphMl)
        {
            throw new ArgumentException($"A chain picture is written as .dot, .gv, .svg or .png, not '{path}'.", nameof(path));
        }

        if (format == DiagramFormat.Dot)
        {
            var document = Draw(network, view, options);
            AtomicFile.WriteAllText(path, document.Text);
            return new ChainPictureResult([], "", document, null, options, [], "");
        }

        renderer ??= new GraphvizRenderer();
        if (!renderer.IsAvailable)
        {
            var dotPath = Path.ChangeExtension(path, ".dot");
            AtomicFile.WriteAllText(dotPath, Draw(network, view, options).Text);
            throw new GraphvizNotFoundException(
                GraphvizNotFoundException.StandardMessage(renderer.Options.DotPath ?? "dot") + $" The DOT text was written to '{dotPath}'.",
                renderer.Options.DotPath ?? "dot");
        }

        var result = Render(network, view, format == DiagramFormat.Svg ? GraphvizFormat.Svg : GraphvizFormat.Png, options, fit, renderer, cancellationToken);
        AtomicFile.WriteAllBytes(path, result.Content);
        return result;
    }

    /// <summary>The DOT document of a view.</summary>
    /// <param name="network">The network.</param>
    /// <param name="view">The view.</param>
    /// <param name="options">What to draw.</param>
    /// <returns>The document.</returns>
    public static ChainDiagramDocument Draw(FinancingNetwork network, ChainView view, ChainDiagramOptions options) =>
        view == ChainView.Core ? ChainDiagram.Core(network, options) : ChainDiagram.Tiered(network, options);

    /// <summary>An SVG document without its XML prolog and DOCTYPE (Graphviz 2.43 has no <c>-Tsvg_inline</c>), ready to inline into HTML.</summary>
    /// <param name="svg">The SVG text.</param>
    /// <returns>The text from <c>&lt;svg</c> on.</returns>
    public static string Inline(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svg : svg[start..];
    }

    private static (string Svg, string Warnings) Svg(GraphvizRenderer renderer, string dot, CancellationToken cancellationToken)
    {
        var output = renderer.Render(dot, GraphvizFormat.Svg, cancellationToken);
        return (Encoding.UTF8.GetString(output.Content), output.Warnings);
    }

    /// <summary>The next options to try, or null when nothing more can be hidden.</summary>
    private static ChainDiagramOptions? Next(ChainView view, ChainDiagramOptions options, ChainDiagramDocument document, bool groupFirst)
    {
        if (view == ChainView.Core)
        {
            return options.CoreSize > 4 ? options with { CoreSize = options.CoreSize - 2 } : null;
        }

        // A focused or cascade view drawn at its default threshold first groups the anonymous funders (the firms that
        // failed or sit near the focus stay drawn whatever the threshold, so the threshold alone may not get there).
        if (groupFirst && !options.GroupFunders)
        {
            return options with { GroupFunders = true };
        }

        if (document.FlowsShown <= 1)
        {
            return null;
        }

        var current = document.MinimumAmount;
        for (var scale = 1.0; scale < 1e12; scale *= 10)
        {
            foreach (var step in Ladder)
            {
                if (step * scale > current * (1 + 1e-9))
                {
                    return options with { MinimumAmount = step * scale };
                }
            }
        }

        return null;
    }

    private static string Refusal(ChainView view, ChainDiagramOptions options, ChainDiagramDocument document, Readability readability, PictureFit fit)
    {
        var what = string.Create(CultureInfo.InvariantCulture,
            $"The {document.View.ToString().ToLowerInvariant()} picture would print its smallest text at {readability.SmallestTextOnPage:0.0} pt on {readability.Page.Name} (it is {readability.Width:0} × {readability.Height:0} pt with {document.NodesShown} nodes and {document.FlowsShown} edges; smallest text {readability.SmallestText:0.#} pt, shrunk by {readability.PageScale:0.00}); the floor is {fit.MinimumText:0.#} pt.");
        var how = view == ChainView.Core
            ? " Draw fewer firms, or let the size fall until it fits."
            : string.Create(CultureInfo.InvariantCulture, $" Raise the threshold (now {DotText.Amount(document.MinimumAmount)}){(options.GroupFunders ? "" : ", group the anonymous funders")}, focus on one firm, or let the threshold rise until it fits.");
        return what + how;
    }
}

/// <summary>What <see cref="ChainPicture"/> rendered.</summary>
/// <param name="Content">The image bytes (SVG text in UTF-8, or PNG); empty for DOT.</param>
/// <param name="Svg">The SVG of the picture (empty for DOT), e.g. to inline in HTML.</param>
/// <param name="Document">The DOT document drawn.</param>
/// <param name="Readability">Its measurement, or <see langword="null"/> when not checked.</param>
/// <param name="Options">The options drawn with (the threshold after any raise).</param>
/// <param name="Adjustments">What was changed to make it fit, one line per step (empty when nothing was).</param>
/// <param name="Warnings">What Graphviz printed on standard error.</param>
public sealed record ChainPictureResult(
    byte[] Content, string Svg, ChainDiagramDocument Document, Readability? Readability, ChainDiagramOptions Options, IReadOnlyList<string> Adjustments, string Warnings);
