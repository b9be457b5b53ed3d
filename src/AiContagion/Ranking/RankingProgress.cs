namespace AiContagion.Ranking;

/// <summary>Progress of a <see cref="WithdrawalRanking"/>: runs completed out of the total of the current batch.</summary>
/// <param name="Completed">Runs completed.</param>
/// <param name="Total">Runs in all (for greedy sets: in all steps).</param>
public readonly record struct RankingProgress(int Completed, int Total);
