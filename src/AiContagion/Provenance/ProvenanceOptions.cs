namespace AiContagion.Provenance;

/// <summary>Options of <see cref="MoneyProvenance"/>.</summary>
public sealed record ProvenanceOptions
{
    /// <summary>The default options: every entity, dense solves up to 2,000 entities per loop.</summary>
    public static ProvenanceOptions Default { get; } = new();

    /// <summary>
    /// Ids of the entities to trace; <see langword="null"/> (default) traces every entity. Only the entities whose
    /// money can reach a target are visited, so tracing a few targets on a large graph is cheap.
    /// </summary>
    public IReadOnlyCollection<string>? Targets { get; init; }

    /// <summary>
    /// Loops (strongly connected groups of entities) up to this size are solved by a dense LU factorisation; larger
    /// ones by a sparse iterative solve (MathNet's ML(k)-BiCGStab with ILU(0)). Default 2,000.
    /// </summary>
    public int DenseLoopLimit { get; init; } = 2000;

    /// <summary>Relative residual at which the sparse iterative solve stops. Default 1e-14.</summary>
    public double SolverTolerance { get; init; } = 1e-14;

    /// <summary>Iteration cap of the sparse solve; reaching it is an error (<see cref="ProvenanceSolveException"/>). Default 10,000.</summary>
    public int MaxSolverIterations { get; init; } = 10_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(DenseLoopLimit, nameof(DenseLoopLimit));
        if (!(SolverTolerance > 0 && SolverTolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SolverTolerance), SolverTolerance, "SolverTolerance must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSolverIterations, nameof(MaxSolverIterations));
    }
}
