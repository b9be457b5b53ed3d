namespace AiContagion.Ranking;

/// <summary>What a <see cref="WithdrawalRanking"/> ranks: single candidates, every pair, or a greedy k-set.</summary>
public enum RankingMode
{
    /// <summary>Each candidate alone: one run per candidate.</summary>
    Singles,

    /// <summary>Every unordered pair of candidates: c(c − 1)/2 runs.</summary>
    Pairs,

    /// <summary>
    /// A greedy k-set: step s adds to the set of step s − 1 the candidate that, with it, ranks first (ties: candidate
    /// order). One entry per step (sets of size 1 to k): about k·c runs.
    /// </summary>
    Greedy,
}
