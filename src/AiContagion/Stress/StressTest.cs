using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using AiContagion.Cascades;
using AiContagion.Generators;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Stress;

/// <summary>
/// Monte Carlo stress test: in each trial, draw which entities withdraw (correlated through a one-factor Gaussian
/// copula) and, optionally, a random loss of external assets; run the chosen cascade model; record links down, amount
/// down, entities failed and which entities failed. The result gives the distribution of each (mean, standard error,
/// quantiles, expected shortfall, histogram) and each entity's probability of failure.
/// </summary>
/// <remarks>
/// <para><b>Draw.</b> Each at-risk entity i (see <see cref="StressOptions"/>) has a probability p_i. With one common
/// factor M and own noises ε_i, all independent standard normal, the latent variable is
/// <c>X_i = √ρ · M + √(1 − ρ) · ε_i</c> and i is drawn iff <c>X_i &lt; Φ⁻¹(p_i)</c> — so P(drawn) = p_i, and ρ is the
/// correlation of every pair of latent variables: ρ = 0 gives independent draws (the count of k sources with equal p
/// is Binomial(k, p)), ρ = 1 makes sources with equal p withdraw all together or not at all. A one-factor model, not a
/// Cholesky factor (one ρ for every pair; O(k) per trial). Drawn entities withdraw
/// (<see cref="StressOptions.WithdrawalFraction"/> of each outgoing link) or fail, by <see cref="StressOptions.Shock"/>.
/// Then, with an <see cref="StressOptions.ExternalShock"/>, every entity with external assets loses a fraction f of
/// them: one f per trial (common) or one per entity, drawn after the copula from the same stream.</para>
/// <para><b>Randomness.</b> Trial t draws from its own xoshiro256** stream seeded from (<see cref="StressOptions.Seed"/>, t)
/// (SplitMix64 mixing), and results are stored by trial number and reduced in trial order (integer failure counts
/// are summed, which is order-free). So the result — every number and every byte of its JSON — is the same for the same
/// seed whatever <see cref="StressOptions.MaxDegreeOfParallelism"/> and scheduling.</para>
/// <para><b>Direction.</b> A withdrawal stops the drawn entity's outgoing links (money it pays); the model then walks
/// links its own way (see its documentation).</para>
/// <para><b>Cost.</b> The model is prepared once; each trial draws O(k + exposed entities) numbers and runs the model's
/// summary path (<see cref="PreparedCascade.Summarize(CascadeShock, CancellationToken)"/>), which for the funding,
/// credit and chain cascades costs what the shock reaches. Memory: about 20 bytes per trial plus one count per entity
/// per thread. Trials run in parallel, in chunks; progress is reported after each chunk.</para>
/// <para><b>Thread safety.</b> Immutable; <see cref="Run"/> may be called from several threads.</para>
/// <para>Vasicek, O. (2002), "The distribution of loan portfolio value", Risk 15(12), 160–162. Li, D. X. (2000), "On
/// default correlation: a copula function approach", Journal of Fixed Income 9(4), 43–54, doi:10.3905/jfi.2000.319253.</para>
/// </remarks>
public sealed class StressTest
{
    /// <summary>Creates a stress test for a model.</summary>
    /// <param name="model">The cascade model each trial runs.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults (10,000 trials, seed 1, p = 0.1 per funding source, ρ = 0).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The model does not read the shock the options ask for (e.g. the funding model and an external-asset shock).</exception>
    public StressTest(ICascadeModel model, StressOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Options = options ?? new StressOptions();
        Options.Validate();
        Model = model;
        EnsureAccepted(model, Options);
    }

    /// <summary>The model.</summary>
    public ICascadeModel Model { get; }

    /// <summary>The options.</summary>
    public StressOptions Options { get; }

