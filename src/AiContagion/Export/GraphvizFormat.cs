namespace AiContagion.Export;

/// <summary>The image formats <see cref="GraphvizRenderer"/> asks <c>dot</c> for (<c>-Tsvg</c>, <c>-Tpng</c>).</summary>
public enum GraphvizFormat
{
    /// <summary>Scalable vector graphics (<c>-Tsvg</c>), with tooltips on hover.</summary>
    Svg,

    /// <summary>Portable network graphics (<c>-Tpng</c>).</summary>
    Png,
}
