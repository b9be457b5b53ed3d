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
