namespace AiContagion.Numerics;

/// <summary>
/// An iterative algorithm stopped before meeting its tolerance — at its iteration cap, or because its solve broke
/// down — so its answer would be wrong. The base of every non-convergence error of the library:
/// <c>AiContagion.Cascades.CascadeConvergenceException</c> (clearing, linear DebtRank),
/// <c>AiContagion.Centrality.CentralityConvergenceException</c> (PageRank, eigenvector, Katz) and
/// <c>AiContagion.Provenance.ProvenanceSolveException</c> (provenance's loop solves); catch this type to handle
/// them all. (Named in text, not linked: this namespace sits below the model families and knows none of them.)
/// </summary>
/// <remarks>
/// <para>The convention (docs/architecture.md): a call that iterates throws a subclass of this exception when it
/// stops unconverged, carrying what it knows (<see cref="Algorithm"/>, <see cref="Iterations"/>,
/// <see cref="Residual"/>, and, in the subclasses, the unconverged result); a <c>Try…</c> variant, where one
/// exists, returns <see langword="false"/> and that result, marked <c>Converged = false</c>, instead.</para>
/// <para>An <see cref="ArithmeticException"/>, as the BCL files a computation that cannot produce a valid number.</para>
/// </remarks>
public class ConvergenceException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public ConvergenceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What did not converge.</param>
    public ConvergenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What did not converge.</param>
    /// <param name="innerException">The cause.</param>
    public ConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an algorithm, its iterations and its last residual.</summary>
    /// <param name="message">What did not converge, and what to change.</param>
    /// <param name="algorithm">The algorithm (a model's or measure's command-line name, e.g. <c>eisenberg-noe</c>, <c>pagerank</c>).</param>
    /// <param name="iterations">The iterations (passes, sweeps) done.</param>
    /// <param name="residual">The last change or residual (<see cref="double.NaN"/> when not measured).</param>
    public ConvergenceException(string message, string algorithm, int iterations, double residual)
        : base(message)
    {
        Algorithm = algorithm;
        Iterations = iterations;
        Residual = residual;
    }

    /// <summary>The algorithm that did not converge, when known.</summary>
    public string? Algorithm { get; }

    /// <summary>The iterations done (0 when unknown).</summary>
    public int Iterations { get; }

    /// <summary>The last change or residual; <see cref="double.NaN"/> when not measured.</summary>
    public double Residual { get; } = double.NaN;
}
