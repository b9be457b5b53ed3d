namespace AiContagion.Stress;

/// <summary>Options of a <see cref="RunwaySimulation"/>.</summary>
/// <remarks>Immutable; validated when the simulation is created.</remarks>
public sealed record RunwayOptions
{
    /// <summary>The horizon H in months. Default 24. From 1 to 1,200.</summary>
    public int Months { get; init; } = 24;

    /// <summary>The month t0 at whose end the sources withdraw: they pay nothing (or less, by the fraction) from month t0 + 1. Default 0 (from the start). From 0 to <see cref="Months"/>.</summary>
    public int WithdrawalMonth { get; init; }

    /// <summary>The term, in years, of a link without <c>termYears</c>: its amount is paid evenly over that many years. Default 1 (the amount is a year's flow). Positive.</summary>
    public double DefaultTermYears { get; init; } = 1.0;

    /// <summary>
    /// Whether links recur: each pays <c>amount / (12 · termYears)</c> every month of the horizon instead of stopping
    /// once its amount is paid. Default <see langword="false"/>.
    /// </summary>
    public bool RecurringLinks { get; init; }

    /// <summary>The cash of an entity without a cash figure. Default <see cref="UnknownCashRule.FromTolerance"/>.</summary>
    public UnknownCashRule UnknownCash { get; init; } = UnknownCashRule.FromTolerance;

    /// <summary>τ in [0, 1] for <see cref="UnknownCashRule.FromTolerance"/> when the entity has no tolerance figure. Default 0.25 (as the funding-withdrawal cascade).</summary>
    public double DefaultTolerance { get; init; } = 0.25;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Months, 1, nameof(Months));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Months, 1200, nameof(Months));
        ArgumentOutOfRangeException.ThrowIfNegative(WithdrawalMonth, nameof(WithdrawalMonth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WithdrawalMonth, Months, nameof(WithdrawalMonth));
        if (!double.IsFinite(DefaultTermYears) || DefaultTermYears <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTermYears), DefaultTermYears, "The default term must be a positive number of years.");
        }

        if (!Enum.IsDefined(UnknownCash))
        {
            throw new ArgumentOutOfRangeException(nameof(UnknownCash), UnknownCash, "Unknown rule.");
        }

        if (!double.IsFinite(DefaultTolerance) || DefaultTolerance < 0 || DefaultTolerance > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTolerance), DefaultTolerance, "The default tolerance must lie in [0, 1].");
        }
    }
}
