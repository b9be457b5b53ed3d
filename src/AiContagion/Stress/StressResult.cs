using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Stress;

/// <summary>
/// The outcome of a <see cref="StressTest"/>: the distribution of links down, amount down, entities failed and entities
/// drawn over the trials, and each entity's probability of failure.
/// </summary>
/// <remarks>Immutable and thread-safe. Statistics follow the definitions of <see cref="StressStatistics"/>.</remarks>
public sealed class StressResult
{
    private readonly int[] _linksDown;
    private readonly double[] _amountDown;
    private readonly int[] _entitiesFailed;
    private readonly int[] _entitiesDrawn;

    internal StressResult(
        FinancingNetwork network,
        string modelName,
        ImmutableSortedDictionary<string, string> settings,
        StressOptions options,
        ImmutableArray<string> atRisk,
        int exposedEntities,
        ImmutableArray<EntityStressOutcome> entities,
        int[] linksDown,
        double[] amountDown,
        int[] entitiesFailed,
        int[] entitiesDrawn)
    {
        Network = network;
        ModelName = modelName;
        Settings = settings;
        Options = options;
        AtRisk = atRisk;
        ExposedEntities = exposedEntities;
        Entities = entities;
        _linksDown = linksDown;
        _amountDown = amountDown;
        _entitiesFailed = entitiesFailed;
        _entitiesDrawn = entitiesDrawn;
        LinksDown = StressStatistics.Compute(Values(StressMeasure.LinksDown));
        AmountDown = StressStatistics.Compute(amountDown);
        EntitiesFailed = StressStatistics.Compute(Values(StressMeasure.EntitiesFailed));
        EntitiesDrawn = StressStatistics.Compute(Values(StressMeasure.EntitiesDrawn));
    }

    /// <summary>The network.</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The model's command-line name.</summary>
    public string ModelName { get; }

    /// <summary>The model's options, by name.</summary>
    public ImmutableSortedDictionary<string, string> Settings { get; }

    /// <summary>The options the test ran with.</summary>
    public StressOptions Options { get; }

    /// <summary>Number of trials.</summary>
    public int Trials => Options.Trials;

    /// <summary>The seed.</summary>
    public long Seed => Options.Seed;

    /// <summary>The entities at risk of being drawn (p &gt; 0), in network order.</summary>
    public ImmutableArray<string> AtRisk { get; }

    /// <summary>Entities with external assets, hit by the external shock (0 without one).</summary>
    public int ExposedEntities { get; }

    /// <summary>Links down per trial.</summary>
    public StressStatistics LinksDown { get; }

    /// <summary>Amount down per trial, in the network's unit.</summary>
    public StressStatistics AmountDown { get; }

    /// <summary>Entities failed per trial.</summary>
    public StressStatistics EntitiesFailed { get; }

    /// <summary>Entities drawn (withdrawn or failed by the shock) per trial.</summary>
    public StressStatistics EntitiesDrawn { get; }

    /// <summary>Every entity, in network order, with its probability of failure.</summary>
    public ImmutableArray<EntityStressOutcome> Entities { get; }

    /// <summary>The entities by probability of failure, highest first (ties: network order).</summary>
    public IReadOnlyList<EntityStressOutcome> ByFailureProbability =>
        [.. Entities.Select((e, v) => (e, v)).OrderByDescending(x => x.e.Failures).ThenBy(x => x.v).Select(x => x.e)];

    /// <summary>The statistics of one measure.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown measure.</exception>
    public StressStatistics Statistics(StressMeasure measure) => measure switch
    {
        StressMeasure.LinksDown => LinksDown,
        StressMeasure.AmountDown => AmountDown,
        StressMeasure.EntitiesFailed => EntitiesFailed,
        StressMeasure.EntitiesDrawn => EntitiesDrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown measure."),
    };

    /// <summary>One measure's value in each trial, in trial order.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown measure.</exception>
    public ImmutableArray<double> Values(StressMeasure measure) => measure switch
    {
        StressMeasure.LinksDown => [.. _linksDown.Select(x => (double)x)],
        StressMeasure.AmountDown => [.. _amountDown],
        StressMeasure.EntitiesFailed => [.. _entitiesFailed.Select(x => (double)x)],
        StressMeasure.EntitiesDrawn => [.. _entitiesDrawn.Select(x => (double)x)],
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown measure."),
    };

    /// <summary>The histogram of one measure (bins as <see cref="HistogramBins"/> chooses them: one per integer for small counts).</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="binCount">The number of equal bins, or <see langword="null"/> to choose.</param>
    /// <returns>The bins.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown measure, or a bin count outside [1, 1000].</exception>
    public HistogramBins Histogram(StressMeasure measure, int? binCount = null) => HistogramBins.Compute(Values(measure), binCount);

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ModelName} stress, {Trials} trials, seed {Seed}: links down {LinksDown}; entities failed {EntitiesFailed}");

    /// <summary>The measure's name in chart labels ("links down").</summary>
    internal static string Label(StressMeasure measure) => measure switch
    {
        StressMeasure.LinksDown => "links down",
        StressMeasure.AmountDown => "amount down",
        StressMeasure.EntitiesFailed => "entities failed",
        _ => "entities drawn",
    };

    /// <summary>The network's title up to its first colon, if short, as a prefix ("The AI financing chain: "); else nothing.</summary>
    internal string Title()
    {
        var title = Network.Metadata.Title?.Split(':')[0].Trim();
        return title is { Length: > 0 and <= 40 } ? title + ": " : "";
    }
}
