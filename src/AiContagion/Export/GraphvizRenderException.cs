namespace AiContagion.Export;

/// <summary>
/// Graphviz <c>dot</c> ran but failed: it exited with an error (the message quotes its standard error) or took
/// longer than <see cref="GraphvizOptions.Timeout"/> and was stopped. No output file is written.
/// </summary>
public sealed class GraphvizRenderException : IOException
{
    /// <summary>Creates the exception.</summary>
    public GraphvizRenderException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public GraphvizRenderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GraphvizRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
