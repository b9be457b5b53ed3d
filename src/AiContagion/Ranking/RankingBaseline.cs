namespace AiContagion.Ranking;

/// <summary>What a <see cref="WithdrawalRanking"/> counts for each candidate: everything its run brings down, or only what the no-shock baseline does not.</summary>
public enum RankingBaseline
{
    /// <summary>
    /// <see cref="NoShock"/> for the models whose no-shock run is not empty by nature (the runway: firms that burn
    /// through their cash on their own), <see cref="None"/> for the others (their no-shock run fails only entities
    /// insolvent from the start). The default.
    /// </summary>
    Automatic,

    /// <summary>Every link down and every entity failed in the candidate's run counts.</summary>
    None,

    /// <summary>
    /// Only what the candidate adds to the model's run without any shock counts: links down that are not down in the
    /// baseline, entities failed that the baseline does not fail (and, apart, those it fails later), "because of the
    /// withdrawal". The baseline is run once and reported (<see cref="RankingResult.Baseline"/>).
    /// </summary>
    NoShock,
}
