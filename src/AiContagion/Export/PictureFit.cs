namespace AiContagion.Export;

/// <summary>
/// The readability rule a rendered picture must pass (<see cref="ChainPicture"/>): printed on <see cref="Page"/>
/// (shrunk to fit, in its better orientation) its smallest text must be at least <see cref="MinimumText"/> points.
/// </summary>
/// <remarks>Immutable; change one with a <c>with</c> expression.</remarks>
public sealed record PictureFit
{
    /// <summary>The default rule: check against A3, 7 pt, and refuse (do not adapt) a picture that fails.</summary>
    public static PictureFit Default { get; } = new();

    /// <summary>No check at all.</summary>
    public static PictureFit None { get; } = new() { Page = null };

    /// <summary>Check against A3 and, when the picture fails, raise the threshold until it passes.</summary>
    public static PictureFit A3 { get; } = new() { RaiseThreshold = true };

    /// <summary>The page; <see langword="null"/> turns the check off. Default <see cref="PageSize.A3"/>.</summary>
    public PageSize? Page { get; init; } = PageSize.A3;

    /// <summary>The smallest text allowed on the page, in points. Default 7; from 4 to 30.</summary>
    public double MinimumText { get; init; } = Readability.MinimumPrintedText;

    /// <summary>
    /// When the picture fails, instead of refusing it: raise the amount threshold through 1, 2, 5, 10, 20, 50, … (the
    /// tiered views) or draw fewer firms (the core) until it passes. Default <see langword="false"/>.
    /// </summary>
    public bool RaiseThreshold { get; init; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The minimum text is out of range.</exception>
    public void Validate()
    {
        if (!(MinimumText is >= 4 and <= 30))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumText), MinimumText, "The minimum text size must be from 4 to 30 points.");
        }
    }
}
