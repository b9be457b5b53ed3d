namespace AiContagion.Cascades;

/// <summary>
/// The counts and amounts of one run without the per-entity and per-link outcomes: what a ranking or a Monte Carlo
/// stress run keeps. <see cref="PreparedCascade.Summarize(CascadeShock, CancellationToken)"/> computes it without
/// building a <see cref="CascadeResult"/>; <see cref="CascadeResult.Summary"/> gives the same numbers.
/// </summary>
/// <param name="Rounds">The last round in which anything failed or went down.</param>
/// <param name="EntitiesFailed">Failed entities, including those the shock failed outright.</param>
/// <param name="CascadeFailures">Entities failed in rounds ≥ 1.</param>
/// <param name="LinksDown">Links down.</param>
/// <param name="DirectLinksDown">Links down in round 0 (the shock itself).</param>
/// <param name="AmountDown">Amount down.</param>
/// <param name="DirectAmountDown">Amount down in round 0.</param>
/// <param name="DebtRank">DebtRank R for DebtRank models, else <see langword="null"/>.</param>
public readonly record struct CascadeSummary(
    int Rounds,
    int EntitiesFailed,
    int CascadeFailures,
    int LinksDown,
    int DirectLinksDown,
    double AmountDown,
    double DirectAmountDown,
    double? DebtRank)
{
    /// <summary>Links down in rounds ≥ 1.</summary>
    public int CascadeLinksDown => LinksDown - DirectLinksDown;

    /// <summary>Amount down in rounds ≥ 1.</summary>
    public double CascadeAmountDown => AmountDown - DirectAmountDown;
}
