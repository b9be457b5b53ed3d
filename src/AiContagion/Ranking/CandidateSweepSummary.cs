using System.Globalization;

namespace AiContagion.Ranking;

/// <summary>
/// One candidate (or pair) across every setting of a <see cref="RankingSweep"/>: its best and worst rank, the range of
/// links its withdrawal brings down, and how often it comes first or in the top k.
/// </summary>
/// <remarks>
/// Ranks are <b>competition ranks</b> ("1224"): candidates whose ranking keys are equal (same links down, amount down
/// and entities failed) share the smallest rank number of their group, so a tie is never counted as a difference
/// and a candidate tied with the k-th is in the top k. <see cref="TimesFirst"/> alone uses the ranking's own
/// positions (<see cref="CandidateRank.Rank"/>).
/// </remarks>
/// <param name="Label">The candidate (<see cref="CandidateRank.Label"/>).</param>
/// <param name="BestRank">Its best (smallest) competition rank over the settings.</param>
/// <param name="WorstRank">Its worst (largest) competition rank.</param>
/// <param name="FewestLinksDown">The fewest links down its withdrawal brings in any setting.</param>
/// <param name="MostLinksDown">The most links down in any setting.</param>
/// <param name="TimesFirst">In how many settings the ranking puts it first (<see cref="CandidateRank.Rank"/> 1; of a tie for first, only the candidate listed first).</param>
/// <param name="TimesTiedFirst">In how many settings its competition rank is 1 (it shares the worst outcome).</param>
/// <param name="TimesInTopK">In how many settings its competition rank is at most <see cref="RankingSweepOptions.TopK"/>.</param>
/// <param name="Settings">How many settings there are (the denominator of the three counts).</param>
public sealed record CandidateSweepSummary(
    string Label,
    int BestRank,
    int WorstRank,
    int FewestLinksDown,
    int MostLinksDown,
    int TimesFirst,
    int TimesTiedFirst,
    int TimesInTopK,
    int Settings)
{
    /// <summary>Whether it brings down the most links (ties included) in every setting.</summary>
    public bool AlwaysWorst => TimesTiedFirst == Settings;

    /// <summary>Whether it is in the top k in every setting.</summary>
    public bool AlwaysInTopK => TimesInTopK == Settings;

    /// <summary>One line, e.g. <c>softbank: rank 2–4, 43–56 links down, first 0/9, top-k 9/9</c>.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label}: rank {BestRank}–{WorstRank}, {FewestLinksDown}–{MostLinksDown} links down, first {TimesFirst}/{Settings} (tied {TimesTiedFirst}/{Settings}), top-k {TimesInTopK}/{Settings}");
}
