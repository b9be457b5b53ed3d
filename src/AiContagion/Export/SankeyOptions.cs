namespace AiContagion.Export;

/// <summary>The size and title of a <see cref="SankeyDiagram"/>.</summary>
/// <remarks>Immutable; change one with a <c>with</c> expression.</remarks>
public sealed record SankeyOptions
{
    /// <summary>The defaults: the network's title, 1,150 × 760 points (fits A3 without shrinking).</summary>
    public static SankeyOptions Default { get; } = new();

    /// <summary>The title; <see langword="null"/> (the default) uses "Where the money goes" and the network's title, shortened to the picture's width.</summary>
    public string? Title { get; init; }

    /// <summary>Width in points (SVG user units are points, so 100 % on screen is 4/3 as many pixels). Default 1,150; from 400 to 4,000.</summary>
    public double Width { get; init; } = 1150;

    /// <summary>Height in points. Default 760; from 300 to 4,000.</summary>
    public double Height { get; init; } = 760;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public void Validate()
    {
        if (!(Width is >= 400 and <= 4000))
        {
            throw new ArgumentOutOfRangeException(nameof(Width), Width, "The width must be from 400 to 4,000 points.");
        }

        if (!(Height is >= 300 and <= 4000))
        {
            throw new ArgumentOutOfRangeException(nameof(Height), Height, "The height must be from 300 to 4,000 points.");
        }
    }
}
