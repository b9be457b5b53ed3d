namespace AiContagion.Numerics;

/// <summary>
/// Gauss–Seidel sweeps for a fixed-point linear system <c>x = b + C x</c> whose matrix C is held as compact rows
/// (CSR: row a's entries are <c>RowStart[a] .. RowStart[a + 1] − 1</c> of <c>Column</c> and <c>Coefficient</c>). The
/// one loop behind the clearing engine's large defaulter systems and provenance's per-target loop solves.
/// </summary>
/// <remarks>
/// <para>Each sweep updates <c>x_a ← b_a + Σ_e C[a, Column[e]] · x_Column[e]</c> in row order, in place (so later rows
/// see this sweep's values), and each row's sum runs in its entry order: results are deterministic. The sweeps stop
/// when the largest change of a sweep is at most <c>tolerance × max(scaleFloor, max_a |x_a|)</c>, both measured during
/// that sweep.</para>
/// <para>Convergence is guaranteed when <c>I − C</c> is a non-singular M-matrix (C ≥ 0 with a leak: every row sum ≤ 1
/// and every entity reaches a row with sum &lt; 1), which both callers' systems are: the defaulters of a clearing
/// round pay a share β ≤ 1 of what they receive, and a provenance loop with outside input leaks to it.</para>
/// <para>Complexity: O(nnz + rows) per sweep. Thread safety: stateless; the arrays are the caller's.</para>
/// </remarks>
internal static class GaussSeidel
{
    /// <summary>How often, in sweeps, cancellation is checked.</summary>
    private const int CancellationInterval = 16;

    /// <summary>Sweeps <paramref name="x"/> (the start on entry, the solution on success) until it converges or <paramref name="maxSweeps"/> is reached.</summary>
    /// <param name="rowStart">Row starts, length rows + 1.</param>
    /// <param name="column">Column of each entry.</param>
    /// <param name="coefficient">Coefficient of each entry.</param>
    /// <param name="rhs">The constant term b, one per row.</param>
    /// <param name="x">The start on entry; on return, the last sweep's values.</param>
    /// <param name="tolerance">Relative tolerance on the largest change of a sweep.</param>
    /// <param name="scaleFloor">The least scale the tolerance is relative to (1 for amounts, 0 for pure ratios).</param>
    /// <param name="maxSweeps">The most sweeps.</param>
    /// <param name="cancellationToken">Checked every 16 sweeps.</param>
    /// <param name="sweeps">The sweeps made.</param>
    /// <param name="change">The largest change of the last sweep (∞ when no sweep was made).</param>
    /// <returns>Whether the sweeps converged.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static bool TrySolve(
        int[] rowStart,
        int[] column,
        double[] coefficient,
        double[] rhs,
        double[] x,
        double tolerance,
        double scaleFloor,
        int maxSweeps,
        CancellationToken cancellationToken,
        out int sweeps,
        out double change)
    {
        var rows = rhs.Length;
        change = double.PositiveInfinity;
        for (sweeps = 0; sweeps < maxSweeps;)
        {
            if (sweeps % CancellationInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            change = 0.0;
            var size = scaleFloor;
            for (var a = 0; a < rows; a++)
            {
                var sum = rhs[a];
                for (var e = rowStart[a]; e < rowStart[a + 1]; e++)
                {
                    sum += coefficient[e] * x[column[e]];
                }

                change = Math.Max(change, Math.Abs(sum - x[a]));
                size = Math.Max(size, Math.Abs(sum));
                x[a] = sum;
            }

            sweeps++;
            if (change <= tolerance * size)
            {
                return true;
            }
        }

        return false;
    }
}
