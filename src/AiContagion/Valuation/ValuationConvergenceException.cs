using AiContagion.Numerics;

namespace AiContagion.Valuation;

/// <summary>
/// The cross-holdings valuation (or one of its sensitivity solves) stopped at its iteration cap before meeting its
/// tolerance: its answer would be wrong, so none is returned.
/// </summary>
/// <remarks>
/// A <see cref="ConvergenceException"/>, as the library's other non-convergence errors: catch that type to handle
/// them all. <see cref="ConvergenceException.Algorithm"/> is <c>value</c> or <c>sensitivities</c>.
/// </remarks>
public sealed class ValuationConvergenceException : ConvergenceException
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
        : base(message, algorithm, iterations, residual)
    {
    }
}
