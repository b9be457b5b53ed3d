using System.Globalization;
using AiContagion.Cascades;

namespace AiContagion.Export;

/// <summary>
/// Adapters from model results to diagram overlays and chart rows, so drawing a model's answer is one call:
/// <c>ModelOverlays.Cascade(result)</c>, <c>ModelOverlays.RankingRows(ranking)</c>.
/// </summary>
/// <remarks>Pure functions of immutable results; thread-safe.</remarks>
public static class ModelOverlays
{
    /// <summary>
    /// The cascade overlay of a model run: every failed entity with the round it failed in, the shocked
    /// (withdrawn or initially failed) entities, and every link down with its cause and round.
    /// </summary>
    /// <param name="result">The cascade result.</param>
    /// <returns>The overlay, captioned with the model's name.</returns>
    public static CascadeOverlay Cascade(CascadeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var failed = result.Entities
            .Where(e => e.Failed && !e.Shocked)
            .Select(e => new KeyValuePair<string, int>(e.Id, e.Round ?? 0));
        var down = result.DownLinks
            .Select(l => new KeyValuePair<int, CascadeLinkDown>(l.Index, new CascadeLinkDown(l.Cause.ToString(), l.Round ?? 0)));
        return new CascadeOverlay(failed, result.Shocked, down, result.ModelName);
    }

    /// <summary>The chart rows of a withdrawal ranking, in rank order: label, direct links and cascade links.</summary>
    /// <param name="ranking">The ranking.</param>
    /// <param name="top">At most this many rows (default: all).</param>
    /// <returns>The rows for <see cref="Chart.Ranking"/>.</returns>
    public static IReadOnlyList<RankingChartRow> RankingRows(RankingResult ranking, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (top is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(top));
        }

        return [.. ranking.Entries.Take(top ?? int.MaxValue).Select(e => new RankingChartRow(e.Label, e.DirectLinks, e.CascadeLinks))];
    }

    /// <summary>The ranking as a chart, titled with the model's name.</summary>
    /// <param name="ranking">The ranking.</param>
    /// <param name="top">At most this many bars (default 20).</param>
    /// <returns>The chart; call <c>Save(path)</c>.</returns>
    public static Chart RankingChart(RankingResult ranking, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var title = string.Create(CultureInfo.InvariantCulture, $"Withdrawal ranking ({ranking.ModelName}): links brought down");
        return Chart.Ranking(RankingRows(ranking, top), new ChartOptions { Title = title });
    }
}
