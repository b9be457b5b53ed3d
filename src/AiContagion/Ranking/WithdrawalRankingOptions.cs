using System.Collections.Immutable;
using AiContagion.Cascades;

namespace AiContagion.Ranking;

/// <summary>Options of a <see cref="WithdrawalRanking"/>.</summary>
public sealed record WithdrawalRankingOptions
{
    /// <summary>Which entities to try. Default <see cref="RankingCandidates.FundingSources"/>.</summary>
    public RankingCandidates Candidates { get; init; } = RankingCandidates.FundingSources;

    /// <summary>The candidate ids when <see cref="Candidates"/> is <see cref="RankingCandidates.Given"/>; ignored otherwise.</summary>
    public ImmutableArray<string> CandidateIds { get; init; } = [];

    /// <summary>Singles, pairs or a greedy set. Default <see cref="RankingMode.Singles"/>.</summary>
    public RankingMode Mode { get; init; } = RankingMode.Singles;

    /// <summary>The size k of the greedy set (<see cref="RankingMode.Greedy"/>). Default 3. At least 1.</summary>
    public int GreedySetSize { get; init; } = 3;

    /// <summary>How each candidate is shocked. Default <see cref="CandidateShock.Withdraw"/>.</summary>
    public CandidateShock Shock { get; init; } = CandidateShock.Withdraw;

    /// <summary>The fraction each withdrawing candidate stops, in (0, 1]. Default 1 (full withdrawal).</summary>
    public double WithdrawalFraction { get; init; } = 1.0;

    /// <summary>
    /// Whether each candidate is ranked by everything its run brings down or by what it adds to the no-shock baseline.
    /// Default <see cref="RankingBaseline.Automatic"/> (against the baseline for the runway model, not for the others).
    /// </summary>
    public RankingBaseline Baseline { get; init; } = RankingBaseline.Automatic;

    /// <summary>The most runs at once; −1 (the default) for one per processor. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Whether a ranking of <paramref name="model"/> with these options counts against the no-shock baseline.</summary>
    /// <param name="model">The model ranked.</param>
    /// <returns><see langword="true"/> for <see cref="RankingBaseline.NoShock"/>, and for <see cref="RankingBaseline.Automatic"/> with the runway model.</returns>
    public bool AgainstBaseline(CascadeModelKind model) =>
        Baseline == RankingBaseline.NoShock || (Baseline == RankingBaseline.Automatic && model == CascadeModelKind.Runway);

    internal void Validate()
    {
        if (!Enum.IsDefined(Candidates))
        {
            throw new ArgumentOutOfRangeException(nameof(Candidates), Candidates, "Unknown candidate set.");
        }

        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown ranking mode.");
        }

        if (!Enum.IsDefined(Shock))
        {
            throw new ArgumentOutOfRangeException(nameof(Shock), Shock, "Unknown candidate shock.");
        }

        if (!Enum.IsDefined(Baseline))
        {
            throw new ArgumentOutOfRangeException(nameof(Baseline), Baseline, "Unknown ranking baseline.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GreedySetSize, nameof(GreedySetSize));
        if (!double.IsFinite(WithdrawalFraction) || WithdrawalFraction <= 0 || WithdrawalFraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WithdrawalFraction), WithdrawalFraction, "The withdrawal fraction must lie in (0, 1].");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use −1 (one per processor) or a positive number.");
        }
    }
}
