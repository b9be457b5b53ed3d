namespace AiContagion.Reconstruction;

/// <summary>A way to estimate the links of a network from each entity's totals (<see cref="MaximumEntropyReconstruction"/>, <see cref="MinimumDensityReconstruction"/>, <see cref="EnsembleReconstruction"/>).</summary>
public interface INetworkReconstruction
{
    /// <summary>Which method this is.</summary>
    ReconstructionMethod Method { get; }

    /// <summary>The method's command-line name (<c>max-entropy</c>, <c>min-density</c>, <c>ensemble</c>).</summary>
    string Name { get; }

    /// <summary>Estimates the links.</summary>
    /// <param name="problem">The totals, known links and forbidden pairs.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The estimated links (every total met within the method's tolerance).</returns>
    /// <exception cref="ReconstructionInputException">The totals do not balance or cannot be met (see <see cref="ReconstructionProblem.Check"/>).</exception>
    /// <exception cref="ReconstructionConvergenceException">An iterative method stopped at its iteration cap.</exception>
    ReconstructionResult Estimate(ReconstructionProblem problem, CancellationToken cancellationToken = default);
}
