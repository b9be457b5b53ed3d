namespace AiContagion.Export;

/// <summary>
/// How <see cref="DotWriter"/> draws a network: the overlays, which links to show (so a 1,000-link graph stays
/// readable), and what text to include. Every default is documented on its property.
/// </summary>
/// <remarks>Immutable; change one with a <c>with</c> expression. Validated when a diagram is written.</remarks>
public sealed record DotOptions
{
    /// <summary>The defaults: no overlay, every link, legend, link labels and tooltips on, text cut at 80 characters.</summary>
    public static DotOptions Default { get; } = new();

    /// <summary>The analysis results to draw. Default: <see cref="DiagramOverlays.None"/>.</summary>
    public DiagramOverlays Overlays { get; init; } = DiagramOverlays.None;

    /// <summary>
    /// Hide links whose amount is below this (in the network's unit). Default 0 (show all). Must be finite and
    /// non-negative.
    /// </summary>
    public double MinimumAmount { get; init; }

    /// <summary>
    /// Show at most this many links, the largest by amount (ties broken by payer id, recipient id, kind, in
    /// ordinal order), after <see cref="MinimumAmount"/>. Default <see langword="null"/> (no limit). At least 1.
    /// </summary>
    public int? TopLinks { get; init; }

    /// <summary>
    /// Whether links an overlay highlights (links down in a cascade, cut links) stay visible whatever
    /// <see cref="MinimumAmount"/> and <see cref="TopLinks"/> say, in addition to the links those select.
    /// Default <see langword="true"/>.
    /// </summary>
    public bool KeepHighlightedLinks { get; init; } = true;

    /// <summary>Whether to draw the legend (sectors, link kinds, overlay meanings). Default <see langword="true"/>.</summary>
    public bool ShowLegend { get; init; } = true;

    /// <summary>Whether links carry a label (kind, amount and unit, overlay notes). Default <see langword="true"/>.</summary>
    public bool ShowLinkLabels { get; init; } = true;

    /// <summary>Whether nodes and links carry tooltips (ids, figures, notes; shown on hover in SVG). Default <see langword="true"/>.</summary>
    public bool IncludeTooltips { get; init; } = true;

    /// <summary>
    /// Longest piece of user text (a name, a note, a unit) put in a label or tooltip, in characters; longer text
    /// is cut at a character boundary and ends with "…". Ids are never cut. Default 80. At least 1.
    /// </summary>
    public int MaximumTextLength { get; init; } = 80;

    /// <summary>The diagram's title; <see langword="null"/> (the default) uses the network's title.</summary>
    public string? Title { get; init; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Overlays"/> is <see langword="null"/>.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Overlays, nameof(Overlays));
        if (!double.IsFinite(MinimumAmount) || MinimumAmount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumAmount), MinimumAmount, "The minimum amount must be finite and non-negative.");
        }

        if (TopLinks is { } top)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(top, 1, nameof(TopLinks));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumTextLength, 1, nameof(MaximumTextLength));
    }
}
