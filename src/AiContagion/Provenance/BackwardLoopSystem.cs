using System.Globalization;
using AiContagion.Numerics;

namespace AiContagion.Provenance;

/// <summary>
/// A loop's transposed system <c>z_v = b_v + Σ_{w in loop, v pays w} (a_vw / I_w) z_w</c> as a compact CSR, solved by
/// Gauss–Seidel in place (the loop leaks, so its matrix is a non-singular M-matrix and the sweeps converge).
/// </summary>
internal sealed class BackwardLoopSystem
{
    private readonly int[] _members;
    private readonly int[] _rowStart;
    private readonly int[] _column;
    private readonly double[] _coefficient;

    private BackwardLoopSystem(int[] members, int[] rowStart, int[] column, double[] coefficient)
    {
        _members = members;
        _rowStart = rowStart;
        _column = column;
        _coefficient = coefficient;
    }

    public static BackwardLoopSystem Build(ProvenanceTracer tracer, int[] members, int[] local)
    {
        var index = tracer.Index;
        for (var i = 0; i < members.Length; i++)
        {
            local[members[i]] = i;
        }

        var rowStart = new int[members.Length + 1];
        var column = new List<int>();
        var coefficient = new List<double>();
        for (var i = 0; i < members.Length; i++)
        {
            foreach (var l in index.LinksOutOf(members[i]))
            {
                var a = index.Amount[l];
                var w = index.LinkTo[l];
                if (a > 0 && local[w] >= 0)
                {
                    column.Add(local[w]);
                    coefficient.Add(a / tracer.Inflow(w));
                }
            }

            rowStart[i + 1] = column.Count;
        }

        foreach (var v in members)
        {
            local[v] = -1;
        }

        return new BackwardLoopSystem(members, rowStart, [.. column], [.. coefficient]);
    }

    public void Solve(ProvenanceTracer tracer, double[] visits)
    {
        var k = _members.Length;
        var rhs = new double[k];
        var z = new double[k];
        for (var i = 0; i < k; i++)
        {
            rhs[i] = z[i] = visits[_members[i]];
        }

        var tolerance = tracer.Options.SolverTolerance;
        if (!GaussSeidel.TrySolve(_rowStart, _column, _coefficient, rhs, z, tolerance, scaleFloor: 0.0, tracer.Options.MaxSolverIterations, tracer.CancellationToken, out var sweeps, out var change))
        {
            throw new ProvenanceSolveException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The backward solve for a loop of {k} entities did not converge in {tracer.Options.MaxSolverIterations} sweeps (tolerance {tolerance})."),
                "provenance backward solve (Gauss–Seidel)",
                sweeps,
                change);
        }

        for (var i = 0; i < k; i++)
        {
            visits[_members[i]] = z[i];
        }
    }
}
