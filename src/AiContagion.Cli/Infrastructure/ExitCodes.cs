namespace AiContagion.Cli.Infrastructure;

/// <summary>The exit codes of <c>aicontagion</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Anything else went wrong (a bug, an I/O failure that is not the input's fault).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unreadable or invalid graph, unknown option or id, bad option value.</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
