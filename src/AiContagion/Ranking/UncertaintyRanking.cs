using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Ranking;

/// <summary>
/// The withdrawal ranking under uncertain amounts: draws the network's ranged amounts N times
/// (<see cref="AmountDraws"/>), ranks the candidates in every draw with <see cref="WithdrawalRanking"/>, and reports
/// for each candidate how likely it is to rank first and in the top 3, the interval its rank falls in, and the
/// distribution of the links its withdrawal brings down.
/// </summary>
/// <remarks>
/// <para><b>Any model.</b> Each draw is an ordinary <see cref="FinancingNetwork"/> ranked through the model's public
/// interface (<see cref="ICascadeModel.Prepare"/>, then one summary run per candidate), so every model — the
/// round-based ones, the clearing and DebtRank models, and any model added later — is ranked the same way.</para>
/// <para><b>Ties.</b> In a draw, candidates are tied when their ranking keys are equal: the same links down, the same
/// entities failed, and amounts down equal to 10⁻⁹ relative (two withdrawals that bring down the same links sum their
/// amounts in different orders, which can differ in the last bits). The order the ranking gives tied candidates
/// (candidate order, or those last bits) carries no information. A tie group of t candidates occupying places
/// p … p + t − 1 shares them evenly:</para>
/// <list type="bullet">
/// <item><b>Share of first place</b> x₁ = 1/t for each member when p = 1, else 0. <c>PFirst</c> = mean of x₁ over the
/// N draws; the shares of a draw sum to 1, so the <c>PFirst</c> of all candidates sum to 1.</item>
/// <item><b>Share of the top 3</b> x₃ = max(0, min(p + t − 1, 3) − p + 1) / t: the top-3 places the group holds, split
/// evenly (a group of 4 tied in places 2–5 holds places 2 and 3: ½ each). <c>PTop3</c> = mean of x₃; the
/// <c>PTop3</c> of all candidates sum to min(3, candidates).</item>
/// <item><b>Rank</b> in a draw: p, the best place of its tie group (competition ranking, "1224"): a candidate tied for
/// first has rank 1.</item>
/// </list>
/// <para><b>Statistics</b> over the N draws, in draw order. Standard error of a probability: the sample standard
/// deviation of its per-draw shares (N − 1 in the denominator) over √N, 0 when N = 1; without ties this is
/// √(p̂(1 − p̂)/(N − 1)). Quantiles (rank interval <c>RankLow</c>–<c>RankHigh</c> = 5 %–95 %, links down p05, p95):
/// the empirical inverse distribution function (Hyndman &amp; Fan 1996, type 1), q_α = x_(⌈αN⌉) of the sorted values
/// (αN rounded to 9 decimals first, and at least 1): always an observed value, never interpolated, as the stress
/// statistics define it. Links-down mean: the exact mean. Hyndman, R. J. &amp; Fan, Y. (1996), "Sample quantiles in
/// statistical packages", The American Statistician 50(4), 361–365, doi:10.1080/00031305.1996.10473566.</para>
/// <para><b>Determinism.</b> Draw k's amounts depend only on (seed, k, link) and each draw is ranked on one thread;
/// the per-draw outcomes are stored by draw and reduced in draw order. The result is therefore identical at any
/// <see cref="UncertaintyRankingOptions.MaxDegreeOfParallelism"/>.</para>
/// <para><b>Direction.</b> As the ranking and the model: a withdrawal stops the candidate's outgoing links; the model
/// walks links its own way.</para>
/// <para><b>Cost.</b> One nominal ranking plus N rankings of c candidates (c(c − 1)/2 pairs): N(c + 1) model
/// preparations and runs, each draw costing an O(m) copy of the links and amounts plus the model's preparation (O(n + m))
/// and c runs. Draws run in parallel. Memory: 12 bytes per draw and candidate, plus one drawn network per worker.
/// When no link has a range the stated network is ranked once and that ranking stands for every draw.</para>
/// <para><b>Thread safety.</b> Immutable; <see cref="Run"/> may be called from several threads.</para>
/// </remarks>
public sealed class UncertaintyRanking
{
    /// <summary>The places counted by <see cref="CandidateUncertainty.PTop3"/>.</summary>
    private const int Top = 3;

    /// <summary>Amounts down within this relative difference are equal in the tie test (the same links summed in another order).</summary>
    private const double AmountTolerance = 1e-9;

    /// <summary>Creates an uncertainty ranking for a model.</summary>
    /// <param name="model">The model ranked in every draw.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults (1,000 triangular draws, seed 1, every funding source).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The ranking options ask for a greedy set.</exception>
    public UncertaintyRanking(ICascadeModel model, UncertaintyRankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Options = options ?? new UncertaintyRankingOptions();
        Options.Validate();
    }

    /// <summary>The model.</summary>
    public ICascadeModel Model { get; }

    /// <summary>The options.</summary>
    public UncertaintyRankingOptions Options { get; }

