namespace AiContagion.Flow;

/// <summary>
/// The requested cut does not exist because the flow is unbounded: a path of uncuttable (infinite-capacity)
/// steps joins a source to a sink — e.g. a source paying a sink directly when only entities may be cut and
/// neither end can be. The message names the path.
/// </summary>
public sealed class UnboundedFlowException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public UnboundedFlowException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is unbounded and why.</param>
    public UnboundedFlowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is unbounded and why.</param>
    /// <param name="innerException">The cause.</param>
    public UnboundedFlowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
