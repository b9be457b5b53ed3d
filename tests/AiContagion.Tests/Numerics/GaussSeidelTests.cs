using AiContagion.Numerics;

namespace AiContagion.Tests.Numerics;

[TestClass]
public sealed class GaussSeidelTests
{
    // x = b + C x with C = [[0, 1/2], [1/2, 0]], b = [1, 1]: the solution is x = [2, 2] ((I − C) x = b).
    // From x = [0, 0]: sweep 1 gives x0 = 1, x1 = 1 + 1/2 = 3/2; sweep 2 x0 = 1 + 3/4 = 7/4, x1 = 1 + 7/8 = 15/8;
    // each sweep quarters the error of x1 (2 − x1 = 1/2, 1/8, 1/32, ...).
    private static readonly int[] RowStart = [0, 1, 2];
    private static readonly int[] Column = [1, 0];
    private static readonly double[] Coefficient = [0.5, 0.5];
    private static readonly double[] Rhs = [1, 1];

    [TestMethod]
    public void TrySolve_TwoSweeps_HandComputed()
    {
        double[] x = [0, 0];

        var converged = GaussSeidel.TrySolve(RowStart, Column, Coefficient, Rhs, x, 1e-300, 1.0, 2, CancellationToken.None, out var sweeps, out var change);

        Assert.IsFalse(converged);
        Assert.AreEqual(2, sweeps);
        CollectionAssert.AreEqual(new[] { 7.0 / 4, 15.0 / 8 }, x);
        Assert.AreEqual(3.0 / 4, change, "sweep 2 moved x0 from 1 to 7/4");
    }

    [TestMethod]
    public void TrySolve_LeakingSystem_ConvergesToTheSolution()
    {
        double[] x = [0, 0];

        var converged = GaussSeidel.TrySolve(RowStart, Column, Coefficient, Rhs, x, 1e-14, 1.0, 1000, CancellationToken.None, out var sweeps, out var change);

        Assert.IsTrue(converged);
        Assert.AreEqual(2.0, x[0], 1e-13);
        Assert.AreEqual(2.0, x[1], 1e-13);
        Assert.IsLessThanOrEqualTo(1e-14 * 2.0 * (1 + 1e-12), change);
        Assert.IsLessThan(30, sweeps, "the error falls fourfold a sweep: about 24 sweeps to 1e-14");
    }

    [TestMethod]
    public void TrySolve_ZeroSweepsAllowed_NotConvergedAndUntouched()
    {
        double[] x = [5, 6];

        Assert.IsFalse(GaussSeidel.TrySolve(RowStart, Column, Coefficient, Rhs, x, 1e-14, 0.0, 0, CancellationToken.None, out var sweeps, out var change));

        Assert.AreEqual(0, sweeps);
        Assert.AreEqual(double.PositiveInfinity, change);
        CollectionAssert.AreEqual(new[] { 5.0, 6.0 }, x);
    }

    [TestMethod]
    public void TrySolve_Cancelled_Throws()
    {
        double[] x = [0, 0];
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => GaussSeidel.TrySolve(RowStart, Column, Coefficient, Rhs, x, 1e-14, 1.0, 10, source.Token, out _, out _));
    }
}
