namespace AiContagion.Export;

/// <summary>The files <see cref="DiagramFile"/> writes, chosen from the file extension.</summary>
public enum DiagramFormat
{
    /// <summary>Graphviz DOT text (<c>.dot</c>, <c>.gv</c>).</summary>
    Dot,

    /// <summary>SVG rendered by Graphviz (<c>.svg</c>).</summary>
    Svg,

    /// <summary>PNG rendered by Graphviz (<c>.png</c>).</summary>
    Png,

    /// <summary>GraphML with the overlays' results as attributes (<c>.graphml</c>), for Gephi, yEd, NetworkX.</summary>
    GraphMl,
}
