namespace AiContagion.Cascades;

/// <summary>
/// What cash the <see cref="RunwayCascade"/> gives an entity without a cash figure (funding sources without one are
/// always unlimited: they are the outside money). The entities that rely on the rule are listed in every result
/// (<see cref="RunwayAssumptions.UnknownCash"/>).
/// </summary>
public enum UnknownCashRule
{
    /// <summary>
    /// τ × the inflow scheduled in the first 12 months (link payments and debt service received, plus revenue), with τ
    /// the entity's tolerance figure or <see cref="RunwayOptions.DefaultTolerance"/> — the buffer the funding-withdrawal
    /// cascade gives it (τ = 0.25: three months of inflow). An entity with no inflow in the graph and no revenue pays with
    /// money from outside the graph (a customer such as a phone maker buying API access): unlimited, like a funding
    /// source. The default.
    /// </summary>
    FromTolerance,

    /// <summary>Unlimited: the entity never runs out of cash (it still stops paying if it withdraws, and can fail by losses).</summary>
    Unlimited,

    /// <summary>Zero: the entity lives month to month and fails in the first month its outflows exceed its inflows.</summary>
    Zero,

    /// <summary>
    /// N × the entity's first-month outflows (N = <see cref="RunwayOptions.UnknownCashMonths"/>): its costs / 12 plus the
    /// link payments and debt service scheduled in month 1 (as if every payer paid). Command line: <c>months-of-costs:N</c>.
    /// </summary>
    MonthsOfCosts,
}
