using System.Globalization;

namespace AiContagion.Export;

/// <summary>A paper size in points (1/72 inch), given landscape (width ≥ height); pictures are checked in the orientation that fits them best.</summary>
/// <param name="Name">The size's name (<c>A3</c>).</param>
/// <param name="Width">The long side in points.</param>
/// <param name="Height">The short side in points.</param>
public sealed record PageSize(string Name, double Width, double Height)
{
    /// <summary>ISO A3, 420 × 297 mm = 1190.55 × 841.89 pt.</summary>
    public static PageSize A3 { get; } = new("A3", 1190.55, 841.89);

    /// <summary>ISO A4, 297 × 210 mm = 841.89 × 595.28 pt.</summary>
    public static PageSize A4 { get; } = new("A4", 841.89, 595.28);

    /// <summary>The size named <c>a3</c> or <c>a4</c> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The size, or <see langword="null"/>.</returns>
    public static PageSize? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "A3" => A3,
        "A4" => A4,
        _ => null,
    };

    /// <summary>The name and size, e.g. <c>A3 (1190.55 × 841.89 pt)</c>.</summary>
    /// <returns>The text, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Width:0.##} × {Height:0.##} pt)");
}
