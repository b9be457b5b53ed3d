namespace AiContagion.Export;

/// <summary>One line of a runway timeline (<see cref="Chart.RunwayTimeline"/>): an entity's cash month by month, and the month it ran out.</summary>
/// <param name="Label">The line's label (usually the entity's id or name).</param>
/// <param name="Cash">Cash at the end of month 0, 1, 2, ... in the network's unit; at least one finite value.</param>
/// <param name="FailureMonth">The month the entity ran out of cash and failed, or <see langword="null"/> when it did not within the horizon.</param>
public sealed record RunwayChartSeries(string Label, IReadOnlyList<double> Cash, int? FailureMonth);
