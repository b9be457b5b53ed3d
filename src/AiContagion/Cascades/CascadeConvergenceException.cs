using System.Globalization;
using AiContagion.Numerics;

namespace AiContagion.Cascades;

/// <summary>
/// An iterative model (Eisenberg–Noe and Rogers–Veraart clearing, linear DebtRank) did not converge within its
/// iteration limit: the result would be wrong, so <see cref="PreparedCascade.Run(CascadeShock, CancellationToken)"/>
/// returns none. The unconverged result is attached when the run built one (<see cref="Result"/>);
/// <see cref="PreparedCascade.TryRun"/> hands it back without throwing.
/// </summary>
public sealed class CascadeConvergenceException : ConvergenceException
{
    /// <summary>Creates the exception.</summary>
    public CascadeConvergenceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What did not converge and after how many iterations.</param>
    public CascadeConvergenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CascadeConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a model and an iteration count.</summary>
    /// <param name="modelName">The model.</param>
    /// <param name="iterations">The iterations done.</param>
    /// <param name="residual">The last change or residual.</param>
    public CascadeConvergenceException(string modelName, int iterations, double residual)
        : base(Describe(modelName, iterations, residual), modelName, iterations, residual)
    {
        ModelName = modelName;
    }

    /// <summary>Creates the exception for an unconverged result.</summary>
    /// <param name="result">The result, with <see cref="CascadeResult.Converged"/> = <see langword="false"/>.</param>
    internal CascadeConvergenceException(CascadeResult result)
        : this(result.ModelName, result.Iterations, result.Residual)
    {
        Result = result;
    }

    /// <summary>The model that did not converge.</summary>
    public string? ModelName { get; }

    /// <summary>The state the model stopped in (<see cref="CascadeResult.Converged"/> = <see langword="false"/>), when the run built one (<see langword="null"/> from the clearing models' summary runs, which rankings and stress runs use).</summary>
    public CascadeResult? Result { get; }

    private static string Describe(string modelName, int iterations, double residual) =>
        string.Create(CultureInfo.InvariantCulture, $"The {modelName} model did not converge in {iterations} iterations (last change {residual:G6}).");
}
