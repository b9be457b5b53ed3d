using System.Globalization;

namespace AiContagion.Stress;

/// <summary>
/// Summary statistics of one Monte Carlo measure (links down, amount down, entities failed, ...): mean and its
/// standard error, quantiles, and expected shortfall.
/// </summary>
/// <remarks>
/// <para><b>Definitions</b>, for N values <c>x_(1) ≤ … ≤ x_(N)</c>:</para>
/// <list type="bullet">
/// <item>Mean: the sum in trial order (compensated, Neumaier) over N. Standard deviation: the sample one
/// (N − 1 in the denominator; 0 when N = 1). Standard error of the mean: sd / √N.</item>
/// <item>Quantile q_α: the empirical inverse distribution function (Hyndman &amp; Fan 1996 type 1),
/// <c>x_(⌈αN⌉)</c>, the smallest observed value v with at least a share α of values ≤ v. Always an observed value
/// (a whole number of links for counts), never interpolated.</item>
/// <item>Expected shortfall ES_α: the mean of the worst share 1 − α of the trials (Acerbi &amp; Tasche 2002), with
/// k = (1 − α)N: <c>(x_(N) + … + x_(N−⌊k⌋+1) + (k − ⌊k⌋) · x_(N−⌊k⌋)) / k</c>. When k is a whole number it is the mean of the
/// k largest values; a fractional k weighs the next value by its fraction; when k &lt; 1 it is the maximum. Ties
/// need no rule: equal values are interchangeable in the sorted order. ES_α ≥ q_α always.</item>
/// </list>
/// <para>Products αN and (1 − α)N are rounded to 9 decimals first so that 0.95 × 1,000 is 950, not 950.0000000000001.</para>
/// <para>Hyndman, R. J. &amp; Fan, Y. (1996), "Sample quantiles in statistical packages", The American Statistician 50(4),
/// 361–365, doi:10.1080/00031305.1996.10473566. Acerbi, C. &amp; Tasche, D. (2002), "On the coherence of expected
/// shortfall", Journal of Banking &amp; Finance 26(7), 1487–1503, doi:10.1016/S0378-4266(02)00283-2.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Count">Number of values N.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation.</param>
/// <param name="StandardError">The standard error of the mean, sd / √N.</param>
/// <param name="Minimum">The smallest value.</param>
/// <param name="P50">The median q_0.5.</param>
/// <param name="P90">q_0.9.</param>
/// <param name="P95">q_0.95.</param>
/// <param name="P99">q_0.99.</param>
/// <param name="Es95">Expected shortfall at 95 %: the mean of the worst 5 %.</param>
/// <param name="Es99">Expected shortfall at 99 %: the mean of the worst 1 %.</param>
/// <param name="Maximum">The largest value.</param>
public sealed record StressStatistics(
    int Count,
    double Mean,
    double StandardDeviation,
    double StandardError,
    double Minimum,
    double P50,
    double P90,
    double P95,
    double P99,
    double Es95,
    double Es99,
    double Maximum)
{
    /// <summary>Computes the statistics of values given in trial order.</summary>
    /// <param name="values">The values; at least one, all finite.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">There is no value, or one is NaN or infinite.</exception>
    public static StressStatistics Compute(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("There are no values.", nameof(values));
        }

        var sorted = new double[values.Count];
        double sum = 0, compensation = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var x = values[i];
            if (!double.IsFinite(x))
            {
                throw new ArgumentException("Every value must be finite.", nameof(values));
            }

            sorted[i] = x;
            var t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        var n = sorted.Length;
        var mean = (sum + compensation) / n;
        double squares = 0, squaresCompensation = 0;
        foreach (var x in values)
        {
            var d = (x - mean) * (x - mean);
            var t = squares + d;
            squaresCompensation += squares >= d ? (squares - t) + d : (d - t) + squares;
            squares = t;
        }

        var sd = n > 1 ? Math.Sqrt((squares + squaresCompensation) / (n - 1)) : 0.0;
        Array.Sort(sorted);
        return new StressStatistics(
            n,
            mean,
            sd,
            sd / Math.Sqrt(n),
            sorted[0],
            Quantile(sorted, 0.50),
            Quantile(sorted, 0.90),
            Quantile(sorted, 0.95),
            Quantile(sorted, 0.99),
            ExpectedShortfall(sorted, 0.95),
            ExpectedShortfall(sorted, 0.99),
            sorted[^1]);
    }

    /// <summary>The empirical quantile x_(⌈αN⌉) of values sorted ascending (see remarks of <see cref="StressStatistics"/>).</summary>
    /// <param name="sorted">The values, ascending; at least one.</param>
    /// <param name="level">α in (0, 1].</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentException">No value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">α outside (0, 1].</exception>
    public static double Quantile(IReadOnlyList<double> sorted, double level)
    {
        Check(sorted, level);
        var rank = (int)Math.Ceiling(Math.Round(level * sorted.Count, 9));
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>The expected shortfall ES_α of values sorted ascending: the mean of the worst share 1 − α (see remarks).</summary>
    /// <param name="sorted">The values, ascending; at least one.</param>
    /// <param name="level">α in (0, 1); α → 1 gives the maximum.</param>
    /// <returns>The expected shortfall.</returns>
    /// <exception cref="ArgumentException">No value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">α outside (0, 1].</exception>
    public static double ExpectedShortfall(IReadOnlyList<double> sorted, double level)
    {
        Check(sorted, level);
        var n = sorted.Count;
        var k = Math.Round((1 - level) * n, 9);
        if (k < 1)
        {
            return sorted[n - 1];
        }

        var whole = (int)Math.Floor(k);
        double sum = 0;
        for (var i = 0; i < whole; i++)
        {
            sum += sorted[n - 1 - i];
        }

        var fraction = k - whole;
        if (fraction > 0)
        {
            sum += fraction * sorted[n - 1 - whole];
        }

        return sum / k;
    }

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"mean {Mean:G6} ± {StandardError:G3}, p50 {P50:G6}, p95 {P95:G6}, p99 {P99:G6}, ES95 {Es95:G6}, ES99 {Es99:G6}");

    private static void Check(IReadOnlyList<double> sorted, double level)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("There are no values.", nameof(sorted));
        }

        if (!(level > 0 && level <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie in (0, 1].");
        }
    }
}
