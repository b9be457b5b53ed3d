namespace AiContagion.Centrality;

/// <summary>
/// Options of <see cref="KatzCentrality"/>. Defaults are NetworkX's (<c>katz_centrality</c>): α = 0.1, β = 1,
/// tolerance 1e-6, 1000 iterations, normalised, unweighted.
/// </summary>
/// <remarks>
/// The series converges only when α &lt; 1 / λ_max (the largest eigenvalue of the adjacency). With
/// <see cref="Weighted"/> the adjacency holds link amounts, so λ_max scales with the unit: choose α accordingly
/// (e.g. below 1 / the largest in-strength, a sufficient bound).
/// </remarks>
public sealed record KatzOptions
{
    /// <summary>The default options.</summary>
    public static KatzOptions Default { get; } = new();

    /// <summary>Attenuation factor α &gt; 0. Default 0.1.</summary>
    public double Alpha { get; init; } = 0.1;

    /// <summary>Exogenous score β given to every entity not in <see cref="BetaByEntity"/>. Default 1.</summary>
    public double Beta { get; init; } = 1.0;

    /// <summary>Per-entity β by id (finite); entities not listed get <see cref="Beta"/>. Default <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, double>? BetaByEntity { get; init; }

    /// <summary>Stop when the l1 change is below <c>n × Tolerance</c>. Default 1e-6.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Iteration cap; reaching it (or diverging) reports non-convergence. Default 1000.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Whether to scale the result to unit Euclidean norm. Default <see langword="true"/>.</summary>
    public bool Normalized { get; init; } = true;

    /// <summary>Whether link amounts weight the links; otherwise each link weighs 1 (parallel links count separately). Default <see langword="false"/>, as NetworkX.</summary>
    public bool Weighted { get; init; }

    /// <summary>Which way importance travels. Default <see cref="CentralityDirection.Receiving"/> (NetworkX's in-edge convention).</summary>
    public CentralityDirection Direction { get; init; } = CentralityDirection.Receiving;

    /// <summary>Maximum threads; −1 (default) uses every core. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        Check.PositiveFinite(Alpha, nameof(Alpha));
        Check.Finite(Beta, nameof(Beta));
        Check.PositiveFinite(Tolerance, nameof(Tolerance));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations, nameof(MaxIterations));
        Check.Parallelism(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
    }
}
