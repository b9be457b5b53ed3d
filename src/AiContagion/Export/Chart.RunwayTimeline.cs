using System.Globalization;
using ScottPlot;

namespace AiContagion.Export;

public sealed partial class Chart
{
    /// <summary>The most lines that get a legend; with more, the legend would hide the chart and is left out.</summary>
    private const int MaximumLegendEntries = 15;

    /// <summary>
    /// A runway timeline: each entity's cash month by month as a line, a dot where it ran out of cash and failed,
    /// the zero line, and optionally a dashed red line at the month a source withdrew.
    /// </summary>
    /// <param name="series">The entities' cash paths; at least one, each with at least one finite value.</param>
    /// <param name="withdrawalMonth">The month the shock happened, or <see langword="null"/>.</param>
    /// <param name="options">Title (default "Runway: cash by month"), axis labels (default "month", "cash") and size (default height 500).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/>, a series, its label or its cash is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no series, a cash path is empty or holds NaN or infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A month is negative, or an option is out of range.</exception>
    public static Chart RunwayTimeline(IReadOnlyList<RunwayChartSeries> series, int? withdrawalMonth = null, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("There are no cash paths to draw.", nameof(series));
        }

        foreach (var line in series)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(series));
            ArgumentNullException.ThrowIfNull(line.Label, nameof(series));
            ArgumentNullException.ThrowIfNull(line.Cash, nameof(series));
            if (line.Cash.Count == 0 || line.Cash.Any(c => !double.IsFinite(c)))
            {
                throw new ArgumentException($"The cash path of '{line.Label}' must hold at least one value, all finite.", nameof(series));
            }

            if (line.FailureMonth is { } month)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(month, nameof(series));
            }
        }

        if (withdrawalMonth is { } shock)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(shock, nameof(withdrawalMonth));
        }

        options ??= ChartOptions.Default;
        var unit = options.FirstMonth is { } firstMonth ? RoundUnit.Months(firstMonth) : null;
        string At(int month) => unit is null ? string.Create(CultureInfo.InvariantCulture, $"month {month}") : month == 0 ? "start" : unit.Label(month);
        var plot = NewPlot(options, "Runway: cash by month", unit is null ? "month" : "month (from the start of the data)", "cash");
        var palette = new ScottPlot.Palettes.Category10();
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted);
        for (var i = 0; i < series.Count; i++)
        {
            var line = series[i];
            var color = palette.GetColor(i);
            var months = Enumerable.Range(0, line.Cash.Count).Select(m => (double)m).ToArray();
            var scatter = plot.Add.ScatterLine(months, line.Cash.ToArray(), color);
            scatter.LineWidth = 2;
            var label = Clean(line.Label);
            if (line.FailureMonth is { } failed)
            {
                var cash = line.Cash[Math.Min(failed, line.Cash.Count - 1)];
                plot.Add.Marker(failed, cash, MarkerShape.FilledCircle, 9, color);
                label += unit is null ? string.Create(CultureInfo.InvariantCulture, $" (fails in month {failed})") : $" (fails {At(failed)})";
            }

            if (series.Count <= MaximumLegendEntries)
            {
                scatter.LegendText = label;
            }
        }

        if (withdrawalMonth is { } month2)
        {
            var line = plot.Add.VerticalLine(month2, 2, Color.FromHex(DiagramStyle.DownColor), LinePattern.Dashed);
            line.LegendText = unit is null ? string.Create(CultureInfo.InvariantCulture, $"withdrawal (month {month2})")
                : month2 == 0 ? "withdrawal (at the start)" : $"withdrawal (after {At(month2)})";
        }

        if (unit is null)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }
        else
        {
            // Calendar months on the axis: at most 13 ticks, every month or every few.
            var last = series.Max(s => s.Cash.Count) - 1;
            var step = Math.Max(1, (last + 11) / 12);
            var ticks = Enumerable.Range(0, (last / step) + 1).Select(i => i * step).ToArray();
            plot.Axes.Bottom.SetTicks([.. ticks.Select(k => (double)k)], [.. ticks.Select(At)]);
        }
        if (series.Count <= MaximumLegendEntries || withdrawalMonth is not null)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        return new Chart(plot, options.Width, options.Height ?? 500);
    }
}
