namespace AiContagion.Export;

/// <summary>How <see cref="GraphvizRenderer"/> finds and runs Graphviz <c>dot</c>.</summary>
/// <remarks>Immutable; change one with a <c>with</c> expression.</remarks>
public sealed record GraphvizOptions
{
    /// <summary>The defaults: <c>dot</c> found on <c>PATH</c>, 60-second time-out, 96 dpi.</summary>
    public static GraphvizOptions Default { get; } = new();

    /// <summary>
    /// The <c>dot</c> program: <see langword="null"/> (the default) searches the directories of the <c>PATH</c>
    /// environment variable for <c>dot</c> (<c>dot.exe</c> on Windows); a bare name is searched the same way; a
    /// path with a directory is used as given.
    /// </summary>
    public string? DotPath { get; init; }

    /// <summary>How long one rendering may take before <c>dot</c> is stopped. Default 60 seconds; must be positive.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Resolution of PNG output in dots per inch (<c>-Gdpi</c>). Default 96; from 36 to 600.</summary>
    public int Dpi { get; init; } = 96;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(Dpi, 36, nameof(Dpi));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Dpi, 600, nameof(Dpi));
        if (DotPath is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(DotPath, nameof(DotPath));
        }
    }
}
