using System.Globalization;
using AiContagion.Stress;
using ScottPlot;

namespace AiContagion.Export;

public sealed partial class Chart
{
    /// <summary>
    /// A histogram of values (e.g. links down in each Monte Carlo run), with optional vertical markers for the
    /// mean, quantiles or expected shortfall.
    /// </summary>
    /// <param name="values">The values; at least one, all finite.</param>
    /// <param name="markers">Values to mark with a vertical line and a legend entry (e.g. mean, 95% quantile); optional.</param>
    /// <param name="binCount">The number of bins; <see langword="null"/> chooses (see <see cref="HistogramBins"/>: unit bins for small integer ranges, else Freedman–Diaconis).</param>
    /// <param name="options">Title (default "Distribution"), axis labels (default "value", "runs") and size (default height 500).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or a marker is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no value, or a value or marker is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is below 1 or above 1,000, or an option is out of range.</exception>
    public static Chart Distribution(IReadOnlyList<double> values, IReadOnlyList<ChartMarker>? markers = null, int? binCount = null, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        markers ??= [];
        foreach (var marker in markers)
        {
            ArgumentNullException.ThrowIfNull(marker, nameof(markers));
            ArgumentNullException.ThrowIfNull(marker.Label, nameof(markers));
            if (!double.IsFinite(marker.Value))
            {
                throw new ArgumentException($"The marker '{marker.Label}' must have a finite value.", nameof(markers));
            }
        }

        var bins = HistogramBins.Compute(values, binCount);
        options ??= ChartOptions.Default;
        var plot = NewPlot(options, "Distribution", "value", "runs");
        var fill = Color.FromHex(DiagramStyle.DirectColor);
        var bars = new List<Bar>(bins.Counts.Length);
        for (var b = 0; b < bins.Counts.Length; b++)
        {
            bars.Add(new Bar
            {
                Position = (bins.Edges[b] + bins.Edges[b + 1]) / 2,
                Size = bins.Edges[b + 1] - bins.Edges[b],
                ValueBase = 0,
                Value = bins.Counts[b],
                FillColor = fill,
                LineColor = Colors.White,
                LineWidth = bins.Counts.Length > 80 ? 0 : 1,
            });
        }

        plot.Add.Bars(bars);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(bottom: 0);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < markers.Count; i++)
        {
            var line = plot.Add.VerticalLine(markers[i].Value, 2, palette.GetColor(i + 1), LinePattern.Dashed);
            line.LegendText = Clean(markers[i].Label) + " = " + markers[i].Value.ToString("G4", CultureInfo.InvariantCulture);
        }

        if (markers.Count > 0)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        return new Chart(plot, options.Width, options.Height ?? 500);
    }
}
