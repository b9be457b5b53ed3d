using System.Globalization;

namespace AiContagion.Valuation;

/// <summary>How a <see cref="ValuationResult"/> was reached: the method, the sweeps, the final residual.</summary>
/// <param name="Method">
/// <c>gauss-seidel-from-above</c> (the iteration met its tolerance), with <c>+regime-leap</c> when it leapt through a
/// regime whose fixed point lay outside it, and <c>+exact-regime</c> when the exact regime step ended it (the values
/// then solve the fixed-point equations up to rounding).
/// </param>
/// <param name="Iterations">The sweeps done, the upper bound's included.</param>
/// <param name="Residual">The largest <c>|Φ(V) − V|</c> at the result: how far it is from solving the equations, in the network's unit.</param>
/// <param name="Exact">Whether the exact regime step ended the iteration.</param>
public sealed record ValuationConvergence(string Method, int Iterations, double Residual, bool Exact)
{
    /// <summary>A one-line description, invariant culture.</summary>
    /// <returns>Such as <c>gauss-seidel-from-above+exact-regime, 3 sweeps, residual 1.1E-16</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method}, {Iterations} sweeps, residual {Residual:G3}");
}
