namespace AiContagion.Valuation;

/// <summary>
/// The cross-holdings valuation (or one of its sensitivity solves) stopped at its iteration cap before meeting its
/// tolerance: its answer would be wrong, so none is returned.
/// </summary>
/// <remarks>
/// Shaped as the library's other convergence errors (<c>CascadeConvergenceException</c>,
/// <c>CentralityConvergenceException</c>): the algorithm, the iterations done and the last change. An
/// <see cref="ArithmeticException"/>, as the BCL files a computation that cannot produce a valid number.
/// </remarks>
public sealed class ValuationConvergenceException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public ValuationConvergenceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What did not converge.</param>
    public ValuationConvergenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What did not converge.</param>
    /// <param name="innerException">The cause.</param>
    public ValuationConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an algorithm, its iterations and its last change.</summary>
    /// <param name="message">What did not converge, and what to change.</param>
    /// <param name="algorithm">The algorithm (<c>value</c>, <c>sensitivities</c>).</param>
    /// <param name="iterations">The sweeps done.</param>
    /// <param name="residual">The last change or residual.</param>
    public ValuationConvergenceException(string message, string algorithm, int iterations, double residual)
        : base(message)
    {
        Algorithm = algorithm;
        Iterations = iterations;
        Residual = residual;
    }

    /// <summary>The algorithm that did not converge, when known.</summary>
    public string? Algorithm { get; }

    /// <summary>The sweeps done (0 when unknown).</summary>
    public int Iterations { get; }

    /// <summary>The last change or residual; <see cref="double.NaN"/> when not known.</summary>
    public double Residual { get; } = double.NaN;
}
