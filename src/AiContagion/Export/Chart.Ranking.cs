using System.Globalization;
using ScottPlot;

namespace AiContagion.Export;

public sealed partial class Chart
{
    /// <summary>
    /// The withdrawal ranking as horizontal stacked bars, first row on top: for each candidate source, the links
    /// its withdrawal brought down, its own (direct, blue) then the cascade's (red), with the total and the split
    /// written at the end of the bar (<c>8 (2 + 6)</c>).
    /// </summary>
    /// <param name="rows">The rows in ranking order (the caller ranks: by links down, then amount, then failures).</param>
    /// <param name="options">Title (default "Withdrawal ranking: links brought down"), axis label (default "links down") and size (height 40 pixels per row, at least 300).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/>, a row or a label is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or an option is out of range.</exception>
    public static Chart Ranking(IReadOnlyList<RankingChartRow> rows, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("The ranking has no rows to draw.", nameof(rows));
        }

        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            ArgumentNullException.ThrowIfNull(row.Label, nameof(rows));
            ArgumentOutOfRangeException.ThrowIfNegative(row.DirectLinks, nameof(rows));
            ArgumentOutOfRangeException.ThrowIfNegative(row.CascadeLinks, nameof(rows));
        }

        options ??= ChartOptions.Default;
        var plot = NewPlot(options, "Withdrawal ranking: links brought down", "links down", "");
        var direct = Color.FromHex(DiagramStyle.DirectColor);
        var cascade = Color.FromHex(DiagramStyle.DownColor);
        var bars = new List<Bar>();
        var positions = new double[rows.Count];
        var labels = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var position = rows.Count - 1 - i;
            positions[i] = position;
            labels[i] = Clean(row.Label);
            var text = string.Create(CultureInfo.InvariantCulture, $"{row.TotalLinks} ({row.DirectLinks} + {row.CascadeLinks})");
            bars.Add(new Bar
            {
                Position = position, ValueBase = 0, Value = row.DirectLinks, FillColor = direct, LineWidth = 0,
                Label = row.CascadeLinks == 0 ? text : "",
            });
            if (row.CascadeLinks > 0)
            {
                bars.Add(new Bar
                {
                    Position = position, ValueBase = row.DirectLinks, Value = row.TotalLinks, FillColor = cascade, LineWidth = 0, Label = text,
                });
            }
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(left: 0, right: 0.2, bottom: 0.04, top: 0.04);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "direct: the source's own links", FillColor = direct });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "cascade: links down through failures", FillColor = cascade });
        plot.ShowLegend(Alignment.LowerRight);
        return new Chart(plot, options.Width, options.Height ?? Math.Max(300, 130 + (40 * rows.Count)));
    }

    /// <summary>
    /// Failure probabilities as horizontal bars (first row on top), each labelled with its percentage; for
    /// Monte Carlo stress results.
    /// </summary>
    /// <param name="rows">The rows in the order to draw (usually descending probability).</param>
    /// <param name="options">Title (default "Probability of failure"), axis label (default "probability of failure") and size (height 36 pixels per row, at least 300).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/>, a row or a label is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside [0, 1] or NaN, or an option is out of range.</exception>
    public static Chart FailureProbabilities(IReadOnlyList<ProbabilityChartRow> rows, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("There are no probabilities to draw.", nameof(rows));
        }

        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            ArgumentNullException.ThrowIfNull(row.Label, nameof(rows));
            if (!(row.Probability is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row.Probability, $"The probability of '{row.Label}' must be in [0, 1].");
            }
        }

        options ??= ChartOptions.Default;
        var plot = NewPlot(options, "Probability of failure", "probability of failure", "");
        var fill = Color.FromHex(DiagramStyle.DownColor);
        var bars = new List<Bar>();
        var positions = new double[rows.Count];
        var labels = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            positions[i] = rows.Count - 1 - i;
            labels[i] = Clean(rows[i].Label);
            bars.Add(new Bar
            {
                Position = positions[i], ValueBase = 0, Value = rows[i].Probability, FillColor = fill, LineWidth = 0,
                Label = rows[i].Probability.ToString("0.#%", CultureInfo.InvariantCulture),
            });
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        var ticks = Enumerable.Range(0, 11).Select(t => t / 10.0).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks, [.. ticks.Select(t => t.ToString("0%", CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(0, 1.1);
        return new Chart(plot, options.Width, options.Height ?? Math.Max(300, 130 + (36 * rows.Count)));
    }
}
