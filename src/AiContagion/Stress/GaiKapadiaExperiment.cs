using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.ExceptionServices;
using AiContagion.Cascades;
using AiContagion.Generators;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Stress;

/// <summary>
/// The random-network experiment of Gai &amp; Kapadia (2010): draw directed Erdős–Rényi banking systems of average
/// degree z, fail one bank at random, and measure how often the default spreads to at least 5 % of the system and how
/// far it goes. Sweeping z shows the paper's window of contagion (robust-yet-fragile): contagion is possible for roughly
/// 1 &lt; z &lt; 8, and reaches almost the whole system when it happens.
/// </summary>
/// <remarks>
/// <para><b>System.</b> n banks, each with total assets 100: interbank assets <c>A = 100 · InterbankAssetShare</c> spread
/// evenly over its j debtors (none when j = 0), capital <c>K = 100 · CapitalRatio</c>, external assets the rest. Each
/// ordered pair (i, j) is linked with probability z / (n − 1) (<see cref="ErdosRenyiNetwork.Sample"/>): a Loan link
/// i → j, i.e. i holds a claim on j (docs/concepts.md#links). Bank i fails when <c>(1 − R) · A · (failed debtors / j) &gt; K</c>
/// (<see cref="GaiKapadiaExperimentOptions.Rule"/>); with the paper's figures one failed debtor sinks a bank iff
/// <c>20 / j &gt; 4</c>, i.e. j ≤ 4 (published case C8). This is <see cref="GaiKapadiaCascade"/> on that system; the
/// experiment runs it on compact arrays (no <see cref="FinancingNetwork"/> is built per trial), and a test checks the two
/// agree bank for bank.</para>
/// <para><b>Randomness.</b> Trial t at degree z draws its network with the seed <c>s_z + t</c> (s_z derived from
/// (<see cref="GaiKapadiaExperimentOptions.Seed"/>, z), so the trials of one point have distinct seeds) and its initial
/// failure from the stream (Seed, z, t). A point depends on the seed and z only: not on the other degrees swept, nor on
/// the thread count.</para>
/// <para><b>Direction.</b> Losses walk claim links against their direction (a failed debtor hurts its creditors).</para>
/// <para><b>Complexity.</b> O(n + zn) per trial; trials run in parallel. Thread-safe.</para>
/// <para>Gai, P. &amp; Kapadia, S. (2010), "Contagion in financial networks", Proceedings of the Royal Society A
/// 466(2120), 2401–2423, doi:10.1098/rspa.2009.0410.</para>
/// </remarks>
public static class GaiKapadiaExperiment
{
    /// <summary>Runs the experiment: every average degree of the options, <see cref="GaiKapadiaExperimentOptions.TrialsPerDegree"/> networks each.</summary>
    /// <param name="options">The options; <see langword="null"/> for the paper's (n = 1,000, z = 0 … 15, 1,000 networks per z).</param>
    /// <param name="progress">Receives trials completed out of all trials, from worker threads; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels between trials.</param>
    /// <returns>The contagion curve.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static GaiKapadiaExperimentResult Run(GaiKapadiaExperimentOptions? options = null, IProgress<StressProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new GaiKapadiaExperimentOptions();
        options.Validate();
        var degrees = options.AverageDegrees;
        var perDegree = options.TrialsPerDegree;
        var total = degrees.Length * perDegree;
        var defaults = new int[total];
        var links = new int[total];
        var completed = 0;
        var reportEvery = Math.Max(1, total / 1000);
        var parallel = Parallelism.Options(options.MaxDegreeOfParallelism, cancellationToken);
        try
        {
            Parallel.For(
                0,
                total,
                parallel,
                () => new Workspace(options.Banks),
                (index, _, workspace) =>
                {
                    var (d, t) = Math.DivRem(index, perDegree);
                    (defaults[index], links[index]) = RunTrial(options, degrees[d], t, workspace);
                    var done = Interlocked.Increment(ref completed);
                    if (progress is not null && (done % reportEvery == 0 || done == total))
                    {
                        progress.Report(new StressProgress(done, total));
                    }

                    return workspace;
                },
                _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var threshold = options.ContagionThreshold * options.Banks;
        var points = ImmutableArray.CreateBuilder<GaiKapadiaExperimentPoint>(degrees.Length);
        for (var d = 0; d < degrees.Length; d++)
        {
            var slice = new ArraySegment<int>(defaults, d * perDegree, perDegree);
            long contagious = 0, contagiousDefaults = 0, allDefaults = 0, allLinks = 0;
            for (var t = 0; t < perDegree; t++)
            {
                var count = slice[t];
                allDefaults += count;
                allLinks += links[(d * perDegree) + t];
                if (count >= threshold)
                {
                    contagious++;
                    contagiousDefaults += count;
                }
            }

            points.Add(new GaiKapadiaExperimentPoint(
                degrees[d],
                perDegree,
                (int)contagious,
                contagious == 0 ? 0.0 : (double)contagiousDefaults / contagious / options.Banks,
                (double)allDefaults / perDegree,
                (double)allLinks / perDegree / options.Banks));
        }

        return new GaiKapadiaExperimentResult(options, points.MoveToImmutable());
    }

    /// <summary>One trial: draws the network and the initial failure, runs the cascade; returns the defaults and the links.</summary>
    internal static (int Defaults, int Links) RunTrial(GaiKapadiaExperimentOptions options, double averageDegree, int trial, Workspace workspace)
    {
        var (from, to, initial) = Draw(options, averageDegree, trial);
        return (Cascade(options, from, to, initial, workspace), from.Count);
    }

    /// <summary>The network and initial failure of trial <paramref name="trial"/> at average degree z.</summary>
    internal static (List<int> From, List<int> To, int Initial) Draw(GaiKapadiaExperimentOptions options, double averageDegree, int trial)
    {
        var point = RandomStreams.StreamSeed(options.Seed, BitConverter.DoubleToInt64Bits(averageDegree));
        var networkSeed = unchecked((int)point + trial);
        var (from, to) = ErdosRenyiNetwork.Sample(options.Banks, averageDegree, networkSeed);
        var initial = RandomStreams.Create(point, trial).Next(options.Banks);
        return (from, to, initial);
    }

    /// <summary>
    /// The Gai–Kapadia cascade on the experiment's system, given its links (i → j: i lends to j) and the initially
    /// failed bank: the number of banks that end up failed, the initial one included. Equal to
    /// <see cref="GaiKapadiaCascade"/> on <see cref="BuildNetwork"/> (the final set of a monotone threshold cascade does
    /// not depend on the order failures are processed in, and every loss a bank takes is the same amount).
    /// </summary>
    internal static int Cascade(GaiKapadiaExperimentOptions options, IReadOnlyList<int> from, IReadOnlyList<int> to, int initial, Workspace workspace)
    {
        var n = options.Banks;
        var m = from.Count;
        workspace.Reset(m);
        var debtors = workspace.Debtors;
        var start = workspace.CreditorStart;
        var creditors = workspace.Creditors;

        // Debtors per bank (ER links are distinct pairs) and, per debtor, its creditors (CSR).
        for (var l = 0; l < m; l++)
        {
            debtors[from[l]]++;
            start[to[l] + 1]++;
        }

        for (var j = 0; j < n; j++)
        {
            start[j + 1] += start[j];
        }

        var fill = workspace.Fill;
        Array.Copy(start, fill, n);
        for (var l = 0; l < m; l++)
        {
            creditors[fill[to[l]]++] = from[l];
        }

        var interbank = 100.0 * options.InterbankAssetShare;
        var capital = 100.0 * options.CapitalRatio;
        var loss = workspace.Loss;
        var failed = workspace.Failed;
        var queue = workspace.Queue;
        var count = 0;
        if (BalanceSheet.Breaks(options.Rule, 0.0, capital))
        {
            // Capital 0 under the non-strict rule: every bank is insolvent before any loss.
            return n;
        }

        failed[initial] = true;
        queue[count++] = initial;
        for (var head = 0; head < count; head++)
        {
            var j = queue[head];
            for (var c = start[j]; c < start[j + 1]; c++)
            {
                var i = creditors[c];
                if (failed[i])
                {
                    continue;
                }

                loss[i] += (1.0 - options.Recovery) * interbank / debtors[i];
                if (BalanceSheet.Breaks(options.Rule, loss[i], capital))
                {
                    failed[i] = true;
                    queue[count++] = i;
                }
            }
        }

        return count;
    }

    /// <summary>The experiment's system as a <see cref="FinancingNetwork"/> (banks <c>e0</c> …), for checks and pictures.</summary>
    internal static FinancingNetwork BuildNetwork(GaiKapadiaExperimentOptions options, IReadOnlyList<int> from, IReadOnlyList<int> to, double averageDegree)
    {
        var n = options.Banks;
        var debtors = new int[n];
        for (var l = 0; l < from.Count; l++)
        {
            debtors[from[l]]++;
        }

        var interbank = 100.0 * options.InterbankAssetShare;
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Gai–Kapadia random system, n = {n}, z = {averageDegree}"),
            Unit = "units",
        });
        for (var i = 0; i < n; i++)
        {
            builder.AddEntity(new Entity(Id(i), Sector.Bank)
            {
                Capital = 100.0 * options.CapitalRatio,
                ExternalAssets = debtors[i] > 0 ? 100.0 - interbank : 100.0,
            });
        }

        for (var l = 0; l < from.Count; l++)
        {
            builder.AddLink(Id(from[l]), Id(to[l]), LinkKind.Loan, interbank / debtors[from[l]]);
        }

        return builder.Build();
    }

    /// <summary>The id of bank i, as the generators name entities.</summary>
    internal static string Id(int bank) => "e" + bank.ToString(CultureInfo.InvariantCulture);

    /// <summary>One thread's arrays, cleared between trials.</summary>
    internal sealed class Workspace(int banks)
    {
        public int[] Debtors { get; } = new int[banks];

        public int[] CreditorStart { get; } = new int[banks + 1];

        public int[] Fill { get; } = new int[banks];

        public int[] Creditors { get; private set; } = [];

        public double[] Loss { get; } = new double[banks];

        public bool[] Failed { get; } = new bool[banks];

        public int[] Queue { get; } = new int[banks];

        public void Reset(int links)
        {
            Array.Clear(Debtors);
            Array.Clear(CreditorStart);
            Array.Clear(Loss);
            Array.Clear(Failed);
            if (Creditors.Length < links)
            {
                Creditors = new int[Math.Max(links, Creditors.Length * 2)];
            }
        }
    }
}
