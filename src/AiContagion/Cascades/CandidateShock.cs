namespace AiContagion.Cascades;

/// <summary>How each candidate entity is shocked by a withdrawal ranking (<c>AiContagion.Ranking</c>) or a Monte Carlo stress run (<c>AiContagion.Stress</c>).</summary>
public enum CandidateShock
{
    /// <summary>The candidate withdraws (stops its outgoing links, by the ranking's or stress run's withdrawal fraction): the headline question, for liquidity models.</summary>
    Withdraw,

    /// <summary>The candidate fails outright (round 0): the classic "whose default hurts most" question for solvency, clearing and DebtRank models, where a withdrawal has no solvency effect.</summary>
    Fail,
}
