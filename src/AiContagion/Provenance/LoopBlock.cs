using MathNet.Numerics.LinearAlgebra;

namespace AiContagion.Provenance;

/// <summary>
/// One loop's forward system <c>(I − Q_CC) Y_C = R_C</c> (<see cref="ProvenanceTracer"/>): the matrix entries over the
/// loop's members, and the right-hand side — each member's outside input as an origin mix — with one column per
/// distinct origin reaching the loop.
/// </summary>
/// <param name="Size">The members k.</param>
/// <param name="Entries">The matrix entries (row, column, value); repeated positions add up.</param>
/// <param name="RhsOrigins">Per member, the origins of its outside input.</param>
/// <param name="RhsValues">Per member, the shares of those origins.</param>
/// <param name="ColumnOf">Column of each origin.</param>
/// <param name="Columns">The distinct origins.</param>
internal sealed record LoopBlock(int Size, List<(int Row, int Column, double Value)> Entries, int[][] RhsOrigins, double[][] RhsValues, Dictionary<int, int> ColumnOf, int Columns)
{
    /// <summary>The right-hand side as a dense k × origins matrix.</summary>
    public Matrix<double> RightHandSide()
    {
        var b = Matrix<double>.Build.Dense(Size, Columns);
        for (var i = 0; i < Size; i++)
        {
            for (var e = 0; e < RhsOrigins[i].Length; e++)
            {
                b[i, ColumnOf[RhsOrigins[i][e]]] = RhsValues[i][e];
            }
        }

        return b;
    }
}
