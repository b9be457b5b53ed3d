namespace AiContagion.Stress;

/// <summary>
/// The bins of a histogram: edges and counts. Chosen so small integer data (links down, entities failed) get
/// one bin per integer, and other data the Freedman–Diaconis width.
/// </summary>
/// <remarks>
/// <para>Rules, in order: with <c>binCount</c> given, that many equal bins from the minimum to the maximum;
/// when every value is an integer and max − min ≤ 60, one bin per integer, edges at k ± 0.5; otherwise the
/// Freedman–Diaconis width h = 2 · IQR · n^(−1/3) (IQR from linearly interpolated quartiles), the bin count
/// ⌈(max − min) / h⌉ clamped to [1, 200], falling back to Sturges' ⌈log₂ n⌉ + 1 bins when the IQR is 0. If all
/// values are equal there is one bin of width 1 centred on them. A value on an inner edge counts in the bin to
/// its right; the maximum counts in the last bin.</para>
/// <para>Freedman, D., Diaconis, P. (1981). On the histogram as a density estimator: L2 theory. Zeitschrift für
/// Wahrscheinlichkeitstheorie und verwandte Gebiete 57, 453–476. DOI 10.1007/BF01025868.</para>
/// <para>O(n log n) (a sort for the quartiles). Immutable, thread-safe.</para>
/// </remarks>
/// <param name="Edges">The bin edges, ascending; one more than the counts.</param>
/// <param name="Counts">How many values fall in each bin.</param>
public sealed record HistogramBins(double[] Edges, int[] Counts)
{
    /// <summary>Bins the values.</summary>
    /// <param name="values">The values; at least one, all finite.</param>
    /// <param name="binCount">The number of equal bins, or <see langword="null"/> to choose (see remarks).</param>
    /// <returns>The bins.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no value, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is below 1 or above 1,000.</exception>
    public static HistogramBins Compute(IReadOnlyList<double> values, int? binCount = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("There are no values to bin.", nameof(values));
        }

        if (binCount is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(requested, 1, nameof(binCount));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(requested, 1000, nameof(binCount));
        }

        var sorted = values.ToArray();
        foreach (var value in sorted)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("Every value must be finite.", nameof(values));
            }
        }

        Array.Sort(sorted);
        var min = sorted[0];
        var max = sorted[^1];
        double start;
        double width;
        int count;
        if (max == min)
        {
            (start, width, count) = binCount is { } bins ? (min - 0.5, 1.0 / bins, bins) : (min - 0.5, 1.0, 1);
        }
        else if (binCount is { } bins)
        {
            (start, width, count) = (min, (max - min) / bins, bins);
        }
        else if (max - min <= 60 && sorted.All(v => v == Math.Floor(v)))
        {
            (start, width, count) = (min - 0.5, 1.0, (int)(max - min) + 1);
        }
        else
        {
            var iqr = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
            count = iqr > 0
                ? (int)Math.Clamp(Math.Ceiling((max - min) / (2 * iqr * Math.Pow(sorted.Length, -1.0 / 3))), 1, 200)
                : (int)Math.Ceiling(Math.Log2(sorted.Length)) + 1;
            (start, width) = (min, (max - min) / count);
        }

        var edges = new double[count + 1];
        for (var b = 0; b <= count; b++)
        {
            edges[b] = start + (b * width);
        }

        var counts = new int[count];
        foreach (var value in sorted)
        {
            counts[Math.Clamp((int)Math.Floor((value - start) / width), 0, count - 1)]++;
        }

        return new HistogramBins(edges, counts);
    }

    /// <summary>The q-quantile of sorted values by linear interpolation between order statistics (Hyndman–Fan type 7).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
