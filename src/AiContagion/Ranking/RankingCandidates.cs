namespace AiContagion.Ranking;

/// <summary>Which entities a <see cref="WithdrawalRanking"/> tries.</summary>
public enum RankingCandidates
{
    /// <summary>Every funding source (<see cref="Model.Entity.IsFundingSource"/>), in network order.</summary>
    FundingSources,

    /// <summary>Every entity, in network order.</summary>
    AllEntities,

    /// <summary>The ids in <see cref="WithdrawalRankingOptions.CandidateIds"/>, in that order.</summary>
    Given,
}
