namespace AiContagion.Provenance;

/// <summary>The sparse linear solve of <see cref="MoneyProvenance"/> did not converge (or produced shares outside [0, 1]).</summary>
public sealed class ProvenanceSolveException : ArithmeticException
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
}
