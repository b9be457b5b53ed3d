using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>
/// NetworkRiskMeasures' capped impact matrix and its communicability, dense: <c>V_ij</c> = the impact of i's default on
/// j's capital, <c>min(1, X_ji / E_j)</c> with <c>X_ji</c> the sum of j's claim links on i (links j → i of claim kinds) and
/// <c>E_j</c> j's capital; binary: <c>1[X_ji / E_j ≥ 1]</c>. Capital ≤ 0 with an exposure: 1; unknown (+∞): 0.
/// </summary>
/// <remarks>
/// <para><b>Direction.</b> Row i lists whom i's default hits: the funders of i, against the claim links (docs/concepts.md#links).
/// NetworkRiskMeasures' <c>impact_matrix</c> (the transpose of its vulnerability matrix <c>X / buffer</c>, rows divided by
/// the holder's buffer). A network has no self-links, so the diagonal is 0.</para>
/// <para><b>Communicability</b> <c>C = e^V</c> by its Taylor series: V ≥ 0 entrywise, so every term is non-negative and
/// the sum is accurate to rounding without scaling; terms are added until one is below 1e-17 of the sum (after the
/// series passes its peak), exactly finite for a nilpotent V. Each term is a dense-times-sparse product: O(n · nnz(V)).</para>
/// </remarks>
internal sealed class ImpactMatrix
{
    private ImpactMatrix(int n, double[] dense)
    {
        Count = n;
        Dense = dense;
        RowStart = new int[n + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (dense[(i * n) + j] != 0)
                {
                    columns.Add(j);
                    values.Add(dense[(i * n) + j]);
                }
            }

            RowStart[i + 1] = columns.Count;
        }

        Column = [.. columns];
        Value = [.. values];
        for (var i = 0; i < n; i++)
        {
            LargestRowSum = Math.Max(LargestRowSum, OutDegree(i));
        }
    }

    /// <summary>‖V‖∞, the largest row sum: a bound on the spectral radius.</summary>
    public double LargestRowSum { get; }

    public int Count { get; }

    /// <summary>V row-major (n × n).</summary>
    public double[] Dense { get; }

    public int[] RowStart { get; }

    public int[] Column { get; }

    public double[] Value { get; }

    /// <summary>The largest number of entities the dense measures accept (a 2,000 × 2,000 matrix is 32 MB).</summary>
    public const int MaxEntities = 2000;

    public static ImpactMatrix Build(FinancingNetwork network, ImpactMeasureOptions options)
    {
        var index = network.Index;
        var n = index.EntityCount;
        if (n > MaxEntities)
        {
            throw new ArgumentException($"The impact measures use dense n × n matrices; the network has {n} entities, more than {MaxEntities}.", nameof(network));
        }

        var capital = BalanceSheet.Capital(index, options.Capital);
        var exposure = new double[n * n];
        for (var l = 0; l < index.LinkCount; l++)
        {
            if (index.Kind[l].IsClaim())
            {
                // Holder j = From has a claim on i = To: i's default hits j. V[i, j].
                exposure[(index.LinkTo[l] * n) + index.LinkFrom[l]] += index.Amount[l];
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var x = exposure[(i * n) + j];
                var e = capital[j];
                var impact = x <= 0 || double.IsPositiveInfinity(e) ? 0.0 : e <= 0 ? 1.0 : x / e;
                exposure[(i * n) + j] = options.Binary ? (impact >= 1 ? 1.0 : 0.0) : Math.Min(1.0, impact);
            }
        }

        return new ImpactMatrix(n, exposure);
    }

    /// <summary>Row sums of V (out-degree of the impact graph when binary).</summary>
    public double OutDegree(int i)
    {
        var sum = 0.0;
        for (var c = RowStart[i]; c < RowStart[i + 1]; c++)
        {
            sum += Value[c];
        }

        return sum;
    }

    /// <summary>Column sums of V (in-degree when binary).</summary>
    public double[] InDegrees()
    {
        var sums = new double[Count];
        for (var c = 0; c < Column.Length; c++)
        {
            sums[Column[c]] += Value[c];
        }

        return sums;
    }

    /// <summary>
    /// <c>e^V</c> (or its first <paramref name="terms"/> + 1 Taylor terms) with row <paramref name="skipRow"/> of V zeroed
    /// (−1: none), diagonal set to 0: NetworkRiskMeasures' communicability as its measures use it.
    /// </summary>
    public double[] Communicability(int? terms, int skipRow = -1, CancellationToken cancellationToken = default)
    {
        var n = Count;
        var sum = new double[n * n];
        var term = new double[n * n];
        var next = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            sum[(i * n) + i] = 1;
            term[(i * n) + i] = 1;
        }

        var limit = terms ?? int.MaxValue;
        for (var t = 1; t <= limit; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // next = term · V / t, V sparse by rows.
            Array.Clear(next);
            var largest = 0.0;
            for (var i = 0; i < n; i++)
            {
                var row = i * n;
                for (var k = 0; k < n; k++)
                {
                    var a = term[row + k];
                    if (a == 0 || k == skipRow)
                    {
                        continue;
                    }

                    for (var c = RowStart[k]; c < RowStart[k + 1]; c++)
                    {
                        next[row + Column[c]] += a * Value[c];
                    }
                }

                for (var j = 0; j < n; j++)
                {
                    next[row + j] /= t;
                    largest = Math.Max(largest, next[row + j]);
                }
            }

            var peak = 0.0;
            for (var x = 0; x < sum.Length; x++)
            {
                sum[x] += next[x];
                peak = Math.Max(peak, sum[x]);
            }

            (term, next) = (next, term);
            // Past t > ‖V‖∞ the terms shrink geometrically: stop when one is negligible.
            if (largest == 0 || (terms is null && t > LargestRowSum && largest <= 1e-17 * peak))
            {
                break;
            }
        }

        for (var i = 0; i < n; i++)
        {
            sum[(i * n) + i] = 0;
        }

        return sum;
    }

    /// <summary>The weight of each entity (0 for ids not named); <see langword="null"/> for unweighted.</summary>
    public static double[]? Weights(FinancingNetwork network, ImpactMeasureOptions options)
    {
        if (options.Weights is not { } given)
        {
            return null;
        }

        var weights = new double[network.EntityCount];
        foreach (var (id, value) in given)
        {
            var v = network.IndexOf(id);
            if (v < 0)
            {
                throw new ArgumentException($"The impact weights name '{id}', which is not an entity of the network.", nameof(options));
            }

            weights[v] = value;
        }

        return weights;
    }
}
