using System.Globalization;
using ScottPlot;

namespace AiContagion.Export;

public sealed partial class Chart
{
    /// <summary>
    /// Rank intervals under uncertainty, first row on top: for each candidate source, a bar spanning its rank interval
    /// (rank 1 at the left), a diamond at its rank with the amounts as stated, and its probability of ranking first
    /// written at the end of the bar (<c>P(first) 62%</c>).
    /// </summary>
    /// <param name="rows">The rows in the order to draw (usually by probability of ranking first).</param>
    /// <param name="options">Title (default "Rank under uncertain amounts: 5–95 % interval"), axis label (default "rank (1 = most links down)") and size (height 36 pixels per row, at least 300).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/>, a row or a label is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rank is below 1, an interval ends before it starts, a probability is outside [0, 1], or an option is out of range.</exception>
    public static Chart RankIntervals(IReadOnlyList<RankIntervalChartRow> rows, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("There are no rank intervals to draw.", nameof(rows));
        }

        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            ArgumentNullException.ThrowIfNull(row.Label, nameof(rows));
            ArgumentOutOfRangeException.ThrowIfLessThan(row.RankLow, 1, nameof(rows));
            ArgumentOutOfRangeException.ThrowIfLessThan(row.RankHigh, row.RankLow, nameof(rows));
            if (row.NominalRank is { } nominal)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(nominal, 1, nameof(rows));
            }

            if (!(row.PFirst is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row.PFirst, $"The probability of '{row.Label}' must be in [0, 1].");
            }
        }

        options ??= ChartOptions.Default;
        var plot = NewPlot(options, "Rank under uncertain amounts: 5–95 % interval", "rank (1 = most links down)", "");
        var fill = Color.FromHex(DiagramStyle.DirectColor);
        var bars = new List<Bar>();
        var positions = new double[rows.Count];
        var labels = new string[rows.Count];
        var nominalX = new List<double>();
        var nominalY = new List<double>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            positions[i] = rows.Count - 1 - i;
            labels[i] = Clean(row.Label);
            bars.Add(new Bar
            {
                Position = positions[i], ValueBase = row.RankLow - 0.4, Value = row.RankHigh + 0.4, FillColor = fill.WithAlpha(0.6), LineWidth = 0,
                Label = "P(first) " + row.PFirst.ToString("0.#%", CultureInfo.InvariantCulture),
            });
            if (row.NominalRank is { } nominal)
            {
                nominalX.Add(nominal);
                nominalY.Add(positions[i]);
            }
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 12;
        if (nominalX.Count > 0)
        {
            var markers = plot.Add.Markers(nominalX.ToArray(), nominalY.ToArray(), MarkerShape.FilledDiamond, 10, Colors.Black);
            markers.LegendText = "rank with the stated amounts";
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "5 %–95 % of the draws", FillColor = fill.WithAlpha(0.6) });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var highest = rows.Max(r => Math.Max(r.RankHigh, r.NominalRank ?? 1));
        plot.Axes.SetLimits(0.4, highest + 0.6 + Math.Max(1.5, 0.3 * highest), -0.6, rows.Count - 0.4);
        return new Chart(plot, options.Width, options.Height ?? Math.Max(300, 130 + (36 * rows.Count)));
    }
}