    /// <summary>Ranks the candidates over the draws of the network's uncertain amounts.</summary>
    /// <param name="network">The network (not changed); links with <see cref="Link.Low"/> or <see cref="Link.High"/> are drawn.</param>
    /// <param name="progress">Receives <see cref="RankingProgress"/> reports of draws completed out of N (from worker threads); may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>The candidates with their probabilities and intervals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A given candidate id is unknown or repeated, or the model refuses the candidate shock.</exception>
    /// <exception cref="CascadeConvergenceException">A run did not converge (in the stated network or in a draw).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public UncertaintyRankingResult Run(FinancingNetwork network, IProgress<RankingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var ranking = new WithdrawalRanking(Model, Options.Ranking with { MaxDegreeOfParallelism = 1 });
        var nominal = new WithdrawalRanking(Model, Options.Ranking with { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism })
            .Rank(network, null, cancellationToken);
        var slots = new Slots(network, nominal);
        var draws = new AmountDraws(network, Options.Distribution, Options.Seed);
        var n = Options.Draws;
        if ((long)n * slots.Count > Array.MaxLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{n} draws of {slots.Count} candidates are more outcomes than one array holds; use fewer draws or candidates."),
                nameof(network));
        }

        var outcomes = new DrawOutcomes(n, slots.Count);
        var runs = (long)nominal.Runs;
        if (draws.RangedLinks.IsEmpty)
        {
            // Every draw is the stated network: its ranking stands for all of them.
            outcomes.Record(0, nominal.Entries, slots);
            outcomes.CopyFirstToAll();
            progress?.Report(new RankingProgress(n, n));
        }
        else
        {
            var completed = 0;
            var drawRuns = 0L;
            var reportEvery = Math.Max(1, n / 1000);
            var parallel = Parallelism.Options(Options.MaxDegreeOfParallelism, cancellationToken);
            try
            {
                Parallel.For(0, n, parallel, d =>
                {
                    var result = ranking.Rank(draws.Draw(d), null, cancellationToken);
                    outcomes.Record(d, result.Entries, slots);
                    Interlocked.Add(ref drawRuns, result.Runs);
                    var done = Interlocked.Increment(ref completed);
                    if (progress is not null && (done % reportEvery == 0 || done == n))
                    {
                        progress.Report(new RankingProgress(done, n));
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }

            runs += drawRuns;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var candidates = outcomes.Summarize(slots);
        return new UncertaintyRankingResult(
            Options, nominal, draws.RangedLinks, (int)Math.Min(int.MaxValue, runs), outcomes.TiedFirstDraws(), candidates);
    }

    /// <summary>
    /// The q-quantile of sorted values by the empirical inverse distribution function (Hyndman–Fan type 1):
    /// x_(⌈qN⌉), with qN rounded to 9 decimals and the index at least 1.
    /// </summary>
    internal static int Quantile(ReadOnlySpan<int> sorted, double q)
    {
        var k = (int)Math.Ceiling(Math.Round(q * sorted.Length, 9));
        return sorted[Math.Clamp(k, 1, sorted.Length) - 1];
    }

    /// <summary>
    /// Walks a ranking's entries (in rank order) by tie group: each entry with its place (the best place of its group,
    /// 1-based) and the size of its group.
    /// </summary>
    private static void ForEachPlace(ImmutableArray<CandidateRank> entries, Action<CandidateRank, int, int> visit)
    {
        var start = 0;
        while (start < entries.Length)
        {
            var end = start + 1;
            while (end < entries.Length && SameKey(entries[start], entries[end]))
            {
                end++;
            }

            for (var j = start; j < end; j++)
            {
                visit(entries[j], start + 1, end - start);
            }

            start = end;
        }
    }

    /// <summary>Tied: the same links down and failures, and amounts down equal to <see cref="AmountTolerance"/> relative.</summary>
    private static bool SameKey(CandidateRank a, CandidateRank b) =>
        a.LinksDown == b.LinksDown && a.EntitiesFailed == b.EntitiesFailed
        && Math.Abs(a.AmountDown - b.AmountDown) <= AmountTolerance * Math.Max(Math.Abs(a.AmountDown), Math.Abs(b.AmountDown));

    /// <summary>Where each entry of a draw's ranking is stored: candidates (or pairs) in candidate order.</summary>
    private sealed class Slots
    {
        private readonly int[] _position;
        private readonly int _candidates;
        private readonly bool _pairs;

        public Slots(FinancingNetwork network, RankingResult nominal)
        {
            _pairs = nominal.Options.Mode == RankingMode.Pairs;
            _candidates = nominal.Candidates.Length;
            _position = new int[network.EntityCount];
            Array.Fill(_position, -1);
            for (var i = 0; i < nominal.Candidates.Length; i++)
            {
                _position[network.IndexOf(nominal.Candidates[i])] = i;
            }

            Network = network;
            Count = nominal.Entries.Length;
            Sources = new ImmutableArray<string>[Count];
            NominalRank = new int[Count];
            ForEachPlace(nominal.Entries, (entry, place, _) =>
            {
                var slot = Of(entry);
                Sources[slot] = entry.Sources;
                NominalRank[slot] = place;
            });
        }

        public FinancingNetwork Network { get; }

        public int Count { get; }

        public ImmutableArray<string>[] Sources { get; }

        public int[] NominalRank { get; }

        /// <summary>The slot of an entry: its candidate's position, or for a pair (p &lt; q) its place in the order the ranking forms pairs.</summary>
        public int Of(CandidateRank entry)
        {
            var p = _position[Network.IndexOf(entry.Sources[0])];
            if (!_pairs)
            {
                return p;
            }

            var q = _position[Network.IndexOf(entry.Sources[1])];
            return (p * _candidates) - (p * (p + 1) / 2) + (q - p - 1);
        }
    }

    /// <summary>Each draw's outcome per slot (rank, tie-group size, links down), stored by draw so that the reduction runs in draw order.</summary>
    private sealed class DrawOutcomes(int draws, int slots)
    {
        private readonly int[] _rank = new int[draws * slots];
        private readonly int[] _tied = new int[draws * slots];
        private readonly int[] _links = new int[draws * slots];

        public void Record(int draw, ImmutableArray<CandidateRank> entries, Slots map)
        {
            var offset = draw * slots;
            ForEachPlace(entries, (entry, place, tied) =>
            {
                var slot = offset + map.Of(entry);
                _rank[slot] = place;
                _tied[slot] = tied;
                _links[slot] = entry.LinksDown;
            });
        }

        public void CopyFirstToAll()
        {
            for (var d = 1; d < draws; d++)
            {
                Array.Copy(_rank, 0, _rank, d * slots, slots);
                Array.Copy(_tied, 0, _tied, d * slots, slots);
                Array.Copy(_links, 0, _links, d * slots, slots);
            }
        }

        public int TiedFirstDraws()
        {
            var count = 0;
            for (var d = 0; d < draws; d++)
            {
                for (var s = 0; s < slots; s++)
                {
                    if (_rank[(d * slots) + s] == 1 && _tied[(d * slots) + s] > 1)
                    {
                        count++;
                        break;
                    }
                }
            }

            return count;
        }

        public ImmutableArray<CandidateUncertainty> Summarize(Slots map)
        {
            var rows = new CandidateUncertainty[slots];
            var first = new double[draws];
            var top = new double[draws];
            var ranks = new int[draws];
            var links = new int[draws];
            for (var s = 0; s < slots; s++)
            {
                long linkSum = 0;
                for (var d = 0; d < draws; d++)
                {
                    var i = (d * slots) + s;
                    var p = _rank[i];
                    var t = _tied[i];
                    first[d] = p == 1 ? 1.0 / t : 0.0;
                    top[d] = p <= Top ? (double)(Math.Min(p + t - 1, Top) - p + 1) / t : 0.0;
                    ranks[d] = p;
                    links[d] = _links[i];
                    linkSum += _links[i];
                }

                Array.Sort(ranks);
                Array.Sort(links);
                var (pFirst, pFirstError) = MeanAndError(first);
                var (pTop, pTopError) = MeanAndError(top);
                rows[s] = new CandidateUncertainty(
                    map.Sources[s],
                    map.NominalRank[s],
                    pFirst,
                    pFirstError,
                    pTop,
                    pTopError,
                    Quantile(ranks, 0.05),
                    Quantile(ranks, 0.95),
                    (double)linkSum / draws,
                    Quantile(links, 0.05),
                    Quantile(links, 0.95));
            }

            var order = Enumerable.Range(0, slots).ToArray();
            Array.Sort(order, (a, b) => Order(rows[a], rows[b]) is var c && c != 0 ? c : a.CompareTo(b));
            return [.. order.Select(s => rows[s])];
        }


        /// <summary>The mean and its standard error (sample sd over √N; 0 for one value), summed in draw order.</summary>
        private static (double Mean, double Error) MeanAndError(double[] values)
        {
            var sum = 0.0;
            foreach (var x in values)
            {
                sum += x;
            }

            var mean = sum / values.Length;
            if (values.Length < 2)
            {
                return (mean, 0.0);
            }

            var squares = 0.0;
            foreach (var x in values)
            {
                squares += (x - mean) * (x - mean);
            }

            return (mean, Math.Sqrt(squares / (values.Length - 1) / values.Length));
        }

        private static int Order(CandidateUncertainty a, CandidateUncertainty b)
        {
            var c = b.PFirst.CompareTo(a.PFirst);
            if (c == 0)
            {
                c = b.PTop3.CompareTo(a.PTop3);
            }

            if (c == 0)
            {
                c = b.LinksDownMean.CompareTo(a.LinksDownMean);
            }

            return c != 0 ? c : a.NominalRank.CompareTo(b.NominalRank);
        }
    }
}
