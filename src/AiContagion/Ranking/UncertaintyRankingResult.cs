using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Ranking;

/// <summary>
/// The outcome of an <see cref="UncertaintyRanking"/>: for each candidate, its chance of ranking first and in the top
/// 3, its rank interval and its links-down distribution over the draws, most likely first.
/// </summary>
/// <remarks>Immutable and thread-safe. The statistics are defined in <see cref="UncertaintyRanking"/>'s remarks.</remarks>
public sealed class UncertaintyRankingResult
{
    internal UncertaintyRankingResult(
        UncertaintyRankingOptions options, RankingResult nominal, ImmutableArray<int> rangedLinks, int runs, int tiedFirstDraws, ImmutableArray<CandidateUncertainty> candidates)
    {
        Options = options;
        Nominal = nominal;
        RangedLinks = rangedLinks;
        Runs = runs;
        TiedFirstDraws = tiedFirstDraws;
        Candidates = candidates;
    }

    /// <summary>The network ranked (with its amounts as stated).</summary>
    public FinancingNetwork Network => Nominal.Network;

    /// <summary>The model's command-line name.</summary>
    public string ModelName => Nominal.ModelName;

    /// <summary>The model's settings.</summary>
    public ImmutableSortedDictionary<string, string> Settings => Nominal.Settings;

    /// <summary>The options (draws, seed, distribution, the ranking of each draw).</summary>
    public UncertaintyRankingOptions Options { get; }

    /// <summary>The number of draws N.</summary>
    public int Draws => Options.Draws;

    /// <summary>The ranking with the amounts as stated (not one of the draws).</summary>
    public RankingResult Nominal { get; }

    /// <summary>
    /// The links whose amount was drawn (indices in <see cref="FinancingNetwork.Links"/>); when empty every draw is the
    /// stated network and the probabilities only split ties.
    /// </summary>
    public ImmutableArray<int> RangedLinks { get; }

    /// <summary>How many model runs were made in all (the nominal ranking's and every draw's).</summary>
    public int Runs { get; }

    /// <summary>In how many draws two or more candidates tied for first place (and split it).</summary>
    public int TiedFirstDraws { get; }

    /// <summary>
    /// Every candidate (or pair), by <see cref="CandidateUncertainty.PFirst"/> (highest first), then
    /// <see cref="CandidateUncertainty.PTop3"/> (highest first), then the mean links down (most first), then the nominal
    /// rank, then candidate order.
    /// </summary>
    public ImmutableArray<CandidateUncertainty> Candidates { get; }

    /// <summary>The row of one candidate (for a pair: its <see cref="CandidateUncertainty.Label"/>, <c>a+b</c>).</summary>
    /// <param name="label">The candidate's id or label.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">No candidate has that label.</exception>
    public CandidateUncertainty this[string label]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(label);
            foreach (var candidate in Candidates)
            {
                if (candidate.Label == label)
                {
                    return candidate;
                }
            }

            throw new KeyNotFoundException($"'{label}' is not a candidate of this ranking.");
        }
    }

    /// <summary>A one-line summary naming the most likely first.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ModelName} ranking over {Draws} draws ({Options.Distribution}, seed {Options.Seed}, {RangedLinks.Length} ranged links) of {Candidates.Length} candidates{(Candidates.IsEmpty ? string.Empty : ": " + Candidates[0])}");
}
