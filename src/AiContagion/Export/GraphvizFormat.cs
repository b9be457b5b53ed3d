namespace AiContagion.Export;

/// <summary>The output formats <see cref="GraphvizRenderer"/> asks <c>dot</c> for (<c>-Tsvg</c>, <c>-Tpng</c>, <c>-Tplain</c>, <c>-Tjson</c>).</summary>
public enum GraphvizFormat
{
    /// <summary>Scalable vector graphics (<c>-Tsvg</c>), with tooltips on hover.</summary>
    Svg,

    /// <summary>Portable network graphics (<c>-Tpng</c>).</summary>
    Png,

    /// <summary>The layout as plain text (<c>-Tplain</c>): one line per node with its centre, size and label, one per edge with its spline; inches.</summary>
    Plain,

    /// <summary>The layout as JSON (<c>-Tjson</c>): positions, sizes and the drawing operations, points.</summary>
    Json,
}
