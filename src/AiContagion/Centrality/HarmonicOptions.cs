namespace AiContagion.Centrality;

/// <summary>Options of <see cref="HarmonicCentrality"/>. Defaults: hop lengths, NetworkX's direction, unnormalised.</summary>
public sealed record HarmonicOptions
{
    /// <summary>The default options.</summary>
    public static HarmonicOptions Default { get; } = new();

    /// <summary>The length of a link. Default <see cref="PathCost.Hops"/>.</summary>
    public PathCost Cost { get; init; } = PathCost.Hops;

    /// <summary>
    /// <see cref="CentralityDirection.Receiving"/> (default, NetworkX 2.8): sum over distances from the others
    /// <b>to</b> the entity; <see cref="CentralityDirection.Paying"/>: distances <b>from</b> the entity.
    /// </summary>
    public CentralityDirection Direction { get; init; } = CentralityDirection.Receiving;

    /// <summary>Whether to divide by n − 1 (so an entity one hop from everyone scores 1). Default <see langword="false"/>, as NetworkX.</summary>
    public bool Normalized { get; init; }

    /// <summary>Maximum threads; −1 (default) uses every core. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        if (!Enum.IsDefined(Cost))
        {
            throw new ArgumentOutOfRangeException(nameof(Cost), Cost, "Unknown path cost.");
        }

        Check.Parallelism(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
    }
}
