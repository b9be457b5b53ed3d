namespace AiContagion.Export;

/// <summary>One bar of a failure-probability chart (<see cref="Chart.FailureProbabilities"/>): an entity and how often it failed.</summary>
/// <param name="Label">The bar's label (usually the entity's id or name).</param>
/// <param name="Probability">The probability of failure, in [0, 1].</param>
public sealed record ProbabilityChartRow(string Label, double Probability);
