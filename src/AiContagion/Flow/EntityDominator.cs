namespace AiContagion.Flow;

/// <summary>One reachable entity in a <see cref="DominatorTree"/>.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="ImmediateDominator">The closest entity every funding path to it passes through, or <see langword="null"/> (only the virtual root).</param>
/// <param name="Depth">The number of its strict (entity) dominators.</param>
/// <param name="DominatedCount">How many entities it dominates.</param>
public readonly record struct EntityDominator(string Id, string? ImmediateDominator, int Depth, int DominatedCount);
