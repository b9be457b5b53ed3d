using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Ranking;

/// <summary>The outcome of a <see cref="WithdrawalRanking"/>: the candidates (or sets) in rank order.</summary>
/// <remarks>Immutable and thread-safe. <see cref="Explain"/> re-runs one entry to get its full <see cref="CascadeResult"/>.</remarks>
public sealed class RankingResult
{
    private readonly PreparedCascade _prepared;

    internal RankingResult(PreparedCascade prepared, WithdrawalRankingOptions options, ImmutableArray<string> candidates, ImmutableArray<CandidateRank> entries, int runs, CascadeResult? baseline = null)
    {
        _prepared = prepared;
        Baseline = baseline;
        Options = options;
        Candidates = candidates;
        Entries = entries;
        Runs = runs;
    }

    /// <summary>The network ranked.</summary>
    public FinancingNetwork Network => _prepared.Network;

    /// <summary>The model's command-line name.</summary>
    public string ModelName => _prepared.Model.Name;

    /// <summary>The model's settings (as echoed in each result).</summary>
    public ImmutableSortedDictionary<string, string> Settings => _prepared.Settings;

    /// <summary>The ranking options.</summary>
    public WithdrawalRankingOptions Options { get; }

    /// <summary>The candidate ids tried, in candidate order.</summary>
    public ImmutableArray<string> Candidates { get; }

    /// <summary>The entries in rank order (for greedy sets: one per step, the set growing).</summary>
    public ImmutableArray<CandidateRank> Entries { get; }

    /// <summary>
    /// The model's run without any shock when the entries count against it (<see cref="RankingBaseline"/>), else
    /// <see langword="null"/>: what fails anyway. For the runway, <see cref="CascadeResult.Runway"/> says who fails
    /// anyway, in which month and why (<see cref="RunwayResult.BaselineFailures"/>), and which defaults the runs relied on.
    /// </summary>
    public CascadeResult? Baseline { get; }

    /// <summary>Whether the entries count only what each candidate adds to <see cref="Baseline"/>.</summary>
    public bool AgainstBaseline => Baseline is not null;

    /// <summary>How many model runs the ranking made.</summary>
    public int Runs { get; }

    /// <summary>The full cascade of one entry (the model run again with that entry's shock).</summary>
    /// <param name="entry">An entry of this ranking.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The cascade.</returns>
    public CascadeResult Explain(CandidateRank entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _prepared.Run(ShockOf(entry.Sources), cancellationToken);
    }

    /// <summary>The shock this ranking gives a set of candidates.</summary>
    /// <param name="sources">Candidate ids.</param>
    /// <returns>The shock.</returns>
    public CascadeShock ShockOf(IEnumerable<string> sources) =>
        Options.Shock == CandidateShock.Withdraw ? CascadeShock.Withdraw(Options.WithdrawalFraction, sources) : CascadeShock.Fail(sources);

    /// <summary>A one-line summary naming the first entry.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ModelName} ranking of {Candidates.Length} candidates ({Options.Mode}, {Runs} runs){(Entries.IsEmpty ? string.Empty : ": " + Entries[0])}");
}
