using System.Globalization;

namespace AiContagion.Reconstruction;

/// <summary>
/// An iterative reconstruction (RAS, the minimum-density search) stopped at its iteration cap before meeting every
/// total within its tolerance: the links would be wrong, so none are returned. The unconverged result is attached
/// (<see cref="Result"/>, with <see cref="ReconstructionConvergence.Converged"/> = <see langword="false"/>).
/// </summary>
/// <remarks>
/// The library's convention for non-convergence: a family's own exception carrying the algorithm, the iterations
/// and the last residual (as <c>AiContagion.Cascades.CascadeConvergenceException</c> does), derived from
/// <see cref="ArithmeticException"/>. This family depends on the model layer only, so it does not reuse the cascade
/// family's type.
/// </remarks>
public sealed class ReconstructionConvergenceException : ArithmeticException
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
        : base(Describe(result ?? throw new ArgumentNullException(nameof(result))))
    {
        Result = result;
        Algorithm = result.MethodName;
        Iterations = result.Convergence.Iterations;
        Residual = Math.Max(result.Convergence.MaxRowResidual, result.Convergence.MaxColumnResidual);
    }

    /// <summary>The method that did not converge (<c>max-entropy</c>, <c>min-density</c>), when known.</summary>
    public string? Algorithm { get; }

    /// <summary>The iterations done (0 when unknown).</summary>
    public int Iterations { get; }

    /// <summary>The largest gap between a total and its links' sum when the method stopped; <see cref="double.NaN"/> when unknown.</summary>
    public double Residual { get; } = double.NaN;

    /// <summary>The state the method stopped in, when known.</summary>
    public ReconstructionResult? Result { get; }

    private static string Describe(ReconstructionResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"The {result.MethodName} reconstruction did not converge in {result.Convergence.Iterations} iterations (largest gap between a total and its links {Math.Max(result.Convergence.MaxRowResidual, result.Convergence.MaxColumnResidual):G6}, tolerance {result.Convergence.Tolerance:G6}); raise the iteration limit or check the totals.");
}
