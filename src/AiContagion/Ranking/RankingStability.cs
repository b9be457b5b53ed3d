using System.Globalization;

namespace AiContagion.Ranking;

/// <summary>
/// How far two withdrawal rankings agree: the overlap of their top k and Kendall's τ-b between them, both over the
/// candidates the two rankings have in common.
/// </summary>
/// <param name="A">Position of the first ranking compared (a <see cref="SweepSetting.Index"/> in a sweep; 0 from <see cref="Compare"/>).</param>
/// <param name="B">Position of the second ranking (1 from <see cref="Compare"/>).</param>
/// <param name="K">The k of the top-k overlap as asked.</param>
/// <param name="CommonCandidates">How many candidates (entry labels) both rankings contain.</param>
/// <param name="TopKOverlap">|A_k ∩ B_k| / min(k, CommonCandidates), in [0, 1]; NaN when there is no common candidate.</param>
/// <param name="KendallTau">Kendall's τ-b in [−1, 1]; NaN when it is undefined (fewer than two common candidates, or one ranking ties them all).</param>
/// <remarks>
/// <para><b>Common candidates.</b> The entries of each ranking are matched by <see cref="CandidateRank.Label"/> (a source,
/// or a pair <c>a+b</c>); entries only one ranking has are left out of both measures. Greedy rankings (a growing set
/// per entry) are not rankings of candidates and are refused.</para>
/// <para><b>Top-k overlap.</b> With k' = min(k, n) for n common candidates, A_k and B_k are the first k' common
/// candidates in each ranking's order and the overlap is |A_k ∩ B_k| / k'. Ties at position k' are broken as the
/// ranking breaks them (candidate order), so two tied candidates straddling the cut can lower the overlap although the
/// ranking did not really change; τ-b (below) is the tie-aware measure.</para>
/// <para><b>Kendall's τ-b</b> (Kendall 1945). Each candidate's score in a ranking is its ranking key (links down, then
/// amount down, then entities failed). Two candidates are <i>tied</i> in a ranking when their keys are equal: the
/// candidate-order tie-break that gives them distinct rank numbers carries no information and is ignored. Over the n
/// common candidates, with n₀ = n(n−1)/2 pairs, n_c concordant pairs (ordered the same way by both rankings, tied in
/// neither), n_d discordant pairs (ordered oppositely), n₁ = Σ t(t−1)/2 over the groups of t candidates tied in the first
/// ranking and n₂ likewise in the second:
/// <code>τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂))</code>
/// A pair tied in one ranking only is neither concordant nor discordant; it only shrinks that ranking's factor of the
/// denominator. τ_b = 1 when the rankings order every pair alike (ties included), −1 when they order every pair
/// oppositely; it is the statistic <c>scipy.stats.kendalltau</c> computes by default (variant 'b').</para>
/// <para><b>Complexity.</b> O(n log n) by Knight's merge-sort count of discordant pairs (Knight 1966). Pure functions;
/// thread-safe.</para>
/// <para>References: M. G. Kendall (1945), "The treatment of ties in ranking problems", Biometrika 33(3), 239–251,
/// doi:10.1093/biomet/33.3.239; W. R. Knight (1966), "A computer method for calculating Kendall's tau with ungrouped
/// data", Journal of the American Statistical Association 61(314), 436–439, doi:10.1080/01621459.1966.10480879.</para>
/// </remarks>
public sealed record RankingStability(int A, int B, int K, int CommonCandidates, double TopKOverlap, double KendallTau)
{
    /// <summary>Compares two rankings (see the type's remarks for both measures).</summary>
    /// <param name="a">The first ranking.</param>
    /// <param name="b">The second ranking.</param>
    /// <param name="k">The k of the top-k overlap, at least 1.</param>
    /// <returns>The comparison, with <see cref="A"/> = 0 and <see cref="B"/> = 1.</returns>
    /// <exception cref="ArgumentNullException">A ranking is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A ranking is a greedy set sequence.</exception>
    public static RankingStability Compare(RankingResult a, RankingResult b, int k)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (a.Options.Mode == RankingMode.Greedy || b.Options.Mode == RankingMode.Greedy)
        {
            throw new ArgumentException("A greedy ranking lists a growing set, not candidates in order; it cannot be compared.", a.Options.Mode == RankingMode.Greedy ? nameof(a) : nameof(b));
        }

        var levelsA = Levels(a);
        var levelsB = Levels(b);
        var orderA = new List<string>();
        var x = new List<double>();
        var y = new List<double>();
        foreach (var entry in a.Entries)
        {
            if (levelsB.TryGetValue(entry.Label, out var levelB))
            {
                orderA.Add(entry.Label);
                x.Add(levelsA[entry.Label]);
                y.Add(levelB);
            }
        }

        var orderB = b.Entries.Select(e => e.Label).Where(levelsA.ContainsKey).ToList();
        return new RankingStability(0, 1, k, orderA.Count, RankCorrelation.TopKOverlap(orderA, orderB, k), RankCorrelation.KendallTauB(x, y));
    }

    /// <summary>One line, e.g. <c>0 vs 1: top-3 overlap 0.667, Kendall's tau-b 0.81 (41 common)</c>.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{A} vs {B}: top-{K} overlap {TopKOverlap:0.###}, Kendall's tau-b {KendallTau:0.###} ({CommonCandidates} common)");

    /// <summary>Each label's tie level in a ranking: 0 for the entries with the best key, +1 at each change of key.</summary>
    private static Dictionary<string, int> Levels(RankingResult ranking)
    {
        var levels = new Dictionary<string, int>(ranking.Entries.Length, StringComparer.Ordinal);
        var level = 0;
        CandidateRank? previous = null;
        foreach (var entry in ranking.Entries)
        {
            if (previous is not null && (entry.LinksDown != previous.LinksDown || !entry.AmountDown.Equals(previous.AmountDown) || entry.EntitiesFailed != previous.EntitiesFailed))
            {
                level++;
            }

            levels[entry.Label] = level;
            previous = entry;
        }

        return levels;
    }

}
