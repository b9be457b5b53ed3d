using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Export;

/// <summary>
/// A minimum cut, for drawing: the links whose removal separates the sources from the sink, and the entities
/// left on the source side. Model-independent: any max-flow / min-cut result maps to it.
/// </summary>
/// <remarks>
/// Links are named by their index in <see cref="Model.FinancingNetwork.Links"/>, entities by id. The cut links
/// are drawn bold (and kept visible whatever the diagram's amount filter, see
/// <see cref="DotOptions.KeepHighlightedLinks"/>); source-side entities get a blue border. Immutable and
/// thread-safe.
/// </remarks>
public sealed class CutOverlay
{
    /// <summary>Creates a cut overlay.</summary>
    /// <param name="cutLinks">Indices of the links in the cut.</param>
    /// <param name="sourceSide">Ids of the entities on the source side of the cut (optional).</param>
    /// <param name="value">The cut's capacity (the maximum flow), in the network's unit, or <see langword="null"/>.</param>
    /// <param name="description">What was cut, for captions (e.g. <c>funding sources → chipmaker</c>), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cutLinks"/> or an id is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An index is negative, an id is blank, or the value is negative, NaN or infinite.</exception>
    public CutOverlay(IEnumerable<int> cutLinks, IEnumerable<string>? sourceSide = null, double? value = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(cutLinks);
        var links = ImmutableSortedSet.CreateBuilder<int>();
        foreach (var index in cutLinks)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(cutLinks));
            links.Add(index);
        }

        var side = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var id in sourceSide ?? [])
        {
            OverlayChecks.Id(id, nameof(sourceSide));
            side.Add(id);
        }

        if (value is { } v && (!double.IsFinite(v) || v < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(value), v, "The cut value must be finite and non-negative.");
        }

        CutLinks = links.ToImmutable();
        SourceSide = side.ToImmutable();
        Value = value;
        Description = description;
    }

    /// <summary>Indices of the links in the cut, ascending.</summary>
    public ImmutableSortedSet<int> CutLinks { get; }

    /// <summary>Ids of the entities on the source side (ordinal order); empty when not given.</summary>
    public ImmutableSortedSet<string> SourceSide { get; }

    /// <summary>The cut's capacity, or <see langword="null"/>.</summary>
    public double? Value { get; }

    /// <summary>What was cut, for captions, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>A one-line summary such as <c>minimum cut: 2 links, value 14</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"minimum cut{(Description is null ? "" : " (" + Description + ")")}: {CutLinks.Count} links{(Value is { } v ? ", value " + DotText.Amount(v) : "")}");
}
