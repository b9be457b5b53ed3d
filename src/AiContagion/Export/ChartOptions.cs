namespace AiContagion.Export;

/// <summary>Title, axis labels and size of a <see cref="Chart"/>; every chart kind documents its own defaults for the texts.</summary>
/// <remarks>Immutable; change one with a <c>with</c> expression. Validated when a chart is made.</remarks>
public sealed record ChartOptions
{
    /// <summary>The defaults: the chart kind's own title and axis labels, 900 pixels wide, height chosen by the chart.</summary>
    public static ChartOptions Default { get; } = new();

    /// <summary>The title; <see langword="null"/> (the default) uses the chart kind's title.</summary>
    public string? Title { get; init; }

    /// <summary>The horizontal axis label; <see langword="null"/> (the default) uses the chart kind's label.</summary>
    public string? XLabel { get; init; }

    /// <summary>The vertical axis label; <see langword="null"/> (the default) uses the chart kind's label.</summary>
    public string? YLabel { get; init; }

    /// <summary>Width in pixels (SVG user units). Default 900; from 200 to 8,000.</summary>
    public int Width { get; init; } = 900;

    /// <summary>
    /// Height in pixels; <see langword="null"/> (the default) lets the chart choose: bar charts grow with their
    /// rows (36 pixels each), the others are 500 pixels high. From 150 to 8,000.
    /// </summary>
    public int? Height { get; init; }

    /// <summary>
    /// Runway timelines only: the calendar month of month 1 (a runway's <c>asOf</c> month). When set, month k is labelled
    /// <c>first + (k − 1)</c> (<c>2026-03</c>) and month 0 "start", on the axis, at each failure and at the withdrawal;
    /// <see langword="null"/> (the default) labels month numbers.
    /// </summary>
    public AiContagion.Model.CalendarMonth? FirstMonth { get; init; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The width or height is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 200, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Width, 8000, nameof(Width));
        if (Height is { } height)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(height, 150, nameof(Height));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8000, nameof(Height));
        }
    }
}
