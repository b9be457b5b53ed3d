namespace AiContagion.Cascades;

/// <summary>Options of a <see cref="GaiKapadiaExperiment"/>: the random banking system of Gai &amp; Kapadia (2010, §3).</summary>
public sealed record GaiKapadiaExperimentOptions
{
    /// <summary>Number of banks n. Default 1,000 (as in the paper). At least 2.</summary>
    public int Banks { get; init; } = 1000;

    /// <summary>Average degree z: each ordered pair of banks is linked with probability z / (n − 1). Required; non-negative.</summary>
    public double AverageDegree { get; init; } = 1.0;

    /// <summary>Networks drawn (one random initial failure each). Default 100 (the paper uses 1,000). At least 1.</summary>
    public int Trials { get; init; } = 100;

    /// <summary>Interbank assets as a share of total assets. Default 0.20.</summary>
    public double InterbankAssetShare { get; init; } = 0.20;

    /// <summary>Capital as a share of total assets. Default 0.04.</summary>
    public double CapitalRatio { get; init; } = 0.04;

    /// <summary>Recovery rate on interbank claims. Default 0.</summary>
    public double Recovery { get; init; }

    /// <summary>A trial is a contagion when at least this share of banks defaults. Default 0.05 (the paper's 5 %).</summary>
    public double ContagionThreshold { get; init; } = 0.05;

    /// <summary>When a bank fails. Default strict (see <see cref="GaiKapadiaOptions.Rule"/>).</summary>
    public FailureRule Rule { get; init; } = FailureRule.LossExceedsCapital;

    /// <summary>Seed of the random draws; the result depends on it and on nothing else (not on the thread count).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The most trials at once; −1 (the default) for one per processor.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Banks, 2, nameof(Banks));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Trials, nameof(Trials));
        if (!double.IsFinite(AverageDegree) || AverageDegree < 0 || AverageDegree > Banks - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(AverageDegree), AverageDegree, "The average degree must lie in [0, n − 1].");
        }

        foreach (var (value, name) in new[] { (InterbankAssetShare, nameof(InterbankAssetShare)), (CapitalRatio, nameof(CapitalRatio)), (Recovery, nameof(Recovery)), (ContagionThreshold, nameof(ContagionThreshold)) })
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                throw new ArgumentOutOfRangeException(name, value, "Must lie in [0, 1].");
            }
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use −1 or a positive number.");
        }
    }
}
