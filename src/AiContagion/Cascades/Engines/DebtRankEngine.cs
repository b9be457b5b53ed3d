using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The engine behind <see cref="SingleHitDebtRank"/>, <see cref="LinearDebtRank"/> and <see cref="NonLinearDebtRank"/>: per-network impact lists
/// (who holds a claim on whom, and how hard), economic weights, and pooled sparse work arrays.
/// </summary>
internal sealed class DebtRankEngine : CascadeEngine
{
    private readonly NetworkIndex _index;
    private readonly bool _linear;
    private readonly bool _nonLinear;
    private readonly DebtRankOptions _options;
    private readonly double[] _capital;
    private readonly double[] _weight;

    // For each entity j: the distinct holders i of claims on j and the impact of j's distress on i.
    private readonly int[] _holderStart;
    private readonly int[] _holder;
    private readonly double[] _impact;
    private readonly WorkspacePool _pool;

    public DebtRankEngine(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings, DebtRankOptions options, bool linear, bool nonLinear = false)
        : base(model, network, settings)
    {
        _index = network.Index;
        _linear = linear;
        _nonLinear = nonLinear;
        _options = options;
        var n = _index.EntityCount;
        _capital = BalanceSheet.Capital(_index, options.Capital);
        _weight = Weights(network, options);

        // For each debtor j, its distinct claim holders in index order with the summed exposure (summed in link order):
        // a stamped scratch row instead of a sorted map per entity.
        _holderStart = new int[n + 1];
        var holders = new List<int>(_index.LinkCount / 2);
        var impacts = new List<double>(_index.LinkCount / 2);
        var exposure = new double[n];
        var stamp = new int[n];
        var row = new List<int>();
        var cap = !linear || options.CapImpactAtOne;
        for (var j = 0; j < n; j++)
        {
            row.Clear();
            foreach (var l in _index.LinksInto(j))
            {
                if (_index.Kind[l].IsClaim())
                {
                    var i = _index.LinkFrom[l];
                    if (stamp[i] != j + 1)
                    {
                        stamp[i] = j + 1;
                        exposure[i] = 0.0;
                        row.Add(i);
                    }

                    exposure[i] += _index.Amount[l];
                }
            }

            row.Sort();
            foreach (var i in row)
            {
                var impact = Impact(exposure[i], _capital[i], cap);
                if (impact > 0)
                {
                    holders.Add(i);
                    impacts.Add(impact);
                }
            }

            _holderStart[j + 1] = holders.Count;
        }

        _holder = [.. holders];
        _impact = [.. impacts];
        _pool = new WorkspacePool(_index, accumulators: 3);
    }

    /// <summary>Impact of a fully distressed debtor on a holder: exposure / capital (capped at 1 when asked); 1 for a holder with no capital left; 0 for unknown capital.</summary>
    private static double Impact(double exposure, double capital, bool cap)
    {
        if (exposure <= 0 || double.IsPositiveInfinity(capital))
        {
            return 0.0;
        }

        if (capital <= 0)
        {
            return 1.0;
        }

        var impact = exposure / capital;
        return cap ? Math.Min(1.0, impact) : impact;
    }

    private static double[] Weights(FinancingNetwork network, DebtRankOptions options)
    {
        var n = network.EntityCount;
        var weight = new double[n];
        if (options.EconomicWeights is { } given)
        {
            foreach (var (id, value) in given)
            {
                var v = network.IndexOf(id);
                if (v < 0)
                {
                    throw new ArgumentException($"The DebtRank economic weights name '{id}', which is not an entity of the network.", nameof(options));
                }

                weight[v] = value;
            }
        }
        else
        {
            weight = BalanceSheet.TotalAssets(network.Index);
        }

        var total = weight.Sum();
        for (var v = 0; v < n; v++)
        {
            weight[v] = total > 0 ? weight[v] / total : 1.0 / n;
        }

        return weight;
    }

    internal override CascadeResult Run(ResolvedShock shock, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ws = _pool.Rent();
        try
        {
            return RunIn(ws, shock, cancellationToken);
        }
        finally
        {
            _pool.Return(ws);
        }
    }

