using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The engine behind <see cref="SingleHitDebtRank"/> and <see cref="LinearDebtRank"/>: per-network impact lists
/// (who holds a claim on whom, and how hard), economic weights, and pooled sparse work arrays.
/// </summary>
internal sealed class DebtRankEngine : PreparedCascade
{
    private readonly NetworkIndex _index;
    private readonly bool _linear;
    private readonly DebtRankOptions _options;
    private readonly double[] _capital;
    private readonly double[] _weight;

    // For each entity j: the distinct holders i of claims on j and the impact of j's distress on i.
    private readonly int[] _holderStart;
    private readonly int[] _holder;
    private readonly double[] _impact;
    private readonly Pool<Workspace> _pool;

    public DebtRankEngine(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings, DebtRankOptions options, bool linear)
        : base(model, network, settings)
    {
        _index = network.Index;
        _linear = linear;
        _options = options;
        var n = _index.EntityCount;
        _capital = BalanceSheet.Capital(_index, options.Capital);
        _weight = Weights(network, options);

        _holderStart = new int[n + 1];
        var holders = new List<int>();
        var impacts = new List<double>();
        var exposure = new SortedDictionary<int, double>();
        var cap = !linear || options.CapImpactAtOne;
        for (var j = 0; j < n; j++)
        {
            exposure.Clear();
            foreach (var l in _index.LinksInto(j))
            {
                if (_index.Kind[l].IsClaim())
                {
                    var i = _index.LinkFrom[l];
                    exposure[i] = exposure.GetValueOrDefault(i) + _index.Amount[l];
                }
            }

            foreach (var (i, amount) in exposure)
            {
                var impact = Impact(amount, _capital[i], cap);
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
        _pool = new Pool<Workspace>(() => new Workspace(n));
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
            ws.Reset();
            _pool.Return(ws);
        }
    }

    private CascadeResult RunIn(Workspace ws, ResolvedShock shock, CancellationToken cancellationToken)
    {
        // h(1): given distress, plus external-asset losses over capital, failures at 1; capped at 1.
        for (var i = 0; i < shock.Distressed.Length; i++)
        {
            ws.Add(shock.Distressed[i], shock.DistressValues[i]);
        }

        for (var i = 0; i < shock.ExternallyHit.Length; i++)
        {
            var v = shock.ExternallyHit[i];
            var loss = shock.ExternalFractions[i] * BalanceSheet.OrZero(_index.ExternalAssets[v]);
            ws.Add(v, Impact(loss, _capital[v], cap: true));
        }

        foreach (var v in shock.Failed)
        {
            ws.Add(v, 1.0);
        }

        var active = new List<int>();
        foreach (var v in ws.Touched.Order())
        {
            ws.Distress[v] = Math.Min(1.0, ws.Distress[v]);
            if (ws.Distress[v] > 0)
            {
                active.Add(v);
                ws.State[v] = Distressed;
                ws.Delta[v] = ws.Distress[v];
            }
        }

        var initialStress = 0.0;
        foreach (var v in active)
        {
            initialStress += _weight[v] * ws.Distress[v];
            if (ws.Distress[v] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
            {
                ws.MarkFailed(v, 0);
            }
        }

        var (rounds, iterations) = _linear ? PropagateLinear(ws, active, cancellationToken) : PropagateSingleHit(ws, active, cancellationToken);

        var touched = ws.Touched.Order().ToArray();
        var finalStress = 0.0;
        foreach (var v in touched)
        {
            finalStress += _weight[v] * ws.Distress[v];
        }

        var ledger = new LinkLedger(_index);
        ledger.ApplyWithdrawals(shock);
        foreach (var v in ws.FailedOrder)
        {
            ledger.ApplyFailure(v, ws.FailRound[v]);
        }

        var figures = new EntityFigures { Distress = SparseValues.Collect(ws.Touched, ws.Distress) };
        return Result(shock, rounds, iterations, ws.FailedOrder, ws.FailRound, ledger, figures, (finalStress - initialStress, initialStress));
    }

    /// <summary>
    /// Battiston et al. (2012): an entity distressed in round t passes <c>W_ij · h_j(t)</c> to each holder i in round
    /// t + 1, then turns inactive; inactive entities still take distress but never pass it on again.
    /// </summary>
    private (int Rounds, int Iterations) PropagateSingleHit(Workspace ws, List<int> active, CancellationToken cancellationToken)
    {
        var round = 0;
        var iterations = 1;
        var lastChange = 0;
        var receivers = new List<int>();
        while (active.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            round++;
            iterations++;
            receivers.Clear();
            foreach (var j in active)
            {
                var hj = ws.Distress[j];
                for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
                {
                    ws.Receive(_holder[c], _impact[c] * hj, receivers);
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
                var before = ws.Distress[i];
                ws.Distress[i] = Math.Min(1.0, before + ws.Incoming[i]);
                ws.Incoming[i] = 0;
                ws.IsReceiver[i] = false;
                if (ws.Distress[i] > before)
                {
                    lastChange = round;
                }

                if (ws.State[i] == Undistressed && ws.Distress[i] > 0)
                {
                    ws.State[i] = Distressed;
                    active.Add(i);
                }

                if (ws.FailRound[i] < 0 && ws.Distress[i] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
                {
                    ws.MarkFailed(i, round);
                }
            }

        }

        return (lastChange, iterations);
    }

    /// <summary>
    /// Bardoscia et al. (2015): <c>h_i(t+1) = min(1, h_i(t) + Σ_j Λ_ij (h_j(t) − h_j(t−1)))</c>; every entity passes on
    /// each increase of its distress. Ends when no distress grows by more than the tolerance. Every
    /// <see cref="TailCheckInterval"/> rounds the rest of the run is tried in closed form (<see cref="TryFinishExactly"/>),
    /// so near-critical networks, whose increments decay slowly, still end in a few rounds.
    /// </summary>
    private (int Rounds, int Iterations) PropagateLinear(Workspace ws, List<int> active, CancellationToken cancellationToken)
    {
        var round = 0;
        var iterations = 1;
        var lastChange = 0;
        var receivers = new List<int>();
        while (active.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (iterations > _options.MaxIterations)
            {
                throw new CascadeConvergenceException(Model.Name, iterations, active.Max(v => ws.Delta[v]));
            }

            if (round > 0 && round % TailCheckInterval == 0 && TryFinishExactly(ws, active, round + 1))
            {
                return (round + 1, iterations + 1);
            }

            round++;
            iterations++;
            receivers.Clear();
            foreach (var j in active)
            {
                var dj = ws.Delta[j];
                ws.Delta[j] = 0;
                for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
                {
                    ws.Receive(_holder[c], _impact[c] * dj, receivers);
                }
            }

            active.Clear();
            receivers.Sort();
            foreach (var i in receivers)
            {
                var before = ws.Distress[i];
                ws.Distress[i] = Math.Min(1.0, before + ws.Incoming[i]);
                ws.Incoming[i] = 0;
                ws.IsReceiver[i] = false;
                var grown = ws.Distress[i] - before;
                if (grown > 0)
                {
                    lastChange = round;
                }

                if (grown > _options.Tolerance)
                {
                    ws.Delta[i] = grown;
                    active.Add(i);
                }

                if (ws.FailRound[i] < 0 && ws.Distress[i] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
                {
                    ws.MarkFailed(i, round);
                }
            }
        }

        return (lastChange, iterations);
    }

    /// <summary>Rounds of linear DebtRank between two attempts to finish the run in closed form.</summary>
    private const int TailCheckInterval = 32;

    /// <summary>The largest set of unsaturated entities a closed-form finish solves (dense LU).</summary>
    private const int TailSolveLimit = 1000;

    /// <summary>
    /// Finishes linear DebtRank in closed form when no further entity will saturate. While no h reaches 1 the
    /// dynamics are linear: the pending increments <c>Δ_A</c> of the active entities reach the holders as
    /// <c>y = Λ_·A Δ_A</c>, and the unsaturated entities U reached pass everything on, so the total each receives from
    /// now on is <c>R_U = y_U + Λ_UU R_U</c>, i.e. <c>R_U = (I − Λ_UU)⁻¹ y_U</c>. That is the run's limit exactly when
    /// <c>R_U ≥ 0</c> (which, by Perron–Frobenius, means the spectral radius of Λ_UU is below 1) and
    /// <c>h_U + R_U ≤ 1</c> (no entity saturates, so the cap never acts). Otherwise the caller keeps iterating.
    /// </summary>
    private bool TryFinishExactly(Workspace ws, List<int> active, int round)
    {
        // The unsaturated entities reachable from the active ones through holders (saturated entities absorb).
        var unsaturated = new List<int>();
        var local = new Dictionary<int, int>();
        var queue = new Queue<int>(active);
        var seen = new HashSet<int>(active);
        while (queue.Count > 0)
        {
            var j = queue.Dequeue();
            if (ws.Distress[j] < 1.0 && !local.ContainsKey(j))
            {
                local[j] = unsaturated.Count;
                unsaturated.Add(j);
            }

            if (!active.Contains(j) && ws.Distress[j] >= 1.0)
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

            if (unsaturated.Count > TailSolveLimit)
            {
                return false;
            }
        }

        var k = unsaturated.Count;
        var y = new double[k];
        foreach (var j in active)
        {
            for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
            {
                if (local.TryGetValue(_holder[c], out var a))
                {
                    y[a] += _impact[c] * ws.Delta[j];
                }
            }
        }

        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(k);
        foreach (var j in unsaturated)
        {
            var b = local[j];
            for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
            {
                if (local.TryGetValue(_holder[c], out var a))
                {
                    matrix[a, b] -= _impact[c];
                }
            }
        }

        var rhs = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y);
        var received = matrix.LU().Solve(rhs);
        if (!received.ForAll(double.IsFinite) || (matrix * received - rhs).InfinityNorm() > 1e-10 * Math.Max(1.0, rhs.InfinityNorm()))
        {
            return false;
        }

        for (var a = 0; a < k; a++)
        {
            if (received[a] < -1e-15 || ws.Distress[unsaturated[a]] + received[a] > 1.0 + BalanceSheet.RelativeSlack)
            {
                return false;
            }
        }

        foreach (var j in active)
        {
            ws.Delta[j] = 0;
        }

        var order = Enumerable.Range(0, k).OrderBy(a => unsaturated[a]).ToArray();
        foreach (var a in order)
        {
            var i = unsaturated[a];
            ws.Touch(i);
            ws.Distress[i] = Math.Min(1.0, ws.Distress[i] + Math.Max(0.0, received[a]));
            if (ws.FailRound[i] < 0 && ws.Distress[i] >= _options.FailureDistress * (1 - BalanceSheet.RelativeSlack))
            {
                ws.MarkFailed(i, round);
            }
        }

        active.Clear();
        return true;
    }

    private const byte Undistressed = 0;
    private const byte Distressed = 1;
    private const byte Inactive = 2;

    private sealed class Workspace
    {
        public Workspace(int n)
        {
            Distress = new double[n];
            Delta = new double[n];
            Incoming = new double[n];
            State = new byte[n];
            FailRound = new int[n];
            Array.Fill(FailRound, -1);
            IsTouched = new bool[n];
            IsReceiver = new bool[n];
        }

        public double[] Distress { get; }

        public double[] Delta { get; }

        public double[] Incoming { get; }

        public byte[] State { get; }

        public int[] FailRound { get; }

        public bool[] IsTouched { get; }

        public bool[] IsReceiver { get; }

        public List<int> Touched { get; } = [];

        public List<int> FailedOrder { get; } = [];

        public void Add(int v, double distress)
        {
            Touch(v);
            Distress[v] += distress;
        }

        public void Receive(int v, double distress, List<int> receivers)
        {
            Touch(v);
            Incoming[v] += distress;
            if (!IsReceiver[v])
            {
                IsReceiver[v] = true;
                receivers.Add(v);
            }
        }

        public void MarkFailed(int v, int round)
        {
            FailRound[v] = round;
            FailedOrder.Add(v);
        }

        public void Reset()
        {
            foreach (var v in Touched)
            {
                Distress[v] = 0;
                Delta[v] = 0;
                Incoming[v] = 0;
                State[v] = Undistressed;
                FailRound[v] = -1;
                IsTouched[v] = false;
                IsReceiver[v] = false;
            }

            Touched.Clear();
            FailedOrder.Clear();
        }

        public void Touch(int v)
        {
            if (!IsTouched[v])
            {
                IsTouched[v] = true;
                Touched.Add(v);
            }
        }
    }
}
