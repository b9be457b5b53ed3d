namespace AiContagion.Cli.Infrastructure;

/// <summary>Bad command-line input (an unknown id, a malformed option value): exit code 2, message only.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
