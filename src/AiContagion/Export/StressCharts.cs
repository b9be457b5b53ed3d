using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Stress;

namespace AiContagion.Export;

/// <summary>
/// Charts of the stress results (<see cref="StressResult"/>, <see cref="RunwayResult"/>,
/// <see cref="GaiKapadiaExperimentResult"/>): extension methods, so <c>result.DistributionChart()</c> reads as before
/// while the results themselves know nothing of charts or ScottPlot (docs/architecture.md: Export sits above the model
/// families; a result does not draw itself).
/// </summary>
/// <remarks>Each builds a <see cref="Chart"/> from the result's values; thread-safe as the <see cref="Chart"/> factories are.</remarks>
public static class StressCharts
{
    /// <summary>A histogram chart of one measure, with the mean, the 95 % and 99 % quantiles and ES99 marked.</summary>
    /// <param name="result">The stress result.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="options">Chart options; the default title names the network (its title up to a colon), the model and the trials.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown measure.</exception>
    public static Chart DistributionChart(this StressResult result, StressMeasure measure = StressMeasure.LinksDown, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var statistics = result.Statistics(measure);
        var label = StressResult.Label(measure);
        options ??= new ChartOptions
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"{result.Title()}{label} in {result.Trials:N0} trials ({result.ModelName} model, ρ = {result.Options.Correlation})"),
            XLabel = measure == StressMeasure.AmountDown ? $"{label} ({result.Network.Unit})" : label,
            YLabel = "trials",
        };
        return Chart.Distribution(
            result.Values(measure),
            [new ChartMarker("mean", statistics.Mean), new ChartMarker("95% quantile", statistics.P95), new ChartMarker("99% quantile", statistics.P99), new ChartMarker("ES 99%", statistics.Es99)],
            options: options);
    }

    /// <summary>A bar chart of the entities most likely to fail.</summary>
    /// <param name="result">The stress result.</param>
    /// <param name="top">How many entities (default 25); entities that never failed are left out.</param>
    /// <param name="options">Chart options.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">No entity failed in any trial.</exception>
    public static Chart FailureProbabilityChart(this StressResult result, int top = 25, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var rows = result.ByFailureProbability.Where(e => e.Failures > 0).Take(top)
            .Select(e => new ProbabilityChartRow(result.Network[e.Id].Name == e.Id ? e.Id : $"{result.Network[e.Id].Name} ({e.Id})", e.FailureProbability))
            .ToList();
        if (rows.Count == 0)
        {
            throw new InvalidOperationException("No entity failed in any trial: there is nothing to chart.");
        }

        options ??= new ChartOptions
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"{result.Title()}probability of failure in {result.Trials:N0} trials ({result.ModelName} model, ρ = {result.Options.Correlation})"),
        };
        return Chart.FailureProbabilities(rows, options);
    }

    /// <summary>
    /// A runway chart: the cash paths of the first <paramref name="top"/> entities to fail (then, if fewer failed, of the
    /// survivors whose cash fell furthest below its start, in proportion), with each failure marked and the withdrawal
    /// month drawn.
    /// </summary>
    /// <param name="result">The runway result.</param>
    /// <param name="top">How many cash paths (default 10).</param>
    /// <param name="options">Chart options; the default title names the network and the withdrawal.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">No entity failed and none saw its cash fall.</exception>
    public static Chart TimelineChart(this RunwayResult result, int top = 10, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var declining = result.Entities
            .Where(e => e.FailedMonth is null && !e.Cash.IsEmpty && e.Cash[0] > 0 && e.Cash.Min() < e.Cash[0])
            .OrderBy(e => e.Cash.Min() / e.Cash[0])
            .ThenBy(e => result.Network.IndexOf(e.Id));
        var lines = result.FailureOrder.Where(e => !e.Cash.IsEmpty)
            .Concat(declining)
            .Take(top)
            .Select(e => new RunwayChartSeries(result.Label(e), e.Cash, e.FailedMonth))
            .ToList();
        if (lines.Count == 0)
        {
            throw new InvalidOperationException("No entity failed and none saw its cash fall: there is no runway to draw.");
        }

        var t0 = result.Options.WithdrawalMonth;
        var first = result.Assumptions.AsOf;
        var when = first is not { } month ? string.Create(CultureInfo.InvariantCulture, $"at month {t0}")
            : t0 == 0 ? $"at the start ({month})" : $"after {month.AddMonths(t0 - 1)}";
        var shock = result.Withdrawals.IsEmpty
            ? "no withdrawal"
            : $"withdrawal of {string.Join(", ", result.Withdrawals.Select(w => w.Id))} {when}";
        options ??= new ChartOptions
        {
            Title = "Runway: " + shock,
            YLabel = $"cash ({result.Network.Unit})",
            FirstMonth = first,
        };
        return Chart.RunwayTimeline(lines, result.Withdrawals.IsEmpty ? null : result.Options.WithdrawalMonth, options);
    }

    /// <summary>
    /// The curve as a chart: contagion frequency and mean extent given contagion against z, as lines (the extent up to
    /// the last z with a contagious trial). The chart module draws lines over whole steps 0, 1, 2, …, so the sweep must
    /// be exactly those.
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="options">Chart options; the default title gives n and the trials per point.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="InvalidOperationException">The average degrees are not 0, 1, 2, … in order.</exception>
    public static Chart ToChart(this GaiKapadiaExperimentResult result, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        for (var i = 0; i < result.Points.Length; i++)
        {
            if (result.Points[i].AverageDegree != i)
            {
                throw new InvalidOperationException("The chart needs the average degrees 0, 1, 2, … in order.");
            }
        }

        // The extent is undefined where no trial was contagious: its line stops after the last contagious z.
        var lastContagious = Math.Max(0, result.Points.Select((p, i) => p.ContagiousTrials > 0 ? i : 0).Max());
        options ??= new ChartOptions
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Gai–Kapadia contagion window: n = {result.Options.Banks:N0}, {result.Options.TrialsPerDegree:N0} networks per z, capital {result.Options.CapitalRatio:P0}, interbank {result.Options.InterbankAssetShare:P0}"),
            XLabel = "average degree z",
            YLabel = "share",
        };
        return Chart.RunwayTimeline(
            [
                new RunwayChartSeries(string.Create(CultureInfo.InvariantCulture, $"frequency of contagion (≥ {result.Options.ContagionThreshold:P0} of banks)"), [.. result.Points.Select(p => p.ContagionFrequency)], null),
                new RunwayChartSeries("extent of contagion when it happens", [.. result.Points.Take(lastContagious + 1).Select(p => p.MeanExtentGivenContagion)], null),
            ],
            null,
            options);
    }
}
