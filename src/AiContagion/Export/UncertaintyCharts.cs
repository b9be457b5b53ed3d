using System.Globalization;
using AiContagion.Ranking;

namespace AiContagion.Export;

/// <summary>
/// Charts of an <see cref="UncertaintyRankingResult"/>: extension methods, so <c>result.RankIntervalChart()</c> reads as
/// a method of the result while the result itself knows nothing of charts (docs/architecture.md).
/// </summary>
/// <remarks>Each builds a <see cref="Chart"/> from the result's values; thread-safe as the <see cref="Chart"/> factories are.</remarks>
public static class UncertaintyCharts
{
    /// <summary>
    /// Each source's rank interval (5 %–95 % of the draws), its rank with the amounts as stated and its probability of
    /// ranking first, in the result's order (most likely first on top).
    /// </summary>
    /// <param name="result">The uncertainty ranking.</param>
    /// <param name="top">How many candidates (default 20).</param>
    /// <param name="options">Chart options; the default title names the model, the draws and the distribution.</param>
    /// <returns>The chart; call <c>Save(path)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The result has no candidate.</exception>
    public static Chart RankIntervalChart(this UncertaintyRankingResult result, int top = 20, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var rows = result.Candidates.Take(top)
            .Select(c => new RankIntervalChartRow(c.Label, c.RankLow, c.RankHigh, c.NominalRank, Math.Clamp(c.PFirst, 0, 1)))
            .ToList();
        options ??= new ChartOptions
        {
            Title = string.Create(
                CultureInfo.InvariantCulture,
                $"Rank 5–95 % over {result.Draws:N0} draws ({result.ModelName} model, {result.RangedLinks.Length} uncertain amounts, {result.Options.Distribution.ToString().ToLowerInvariant()})"),
        };
        return Chart.RankIntervals(rows, options);
    }
}
