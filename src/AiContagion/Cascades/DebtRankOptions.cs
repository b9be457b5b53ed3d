using System.Collections.Immutable;

namespace AiContagion.Cascades;

/// <summary>Options of the DebtRank models (single-hit, linear and non-linear).</summary>
public sealed record DebtRankOptions
{
    /// <summary>
    /// Economic weight per entity id (normalised to sum 1; ids not named get 0), or <see langword="null"/> (the
    /// default) for each entity's share of total assets. Total assets = external assets (0 when unknown) + claim
    /// links it funded + commercial links into it (receivables); when every total is 0 the weights are uniform.
    /// </summary>
    public ImmutableDictionary<string, double>? EconomicWeights { get; init; }

    /// <summary>How each holder's capital (the denominator of the impact) is found. Default: capital figure, else balance-sheet net worth, else +∞ (no impact).</summary>
    public CapitalOptions Capital { get; init; } = new();

    /// <summary>The distress at which an entity counts as failed (its whole equity is lost). Default 1. In (0, 1].</summary>
    public double FailureDistress { get; init; } = 1.0;

    /// <summary>
    /// Linear and non-linear DebtRank: whether to cap the impact <c>Λ_ij = exposure_ij / capital_i</c> at 1 as the single-hit
    /// model does. Default <see langword="false"/>: Bardoscia et al. (2015) use the uncapped leverage, so a claim larger
    /// than capital passes on more than proportional distress (h itself is still capped at 1).
    /// </summary>
    public bool CapImpactAtOne { get; init; }

    /// <summary>
    /// Non-linear DebtRank only: the α ≥ 0 of the propagation function <c>p(h) = h e^(α(h − 1))</c> (Bardoscia et al.
    /// 2016, the authors' code). 0 gives linear DebtRank; +∞ (allowed) the threshold (Furfine) cascade, where only a
    /// failed entity (h = 1) passes on distress. Default 1.
    /// </summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>Linear and non-linear DebtRank: stop when no entity's distress grows by more than this in a round. Default 1e-12.</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>Linear and non-linear DebtRank: the most rounds before <see cref="CascadeConvergenceException"/> (or, from <see cref="PreparedCascade.TryRun"/>, an unconverged result). Default 100,000.</summary>
    public int MaxIterations { get; init; } = 100_000;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Capital);
        Capital.Validate();
        if (!double.IsFinite(FailureDistress) || FailureDistress <= 0 || FailureDistress > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FailureDistress), FailureDistress, "The failure distress must lie in (0, 1].");
        }

        if (!double.IsFinite(Tolerance) || Tolerance <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations, nameof(MaxIterations));
        if (double.IsNaN(Alpha) || Alpha < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "The non-linear DebtRank's alpha must be a non-negative number (or +∞).");
        }
        if (EconomicWeights is { } weights)
        {
            foreach (var (id, weight) in weights)
            {
                if (!double.IsFinite(weight) || weight < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(EconomicWeights), weight, $"The economic weight of '{id}' must be a finite non-negative number.");
                }
            }

            if (weights.Values.Sum() <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(EconomicWeights), "The economic weights must not all be 0.");
            }
        }
    }
}
