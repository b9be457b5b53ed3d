namespace AiContagion.Flow;

/// <summary>What removing an entity costs in <see cref="MinimumEntityCut"/>.</summary>
public enum EntityCutCost
{
    /// <summary>Every entity costs 1: the cut is the <b>fewest</b> entities. The default.</summary>
    Count,

    /// <summary>An entity costs its yearly inflow (links in + known outside revenue, <see cref="Model.FinancingNetwork.Inflow"/>): the cut is the <b>cheapest</b> entities by the money they take in.</summary>
    Inflow,
}
