using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>Descriptive data about a <see cref="FinancingNetwork"/>: title, unit, date, sources, annotations.</summary>
public sealed record NetworkMetadata
{
    /// <summary>The format tag of the native JSON files this version reads and writes.</summary>
    public const string CurrentFormat = "aicontagion/1";

    /// <summary>The unit used when none is given.</summary>
    public const string DefaultUnit = "USD bn";

    /// <summary>The metadata of a network with nothing but the default unit.</summary>
    public static NetworkMetadata Empty { get; } = new();

    /// <summary>Title, shown on diagrams and reports.</summary>
    public string? Title { get; init; }

    /// <summary>Unit of every amount and figure (default <c>USD bn</c>).</summary>
    public string Unit { get; init; } = DefaultUnit;

    /// <summary>The date the data describe (free text, ISO 8601 preferred).</summary>
    public string? AsOf { get; init; }

    /// <summary>Longer description.</summary>
    public string? Description { get; init; }

    /// <summary>Sources the data were compiled from.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>Figures kept with the data but not counted as links, each with its reason.</summary>
    public ImmutableArray<Annotation> Annotations { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(NetworkMetadata? other) =>
        other is not null && Title == other.Title && Unit == other.Unit && AsOf == other.AsOf
        && Description == other.Description && Equality.SameSequence(Sources, other.Sources)
        && Equality.SameSequence(Annotations, other.Annotations);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Title, Unit, AsOf, Description, Sources.Length, Annotations.Length);
}
