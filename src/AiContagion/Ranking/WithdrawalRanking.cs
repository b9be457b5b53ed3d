using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Ranking;

/// <summary>
/// The headline question: for each candidate (by default every funding source), run the chosen model with that
/// candidate withdrawn and rank the candidates by the links their withdrawal brings down.
/// </summary>
/// <remarks>
/// <para><b>Order.</b> Links down (more first), then amount down, then entities failed in the cascade, then
/// candidate order (network order, or the given order). Each entry reports the direct links (round 0: the
/// candidate's own) and the cascade links (rounds ≥ 1) apart. Pairs (every unordered pair) and greedy k-sets are
/// options (<see cref="WithdrawalRankingOptions.Mode"/>).</para>
/// <para><b>Against the baseline</b> (<see cref="WithdrawalRankingOptions.Baseline"/>; the runway's default). The
/// model runs once without any shock (<see cref="RankingResult.Baseline"/>), and each candidate counts only what it
/// adds: the links down that are not down in the baseline (within the runway's horizon: "because of the
/// withdrawal"), their amount, the entities failed that the baseline does not fail, and apart those it fails but
/// earlier, with the first round (month) of such a failure. Any model can be ranked so; the runway evaluates each
/// candidate as a difference from the baseline run (its documented fast path), the others by comparing two runs.</para>
/// <para><b>Direction.</b> As the chosen model: a withdrawal stops the candidate's outgoing links (money it pays);
/// each model then walks links its own way (see its documentation).</para>
/// <para><b>Cost.</b> The model is prepared once for the network (inflows, thresholds, capital, exposures) and every
/// run shares that and pooled work arrays, so a run costs what the candidate's shock reaches. Runs go in parallel
/// (<see cref="WithdrawalRankingOptions.MaxDegreeOfParallelism"/>); each run is deterministic and results are stored
/// by candidate position, so the ranking is identical whatever the thread count.</para>
/// <para><b>Thread safety.</b> Immutable; <see cref="Rank"/> may be called from several threads.</para>
/// </remarks>
public sealed class WithdrawalRanking
{
    /// <summary>Creates a ranking for a model.</summary>
    /// <param name="model">The model to run for each candidate (e.g. <see cref="FundingWithdrawalCascade"/>).</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults (singles, every funding source, full withdrawal).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public WithdrawalRanking(ICascadeModel model, WithdrawalRankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Options = options ?? new WithdrawalRankingOptions();
        Options.Validate();
    }

    /// <summary>The model.</summary>
    public ICascadeModel Model { get; }

    /// <summary>The options.</summary>
    public WithdrawalRankingOptions Options { get; }

    /// <summary>Ranks the candidates of a network.</summary>
    /// <param name="network">The network (not changed).</param>
    /// <param name="progress">Receives <see cref="RankingProgress"/> reports (from worker threads) as runs complete; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the ranking.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="ArgumentException">A given candidate id is unknown or repeated, or the model refuses the candidate shock.</exception>
    /// <exception cref="CascadeConvergenceException">A run did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RankingResult Rank(FinancingNetwork network, IProgress<RankingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var accepted = Options.Shock == CandidateShock.Withdraw ? ShockChannels.Withdrawal : ShockChannels.Failure;
        if ((Model.Accepts & accepted) == 0)
        {
            throw new ArgumentException($"The {Model.Name} model does not accept a {Options.Shock} shock.", nameof(network));
        }

        var prepared = Model.Prepare(network);
        var candidates = Candidates(network);
        var ids = candidates.Select(v => network.Entities[v].Id).ToImmutableArray();
        var baseline = Options.AgainstBaseline(Model.Kind) ? prepared.RunBaseline(cancellationToken) : null;
        var runner = new Runner(prepared, Options, baseline is not null, progress, cancellationToken);
        ImmutableArray<CandidateRank> entries;
        switch (Options.Mode)
        {
            case RankingMode.Singles:
            {
                runner.Total = candidates.Length;
                var sets = candidates.Select(c => new[] { c }).ToArray();
                entries = Ordered(network, sets, runner.RunAll(sets));
                break;
            }

            case RankingMode.Pairs:
            {
                var sets = new List<int[]>();
                for (var a = 0; a < candidates.Length; a++)
                {
                    for (var b = a + 1; b < candidates.Length; b++)
                    {
                        sets.Add([candidates[a], candidates[b]]);
                    }
                }

                runner.Total = sets.Count;
                entries = Ordered(network, [.. sets], runner.RunAll([.. sets]));
                break;
            }

            default:
                entries = Greedy(network, candidates, runner);
                break;
        }

        return new RankingResult(prepared, Options, ids, entries, runner.Runs, baseline);
    }

    private int[] Candidates(FinancingNetwork network)
    {
        switch (Options.Candidates)
        {
            case RankingCandidates.FundingSources:
                return [.. Enumerable.Range(0, network.EntityCount).Where(v => network.Index.IsFundingSource[v])];
            case RankingCandidates.AllEntities:
                return [.. Enumerable.Range(0, network.EntityCount)];
            default:
                var result = new List<int>();
                var seen = new HashSet<int>();
                foreach (var id in Options.CandidateIds.IsDefault ? [] : Options.CandidateIds)
                {
                    var v = id is null ? -1 : network.IndexOf(id);
                    if (v < 0)
                    {
                        throw new ArgumentException($"The ranking candidate '{id}' is not an entity of the network.", nameof(network));
                    }

                    if (!seen.Add(v))
                    {
                        throw new ArgumentException($"The ranking candidate '{id}' is given twice.", nameof(network));
                    }

                    result.Add(v);
                }

                return [.. result];
        }
    }

    private static ImmutableArray<CandidateRank> Ordered(FinancingNetwork network, int[][] sets, Summary[] summaries)
    {
        var order = Enumerable.Range(0, sets.Length).ToArray();
        Array.Sort(order, (a, b) => Compare(summaries[a], summaries[b]) is var c && c != 0 ? c : a.CompareTo(b));
        var builder = ImmutableArray.CreateBuilder<CandidateRank>(sets.Length);
        for (var rank = 0; rank < order.Length; rank++)
        {
            builder.Add(Entry(network, rank + 1, sets[order[rank]], summaries[order[rank]]));
        }

        return builder.MoveToImmutable();
    }

    private static ImmutableArray<CandidateRank> Greedy(FinancingNetwork network, int[] candidates, Runner runner)
    {
        var k = Math.Min(runner.Options.GreedySetSize, candidates.Length);
        runner.Total = Enumerable.Range(0, k).Sum(step => candidates.Length - step);
        var chosen = new List<int>();
        var remaining = candidates.ToList();
        var entries = ImmutableArray.CreateBuilder<CandidateRank>(k);
        for (var step = 0; step < k; step++)
        {
            var sets = remaining.Select(c => chosen.Append(c).ToArray()).ToArray();
            var summaries = runner.RunAll(sets);
            var best = 0;
            for (var i = 1; i < sets.Length; i++)
            {
                if (Compare(summaries[i], summaries[best]) < 0)
                {
                    best = i;
                }
            }

            chosen.Add(remaining[best]);
            remaining.RemoveAt(best);
            entries.Add(Entry(network, step + 1, [.. chosen], summaries[best]));
        }

        return entries.MoveToImmutable();
    }

    /// <summary>Ranking order: more links down, then more amount down, then more failures first.</summary>
    private static int Compare(Summary a, Summary b)
    {
        var c = b.LinksDown.CompareTo(a.LinksDown);
        if (c == 0)
        {
            c = b.AmountDown.CompareTo(a.AmountDown);
        }

        if (c == 0)
        {
            c = b.EntitiesFailed.CompareTo(a.EntitiesFailed);
        }

        return c;
    }

    private static CandidateRank Entry(FinancingNetwork network, int rank, int[] set, Summary s) => new(
        rank,
        [.. set.Select(v => network.Entities[v].Id)],
        s.LinksDown,
        s.DirectLinks,
        s.LinksDown - s.DirectLinks,
        s.AmountDown,
        s.DirectAmount,
        s.AmountDown - s.DirectAmount,
        s.EntitiesFailed)
    {
        EarlierFailures = s.EarlierFailures,
        FirstFailureRound = s.FirstFailureRound,
    };

    private readonly record struct Summary(int LinksDown, int DirectLinks, double AmountDown, double DirectAmount, int EntitiesFailed, int EarlierFailures = 0, int? FirstFailureRound = null);

    /// <summary>Runs batches of candidate sets in parallel, storing each result at its set's position.</summary>
    private sealed class Runner(PreparedCascade prepared, WithdrawalRankingOptions options, bool againstBaseline, IProgress<RankingProgress>? progress, CancellationToken cancellationToken)
    {
        private int _completed;

        public WithdrawalRankingOptions Options => options;

        public int Total { get; set; }

        public int Runs => _completed;

        public Summary[] RunAll(int[][] sets)
        {
            var summaries = new Summary[sets.Length];
            var reportEvery = Math.Max(1, Total / 1000);
            var parallel = Parallelism.Options(options.MaxDegreeOfParallelism, cancellationToken);
            try
            {
                Parallel.For(0, sets.Length, parallel, i =>
                {
                    var shock = options.Shock == CandidateShock.Withdraw
                        ? ResolvedShock.FromIndices(sets[i], options.WithdrawalFraction, [])
                        : ResolvedShock.FromIndices([], 1.0, sets[i]);
                    if (againstBaseline)
                    {
                        var d = prepared.SummarizeAgainstBaseline(shock, cancellationToken);
                        summaries[i] = new Summary(d.LinksDown, d.DirectLinks, d.AmountDown, d.DirectAmount, d.EntitiesFailed, d.EarlierFailures, d.FirstFailureRound);
                    }
                    else
                    {
                        var result = prepared.Summarize(shock, null, cancellationToken);
                        summaries[i] = new Summary(result.LinksDown, result.DirectLinksDown, result.AmountDown, result.DirectAmountDown, result.CascadeFailures);
                    }
                    var done = Interlocked.Increment(ref _completed);
                    if (progress is not null && (done % reportEvery == 0 || done == Total))
                    {
                        progress.Report(new RankingProgress(done, Total));
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }

            return summaries;
        }
    }
}
