using AiContagion.Model;

namespace AiContagion.Ranking;

/// <summary>Options of an <see cref="UncertaintyRanking"/>.</summary>
public sealed record UncertaintyRankingOptions
{
    /// <summary>The most draws allowed (10⁶): each draw keeps 12 bytes per candidate until the statistics are taken.</summary>
    public const int MaximumDraws = 1_000_000;

    /// <summary>How many draws of the uncertain amounts to rank, N ≥ 1. Default 1,000.</summary>
    public int Draws { get; init; } = 1000;

    /// <summary>The seed of the draws; the result depends on it and not on the thread count. Default <see cref="AmountDraws.DefaultSeed"/> (1).</summary>
    public long Seed { get; init; } = AmountDraws.DefaultSeed;

    /// <summary>The distribution of every ranged amount. Default <see cref="AmountDistribution.Triangular"/>.</summary>
    public AmountDistribution Distribution { get; init; } = AmountDistribution.Triangular;

    /// <summary>
    /// The ranking made in every draw: candidates, singles or pairs, the shock and its fraction
    /// (<see cref="RankingMode.Greedy"/> is refused: a greedy set is not a ranking of candidates). Its
    /// <see cref="WithdrawalRankingOptions.MaxDegreeOfParallelism"/> is not used: draws run in parallel instead
    /// (<see cref="MaxDegreeOfParallelism"/>). Default: every funding source withdrawn in full, singles.
    /// </summary>
    public WithdrawalRankingOptions Ranking { get; init; } = new();

    /// <summary>The most draws ranked at once; −1 (the default) for one per processor. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Ranking, nameof(Ranking));
        Ranking.Validate();
        if (Ranking.Mode == RankingMode.Greedy)
        {
            throw new ArgumentException("An uncertainty ranking ranks candidates (singles or pairs) in every draw; a greedy set is not a ranking of candidates.", nameof(Ranking));
        }

        if (Draws < 1 || Draws > MaximumDraws)
        {
            throw new ArgumentOutOfRangeException(nameof(Draws), Draws, "The number of draws must lie in [1, 1,000,000].");
        }

        if (!Enum.IsDefined(Distribution))
        {
            throw new ArgumentOutOfRangeException(nameof(Distribution), Distribution, "Unknown amount distribution.");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use −1 (one per processor) or a positive number.");
        }
    }
}
