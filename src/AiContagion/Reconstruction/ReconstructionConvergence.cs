using System.Collections.Immutable;

namespace AiContagion.Reconstruction;

/// <summary>How a reconstruction ended: iterations, how far the links' sums are from the totals, and each iteration's progress.</summary>
/// <param name="Converged">Whether every total is met within <see cref="Tolerance"/> × the problem's total. Always <see langword="true"/> in a result a method returns; <see langword="false"/> only in the result a <see cref="ReconstructionConvergenceException"/> carries.</param>
/// <param name="Iterations">RAS: row-and-column sweeps; minimum density: proposals (NetworkRiskMeasures' iterations); ensemble: Gibbs steps (burn-in included). 0 when the solution is forced (see docs/reconstruction.md).</param>
/// <param name="MaxRowResidual">The largest |payer's total − sum of its links|, in the network's unit.</param>
/// <param name="MaxColumnResidual">The largest |recipient's total − sum of its links|, in the network's unit.</param>
/// <param name="Tolerance">The relative tolerance the method stopped at (the residuals are compared with it × the total).</param>
/// <param name="History">
/// Per iteration: for maximum entropy, the L1 error Σ|column total − column sum| + Σ|row total − row sum| after the
/// column step (NetworkRiskMeasures' "abs error"); for minimum density, the share of the total allocated (its "total
/// allocated", 0 to 1); for the ensemble, the number of links in each retained sample (a mixing diagnostic).
/// </param>
public sealed record ReconstructionConvergence(
    bool Converged,
    int Iterations,
    double MaxRowResidual,
    double MaxColumnResidual,
    double Tolerance,
    ImmutableArray<double> History);
