namespace AiContagion.Reconstruction;

/// <summary>One link of a <see cref="ReconstructionResult"/>: payer → recipient (the way money moves) and its amount.</summary>
/// <param name="From">The payer's id.</param>
/// <param name="To">The recipient's id.</param>
/// <param name="Amount">The amount: the estimate, or the known amount when <paramref name="Known"/>; for the ensemble, the mean over the samples.</param>
/// <param name="Known">Whether the link was given (<see cref="ReconstructionProblem.Known"/>) rather than estimated.</param>
/// <param name="Low">Ensemble only: the low quantile of the sampled amounts (lowered to <paramref name="Amount"/> if the mean lies below it); otherwise <see langword="null"/>.</param>
/// <param name="High">Ensemble only: the high quantile (raised to <paramref name="Amount"/> if the mean lies above it); otherwise <see langword="null"/>.</param>
/// <param name="LinkProbability">Ensemble only: the share of samples in which the link exists (amount &gt; 0); otherwise <see langword="null"/>.</param>
public readonly record struct EstimatedLink(string From, string To, double Amount, bool Known, double? Low = null, double? High = null, double? LinkProbability = null);
