using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// Impact fluidity (NetworkRiskMeasures): one number per network, the mean impact susceptibility over all entities
/// (zeros included) — how easily defaults flow through the network as a whole (measure name <c>impact-fluidity</c>;
/// as scores, it shows the susceptibilities it averages).
/// </summary>
/// <remarks>
/// <para><c>F = (1/n) Σ_j s_j</c> with <see cref="ImpactSusceptibility"/>'s <c>s</c> (weighted: the mean of the weighted
/// susceptibilities). Published example (the package's tests): 0.75 for the three-entity case.</para>
/// <para>Complexity and direction: as <see cref="ImpactSusceptibility"/>. Thread-safe.</para>
/// </remarks>
public static class ImpactFluidity
{
    /// <summary>Computes the impact fluidity.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Options; <see langword="null"/> for the package's defaults.</param>
    /// <param name="cancellationToken">Cancels between terms.</param>
    /// <returns>The fluidity (0 for an empty network).</returns>
    /// <exception cref="ArgumentException">More than 2,000 entities, or a weight names no entity.</exception>
    public static double Compute(FinancingNetwork network, ImpactMeasureOptions? options = null, CancellationToken cancellationToken = default)
    {
        var scores = ImpactSusceptibility.Values(network, options, cancellationToken);
        return scores.Length == 0 ? 0.0 : scores.Average();
    }
}
