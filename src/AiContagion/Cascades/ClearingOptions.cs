namespace AiContagion.Cascades;

/// <summary>Options of the Eisenberg–Noe clearing model.</summary>
public sealed record ClearingOptions
{
    /// <summary>
    /// How external liabilities rank against network obligations. Default
    /// <see cref="ExternalLiabilitySeniority.PariPassu"/> (the external creditors as one more creditor, as in
    /// Glasserman &amp; Young 2015). Echoed in <see cref="CascadeResult.Settings"/>.
    /// </summary>
    public ExternalLiabilitySeniority Seniority { get; init; } = ExternalLiabilitySeniority.PariPassu;

    /// <summary>The largest set of defaulting entities solved by dense LU; larger sets are solved by Gauss–Seidel to 1e-14 relative. Default 500.</summary>
    public int DenseSolveLimit { get; init; } = 500;

    /// <summary>The most fixed-point steps allowed when the exact step cannot be used (a singular or sign-changing subsystem). Default 100,000.</summary>
    public int MaxIterations { get; init; } = 100_000;

    internal void Validate()
    {
        if (!Enum.IsDefined(Seniority))
        {
            throw new ArgumentOutOfRangeException(nameof(Seniority), Seniority, "Unknown seniority.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(DenseSolveLimit, nameof(DenseSolveLimit));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations, nameof(MaxIterations));
    }
}
