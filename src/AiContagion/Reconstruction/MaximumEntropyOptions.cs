namespace AiContagion.Reconstruction;

/// <summary>Options of <see cref="MaximumEntropyReconstruction"/>.</summary>
public sealed record MaximumEntropyOptions
{
    /// <summary>
    /// The stopping rule: every row and column sum within this × the total of its target (default 1e-12, so that
    /// totals are met to about 1e-12 of the network's total). NetworkRiskMeasures stops at an absolute L1 error of
    /// 1e-3, after 4 iterations on its example; its values then differ from the converged ones in the fourth decimal.
    /// </summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>The most row-and-column sweeps (default 10,000); past it the run throws <see cref="ReconstructionConvergenceException"/>.</summary>
    public int MaxIterations { get; init; } = 10_000;

    internal void Validate()
    {
        if (!(Tolerance is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must lie in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations, nameof(MaxIterations));
    }
}
