using System.Collections.Immutable;
using AiContagion.Cascades;

namespace AiContagion.Stress;

/// <summary>Options of a <see cref="GaiKapadiaExperiment"/>: the random banking system of Gai &amp; Kapadia (2010, §3) and the sweep over average degree.</summary>
/// <remarks>Immutable; validated when the experiment runs.</remarks>
public sealed record GaiKapadiaExperimentOptions
{
    /// <summary>The average degrees z 0, 1, …, 15 (the default sweep).</summary>
    public static ImmutableArray<double> DefaultAverageDegrees { get; } = [.. Enumerable.Range(0, 16).Select(z => (double)z)];

    /// <summary>Number of banks n. Default 1,000 (as in the paper). At least 2.</summary>
    public int Banks { get; init; } = 1000;

    /// <summary>The average degrees z to sweep: each ordered pair of banks is linked with probability z / (n − 1). Default 0, 1, …, 15. Each in [0, n − 1]; at least one.</summary>
    public ImmutableArray<double> AverageDegrees { get; init; } = DefaultAverageDegrees;

    /// <summary>Networks drawn per average degree (one random initial failure each). Default 1,000 (as in the paper). At least 1.</summary>
    public int TrialsPerDegree { get; init; } = 1000;

    /// <summary>Interbank assets as a share of total assets (100). Default 0.20.</summary>
    public double InterbankAssetShare { get; init; } = 0.20;

    /// <summary>Capital as a share of total assets. Default 0.04.</summary>
    public double CapitalRatio { get; init; } = 0.04;

    /// <summary>Recovery rate on interbank claims. Default 0 (the paper's short-run assumption).</summary>
    public double Recovery { get; init; }

    /// <summary>A trial is a contagion when at least this share of banks defaults. Default 0.05 (the paper's 5 %).</summary>
    public double ContagionThreshold { get; init; } = 0.05;

    /// <summary>When a bank fails. Default strict, loss &gt; capital (see <see cref="GaiKapadiaOptions.Rule"/>).</summary>
    public FailureRule Rule { get; init; } = FailureRule.LossExceedsCapital;

    /// <summary>Seed of every random draw; the result depends on it and on nothing else (not on the thread count). Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The most trials at once; −1 (the default) for one per processor.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Banks, 2, nameof(Banks));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TrialsPerDegree, nameof(TrialsPerDegree));
        if (AverageDegrees.IsDefaultOrEmpty)
        {
            throw new ArgumentOutOfRangeException(nameof(AverageDegrees), "Give at least one average degree.");
        }

        foreach (var z in AverageDegrees)
        {
            if (!double.IsFinite(z) || z < 0 || z > Banks - 1)
            {
                throw new ArgumentOutOfRangeException(nameof(AverageDegrees), z, "Each average degree must lie in [0, n − 1].");
            }
        }

        if ((long)TrialsPerDegree * AverageDegrees.Length > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(TrialsPerDegree), TrialsPerDegree, "Too many trials in all.");
        }

        foreach (var (value, name) in new[] { (InterbankAssetShare, nameof(InterbankAssetShare)), (CapitalRatio, nameof(CapitalRatio)), (Recovery, nameof(Recovery)), (ContagionThreshold, nameof(ContagionThreshold)) })
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                throw new ArgumentOutOfRangeException(name, value, "Must lie in [0, 1].");
            }
        }

        if (!Enum.IsDefined(Rule))
        {
            throw new ArgumentOutOfRangeException(nameof(Rule), Rule, "Unknown failure rule.");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use −1 or a positive number.");
        }
    }
}
