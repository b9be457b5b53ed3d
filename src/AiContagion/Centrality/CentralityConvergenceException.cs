using AiContagion.Numerics;

namespace AiContagion.Centrality;

/// <summary>
/// An iterative centrality (PageRank, eigenvector, Katz) stopped at its iteration cap or diverged; thrown by
/// <see cref="CentralityScores.EnsureConverged"/>. The unconverged scores are attached.
/// </summary>
public sealed class CentralityConvergenceException : ConvergenceException
{
    /// <summary>Creates the exception.</summary>
    public CentralityConvergenceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What did not converge.</param>
    public CentralityConvergenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What did not converge.</param>
    /// <param name="innerException">The cause.</param>
    public CentralityConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the unconverged scores.</summary>
    /// <param name="message">What did not converge.</param>
    /// <param name="scores">The scores after the last iteration.</param>
    public CentralityConvergenceException(string message, CentralityScores scores)
        : base(message, (scores ?? throw new ArgumentNullException(nameof(scores))).Measure, scores.Iterations, scores.Residual)
    {
        Scores = scores;
    }

    /// <summary>The scores after the last iteration, when known.</summary>
    public CentralityScores? Scores { get; }
}
