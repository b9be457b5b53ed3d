using System.Collections.Immutable;
using AiContagion.Cascades;

namespace AiContagion.Centrality;

/// <summary>
/// Options of NetworkRiskMeasures' impact measures (<see cref="ImpactSusceptibility"/>, <see cref="ImpactFluidity"/>,
/// <see cref="ImpactDiffusion"/>). The defaults are the package's: binary impacts, no weights, the full exponential.
/// </summary>
public sealed record ImpactMeasureOptions
{
    /// <summary>
    /// Whether an impact counts only when the exposure alone wipes out the holder's capital (<c>V_ij = 1[X_ji / E_j ≥ 1]</c>,
    /// the package's <c>binary = TRUE</c>, default) or as its share of capital capped at 1 (<see langword="false"/>).
    /// </summary>
    public bool Binary { get; init; } = true;

    /// <summary>
    /// A weight per entity id (NetworkRiskMeasures' <c>weights</c>, not normalised; ids not named get 0), or
    /// <see langword="null"/> (default) for the unweighted measures.
    /// </summary>
    public ImmutableDictionary<string, double>? Weights { get; init; }

    /// <summary>
    /// The terms of the communicability <c>Σ_{t=0..terms} V^t / t!</c>, or <see langword="null"/> (default) for the full
    /// matrix exponential <c>e^V</c> (the package's <c>terms = Inf</c>).
    /// </summary>
    public int? Terms { get; init; }

    /// <summary>How each holder's capital (NetworkRiskMeasures' <c>buffer</c>) is found. Default: capital, else balance-sheet net worth, else +∞ (no impact on it).</summary>
    public CapitalOptions Capital { get; init; } = new();

    /// <summary>Impact diffusion: the most threads (−1, the default: one per processor). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Capital);
        Capital.Validate();
        if (Terms is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Terms), Terms, "The number of terms must not be negative.");
        }

        foreach (var (id, weight) in Weights ?? ImmutableDictionary<string, double>.Empty)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Weights), weight, $"The weight of '{id}' must be a finite non-negative number.");
            }
        }
    }
}
