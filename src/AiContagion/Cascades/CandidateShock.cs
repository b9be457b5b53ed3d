namespace AiContagion.Cascades;

/// <summary>How a <see cref="WithdrawalRanking"/> shocks each candidate.</summary>
public enum CandidateShock
{
    /// <summary>The candidate withdraws (stops its outgoing links, by <see cref="WithdrawalRankingOptions.WithdrawalFraction"/>): the headline question, for liquidity models.</summary>
    Withdraw,

    /// <summary>The candidate fails outright (round 0): the classic "whose default hurts most" question for solvency, clearing and DebtRank models, where a withdrawal has no solvency effect.</summary>
    Fail,
}
