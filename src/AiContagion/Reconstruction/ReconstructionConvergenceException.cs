using System.Globalization;
using AiContagion.Numerics;

namespace AiContagion.Reconstruction;

/// <summary>
/// An iterative reconstruction (RAS, the minimum-density search) stopped at its iteration cap before meeting every
/// total within its tolerance: the links would be wrong, so none are returned. The unconverged result is attached
/// (<see cref="Result"/>, with <see cref="ReconstructionConvergence.Converged"/> = <see langword="false"/>).
/// </summary>
/// <remarks>
/// The library's convention for non-convergence (docs/architecture.md): a family's own subclass of
/// <see cref="ConvergenceException"/> carrying the algorithm (<c>max-entropy</c>, <c>min-density</c>, <c>ensemble</c>),
/// the iterations and the last residual (the largest gap between a total and its links), plus the unconverged result.
/// </remarks>
public sealed class ReconstructionConvergenceException : ConvergenceException
{
    /// <summary>Creates the exception.</summary>
    public ReconstructionConvergenceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What did not converge.</param>
    public ReconstructionConvergenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What did not converge.</param>
    /// <param name="innerException">The cause.</param>
    public ReconstructionConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an unconverged result.</summary>
    /// <param name="result">The state the method stopped in.</param>
    public ReconstructionConvergenceException(ReconstructionResult result)
        : base(
            Describe(result ?? throw new ArgumentNullException(nameof(result))),
            result.MethodName,
            result.Convergence.Iterations,
            Math.Max(result.Convergence.MaxRowResidual, result.Convergence.MaxColumnResidual))
    {
        Result = result;
    }

    /// <summary>The state the method stopped in, when known.</summary>
    public ReconstructionResult? Result { get; }

    private static string Describe(ReconstructionResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"The {result.MethodName} reconstruction did not converge in {result.Convergence.Iterations} iterations (largest gap between a total and its links {Math.Max(result.Convergence.MaxRowResidual, result.Convergence.MaxColumnResidual):G6}, tolerance {result.Convergence.Tolerance:G6}); raise the iteration limit or check the totals.");
}
