namespace AiContagion.Reconstruction;

/// <summary>
/// A link whose amount is known before the reconstruction: it is kept as it is, it counts towards both entities'
/// totals, and the reconstruction adds nothing to its pair.
/// </summary>
/// <param name="From">The payer's id.</param>
/// <param name="To">The recipient's id.</param>
/// <param name="Amount">The known amount; finite and non-negative (0 makes the pair carry nothing, like <see cref="EntityPair"/> in the forbidden list).</param>
public readonly record struct KnownAmount(string From, string To, double Amount);
