using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Export;

/// <summary>
/// Single points of failure, for drawing: the entities that every funding path to a target passes through
/// (its dominators), and optionally each entity's immediate dominator. Model-independent.
/// </summary>
/// <remarks>
/// Entities are named by id. The single points of failure get a double purple border and a label line; the
/// immediate dominators appear in tooltips and in GraphML. An immediate dominator may name something that is
/// not an entity (the virtual super-source of a dominator tree), so those values are shown as given and not
/// checked against the network. Immutable and thread-safe.
/// </remarks>
public sealed class DominatorOverlay
{
    /// <summary>Creates a dominator overlay.</summary>
    /// <param name="singlePointsOfFailure">Ids of the entities that every funding path to the target passes through.</param>
    /// <param name="immediateDominators">For entities that have one, the id of the immediate dominator (optional).</param>
    /// <param name="target">The entity or sector the paths lead to, for captions, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="singlePointsOfFailure"/> or an id is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is blank or an entity is given two immediate dominators.</exception>
    public DominatorOverlay(
        IEnumerable<string> singlePointsOfFailure,
        IEnumerable<KeyValuePair<string, string>>? immediateDominators = null,
        string? target = null)
    {
        ArgumentNullException.ThrowIfNull(singlePointsOfFailure);
        var points = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var id in singlePointsOfFailure)
        {
            OverlayChecks.Id(id, nameof(singlePointsOfFailure));
            points.Add(id);
        }

        var idoms = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (id, dominator) in immediateDominators ?? [])
        {
            OverlayChecks.Id(id, nameof(immediateDominators));
            OverlayChecks.Id(dominator, nameof(immediateDominators));
            if (!idoms.TryAdd(id, dominator))
            {
                throw new ArgumentException($"The entity '{id}' is given two immediate dominators.", nameof(immediateDominators));
            }
        }

        SinglePointsOfFailure = points.ToImmutable();
        ImmediateDominators = idoms.ToImmutable();
        Target = target;
    }

    /// <summary>Ids of the single points of failure (ordinal order).</summary>
    public ImmutableSortedSet<string> SinglePointsOfFailure { get; }

    /// <summary>Immediate dominator by entity id; empty when not given.</summary>
    public ImmutableSortedDictionary<string, string> ImmediateDominators { get; }

    /// <summary>The target the paths lead to, for captions, or <see langword="null"/>.</summary>
    public string? Target { get; }

    /// <summary>A one-line summary such as <c>dominators of chipmaker: 1 single point of failure</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"dominators{(Target is null ? "" : " of " + Target)}: {SinglePointsOfFailure.Count} single point{(SinglePointsOfFailure.Count == 1 ? "" : "s")} of failure");
}
