using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// Saves a network diagram in the format its file extension names: DOT (<c>.dot</c>, <c>.gv</c>), SVG or PNG
/// rendered by Graphviz <c>dot</c>, or GraphML carrying the overlays' results as attributes. The one call the
/// command-line tool makes.
/// </summary>
/// <remarks>
/// Every file is written whole or not at all. When SVG or PNG is asked for and <c>dot</c> is missing, the DOT
/// text is still written next to the target (same name, <c>.dot</c> extension) before
/// <see cref="GraphvizNotFoundException"/> is thrown, so nothing is lost and the message says how to finish.
/// Thread-safe for distinct paths.
/// </remarks>
public static class DiagramFile
{
    /// <summary>The format a path's extension names (case-insensitive).</summary>
    /// <param name="path">The target file.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentException">The extension is not <c>.dot</c>, <c>.gv</c>, <c>.svg</c>, <c>.png</c> or <c>.graphml</c>.</exception>
    public static DiagramFormat FormatOf(string path) => TryFormatOf(path, out var format)
        ? format
        : throw new ArgumentException($"Cannot tell the diagram format of '{path}': use a .dot, .gv, .svg, .png or .graphml file.", nameof(path));

    /// <summary>The format a path's extension names, if it names one.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="format">The format, when the result is <see langword="true"/>.</param>
    /// <returns>Whether the extension is a diagram format.</returns>
    public static bool TryFormatOf(string path, out DiagramFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        DiagramFormat? found = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".DOT" or ".GV" => DiagramFormat.Dot,
            ".SVG" => DiagramFormat.Svg,
            ".PNG" => DiagramFormat.Png,
            ".GRAPHML" => DiagramFormat.GraphMl,
            _ => null,
        };
        format = found.GetValueOrDefault();
        return found is not null;
    }

    /// <summary>Saves a diagram of a network in the format <paramref name="path"/>'s extension names.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The target file.</param>
    /// <param name="options">What to draw; GraphML uses only the overlays (it keeps every entity and link).</param>
    /// <param name="renderer">The Graphviz renderer for SVG and PNG; <see langword="null"/> uses one with default options.</param>
    /// <param name="cancellationToken">Stops a rendering.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentException">The extension is unknown, an option is invalid, or an overlay does not match the network.</exception>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is missing for SVG or PNG; the DOT text was written next to the target (same name, .dot), as the message says.</exception>
    /// <exception cref="GraphvizRenderException"><c>dot</c> failed or timed out.</exception>
    /// <exception cref="IOException">A file could not be written.</exception>
    public static DiagramSaveResult Save(
        FinancingNetwork network, string path, DotOptions? options = null, GraphvizRenderer? renderer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= DotOptions.Default;
        var format = FormatOf(path);
        if (format == DiagramFormat.GraphMl)
        {
            options.Validate();
            GraphMlOverlayColumns.WriteFile(network, path, options.Overlays);
            return new DiagramSaveResult(path, format, null, network.EntityCount, network.LinkCount, "");
        }

        var diagram = DotWriter.Create(network, options);
        if (format == DiagramFormat.Dot)
        {
            Io.AtomicFile.WriteAllText(path, diagram.Text);
            return new DiagramSaveResult(path, format, path, diagram.EntitiesShown, diagram.LinksShown, "");
        }

        renderer ??= new GraphvizRenderer();
        if (!renderer.IsAvailable)
        {
            var dotPath = Path.ChangeExtension(path, ".dot");
            Io.AtomicFile.WriteAllText(dotPath, diagram.Text);
            throw new GraphvizNotFoundException(
                GraphvizNotFoundException.StandardMessage(renderer.Options.DotPath ?? "dot") + $" The DOT text was written to '{dotPath}'.",
                renderer.Options.DotPath ?? "dot");
        }

        var output = renderer.RenderFile(diagram.Text, path, format == DiagramFormat.Svg ? GraphvizFormat.Svg : GraphvizFormat.Png, cancellationToken);
        return new DiagramSaveResult(path, format, null, diagram.EntitiesShown, diagram.LinksShown, output.Warnings);
    }
}

/// <summary>What <see cref="DiagramFile.Save"/> wrote.</summary>
/// <param name="Path">The file written.</param>
/// <param name="Format">Its format.</param>
/// <param name="DotPath">The DOT file written, when one was (the target itself for <see cref="DiagramFormat.Dot"/>), else <see langword="null"/>.</param>
/// <param name="EntitiesShown">Entities in the file (all of them for GraphML).</param>
/// <param name="LinksShown">Links in the file (all of them for GraphML).</param>
/// <param name="Warnings">Warnings Graphviz printed while rendering (empty when none or not rendered).</param>
public sealed record DiagramSaveResult(string Path, DiagramFormat Format, string? DotPath, int EntitiesShown, int LinksShown, string Warnings);
