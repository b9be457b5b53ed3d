using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Export;

/// <summary>
/// A centrality score per entity, for drawing: node size (and label size) grows with the score.
/// Model-independent: any centrality measure maps to it.
/// </summary>
/// <remarks>
/// Scores are scaled linearly between the smallest and largest score of the entities drawn, so the measure's
/// own scale does not matter; entities without a score are drawn at the smallest size. Immutable and
/// thread-safe.
/// </remarks>
public sealed class CentralityOverlay
{
    /// <summary>Creates a centrality overlay.</summary>
    /// <param name="measure">The measure's name (e.g. <c>pagerank</c>), shown in labels and captions.</param>
    /// <param name="scores">The score of each entity, by id.</param>
    /// <exception cref="ArgumentNullException">An argument or an id is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The measure or an id is blank, an entity appears twice, or a score is NaN or infinite.</exception>
    public CentralityOverlay(string measure, IEnumerable<KeyValuePair<string, double>> scores)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(measure);
        ArgumentNullException.ThrowIfNull(scores);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (id, score) in scores)
        {
            OverlayChecks.Id(id, nameof(scores));
            if (!double.IsFinite(score))
            {
                throw new ArgumentOutOfRangeException(nameof(scores), score, $"The score of '{id}' must be finite.");
            }

            if (!builder.TryAdd(id, score))
            {
                throw new ArgumentException($"The entity '{id}' is given two scores.", nameof(scores));
            }
        }

        Measure = measure;
        Scores = builder.ToImmutable();
    }

    /// <summary>The measure's name.</summary>
    public string Measure { get; }

    /// <summary>The score of each entity, by id (ordinal order).</summary>
    public ImmutableSortedDictionary<string, double> Scores { get; }

    /// <summary>A one-line summary such as <c>centrality pagerank: 6 scores</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"centrality {Measure}: {Scores.Count} scores");
}
