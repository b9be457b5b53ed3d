using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Ranking;

/// <summary>The outcome of a <see cref="RankingSweep"/>: the ranking at every grid point and the stability between points.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RankingSweepResult
{
    private readonly Lazy<ImmutableArray<CandidateSweepSummary>> _candidates;

    internal RankingSweepResult(
        FinancingNetwork network,
        string modelName,
        ImmutableArray<SweepAxis> axes,
        RankingSweepOptions options,
        ImmutableArray<SweepSetting> settings,
        ImmutableArray<RankingStability> stability)
    {
        Network = network;
        ModelName = modelName;
        Axes = axes;
        Options = options;
        Settings = settings;
        Stability = stability;
        _candidates = new(Summarize);
    }

    /// <summary>The network ranked.</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The model's command-line name.</summary>
    public string ModelName { get; }

    /// <summary>The axes swept.</summary>
    public ImmutableArray<SweepAxis> Axes { get; }

    /// <summary>The sweep options (base settings and k).</summary>
    public RankingSweepOptions Options { get; }

    /// <summary>The grid points with their rankings, in run order.</summary>
    public ImmutableArray<SweepSetting> Settings { get; }

    /// <summary>Every pair of points (A &lt; B, in order A then B) with its top-k overlap and Kendall's τ-b.</summary>
    public ImmutableArray<RankingStability> Stability { get; }

    /// <summary>
    /// Every candidate (entry label) across the settings, worst first: ordered by how often it ties for first, then
    /// how often it is in the top k, then best rank, then label. Ranks here are competition ranks (see
    /// <see cref="CandidateSweepSummary"/>).
    /// </summary>
    public ImmutableArray<CandidateSweepSummary> Candidates => _candidates.Value;

    /// <summary>The smallest top-k overlap over all pairs of points (1 when there is one point; NaN pairs ignored).</summary>
    public double MinimumTopKOverlap => Minimum(Stability.Select(s => s.TopKOverlap));

    /// <summary>The smallest Kendall's τ-b over all pairs of points (1 when there is one point; NaN pairs ignored).</summary>
    public double MinimumKendallTau => Minimum(Stability.Select(s => s.KendallTau));

    /// <summary>The comparison of two points.</summary>
    /// <param name="a">A point index.</param>
    /// <param name="b">Another point index.</param>
    /// <returns>The comparison (with <see cref="RankingStability.A"/> the smaller index).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range or both are equal.</exception>
    public RankingStability Between(int a, int b)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(a, Settings.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(b, Settings.Length);
        if (a == b)
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "Compare two different points.");
        }

        var (low, high) = a < b ? (a, b) : (b, a);
        var n = Settings.Length;
        return Stability[(low * ((2 * n) - low - 1) / 2) + (high - low - 1)];
    }

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ModelName} ranking sweep over {string.Join(" × ", Axes)}: {Settings.Length} settings, minimum top-{Options.TopK} overlap {MinimumTopKOverlap:0.###}, minimum Kendall's tau-b {MinimumKendallTau:0.###}");

    private static double Minimum(IEnumerable<double> values)
    {
        var result = 1.0;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                result = Math.Min(result, value);
            }
        }

        return result;
    }

    private static bool SameKey(CandidateRank a, CandidateRank b) =>
        a.LinksDown == b.LinksDown && a.AmountDown.Equals(b.AmountDown) && a.EntitiesFailed == b.EntitiesFailed;

    private ImmutableArray<CandidateSweepSummary> Summarize()
    {
        var k = Options.TopK;
        var rows = new Dictionary<string, (int Best, int Worst, int Fewest, int Most, int First, int TiedFirst, int TopK)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var setting in Settings)
        {
            var entries = setting.Ranking.Entries;
            var competitionRank = 0;
            for (var i = 0; i < entries.Length; i++)
            {
                var entry = entries[i];
                if (i == 0 || !SameKey(entries[i - 1], entry))
                {
                    competitionRank = entry.Rank;
                }

                if (!rows.TryGetValue(entry.Label, out var row))
                {
                    order.Add(entry.Label);
                    row = (int.MaxValue, 0, int.MaxValue, 0, 0, 0, 0);
                }

                rows[entry.Label] = (
                    Math.Min(row.Best, competitionRank),
                    Math.Max(row.Worst, competitionRank),
                    Math.Min(row.Fewest, entry.LinksDown),
                    Math.Max(row.Most, entry.LinksDown),
                    row.First + (entry.Rank == 1 ? 1 : 0),
                    row.TiedFirst + (competitionRank == 1 ? 1 : 0),
                    row.TopK + (competitionRank <= k ? 1 : 0));
            }
        }

        return [.. order
            .Select(label => rows[label] is var r ? new CandidateSweepSummary(label, r.Best, r.Worst, r.Fewest, r.Most, r.First, r.TiedFirst, r.TopK, Settings.Length) : null!)
            .OrderByDescending(s => s.TimesTiedFirst)
            .ThenByDescending(s => s.TimesInTopK)
            .ThenBy(s => s.BestRank)
            .ThenBy(s => s.Label, StringComparer.Ordinal)];
    }
}
