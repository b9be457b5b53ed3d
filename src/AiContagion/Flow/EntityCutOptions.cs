namespace AiContagion.Flow;

/// <summary>Options of <see cref="MinimumEntityCut"/>.</summary>
public sealed record EntityCutOptions
{
    /// <summary>The default options: fewest entities.</summary>
    public static EntityCutOptions Default { get; } = new();

    /// <summary>The cost of removing an entity. Default <see cref="EntityCutCost.Count"/>.</summary>
    public EntityCutCost Cost { get; init; } = EntityCutCost.Count;

    /// <summary>
    /// Per-entity costs by id that override <see cref="Cost"/>: non-negative, or
    /// <see cref="double.PositiveInfinity"/> to make an entity uncuttable. Default <see langword="null"/>.
    /// </summary>
    public IReadOnlyDictionary<string, double>? CostOverrides { get; init; }

    internal void Validate()
    {
        if (!Enum.IsDefined(Cost))
        {
            throw new ArgumentOutOfRangeException(nameof(Cost), Cost, "Unknown entity cut cost.");
        }
    }
}
