using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;

namespace AiContagion.Provenance;

/// <summary>
/// A loop's forward system solved column by column (one per origin) by sparse ML(k)-BiCGStab with an ILU(0)
/// preconditioner (Yeung &amp; Chan 1999, doi:10.1137/S1064827597321581), for loops above
/// <see cref="ProvenanceOptions.DenseLoopLimit"/> members. A column that does not converge (or whose Krylov space
/// breaks down) sends the whole loop to <see cref="DenseLoopSolver"/> when it has at most
/// <see cref="DenseFallbackLimit"/> members; larger loops throw <see cref="ProvenanceSolveException"/>.
/// </summary>
internal static class SparseLoopSolver
{
    /// <summary>A sparse solve that breaks down falls back to dense LU up to this loop size (200 MB).</summary>
    public const int DenseFallbackLimit = 5000;

    /// <summary>Solves the block.</summary>
    /// <param name="block">The loop's system.</param>
    /// <param name="options">Tolerance and iteration limit.</param>
    /// <param name="cancellationToken">Checked between columns and by the solver.</param>
    /// <returns>Y_C: one row per member, one column per origin.</returns>
    /// <exception cref="ProvenanceSolveException">A column did not converge and the loop is too large for the dense fallback.</exception>
    public static Matrix<double> Solve(LoopBlock block, ProvenanceOptions options, CancellationToken cancellationToken)
    {
        var k = block.Size;
        var a = Matrix<double>.Build.SparseOfIndexed(k, k, block.Entries.Select(e => new Tuple<int, int, double>(e.Row, e.Column, e.Value)));
        var b = block.RightHandSide();
        var result = Matrix<double>.Build.Dense(k, block.Columns);
        var solver = new MlkBiCgStab();
        for (var c = 0; c < block.Columns; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var iterator = new Iterator<double>(
                new IterationCountStopCriterion<double>(options.MaxSolverIterations),
                new ResidualStopCriterion<double>(options.SolverTolerance),
                new FailureStopCriterion<double>(),
                new CancellationStopCriterion<double>(cancellationToken));
            var x = Vector<double>.Build.Dense(k);
            var status = IterationStatus.Failure;
            try
            {
                solver.Solve(a, b.Column(c), x, iterator, new ILU0Preconditioner());
                status = iterator.Status;
            }
            catch (MathNet.Numerics.NumericalBreakdownException)
            {
                // Krylov breakdown (seen on very small loops whose Krylov space is exhausted): fall back below.
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (status != IterationStatus.Converged)
            {
                if (k <= DenseFallbackLimit)
                {
                    return DenseLoopSolver.Solve(block);
                }

                throw new ProvenanceSolveException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The sparse solve for a loop of {k} entities stopped with status {status} (tolerance {options.SolverTolerance}, at most {options.MaxSolverIterations} iterations)."));
            }

            result.SetColumn(c, x);
        }

        return result;
    }
}
