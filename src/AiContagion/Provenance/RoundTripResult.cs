using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Provenance;

/// <summary>The result of <see cref="MoneyRoundTrip.Compute"/>: one <see cref="EntityRoundTrip"/> per reported entity, in network order. Immutable.</summary>
public sealed class RoundTripResult
{
    private readonly Lazy<Dictionary<string, EntityRoundTrip>> _byId;

    internal RoundTripResult(ImmutableArray<EntityRoundTrip> entities)
    {
        Entities = entities;
        _byId = new Lazy<Dictionary<string, EntityRoundTrip>>(() => entities.ToDictionary(e => e.Id, StringComparer.Ordinal));
    }

    /// <summary>The reported entities, in network order.</summary>
    public ImmutableArray<EntityRoundTrip> Entities { get; }

    /// <summary>The entities ranked: largest round-trip share first, then largest amount, then network order; entities without income last.</summary>
    public IEnumerable<EntityRoundTrip> Ranked() => Entities
        .Select((e, i) => (Entity: e, Order: i))
        .OrderByDescending(x => x.Entity.Share ?? -1)
        .ThenByDescending(x => x.Entity.Amount)
        .ThenBy(x => x.Order)
        .Select(x => x.Entity);

    /// <summary>The entities some of whose income is their own money come back (share &gt; 0).</summary>
    public int Circular => Entities.Count(e => e.Share > 0);

    /// <summary>The largest money loop among the reported entities (1 when no money can come back).</summary>
    public int LargestLoop => Entities.IsEmpty ? 0 : Entities.Max(e => e.Loop);

    /// <summary>One entity's round trip.</summary>
    /// <param name="id">The entity id.</param>
    /// <exception cref="KeyNotFoundException">The entity was not reported (not a target) or does not exist.</exception>
    public EntityRoundTrip this[string id] =>
        _byId.Value.TryGetValue(id, out var entity) ? entity : throw new KeyNotFoundException($"Entity '{id}' was not traced.");

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Round trips of {Entities.Length} entities: {Circular} of {Entities.Count(e => e.HasInflow)} with income get some of their own money back (largest loop {LargestLoop})");
}
