using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace AiContagion.Valuation;

/// <summary>
/// Solves <c>(I − A) y = e_j</c> for the columns asked, A the linear map of the valuation's regime at the fixed point
/// (<see cref="ValuationEngine.RegimeMatrix"/>): by one dense LU of the feedback block when it is small, else by
/// Gauss–Seidel per column on the CSR rows (each column costs about one valuation sweep per iteration).
/// </summary>
internal static class SensitivitySolver
{
    /// <summary>Above this a column is taken to diverge (a singular regime).</summary>
    private const double Divergence = 1e15;

    public static ValuationSensitivities Solve(CrossHoldingsValuation model, ValuationResult at, IReadOnlyList<int> columns, CancellationToken cancellationToken)
    {
        var engine = model.Engine;
        var options = model.Options;
        var network = model.Network;
        var n = engine.EntityCount;
        var values = at.Values;
        var regime = new int[n];
        var solvent = new bool[n];
        var scale = 1.0;
        for (var i = 0; i < n; i++)
        {
            // The right derivative: a value at a boundary up to rounding (1e-9 relative) is read in the regime above it.
            regime[i] = engine.Regime(i, values[i] + BoundarySlack(values[i], engine.Owed[i]));
            solvent[i] = regime[i] == engine.Solvent;
            scale = Math.Max(scale, values[i]);
        }

        var (boundary, margin) = Boundaries(engine, values, network);
        var (rowStart, column, coefficient) = engine.RegimeMatrix(regime);

        // The feedback block: the firms whose value some row depends on.
        var local = new int[n];
        Array.Fill(local, -1);
        var active = new List<int>();
        foreach (var j in column)
        {
            if (local[j] < 0)
            {
                local[j] = active.Count;
                active.Add(j);
            }
        }

        var dense = active.Count <= options.DenseSolveLimit && options.DenseSolveLimit > 0;
        var result = ImmutableArray.CreateBuilder<SensitivityColumn>(columns.Count);
        if (dense)
        {
            var k = active.Count;
            var matrix = Matrix<double>.Build.DenseIdentity(k);
            for (var a = 0; a < k; a++)
            {
                var i = active[a];
                for (var p = rowStart[i]; p < rowStart[i + 1]; p++)
                {
                    matrix[a, local[column[p]]] -= coefficient[p];
                }
            }

            var lu = k > 0 ? matrix.LU() : null;
            var regular = lu is null || ValuationEngine.IsRegular(lu);
            foreach (var j in columns)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var block = new double[k];
                var defined = true;
                if (local[j] >= 0)
                {
                    var unit = Vector<double>.Build.Dense(k);
                    unit[local[j]] = 1;
                    var solution = lu!.Solve(unit);
                    var residual = (matrix * solution) - unit;
                    defined = regular && solution.All(double.IsFinite) && solution.AbsoluteMaximum() < Divergence && residual.AbsoluteMaximum() < 1e-8 * Math.Max(1, solution.AbsoluteMaximum());
                    for (var a = 0; a < k; a++)
                    {
                        block[a] = solution[a];
                    }
                }

                var y = new double[n];
                if (defined)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var x = i == j ? 1.0 : 0.0;
                        for (var p = rowStart[i]; p < rowStart[i + 1]; p++)
                        {
                            x += coefficient[p] * block[local[column[p]]];
                        }

                        y[i] = x;
                    }
                }

                result.Add(new SensitivityColumn(network, network.Entities[j].Id, y, solvent, defined, 0));
            }
        }
        else
        {
            foreach (var j in columns)
            {
                var (y, defined, sweeps) = GaussSeidel(n, j, rowStart, column, coefficient, options, cancellationToken);
                result.Add(new SensitivityColumn(network, network.Entities[j].Id, y, solvent, defined, sweeps));
            }
        }

        return new ValuationSensitivities(at, result.MoveToImmutable(), boundary, margin, dense ? "dense-lu" : "gauss-seidel");
    }

    /// <summary>
    /// <c>y = e_j + A y</c> by Gauss–Seidel from 0: the iterates increase (A ≥ 0) to the solution when the regime is not
    /// singular; a column that passes 1e15 or the iteration cap is reported undefined.
    /// </summary>
    private static (double[] Y, bool Defined, int Sweeps) GaussSeidel(
        int n, int j, int[] rowStart, int[] column, double[] coefficient, ValuationOptions options, CancellationToken cancellationToken)
    {
        var y = new double[n];
        var sweeps = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var change = 0.0;
            var largest = 0.0;
            for (var i = 0; i < n; i++)
            {
                var x = i == j ? 1.0 : 0.0;
                for (int p = rowStart[i], end = rowStart[i + 1]; p < end; p++)
                {
                    x += coefficient[p] * y[column[p]];
                }

                change = Math.Max(change, Math.Abs(x - y[i]));
                largest = Math.Max(largest, Math.Abs(x));
                y[i] = x;
            }

            sweeps++;
            if (change <= options.Tolerance * Math.Max(1.0, largest))
            {
                return (y, true, sweeps);
            }

            if (largest > Divergence || sweeps >= options.MaxIterations)
            {
                return (y, false, sweeps);
            }
        }
    }

    /// <summary>How close to a boundary a value counts as on it: 1e-9 × max(1, value, owed).</summary>
    private static double BoundarySlack(double value, double owed) => 1e-9 * Math.Max(1.0, Math.Max(value, owed));

    /// <summary>
    /// The firms within <see cref="BoundarySlack"/> of a boundary (a layer's start or end above 0: where what they pay
    /// or their equity changes slope), and the smallest distance of any firm to one.
    /// </summary>
    private static (ImmutableArray<string> Boundary, double Margin) Boundaries(ValuationEngine engine, double[] values, Model.FinancingNetwork network)
    {
        var boundary = ImmutableArray.CreateBuilder<string>();
        var margin = double.PositiveInfinity;
        var layers = engine.LayerCount;
        for (var i = 0; i < values.Length; i++)
        {
            var distance = double.PositiveInfinity;
            for (var s = 0; s < layers; s++)
            {
                var slot = (i * layers) + s;
                var end = engine.LayerStart[slot] + engine.LayerOwed[slot];
                if (engine.LayerOwed[slot] > 0 && end > 0)
                {
                    distance = Math.Min(distance, Math.Abs(values[i] - end));
                }
            }

            margin = Math.Min(margin, distance);
            if (distance <= BoundarySlack(values[i], engine.Owed[i]))
            {
                boundary.Add(network.Entities[i].Id);
            }
        }

        return (boundary.ToImmutable(), margin);
    }
}
