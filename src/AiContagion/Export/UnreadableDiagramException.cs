namespace AiContagion.Export;

/// <summary>
/// A picture would print with text too small to read: <see cref="ChainPicture"/> refuses to write it and says what
/// to change (a higher threshold, grouping, a focus, or <c>--fit</c>).
/// </summary>
public sealed class UnreadableDiagramException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnreadableDiagramException()
        : this("The picture's text would be too small to read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public UnreadableDiagramException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public UnreadableDiagramException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the measurement that failed.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="readability">The measurement.</param>
    public UnreadableDiagramException(string message, Readability readability)
        : base(message)
    {
        Readability = readability;
    }

    /// <summary>The measurement of the picture that was refused, when there is one.</summary>
    public Readability? Readability { get; }
}
