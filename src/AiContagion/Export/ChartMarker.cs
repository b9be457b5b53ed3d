namespace AiContagion.Export;

/// <summary>A vertical line marking a value on a distribution chart (<see cref="Chart.Distribution"/>), such as the mean, a quantile or the expected shortfall.</summary>
/// <param name="Label">What the value is (e.g. <c>mean</c>, <c>95% quantile</c>); the legend shows it with the value.</param>
/// <param name="Value">The value, on the chart's horizontal axis; finite.</param>
public sealed record ChartMarker(string Label, double Value);
