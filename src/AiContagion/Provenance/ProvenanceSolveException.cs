using AiContagion.Numerics;

namespace AiContagion.Provenance;

/// <summary>
/// A loop solve of <see cref="MoneyProvenance"/> did not converge, broke down, produced shares outside [0, 1], or
/// needs more shares than a whole-network trace holds at once; the message says which and what to change.
/// </summary>
public sealed class ProvenanceSolveException : ConvergenceException
{
    /// <summary>Creates the exception.</summary>
    public ProvenanceSolveException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public ProvenanceSolveException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public ProvenanceSolveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a solve that stopped at its iteration cap.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="algorithm">The solve (e.g. <c>provenance loop (BiCGStab)</c>).</param>
    /// <param name="iterations">The iterations or sweeps done.</param>
    /// <param name="residual">The last residual, or <see cref="double.NaN"/>.</param>
    internal ProvenanceSolveException(string message, string algorithm, int iterations, double residual)
        : base(message, algorithm, iterations, residual)
    {
    }
}
