namespace AiContagion.Centrality;

/// <summary>
/// Options of <see cref="EigenvectorCentrality"/>. Defaults are NetworkX's (<c>eigenvector_centrality</c>):
/// tolerance 1e-6, 100 iterations; weights here default to link amounts.
/// </summary>
public sealed record EigenvectorOptions
{
    /// <summary>The default options.</summary>
    public static EigenvectorOptions Default { get; } = new();

    /// <summary>Stop when the l1 change of the (unit-norm) vector is below <c>n × Tolerance</c>. Default 1e-6.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Iteration cap; reaching it reports non-convergence. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Which way importance travels. Default <see cref="CentralityDirection.Receiving"/> (NetworkX's in-edge convention).</summary>
    public CentralityDirection Direction { get; init; } = CentralityDirection.Receiving;

    /// <summary>Whether link amounts weight the links (parallel links add); otherwise each link weighs 1. Default <see langword="true"/> (the scores do not depend on the unit).</summary>
    public bool Weighted { get; init; } = true;

    /// <summary>Starting vector by entity id (missing = 0, not all zero); <see langword="null"/> (default) means all ones.</summary>
    public IReadOnlyDictionary<string, double>? Start { get; init; }

    /// <summary>Maximum threads; −1 (default) uses every core. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        Check.PositiveFinite(Tolerance, nameof(Tolerance));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations, nameof(MaxIterations));
        Check.Parallelism(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
    }
}