    /// <summary>Runs the trials on a network.</summary>
    /// <param name="network">The network (not changed).</param>
    /// <param name="progress">Receives <see cref="StressProgress"/> reports from worker threads as chunks of trials complete; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entity id in <see cref="StressOptions.EntityProbabilities"/> is not in the network.</exception>
    /// <exception cref="CascadeConvergenceException">A trial's model run did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public StressResult Run(FinancingNetwork network, IProgress<StressProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        cancellationToken.ThrowIfCancellationRequested();
        var (atRisk, probabilities) = AtRisk(network, Options);
        var exposed = Options.ExternalShock is null ? [] : Exposed(network);
        var prepared = Model.Prepare(network);
        var plan = new TrialPlan(Options, atRisk, new OneFactorCopula(probabilities, Options.Correlation), exposed, network.EntityCount);
        var trials = Options.Trials;
        var outcomes = new Outcomes(trials);
        var failures = new int[network.EntityCount];
        var draws = new int[atRisk.Length];
        var completed = 0;
        var gate = new Lock();
        var processors = Options.MaxDegreeOfParallelism > 0 ? Options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var chunk = Math.Clamp(trials / (processors * 16), 1, 2048);
        var parallel = Parallelism.Options(Options.MaxDegreeOfParallelism, cancellationToken);
        try
        {
            Parallel.ForEach(
                Partitioner.Create(0, trials, chunk),
                parallel,
                () => new Worker(plan, prepared),
                (range, _, worker) =>
                {
                    for (var trial = range.Item1; trial < range.Item2; trial++)
                    {
                        worker.Run(trial, outcomes, cancellationToken);
                    }

                    var done = Interlocked.Add(ref completed, range.Item2 - range.Item1);
                    progress?.Report(new StressProgress(done, trials));
                    return worker;
                },
                worker =>
                {
                    lock (gate)
                    {
                        worker.AddCountsTo(failures, draws);
                    }
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var probabilityOf = new double[network.EntityCount];
        var drawsOf = new int[network.EntityCount];
        for (var i = 0; i < atRisk.Length; i++)
        {
            probabilityOf[atRisk[i]] = probabilities[i];
            drawsOf[atRisk[i]] = draws[i];
        }

        var entities = network.Entities.Select((e, v) => new EntityStressOutcome(e.Id, probabilityOf[v], drawsOf[v], failures[v], trials)).ToImmutableArray();
        return new StressResult(
            network,
            Model.Name,
            prepared.Settings,
            Options,
            [.. atRisk.Select(v => network.Entities[v].Id)],
            exposed.Length,
            entities,
            outcomes.LinksDown,
            outcomes.AmountDown,
            outcomes.EntitiesFailed,
            outcomes.EntitiesDrawn);
    }

    /// <summary>Throws unless the model reads the shock channels the options use.</summary>
    private static void EnsureAccepted(ICascadeModel model, StressOptions options)
    {
        var drawn = options.Shock == CandidateShock.Withdraw ? ShockChannels.Withdrawal : ShockChannels.Failure;
        if ((model.Accepts & drawn) == 0)
        {
            throw new ArgumentException(
                $"The {model.Name} model does not read {(drawn == ShockChannels.Withdrawal ? "withdrawals" : "failures")}; "
                + $"models that do: {Accepting(drawn)}.",
                nameof(model));
        }

        if (options.ExternalShock is not null && (model.Accepts & ShockChannels.ExternalAssets) == 0)
        {
            throw new ArgumentException(
                $"The {model.Name} model does not read external-asset shocks; drop the external shock or choose a model that does: {Accepting(ShockChannels.ExternalAssets)}.",
                nameof(model));
        }
    }

    private static string Accepting(ShockChannels channel) =>
        string.Join(", ", CascadeModels.All.Where(k => (CascadeModels.Create(k).Accepts & channel) != 0).Select(CascadeModels.CommandName));

    /// <summary>The entities at risk, in network order, with their probabilities (p &gt; 0 only).</summary>
    private static (int[] Entities, double[] Probabilities) AtRisk(FinancingNetwork network, StressOptions options)
    {
        foreach (var id in options.EntityProbabilities.Keys.Order(StringComparer.Ordinal))
        {
            if (!network.Contains(id))
            {
                throw new ArgumentException($"The stress options give a probability for '{id}', which is not an entity of the network.", nameof(options));
            }
        }

        var entities = new List<int>();
        var probabilities = new List<double>();
        for (var v = 0; v < network.EntityCount; v++)
        {
            var entity = network.Entities[v];
            var p = options.EntityProbabilities.TryGetValue(entity.Id, out var own) ? own
                : options.SectorProbabilities.TryGetValue(entity.Sector, out var sector) ? sector
                : entity.IsFundingSource ? options.DefaultProbability
                : 0.0;
            if (p > 0)
            {
                entities.Add(v);
                probabilities.Add(p);
            }
        }

        return ([.. entities], [.. probabilities]);
    }

    /// <summary>Entities with a positive external-asset figure, in network order.</summary>
    private static int[] Exposed(FinancingNetwork network)
    {
        var index = network.Index;
        return [.. Enumerable.Range(0, index.EntityCount).Where(v => index.ExternalAssets[v] > 0)];
    }

    /// <summary>What every trial shares.</summary>
    private sealed record TrialPlan(StressOptions Options, int[] AtRisk, OneFactorCopula Copula, int[] Exposed, int EntityCount);

    /// <summary>The per-trial results, stored by trial number.</summary>
    private sealed class Outcomes(int trials)
    {
        public int[] LinksDown { get; } = new int[trials];

        public double[] AmountDown { get; } = new double[trials];

        public int[] EntitiesFailed { get; } = new int[trials];

        public int[] EntitiesDrawn { get; } = new int[trials];
    }

    /// <summary>One thread's work arrays and counts.</summary>
    private sealed class Worker(TrialPlan plan, PreparedCascade prepared)
    {
        private readonly bool[] _drawn = new bool[plan.AtRisk.Length];
        private readonly int[] _drawCounts = new int[plan.AtRisk.Length];
        private readonly int[] _failureCounts = new int[plan.EntityCount];
        private readonly List<int> _failed = [];
        private readonly double[] _commonFractions = new double[plan.Exposed.Length];
        private readonly StreamRandom _random = new(new SeededRandom(0));

        public void Run(int trial, Outcomes outcomes, CancellationToken cancellationToken)
        {
            var options = plan.Options;
            var source = RandomStreams.Create(options.Seed, trial);
            var count = plan.Copula.Draw(source, _drawn);
            var picked = new int[count];
            for (int i = 0, j = 0; i < _drawn.Length; i++)
            {
                if (_drawn[i])
                {
                    picked[j++] = plan.AtRisk[i];
                    _drawCounts[i]++;
                }
            }

            int[] hit = [];
            double[] fractions = [];
            if (options.ExternalShock is { } external && plan.Exposed.Length > 0)
            {
                _random.Source = source;
                hit = plan.Exposed;
                if (external.Scope == ExternalShockScope.Common)
                {
                    Array.Fill(_commonFractions, external.Sample(_random));
                    fractions = _commonFractions;
                }
                else
                {
                    fractions = new double[hit.Length];
                    for (var i = 0; i < fractions.Length; i++)
                    {
                        fractions[i] = external.Sample(_random);
                    }
                }
            }

            var shock = options.Shock == CandidateShock.Withdraw
                ? ResolvedShock.FromIndices(picked, Repeat(options.WithdrawalFraction, count), [], [], [], hit, fractions)
                : ResolvedShock.FromIndices([], [], picked, [], [], hit, fractions);
            _failed.Clear();
            var summary = prepared.Summarize(shock, _failed, cancellationToken);
            foreach (var v in _failed)
            {
                _failureCounts[v]++;
            }

            outcomes.LinksDown[trial] = summary.LinksDown;
            outcomes.AmountDown[trial] = summary.AmountDown;
            outcomes.EntitiesFailed[trial] = summary.EntitiesFailed;
            outcomes.EntitiesDrawn[trial] = count;
        }

        public void AddCountsTo(int[] failures, int[] draws)
        {
            for (var v = 0; v < failures.Length; v++)
            {
                failures[v] += _failureCounts[v];
            }

            for (var i = 0; i < draws.Length; i++)
            {
                draws[i] += _drawCounts[i];
            }
        }

        private static double[] Repeat(double value, int count)
        {
            var values = new double[count];
            Array.Fill(values, value);
            return values;
        }
    }
}
