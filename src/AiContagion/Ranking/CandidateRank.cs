using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Ranking;

/// <summary>One ranked candidate (or set of candidates) of a <see cref="RankingResult"/>. Equality by value, including the sources.</summary>
/// <param name="Rank">1-based rank.</param>
/// <param name="Sources">The candidate ids shocked together (one for singles, two for pairs, the greedy set so far).</param>
/// <param name="LinksDown">Links down in all.</param>
/// <param name="DirectLinks">Links the shock itself brought down (round 0: the candidates' own links).</param>
/// <param name="CascadeLinks">Links the cascade brought down (rounds ≥ 1): <c>LinksDown − DirectLinks</c>.</param>
/// <param name="AmountDown">Amount down in all.</param>
/// <param name="DirectAmount">Amount of the direct links.</param>
/// <param name="CascadeAmount">Amount of the cascade links.</param>
/// <param name="EntitiesFailed">Entities that failed in the cascade (rounds ≥ 1; an outright-failed candidate is not counted).</param>
/// <remarks>
/// Ranked against the baseline (<see cref="RankingBaseline.NoShock"/>, the runway's default), every count and amount is
/// what the candidate adds to the no-shock run: links down that the baseline does not have down (direct: brought down by
/// the shock itself), entities failed that the baseline does not fail; <see cref="EarlierFailures"/> and
/// <see cref="FirstFailureRound"/> are then set.
/// </remarks>
public sealed record CandidateRank(
    int Rank,
    ImmutableArray<string> Sources,
    int LinksDown,
    int DirectLinks,
    int CascadeLinks,
    double AmountDown,
    double DirectAmount,
    double CascadeAmount,
    int EntitiesFailed)
{
    /// <summary>
    /// Ranked against the baseline: the first round (for the runway, the month) in which an entity fails because of the
    /// shock — fails and the baseline does not, or fails earlier than in the baseline; <see langword="null"/> when none
    /// does, or when not ranked against the baseline.
    /// </summary>
    public int? FirstFailureRound { get; init; }

    /// <summary>Ranked against the baseline: entities the baseline fails too, but later (the shock brings their failure forward); 0 otherwise.</summary>
    public int EarlierFailures { get; init; }

    /// <summary>The sources joined with <c>+</c> (e.g. <c>vc-fund+bank</c>).</summary>
    public string Label => string.Join("+", Sources);

    /// <inheritdoc/>
    public bool Equals(CandidateRank? other) =>
        other is not null && Rank == other.Rank && Sources.SequenceEqual(other.Sources) && LinksDown == other.LinksDown
        && DirectLinks == other.DirectLinks && CascadeLinks == other.CascadeLinks && AmountDown.Equals(other.AmountDown)
        && DirectAmount.Equals(other.DirectAmount) && CascadeAmount.Equals(other.CascadeAmount) && EntitiesFailed == other.EntitiesFailed
        && FirstFailureRound == other.FirstFailureRound && EarlierFailures == other.EarlierFailures;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rank, Label, LinksDown, AmountDown, EntitiesFailed);

    /// <summary>A one-line description.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"#{Rank} {Label}: {LinksDown} links down ({DirectLinks} direct, {CascadeLinks} cascade), amount {AmountDown:0.######}, {EntitiesFailed} failed{(EarlierFailures > 0 ? $", {EarlierFailures} earlier" : string.Empty)}{(FirstFailureRound is { } first ? $", first failure in round {first}" : string.Empty)}");
}