    private CascadeResult RunIn(EngineWorkspace ws, ResolvedShock shock, CancellationToken cancellationToken)
    {
        var distress = ws.Accumulator(DistressSlot);
        var delta = ws.Accumulator(DeltaSlot);
        // h(1): given distress, plus external-asset losses over capital, failures at 1; capped at 1.
        for (var i = 0; i < shock.Distressed.Length; i++)
        {
            Add(ws, distress, shock.Distressed[i], shock.DistressValues[i]);
        }

        for (var i = 0; i < shock.ExternallyHit.Length; i++)
        {
            var v = shock.ExternallyHit[i];
            var loss = shock.ExternalFractions[i] * BalanceSheet.OrZero(_index.ExternalAssets[v]);
            Add(ws, distress, v, Impact(loss, _capital[v], cap: true));
        }

        foreach (var v in shock.Failed)
        {
            Add(ws, distress, v, 1.0);
        }

        var active = new List<int>();
        foreach (var v in ws.Touched.Order())
        {
            distress[v] = Math.Min(1.0, distress[v]);
            if (distress[v] > 0)
            {
                active.Add(v);
                ws.State[v] = Distressed;
                delta[v] = distress[v];
            }
        }

        var initialStress = 0.0;
        foreach (var v in active)
        {
            initialStress += _weight[v] * distress[v];
            if (distress[v] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
            {
                ws.Fail(v, 0);
            }
        }

        var (rounds, iterations, residual) = _nonLinear ? PropagateNonLinear(ws, active, cancellationToken)
            : _linear ? PropagateLinear(ws, active, cancellationToken)
            : PropagateSingleHit(ws, active, cancellationToken);

        var touched = ws.Touched.Order().ToArray();
        var finalStress = 0.0;
        foreach (var v in touched)
        {
            finalStress += _weight[v] * distress[v];
        }

        // The links down, built per run rather than taken from the pooled workspace (whose ledger stays unallocated):
        // a DebtRank run reaches few links, and a pooled 24-byte-per-link ledger lives as long as the prepared model;
        // on 10⁶ links that made a fresh model's prepare + run twice as slow (quick timer, 'debtrank').
        var ledger = new LinkLedger(_index);
        ledger.ApplyWithdrawals(shock);
        foreach (var v in ws.FailedOrder)
        {
            ledger.ApplyFailure(v, ws.FailRound[v]);
        }

        var figures = new EntityFigures { Distress = SparseValues.Collect(ws.Touched, distress) };
        return Result(shock, rounds, iterations, ws.FailedOrder, ws.FailRound, ledger, figures, (finalStress - initialStress, initialStress), residual);
    }

    /// <summary>
    /// Battiston et al. (2012): an entity distressed in round t passes <c>W_ij · h_j(t)</c> to each holder i in round
    /// t + 1, then turns inactive; inactive entities still take distress but never pass it on again.
    /// </summary>
    private (int Rounds, int Iterations, double? Residual) PropagateSingleHit(EngineWorkspace ws, List<int> active, CancellationToken cancellationToken)
    {
        var distress = ws.Accumulator(DistressSlot);
        var incoming = ws.Accumulator(IncomingSlot);
        var round = 0;
        var iterations = 1;
        var lastChange = 0;
        var receivers = ws.Queue;
        while (active.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            round++;
            iterations++;
            receivers.Clear();
            foreach (var j in active)
            {
                var hj = distress[j];
                for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
                {
                    Receive(ws, incoming, _holder[c], _impact[c] * hj);
                }
            }

            foreach (var j in active)
            {
                ws.State[j] = Inactive;
            }

            active.Clear();
            receivers.Sort();
            foreach (var i in receivers)
            {
                var before = distress[i];
                distress[i] = Math.Min(1.0, before + incoming[i]);
                incoming[i] = 0;
                ws.IsQueued[i] = false;
                if (distress[i] > before)
                {
                    lastChange = round;
                }

                if (ws.State[i] == Undistressed && distress[i] > 0)
                {
                    ws.State[i] = Distressed;
                    active.Add(i);
                }

                if (ws.FailRound[i] < 0 && distress[i] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
                {
                    ws.Fail(i, round);
                }
            }

        }

        return (lastChange, iterations, null);
    }

    /// <summary>
    /// Bardoscia et al. (2015): <c>h_i(t+1) = min(1, h_i(t) + Σ_j Λ_ij (h_j(t) − h_j(t−1)))</c>; every entity passes on
    /// each increase of its distress. Ends when no distress grows by more than the tolerance. Every
    /// <see cref="TailCheckInterval"/> rounds the linear stretch ahead is taken in closed form
    /// (<see cref="TryLeapAhead"/>), so near-critical networks, whose increments decay or grow slowly, end in few passes.
    /// </summary>
    private (int Rounds, int Iterations, double? Residual) PropagateLinear(EngineWorkspace ws, List<int> active, CancellationToken cancellationToken)
    {
        var distress = ws.Accumulator(DistressSlot);
        var delta = ws.Accumulator(DeltaSlot);
        var incoming = ws.Accumulator(IncomingSlot);
        long round = 0;
        long lastChange = 0;
        var iterations = 1;
        var receivers = ws.Queue;
        while (active.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (iterations > _options.MaxIterations)
            {
                return (ClampRound(lastChange), iterations, active.Max(v => delta[v]));
            }

            if (iterations % TailCheckInterval == 0)
            {
                var leap = TryLeapAhead(ws, active, round);
                if (leap.Rounds > 0)
                {
                    iterations++;
                    round += leap.Rounds;
                    lastChange = round;
                    if (leap.Finished)
                    {
                        break;
                    }

                    continue;
                }
            }

            round++;
            iterations++;
            receivers.Clear();
            foreach (var j in active)
            {
                var dj = delta[j];
                delta[j] = 0;
                for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
                {
                    Receive(ws, incoming, _holder[c], _impact[c] * dj);
                }
            }

            active.Clear();
            receivers.Sort();
            foreach (var i in receivers)
            {
                var before = distress[i];
                distress[i] = Math.Min(1.0, before + incoming[i]);
                incoming[i] = 0;
                ws.IsQueued[i] = false;
                var grown = distress[i] - before;
                if (grown > 0)
                {
                    lastChange = round;
                }

                if (grown > _options.Tolerance)
                {
                    delta[i] = grown;
                    active.Add(i);
                }

                if (ws.FailRound[i] < 0 && distress[i] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
                {
                    ws.Fail(i, ClampRound(round));
                }
            }
        }

        return (ClampRound(lastChange), iterations, null);
    }

    private static int ClampRound(long round) => (int)Math.Min(round, int.MaxValue);

    /// <summary>
    /// Bardoscia et al. (2016), the authors' code: <c>h_i(t+1) = min(1, h_i(t) + Σ_j Λ_ij (p(h_j(t)) − p(h_j(t−1))))</c> with
    /// <c>p(h) = h e^(α(h − 1))</c>; every entity passes on each increase of <c>p</c> of its distress. The delta slot holds
    /// the <c>p</c> an entity has passed on so far. Ends when no entity has more than the tolerance of <c>p</c> to pass on.
    /// </summary>
    private (int Rounds, int Iterations, double? Residual) PropagateNonLinear(EngineWorkspace ws, List<int> active, CancellationToken cancellationToken)
    {
        var distress = ws.Accumulator(DistressSlot);
        var passed = ws.Accumulator(DeltaSlot);
        var incoming = ws.Accumulator(IncomingSlot);
        var alpha = _options.Alpha;
        foreach (var j in active)
        {
            passed[j] = 0;
        }

        var round = 0;
        var lastChange = 0;
        var iterations = 1;
        var receivers = ws.Queue;
        while (active.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (iterations > _options.MaxIterations)
            {
                return (lastChange, iterations, active.Max(v => Propagation(distress[v], alpha) - passed[v]));
            }

            round++;
            iterations++;
            receivers.Clear();
            foreach (var j in active)
            {
                var p = Propagation(distress[j], alpha);
                var dp = p - passed[j];
                passed[j] = p;
                for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
                {
                    Receive(ws, incoming, _holder[c], _impact[c] * dp);
                }
            }

            active.Clear();
            receivers.Sort();
            foreach (var i in receivers)
            {
                var before = distress[i];
                distress[i] = Math.Min(1.0, before + incoming[i]);
                incoming[i] = 0;
                ws.IsQueued[i] = false;
                if (distress[i] > before)
                {
                    lastChange = round;
                }

                if (Propagation(distress[i], alpha) - passed[i] > _options.Tolerance)
                {
                    active.Add(i);
                }

                if (ws.FailRound[i] < 0 && distress[i] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
                {
                    ws.Fail(i, round);
                }
            }
        }

        return (lastChange, iterations, null);
    }

    /// <summary>The non-linear DebtRank's propagation function <c>p(h) = h e^(α(h − 1))</c> on [0, 1]: p(0) = 0, p(1) = 1, p(h) ≤ h; α = 0 gives h, α = ∞ gives 1 only at h = 1.</summary>
    internal static double Propagation(double h, double alpha) =>
        h >= 1.0 ? 1.0 : alpha == 0 ? h : h * Math.Exp(alpha * (h - 1));

    /// <summary>Passes of linear DebtRank between two attempts to leap ahead in closed form.</summary>
    private const int TailCheckInterval = 32;

    /// <summary>The largest set of unsaturated entities a closed-form finish solves (dense LU).</summary>
    private const int TailSolveLimit = 1000;

    /// <summary>The largest set of unsaturated entities a closed-form leap handles (dense matrix powers).</summary>
    private const int LeapLimit = 200;

    /// <summary>
    /// Takes the linear stretch ahead of linear DebtRank in closed form. While no h reaches 1 the dynamics are linear:
    /// the pending increments <c>Δ_A</c> of the active entities reach the holders as <c>y = Λ_·A Δ_A</c>, and the
    /// unsaturated entities U reached pass everything on (saturated ones absorb). Two leaps:
    /// <list type="number">
    /// <item><b>Finish</b>: the total U receives from now on is <c>R_U = (I − Λ_UU)⁻¹ y_U</c>; this is the run's limit
    /// when <c>R_U ≥ 0</c> (by Perron–Frobenius: the spectral radius of Λ_UU is below 1) and <c>h_U + R_U ≤ 1</c>
    /// (the cap never acts).</item>
    /// <item><b>Jump</b> (when distress is still growing, spectral radius ≥ 1): after one explicit step
    /// (<c>h += y</c>, <c>d = y</c>), binary lifting with <c>Λ^(2^k)</c> and <c>Σ_{s&lt;2^k} Λ^s</c> advances the largest
    /// number of rounds T after which no entity of U has reached its failure distress:
    /// <c>h += Σ_{s=1..T} Λ^s d</c>, <c>d = Λ^T d</c>. The round-by-round loop then resumes at the round where the
    /// next entity saturates, so failure rounds stay exact.</item>
    /// </list>
    /// </summary>
    /// <returns>The rounds advanced (0 when no leap was possible) and whether the run is finished.</returns>
    private (long Rounds, bool Finished) TryLeapAhead(EngineWorkspace ws, List<int> active, long round)
    {
        var distress = ws.Accumulator(DistressSlot);
        var delta = ws.Accumulator(DeltaSlot);
        // The unsaturated entities reachable from the active ones through holders.
        var unsaturated = new List<int>();
        var local = new Dictionary<int, int>();
        var queue = new Queue<int>(active);
        var seen = new HashSet<int>(active);
        var isActive = new HashSet<int>(active);
        while (queue.Count > 0)
        {
            var j = queue.Dequeue();
            if (distress[j] < 1.0 && !local.ContainsKey(j))
            {
                local[j] = unsaturated.Count;
                unsaturated.Add(j);
                if (unsaturated.Count > TailSolveLimit)
                {
                    return (0, false);
                }
            }

            if (!isActive.Contains(j) && distress[j] >= 1.0)
            {
                continue;
            }

            for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
            {
                if (seen.Add(_holder[c]))
                {
                    queue.Enqueue(_holder[c]);
                }
            }
        }

        var k = unsaturated.Count;
        if (k == 0)
        {
            return (0, false);
        }

        var build = MathNet.Numerics.LinearAlgebra.Vector<double>.Build;
        var y = build.Dense(k);
        foreach (var j in active)
        {
            for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
            {
                if (local.TryGetValue(_holder[c], out var a))
                {
                    y[a] += _impact[c] * delta[j];
                }
            }
        }

        var leverage = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(k, k);
        foreach (var j in unsaturated)
        {
            var b = local[j];
            for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
            {
                if (local.TryGetValue(_holder[c], out var a))
                {
                    leverage[a, b] += _impact[c];
                }
            }
        }

        var h = build.Dense(k, a => distress[unsaturated[a]]);
        var identity = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(k);

        // Finish: R = (I − Λ)⁻¹ y.
        var system = identity - leverage;
        var received = system.LU().Solve(y);
        if (received.ForAll(double.IsFinite)
            && (system * received - y).InfinityNorm() <= 1e-10 * Math.Max(1.0, y.InfinityNorm())
            && received.ForAll(r => r >= -1e-15)
            && (h + received).ForAll(v => v <= 1.0 + BalanceSheet.RelativeSlack))
        {
            Apply(ws, active, unsaturated, h + received, null, round + 1);
            return (1, true);
        }

        // Jump: one explicit step, then binary lifting while nobody reaches the failure distress.
        if (k > LeapLimit)
        {
            return (0, false);
        }

        var limit = _options.FailureDistress * (1 - BalanceSheet.RelativeSlack);
        var afterFirst = h + y;
        if (!afterFirst.ForAll(v => v < limit))
        {
            return (0, false);
        }

        var powers = new List<MathNet.Numerics.LinearAlgebra.Matrix<double>> { leverage };
        var sums = new List<MathNet.Numerics.LinearAlgebra.Matrix<double>> { identity };
        while (powers.Count < 62)
        {
            var last = powers[^1];
            var nextPower = last * last;
            var nextSum = sums[^1] + (last * sums[^1]);
            if (!nextPower.ForAll(double.IsFinite) || !nextSum.ForAll(double.IsFinite))
            {
                break;
            }

            powers.Add(nextPower);
            sums.Add(nextSum);
        }

        var reached = afterFirst;
        var pending = y;
        long steps = 1;
        for (var level = powers.Count - 1; level >= 0; level--)
        {
            var candidate = reached + (sums[level] * (leverage * pending));
            if (candidate.ForAll(v => double.IsFinite(v) && v < limit))
            {
                reached = candidate;
                pending = powers[level] * pending;
                steps += 1L << level;
            }
        }

        Apply(ws, active, unsaturated, reached, pending, round + steps);
        return (steps, false);
    }

    /// <summary>Writes a leap's distress (and, for a jump, the pending increments that make the new active set).</summary>
    private void Apply(EngineWorkspace ws, List<int> active, List<int> unsaturated, MathNet.Numerics.LinearAlgebra.Vector<double> leapt, MathNet.Numerics.LinearAlgebra.Vector<double>? pending, long round)
    {
        var distress = ws.Accumulator(DistressSlot);
        var delta = ws.Accumulator(DeltaSlot);
        foreach (var j in active)
        {
            delta[j] = 0;
        }

        active.Clear();
        foreach (var a in Enumerable.Range(0, unsaturated.Count).OrderBy(a => unsaturated[a]))
        {
            var i = unsaturated[a];
            ws.Touch(i);
            distress[i] = Math.Clamp(leapt[a], distress[i], 1.0);
            if (pending is not null && pending[a] > _options.Tolerance)
            {
                delta[i] = pending[a];
                active.Add(i);
            }

            if (ws.FailRound[i] < 0 && distress[i] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
            {
                ws.Fail(i, ClampRound(round));
            }
        }
    }

    private const int DistressSlot = 0;
    private const int DeltaSlot = 1;
    private const int IncomingSlot = 2;

    /// <summary>Adds distress to an entity (h before the cap is applied).</summary>
    private static void Add(EngineWorkspace ws, double[] distress, int v, double value)
    {
        ws.Touch(v);
        distress[v] += value;
    }

    /// <summary>Distress passed to an entity this round, applied when the round's receivers are processed in index order.</summary>
    private static void Receive(EngineWorkspace ws, double[] incoming, int v, double value)
    {
        incoming[v] += value;
        ws.Enqueue(v);
    }

    private const byte Undistressed = 0;
    private const byte Distressed = 1;
    private const byte Inactive = 2;
}
