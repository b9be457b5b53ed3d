using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Provenance;

/// <summary>The result of <see cref="MoneyProvenance.Trace"/>: one <see cref="EntityProvenance"/> per traced entity, in network order. Immutable.</summary>
public sealed class ProvenanceResult
{
    private readonly Lazy<Dictionary<string, EntityProvenance>> _byId;

    internal ProvenanceResult(ImmutableArray<EntityProvenance> entities, int loops, int largestLoop)
    {
        Entities = entities;
        _byId = new Lazy<Dictionary<string, EntityProvenance>>(() => entities.ToDictionary(e => e.Id, StringComparer.Ordinal));
        Loops = loops;
        LargestLoop = largestLoop;
    }

    /// <summary>The traced entities, in network order.</summary>
    public ImmutableArray<EntityProvenance> Entities { get; }

    /// <summary>Number of loops (groups of two or more entities whose money circulates) solved as linear systems.</summary>
    public int Loops { get; }

    /// <summary>Size of the largest such loop (0 when the money graph has no cycle).</summary>
    public int LargestLoop { get; }

    /// <summary>The provenance of one traced entity.</summary>
    /// <param name="id">The entity id.</param>
    /// <exception cref="KeyNotFoundException">The entity was not traced (not a target) or does not exist.</exception>
    public EntityProvenance this[string id] =>
        _byId.Value.TryGetValue(id, out var entity) ? entity : throw new KeyNotFoundException($"Entity '{id}' was not traced.");

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Provenance of {Entities.Length} entities ({Entities.Count(e => e.HasInflow)} with inflow; {Loops} loops, largest {LargestLoop})");
}
