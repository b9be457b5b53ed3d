namespace AiContagion.Cascades;

/// <summary>A value attached to one entity by a <see cref="CascadeShock"/>: an initial distress or a fraction of external assets lost.</summary>
/// <param name="Id">The entity.</param>
/// <param name="Value">The value, in [0, 1].</param>
public readonly record struct EntityShock(string Id, double Value);
