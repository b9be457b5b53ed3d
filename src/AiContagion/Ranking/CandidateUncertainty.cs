using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Ranking;

/// <summary>
/// One candidate (or pair) of an <see cref="UncertaintyRankingResult"/>: how its place in the withdrawal ranking and
/// the links its withdrawal brings down vary over the draws of the uncertain amounts. Equality by value, including the
/// sources. The definitions are in <see cref="UncertaintyRanking"/>'s remarks.
/// </summary>
/// <param name="Sources">The candidate ids shocked together (one, or two for a pair).</param>
/// <param name="NominalRank">Its rank with the amounts as stated (<see cref="UncertaintyRankingResult.Nominal"/>), counted as in the draws: tied candidates take the best place of their group.</param>
/// <param name="PFirst">The probability of ranking first: the mean over the draws of its share of first place (1 when first alone, 1/t when t candidates tie for first, else 0).</param>
/// <param name="PFirstStandardError">The Monte Carlo standard error of <paramref name="PFirst"/>: the sample standard deviation of the shares over √N (0 for one draw).</param>
/// <param name="PTop3">The probability of ranking in the top 3: the mean of its share of the first three places (a tie group straddling place 3 shares the places left among its members evenly).</param>
/// <param name="PTop3StandardError">The standard error of <paramref name="PTop3"/>, as for <paramref name="PFirst"/>.</param>
/// <param name="RankLow">The 5 % quantile of its rank over the draws (ties share the best place of their group), the empirical inverse CDF <c>r_(⌈0.05 N⌉)</c>.</param>
/// <param name="RankHigh">The 95 % quantile of its rank, <c>r_(⌈0.95 N⌉)</c>.</param>
/// <param name="LinksDownMean">The mean number of links its withdrawal brings down.</param>
/// <param name="LinksDownP05">The 5 % quantile of the links down (as for the rank).</param>
/// <param name="LinksDownP95">The 95 % quantile of the links down.</param>
public sealed record CandidateUncertainty(
    ImmutableArray<string> Sources,
    int NominalRank,
    double PFirst,
    double PFirstStandardError,
    double PTop3,
    double PTop3StandardError,
    int RankLow,
    int RankHigh,
    double LinksDownMean,
    int LinksDownP05,
    int LinksDownP95)
{
    /// <summary>The sources joined with <c>+</c> (e.g. <c>vc-fund+bank</c>), as in <see cref="CandidateRank.Label"/>.</summary>
    public string Label => string.Join("+", Sources);

    /// <inheritdoc/>
    public bool Equals(CandidateUncertainty? other) =>
        other is not null && Sources.SequenceEqual(other.Sources) && NominalRank == other.NominalRank
        && PFirst.Equals(other.PFirst) && PFirstStandardError.Equals(other.PFirstStandardError)
        && PTop3.Equals(other.PTop3) && PTop3StandardError.Equals(other.PTop3StandardError)
        && RankLow == other.RankLow && RankHigh == other.RankHigh && LinksDownMean.Equals(other.LinksDownMean)
        && LinksDownP05 == other.LinksDownP05 && LinksDownP95 == other.LinksDownP95;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Label, NominalRank, PFirst, PTop3, RankLow, RankHigh, LinksDownMean);

    /// <summary>A one-line description, e.g. <c>vc-fund: P(first) 0.62 ± 0.015, P(top 3) 1, rank 1–2 (nominal 1), links down 8.4 [6, 9]</c>.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label}: P(first) {PFirst:0.####} ± {PFirstStandardError:0.####}, P(top 3) {PTop3:0.####}, rank {RankLow}–{RankHigh} (nominal {NominalRank}), links down {LinksDownMean:0.##} [{LinksDownP05}, {LinksDownP95}]");
}
