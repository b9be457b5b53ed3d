namespace AiContagion.Cascades;

/// <summary>Options of the liquidity channel (the funding-withdrawal and chain cascades).</summary>
/// <remarks>
/// An entity's tolerance τ is its <c>tolerance</c> figure if given; else <c>cash / inflow</c> capped to [0, 1] if its
/// cash is known (an entity with cash and no inflow cannot lose any inflow, so its τ is immaterial); else
/// <see cref="DefaultTolerance"/> (docs/concepts.md#funding-withdrawal-liquidity-cascade).
/// </remarks>
public sealed record LiquidityOptions
{
    /// <summary>
    /// The tolerance of an entity with neither a tolerance nor a cash figure. Default 0.25: a buffer of a quarter of
    /// a year's inflow, i.e. about three months of runway, the horizon of a typical liquidity-coverage test. Must
    /// lie in [0, 1].
    /// </summary>
    public double DefaultTolerance { get; init; } = 0.25;

    internal void Validate()
    {
        if (!double.IsFinite(DefaultTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTolerance), DefaultTolerance, "The default tolerance must be a finite number in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(DefaultTolerance, nameof(DefaultTolerance));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DefaultTolerance, 1.0, nameof(DefaultTolerance));
    }
}
