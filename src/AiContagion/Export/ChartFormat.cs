namespace AiContagion.Export;

/// <summary>The image formats <see cref="Chart"/> writes.</summary>
public enum ChartFormat
{
    /// <summary>Portable network graphics.</summary>
    Png,

    /// <summary>Scalable vector graphics.</summary>
    Svg,
}
