namespace AiContagion.Stress;

/// <summary>What cash a <see cref="RunwaySimulation"/> gives an entity without a cash figure (funding sources without one are always unlimited: they are the outside money).</summary>
public enum UnknownCashRule
{
    /// <summary>
    /// τ × the inflow scheduled in the first 12 months (links by their schedule, plus revenue), with τ the entity's
    /// tolerance figure or <see cref="RunwayOptions.DefaultTolerance"/> — the buffer the funding-withdrawal cascade
    /// gives it (τ = 0.25: three months of inflow). An entity with no inflow in the graph and no revenue pays with money
    /// from outside the graph (a customer such as a phone maker buying API access): unlimited, like a funding source.
    /// The default.
    /// </summary>
    FromTolerance,

    /// <summary>Unlimited: the entity never runs out of cash (it still stops paying if it withdraws).</summary>
    Unlimited,

    /// <summary>Zero: the entity lives month to month and fails in the first month its outflows exceed its inflows.</summary>
    Zero,
}
