namespace AiContagion.Cascades;

/// <summary>An iterative model did not converge within its iteration limit: the result would be wrong, so none is returned.</summary>
public sealed class CascadeConvergenceException : InvalidOperationException
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
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The {modelName} model did not converge in {iterations} iterations (last change {residual:G6})."))
    {
        ModelName = modelName;
        Iterations = iterations;
        Residual = residual;
    }

    /// <summary>The model that did not converge.</summary>
    public string? ModelName { get; }

    /// <summary>The iterations done.</summary>
    public int Iterations { get; }

    /// <summary>The last change or residual.</summary>
    public double Residual { get; }
}
