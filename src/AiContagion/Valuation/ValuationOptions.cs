namespace AiContagion.Valuation;

/// <summary>Options of the cross-holdings valuation (<see cref="CrossHoldingsValuation"/>).</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ValuationOptions
{
    /// <summary>
    /// Eisenberg–Noe: no stakes (Equity links are ignored) and one layer (junior debt ranks with senior), external
    /// liabilities pari passu. The valuation's <c>debtPaid</c> is then the Eisenberg–Noe clearing vector and its
    /// <c>netWorth</c> the clearing model's equity; set <see cref="ExternalLiabilities"/> to
    /// <see cref="ExternalLiabilityRank.First"/> for senior external creditors.
    /// </summary>
    public static ValuationOptions EisenbergNoe { get; } = new() { IncludeStakes = false, SeniorityLayers = false };

    /// <summary>
    /// Whether Equity links with a <see cref="Model.Link.Share"/> count as stakes: the holder's value includes
    /// share × the issuer's equity value. Default <see langword="true"/>.
    /// </summary>
    public bool IncludeStakes { get; init; } = true;

    /// <summary>
    /// Whether debt links' <see cref="Model.Link.Seniority"/> makes layers (senior paid in full before junior). Default
    /// <see langword="true"/>; <see langword="false"/> puts junior debt pari passu with senior debt.
    /// </summary>
    public bool SeniorityLayers { get; init; } = true;

    /// <summary>Where external liabilities rank. Default <see cref="ExternalLiabilityRank.WithSenior"/> (pari passu with senior network debt).</summary>
    public ExternalLiabilityRank ExternalLiabilities { get; init; } = ExternalLiabilityRank.WithSenior;

    /// <summary>
    /// Convergence tolerance, relative: the iteration stops when a sweep changes no value by more than
    /// <c>Tolerance × max(1, largest value)</c>. Default 1e-12; in (0, 1e-3].
    /// </summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>The most sweeps allowed (per phase, and per sensitivity column) before <see cref="ValuationConvergenceException"/>. Default 10,000.</summary>
    public int MaxIterations { get; init; } = 10_000;

    /// <summary>
    /// The largest linear system solved exactly (dense LU) by the regime step: the entities whose value feeds back
    /// linearly in the current regime (marginal defaulters with network creditors, solvent firms with holders). Larger
    /// systems are left to the iteration. Default 500; 0 turns the exact step off.
    /// </summary>
    public int DenseSolveLimit { get; init; } = 500;

    internal void Validate()
    {
        if (!Enum.IsDefined(ExternalLiabilities))
        {
            throw new ArgumentOutOfRangeException(nameof(ExternalLiabilities), ExternalLiabilities, "Unknown external liability rank.");
        }

        if (!(Tolerance > 0 && Tolerance <= 1e-3))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be in (0, 1e-3].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations, nameof(MaxIterations));
        ArgumentOutOfRangeException.ThrowIfNegative(DenseSolveLimit, nameof(DenseSolveLimit));
    }
}
