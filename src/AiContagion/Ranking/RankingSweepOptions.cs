using AiContagion.Cascades;

namespace AiContagion.Ranking;

/// <summary>Options of a <see cref="RankingSweep"/>: the settings every grid point starts from, and the k of the stability measures.</summary>
public sealed record RankingSweepOptions
{
    /// <summary>The model settings each grid point starts from before its swept values are set. Default: every model default.</summary>
    public CascadeModelSettings ModelSettings { get; init; } = new();

    /// <summary>
    /// The ranking options each grid point starts from (candidates, singles or pairs, shock, parallelism). Default
    /// <see cref="WithdrawalRankingOptions"/> defaults. Greedy mode is refused: a sweep compares rankings of candidates.
    /// </summary>
    public WithdrawalRankingOptions Ranking { get; init; } = new();

    /// <summary>The k of the top-k overlap (<see cref="RankingStability.TopKOverlap"/>) and of <see cref="CandidateSweepSummary.TimesInTopK"/>. Default 3. At least 1.</summary>
    public int TopK { get; init; } = 3;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(ModelSettings, nameof(ModelSettings));
        ArgumentNullException.ThrowIfNull(Ranking, nameof(Ranking));
        Ranking.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(TopK, 1, nameof(TopK));
        if (Ranking.Mode == RankingMode.Greedy)
        {
            throw new ArgumentException("A sweep compares rankings of candidates (singles or pairs); greedy mode lists a growing set.", nameof(Ranking));
        }
    }
}
