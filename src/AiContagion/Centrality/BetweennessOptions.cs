namespace AiContagion.Centrality;

/// <summary>
/// Options of <see cref="BetweennessCentrality"/>. Defaults: hop lengths, normalised as NetworkX
/// (<c>betweenness_centrality(normalized=True)</c>), exact (every entity a source), all cores.
/// </summary>
public sealed record BetweennessOptions
{
    /// <summary>The default options.</summary>
    public static BetweennessOptions Default { get; } = new();

    /// <summary>The length of a link. Default <see cref="PathCost.Hops"/>.</summary>
    public PathCost Cost { get; init; } = PathCost.Hops;

    /// <summary>Whether to divide by <c>(n − 1)(n − 2)</c>, the number of ordered pairs not involving the entity. Default <see langword="true"/>.</summary>
    public bool Normalized { get; init; } = true;

    /// <summary>
    /// Number of source entities to sample (without replacement, with <see cref="Seed"/>) for an estimate on large
    /// graphs; <see langword="null"/> (default) uses every entity (exact). The sum over sampled sources is scaled by
    /// <c>n / Samples</c>.
    /// </summary>
    public int? Samples { get; init; }

    /// <summary>Seed of the source sample. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Maximum threads; −1 (default) uses every core. Results do not depend on it, to the last bit.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Sources per SIMD batch for hop searches: −1 (default) the widest this machine accelerates, 0 one source at
    /// a time, 4 or 8 forced. The bits are the same either way; tests compare them.
    /// </summary>
    internal int BatchLanes { get; init; } = -1;

    internal void Validate()
    {
        if (!Enum.IsDefined(Cost))
        {
            throw new ArgumentOutOfRangeException(nameof(Cost), Cost, "Unknown path cost.");
        }

        if (Samples is { } samples)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples, nameof(Samples));
        }

        Check.Parallelism(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
    }
}
