namespace AiContagion.Flow;

/// <summary>What removing an entity costs in <see cref="MinimumEntityCut"/>.</summary>
public enum EntityCutCost
{
    /// <summary>Every entity costs 1: the cut is the <b>fewest</b> entities. The default.</summary>
    Count,

    /// <summary>An entity costs its yearly inflow (links in + known outside revenue, <see cref="Model.FinancingNetwork.Inflow"/>): the cut is the <b>cheapest</b> entities by the money they take in.</summary>
    Inflow,
}

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
