namespace AiContagion.Provenance;

/// <summary>What kind of origin money traces back to in <see cref="MoneyProvenance"/>.</summary>
public enum OriginKind
{
    /// <summary>A funding source (<see cref="Model.Entity.IsFundingSource"/>): the money it pays originates with it. Origin text: its id.</summary>
    FundingSource,

    /// <summary>The outside revenue of an entity (<see cref="Model.Entity.Revenue"/>). Origin text: <c>revenue:ID</c>.</summary>
    Revenue,

    /// <summary>
    /// An entity whose money cannot be traced further: it pays but receives nothing (no links in, no known
    /// revenue), or it belongs to a closed loop of entities that only pay each other. The money it pays is
    /// attributed to it. Origin text: its id.
    /// </summary>
    Untraced,
}

/// <summary>One origin of an entity's inflow and its share.</summary>
/// <param name="Origin">The origin as text: an entity id (funding source or untraced payer) or <c>revenue:ID</c>.</param>
/// <param name="Kind">What kind of origin it is.</param>
/// <param name="EntityId">The entity the origin belongs to (the source, the payer, or the entity earning the revenue).</param>
/// <param name="Share">The share of the inflow that originates there, in (0, 1].</param>
/// <param name="Amount">Share × the entity's inflow, in the network's unit.</param>
public readonly record struct OriginShare(string Origin, OriginKind Kind, string EntityId, double Share, double Amount);
