namespace AiContagion.Reconstruction;

/// <summary>An ordered pair of entities, From → To (the way money would move): in a <see cref="ReconstructionProblem"/>, a pair that must carry nothing.</summary>
/// <param name="From">The payer's id.</param>
/// <param name="To">The recipient's id.</param>
public readonly record struct EntityPair(string From, string To);
