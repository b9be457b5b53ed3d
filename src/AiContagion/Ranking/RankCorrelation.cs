using System.Globalization;

namespace AiContagion.Ranking;

/// <summary>
/// Agreement measures between two orderings: the top-k overlap and Kendall's τ-b with ties. <see cref="RankingStability"/>
/// applies them to withdrawal rankings; the definitions, the tie handling and the references are in its remarks.
/// </summary>
/// <remarks>
/// <para>τ-b is computed in O(n log n) by Knight's method: sort the pairs by (x, y), count the ties in x and the joint
/// ties, count the discordant pairs as the inversions of y in that order with a merge sort, then count the ties in y.
/// Pure functions; thread-safe.</para>
/// <para>References: M. G. Kendall (1945), "The treatment of ties in ranking problems", Biometrika 33(3), 239–251,
/// doi:10.1093/biomet/33.3.239; W. R. Knight (1966), "A computer method for calculating Kendall's tau with ungrouped
/// data", Journal of the American Statistical Association 61(314), 436–439, doi:10.1080/01621459.1966.10480879.</para>
/// </remarks>
internal static class RankCorrelation
{
    /// <summary>
    /// The top-k overlap of two orderings: the share of the first min(k, n) common items of one that are among the
    /// first min(k, n) common items of the other, n being the number of items both contain.
    /// </summary>
    /// <param name="a">The first ordering (distinct items, best first).</param>
    /// <param name="b">The second ordering.</param>
    /// <param name="k">k, at least 1.</param>
    /// <returns>The overlap in [0, 1], or NaN when the orderings share no item.</returns>
    /// <exception cref="ArgumentNullException">An ordering is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">An ordering repeats an item.</exception>
    public static double TopKOverlap(IReadOnlyList<string> a, IReadOnlyList<string> b, int k)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var inA = Distinct(a, nameof(a));
        var inB = Distinct(b, nameof(b));
        var commonA = a.Where(inB.Contains).ToList();
        if (commonA.Count == 0)
        {
            return double.NaN;
        }

        var kPrime = Math.Min(k, commonA.Count);
        var topB = b.Where(inA.Contains).Take(kPrime).ToHashSet(StringComparer.Ordinal);
        var shared = commonA.Take(kPrime).Count(topB.Contains);
        return (double)shared / kPrime;
    }

    /// <summary>
    /// Kendall's τ-b of two paired score lists (higher or lower first does not matter, as long as both lists use the
    /// same sense): <c>(n_c − n_d) / √((n₀ − n₁)(n₀ − n₂))</c>, equal scores being ties (see the type's remarks).
    /// </summary>
    /// <param name="x">The first scores.</param>
    /// <param name="y">The second scores, paired with <paramref name="x"/> by position.</param>
    /// <returns>τ-b in [−1, 1], or NaN when fewer than two pairs are given or either list is all ties.</returns>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The lists differ in length or hold a NaN.</exception>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The score lists differ in length ({x.Count} and {y.Count})."), nameof(y));
        }

        var n = x.Count;
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Score {i} is NaN."), double.IsNaN(x[i]) ? nameof(x) : nameof(y));
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        // Knight (1966): sort by (x, y); count ties in x and joint ties; count the inversions of y in that order by a
        // merge sort (each is a pair ordered one way by x and the other by y: a discordant pair); count ties in y.
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, j) => x[i] != x[j] ? x[i].CompareTo(x[j]) : y[i].CompareTo(y[j]));
        long tiedX = 0, tiedBoth = 0;
        for (int i = 0, j; i < n; i = j)
        {
            for (j = i + 1; j < n && x[order[j]] == x[order[i]]; j++)
            {
            }

            tiedX += (long)(j - i) * (j - i - 1) / 2;
        }

        for (int i = 0, j; i < n; i = j)
        {
            for (j = i + 1; j < n && x[order[j]] == x[order[i]] && y[order[j]] == y[order[i]]; j++)
            {
            }

            tiedBoth += (long)(j - i) * (j - i - 1) / 2;
        }

        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = y[order[i]];
        }

        var discordant = CountInversions(values, new double[n], 0, n);
        long tiedY = 0;
        for (int i = 0, j; i < n; i = j)
        {
            for (j = i + 1; j < n && values[j] == values[i]; j++)
            {
            }

            tiedY += (long)(j - i) * (j - i - 1) / 2;
        }

        var pairs = (long)n * (n - 1) / 2;
        var numerator = pairs - tiedX - tiedY + tiedBoth - (2 * discordant);
        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? double.NaN : Math.Clamp(numerator / denominator, -1.0, 1.0);
    }

    private static HashSet<string> Distinct(IReadOnlyList<string> items, string name)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, name);
            if (!set.Add(item))
            {
                throw new ArgumentException($"The ordering lists '{item}' twice.", name);
            }
        }

        return set;
    }

    /// <summary>Sorts values[start, end) ascending and returns how many pairs i &lt; j had values[i] &gt; values[j].</summary>
    private static long CountInversions(double[] values, double[] scratch, int start, int end)
    {
        if (end - start < 2)
        {
            return 0;
        }

        var middle = start + ((end - start) / 2);
        var count = CountInversions(values, scratch, start, middle) + CountInversions(values, scratch, middle, end);
        int left = start, right = middle, target = start;
        while (left < middle && right < end)
        {
            if (values[right] < values[left])
            {
                count += middle - left;
                scratch[target++] = values[right++];
            }
            else
            {
                scratch[target++] = values[left++];
            }
        }

        while (left < middle)
        {
            scratch[target++] = values[left++];
        }

        while (right < end)
        {
            scratch[target++] = values[right++];
        }

        Array.Copy(scratch, start, values, start, end - start);
        return count;
    }
}
