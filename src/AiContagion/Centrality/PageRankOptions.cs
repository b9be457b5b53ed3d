namespace AiContagion.Centrality;

/// <summary>
/// Options of <see cref="PageRank"/>. The defaults are NetworkX's (<c>networkx.pagerank</c>): damping 0.85,
/// tolerance 1e-6, 100 iterations, uniform personalisation, dangling mass spread like the personalisation,
/// weights = link amounts.
/// </summary>
public sealed record PageRankOptions
{
    /// <summary>The default options.</summary>
    public static PageRankOptions Default { get; } = new();

    /// <summary>Damping factor α in [0, 1]: the chance the walk follows a link rather than teleporting. Default 0.85.</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>
    /// Tolerance: the iteration stops when the l1 change of the score vector is below <c>n × Tolerance</c>
    /// (NetworkX's criterion). Default 1e-6.
    /// </summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Iteration cap; reaching it without meeting the tolerance reports non-convergence. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Which way the walk follows links. Default <see cref="CentralityDirection.Receiving"/> (the random surfer follows the money).</summary>
    public CentralityDirection Direction { get; init; } = CentralityDirection.Receiving;

    /// <summary>Whether link amounts weight the walk (NetworkX <c>weight="weight"</c>); otherwise every link weighs 1. Default <see langword="true"/>.</summary>
    public bool Weighted { get; init; } = true;

    /// <summary>
    /// Teleport (personalisation) weights by entity id; missing entities get 0; normalised to sum 1. Must have a
    /// positive total. <see langword="null"/> (default) means uniform 1/n.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Personalisation { get; init; }

    /// <summary>
    /// Where the rank of dangling entities (those with zero total outgoing weight in the walk's direction) goes,
    /// by entity id; missing entities get 0; normalised to sum 1. <see langword="null"/> (default) means the
    /// personalisation vector, as in NetworkX.
    /// </summary>
    public IReadOnlyDictionary<string, double>? DanglingDistribution { get; init; }

    /// <summary>Starting vector by entity id (missing = 0), normalised to sum 1. <see langword="null"/> (default) means uniform 1/n.</summary>
    public IReadOnlyDictionary<string, double>? Start { get; init; }

    /// <summary>Maximum threads; −1 (default) uses every core. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        Check.Probability(Damping, nameof(Damping));
        Check.PositiveFinite(Tolerance, nameof(Tolerance));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations, nameof(MaxIterations));
        Check.Parallelism(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
    }
}
