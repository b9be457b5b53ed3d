namespace AiContagion.Provenance;

/// <summary>One origin of an entity's inflow and its share.</summary>
/// <param name="Origin">The origin as text: an entity id (funding source or untraced payer) or <c>revenue:ID</c>.</param>
/// <param name="Kind">What kind of origin it is.</param>
/// <param name="EntityId">The entity the origin belongs to (the source, the payer, or the entity earning the revenue).</param>
/// <param name="Share">The share of the inflow that originates there, in (0, 1].</param>
/// <param name="Amount">Share × the entity's inflow, in the network's unit.</param>
public readonly record struct OriginShare(string Origin, OriginKind Kind, string EntityId, double Share, double Amount);
