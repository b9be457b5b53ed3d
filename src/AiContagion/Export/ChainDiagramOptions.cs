namespace AiContagion.Export;

/// <summary>
/// What a chain diagram (<see cref="ChainDiagram"/>) shows: thresholds, grouping, the focus and the overlays.
/// Every default is documented on its property.
/// </summary>
/// <remarks>Immutable; change one with a <c>with</c> expression. Validated when a diagram is written.</remarks>
public sealed record ChainDiagramOptions
{
    /// <summary>The threshold of the whole-chain view when none is given: flows under 5 (in the network's unit) are hidden.</summary>
    public const double DefaultMinimumAmount = 5;

    /// <summary>The defaults.</summary>
    public static ChainDiagramOptions Default { get; } = new();

    /// <summary>
    /// Hide flows (links summed per payer, recipient and deal class) below this amount, and entities left with no
    /// flow; the subtitle says how many links and how much money were hidden. <see langword="null"/> (the default)
    /// means <see cref="DefaultMinimumAmount"/> for the whole chain and 0 for a focused or cascade view. Finite, ≥ 0.
    /// Flows an overlay highlights (links down, cut links) are never hidden.
    /// </summary>
    public double? MinimumAmount { get; init; }

    /// <summary>Flows at least this large carry a short amount label (<c>$300bn</c>, <c>$82bn ×3</c>, at most 12 characters); the rest show the amount in their tooltip only. Default 10. Finite, ≥ 0.</summary>
    public double LabelMinimum { get; init; } = 10;

    /// <summary>
    /// Whether anonymous funders — markets, syndicates, crowds of investors or lenders — are drawn as one node per kind
    /// (VC &amp; growth investors, bank syndicates, private-credit lenders, bond &amp; equity investors, other
    /// investors). Named funders stay. Default <see langword="false"/>.
    /// </summary>
    public bool GroupFunders { get; init; }

    /// <summary>Draw only the neighbourhood of this entity (by id): the entities within <see cref="Depth"/> links of it, either way. Default <see langword="null"/> (the whole chain).</summary>
    public string? Focus { get; init; }

    /// <summary>How many links away from <see cref="Focus"/> to draw. Default 1; from 1 to 10.</summary>
    public int Depth { get; init; } = 1;

    /// <summary>
    /// A cascade to draw. The diagram then shows only what the cascade touched: the withdrawn or shocked sources, the
    /// failed firms with the round (or month, see <see cref="CascadeOverlay.Unit"/>) they failed in, the links brought
    /// down, and the firms at the other end of them (one hop of context, drawn white); other links between those
    /// firms are drawn grey above the threshold. Default <see langword="null"/>.
    /// </summary>
    public CascadeOverlay? Cascade { get; init; }

    /// <summary>A minimum cut to draw: its links bold and black, labelled <c>cut</c>, never hidden. Default <see langword="null"/>.</summary>
    public CutOverlay? Cut { get; init; }

    /// <summary>Dominators to draw: the single points of failure get a double purple border. Default <see langword="null"/>.</summary>
    public DominatorOverlay? Dominators { get; init; }

    /// <summary>How many firms the circular core view (<see cref="ChainDiagram.Core"/>) draws. Default 14; from 2 to 60.</summary>
    public int CoreSize { get; init; } = 14;

    /// <summary>The title; <see langword="null"/> (the default) uses the network's title.</summary>
    public string? Title { get; init; }

    /// <summary>Whether nodes and flows carry tooltips (names, figures, the deals with dates and sources). Default <see langword="true"/>.</summary>
    public bool IncludeTooltips { get; init; } = true;

    /// <summary>The threshold in force: <see cref="MinimumAmount"/>, or its default for the view.</summary>
    public double EffectiveMinimumAmount => MinimumAmount ?? (Focus is null && Cascade is null ? DefaultMinimumAmount : 0);

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (MinimumAmount is { } minimum && (!double.IsFinite(minimum) || minimum < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumAmount), minimum, "The minimum amount must be finite and non-negative.");
        }

        if (!double.IsFinite(LabelMinimum) || LabelMinimum < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LabelMinimum), LabelMinimum, "The label minimum must be finite and non-negative.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Depth, 1, nameof(Depth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Depth, 10, nameof(Depth));
        ArgumentOutOfRangeException.ThrowIfLessThan(CoreSize, 2, nameof(CoreSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CoreSize, 60, nameof(CoreSize));
    }
}
