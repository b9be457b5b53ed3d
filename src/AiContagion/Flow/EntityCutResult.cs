using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Flow;

/// <summary>
/// The result of <see cref="MinimumEntityCut"/>: the entities whose failure together cuts every money path from
/// the sources to the sinks at least total cost, and that cost. Immutable.
/// </summary>
public sealed class EntityCutResult
{
    internal EntityCutResult(double value, ImmutableArray<string> entities, ImmutableArray<string> sources, ImmutableArray<string> sinks, EntityCutCost cost)
    {
        Value = value;
        Entities = entities;
        Sources = sources;
        Sinks = sinks;
        Cost = cost;
    }

    /// <summary>The total cost of the cut entities (their number when <see cref="Cost"/> is <see cref="EntityCutCost.Count"/>).</summary>
    public double Value { get; }

    /// <summary>The cut entities, in network order. Empty when no money path joins the sources to the sinks.</summary>
    public ImmutableArray<string> Entities { get; }

    /// <summary>The sources (never cut), in network order.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>The sinks (never cut), in network order.</summary>
    public ImmutableArray<string> Sinks { get; }

    /// <summary>The cost rule used (before per-entity overrides).</summary>
    public EntityCutCost Cost { get; }

    /// <summary>A one-line summary, e.g. <c>Minimum entity cut (2 entities, value=2.0000): a, b</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Minimum entity cut ({Entities.Length} entities, value={Value:0.0000}): {string.Join(", ", Entities)}");
}
