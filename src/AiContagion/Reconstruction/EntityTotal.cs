namespace AiContagion.Reconstruction;

/// <summary>
/// One side of an entity's totals in a <see cref="ReconstructionProblem"/>: for a payer, the amount on all the links
/// leaving it that the problem covers; for a recipient, the amount on all the links entering it.
/// </summary>
/// <param name="Id">The entity's id.</param>
/// <param name="Amount">The total, in the network's unit; finite and non-negative.</param>
public readonly record struct EntityTotal(string Id, double Amount);
