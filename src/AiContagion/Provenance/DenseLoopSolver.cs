using MathNet.Numerics.LinearAlgebra;

namespace AiContagion.Provenance;

/// <summary>
/// A loop's forward system solved by dense LU (MathNet.Numerics): every origin column at once, O(k³ + k² · origins).
/// Used up to <see cref="ProvenanceOptions.DenseLoopLimit"/> members, and as the fallback of
/// <see cref="SparseLoopSolver"/> when its Krylov solve breaks down on a loop small enough.
/// </summary>
internal static class DenseLoopSolver
{
    /// <summary>Solves the block.</summary>
    /// <param name="block">The loop's system.</param>
    /// <returns>Y_C: one row per member, one column per origin.</returns>
    public static Matrix<double> Solve(LoopBlock block)
    {
        var a = Matrix<double>.Build.Dense(block.Size, block.Size);
        foreach (var (row, column, value) in block.Entries)
        {
            a[row, column] += value;
        }

        return a.LU().Solve(block.RightHandSide());
    }
}
