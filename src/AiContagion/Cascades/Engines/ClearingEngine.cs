using System.Collections.Immutable;
using System.Runtime.InteropServices;
using AiContagion.Model;
using AiContagion.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The clearing engine behind <see cref="EisenbergNoeClearing"/> (α = β = 1) and <see cref="RogersVeraartClearing"/>:
/// the greatest clearing vector by the fictitious-default algorithm, with the round in which each entity defaults.
/// </summary>
/// <remarks>
/// <para><b>Obligations</b> (docs/concepts.md#links): a debt link (Loan, Bond, CreditFacility, VendorFinancing) From → To makes
/// To owe From its amount; a commercial link From → To makes From owe To; Equity and SpvContribution carry none.
/// <c>owed_i</c> = Σ obligations of debtor i; <c>p̄_i = owed_i + ext_i</c> (pari passu) or <c>owed_i</c> (senior);
/// <c>Π_ij = L_ij / p̄_i</c>. Given payments p, <c>inflow_i = Σ_j Π_ji p_j</c>.</para>
/// <para><b>Map.</b> Solvent value <c>s_i = e_i + inflow_i − σ ext_i</c> (σ = 1 senior, 0 pari passu). Entity i pays
/// <c>p̄_i</c> if <c>s_i ≥ p̄_i</c>, else <c>clamp(α e_i + β inflow_i − σ ext_i, 0, p̄_i)</c>. The greatest fixed
/// point is found from <c>p = p̄</c>: each round adds the entities with <c>s_i &lt; p̄_i</c> at the current p to the
/// defaulting set D (never removed: p only falls), marks those whose default value is ≤ 0 as paying nothing, and
/// solves the linear system of the rest of D exactly (dense LU up to <c>DenseSolveLimit</c> unknowns, else
/// Gauss–Seidel to 1e-14). If that solution is negative somewhere (only possible when external liabilities are
/// senior or α &lt; 1 and the zero floor binds for an entity not yet known to be at zero), above the current
/// payments (a nearly singular system: a closed group of defaulters whose shares sum to 1 up to rounding), or the
/// system is singular (a closed group of defaulters with no leak), one plain fixed-point step is taken instead: it stays above the
/// greatest clearing vector and the next round tries the exact solve again. The run ends when a round adds nobody
/// after an exact solve. Eisenberg &amp; Noe (2001) prove at most n rounds for the pure algorithm.</para>
/// </remarks>
internal sealed class ClearingEngine : CascadeEngine
{
    private readonly NetworkIndex _index;
    private readonly double _alpha;
    private readonly double _beta;
    private readonly bool _senior;
    private readonly int _denseLimit;
    private readonly int _maxIterations;

    // Obligations k, numbered by creditor then link: debtor, amount, and each creditor's row (_creditorStart). Which
    // link an obligation comes from is found again, when a withdrawal needs it, by numbering them the same way (RunState).
    private readonly int[] _debtor;
    private readonly double[] _amount;
    private readonly int[] _creditorStart;
    private readonly double[] _externalAssets;
    private readonly double[] _externalLiabilities;
    private readonly double[] _owed;
    private readonly WorkspacePool _pool;

    public ClearingEngine(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings, double alpha, double beta, ExternalLiabilitySeniority seniority, int denseLimit, int maxIterations)
        : base(model, network, settings)
    {
        _index = network.Index;
        _pool = new WorkspacePool(_index, accumulators: 0);
        _alpha = alpha;
        _beta = beta;
        _senior = seniority == ExternalLiabilitySeniority.Senior;
        _denseLimit = denseLimit;
        _maxIterations = maxIterations;
        var n = _index.EntityCount;
        var m = _index.LinkCount;

        // Obligations are numbered by creditor (then link), so that pulling a creditor's inflow and building a
        // defaulter system read them sequentially. Per creditor and per debtor, every sum still runs in link order.
        _creditorStart = new int[n + 1];
        _owed = new double[n];
        var count = 0;
        for (var l = 0; l < m; l++)
        {
            var kind = _index.Kind[l];
            if (!kind.HasObligation())
            {
                continue;
            }

            var isDebt = kind.IsDebt();
            _creditorStart[(isDebt ? _index.LinkFrom[l] : _index.LinkTo[l]) + 1]++;
            _owed[isDebt ? _index.LinkTo[l] : _index.LinkFrom[l]] += _index.Amount[l];
            count++;
        }

        for (var v = 0; v < n; v++)
        {
            _creditorStart[v + 1] += _creditorStart[v];
        }

        _debtor = new int[count];
        _amount = new double[count];
        var next = _creditorStart.AsSpan(0, n).ToArray();
        for (var l = 0; l < m; l++)
        {
            var kind = _index.Kind[l];
            if (!kind.HasObligation())
            {
                continue;
            }

            var isDebt = kind.IsDebt();
            var creditor = isDebt ? _index.LinkFrom[l] : _index.LinkTo[l];
            var k = next[creditor]++;
            _debtor[k] = isDebt ? _index.LinkTo[l] : _index.LinkFrom[l];
            _amount[k] = _index.Amount[l];
        }

        _externalAssets = new double[n];
        _externalLiabilities = new double[n];
        for (var v = 0; v < n; v++)
        {
            _externalAssets[v] = BalanceSheet.OrZero(_index.ExternalAssets[v]);
            _externalLiabilities[v] = BalanceSheet.OrZero(_index.ExternalLiabilities[v]);
        }
    }

    internal override CascadeResult Run(ResolvedShock shock, CancellationToken cancellationToken)
    {
        var (state, p, inflow, inD, defaultRound, round, iterations, gap) = Clear(shock, cancellationToken);
        return BuildResult(shock, state, p, inflow, inD, defaultRound, round, iterations, gap);
    }

    /// <summary>The run's counts and amounts without its per-entity figures and per-link states (what a ranking needs); the same totals as <see cref="Run"/>.</summary>
    internal override CascadeSummary Summarize(ResolvedShock shock, List<int>? failed, CancellationToken cancellationToken)
    {
        var (_, _, _, inD, defaultRound, round, iterations, gap) = Clear(shock, cancellationToken);
        if (gap is { } residual)
        {
            throw new CascadeConvergenceException(Model.Name, iterations, residual);
        }

        var (failedOrder, failedDegree, maxRound) = FailedOrder(inD, defaultRound);
        var cascadeFailures = 0;
        foreach (var v in failedOrder)
        {
            cascadeFailures += defaultRound[v] > 0 ? 1 : 0;
        }

        failed?.AddRange(failedOrder);
        return WithDownLinks(shock, inD, defaultRound, failedOrder, failedDegree, maxRound, ledger =>
            new CascadeSummary(Math.Max(round, maxRound), failedOrder.Count, cascadeFailures, ledger.Count, ledger.DirectCount, ledger.Amount, ledger.DirectAmount, null));
    }

    /// <summary>
    /// The fictitious-default rounds: payments, inflows, the defaulting set and each default's round; when the
    /// iteration limit stops them first, the fixed-point gap they stopped at (<see langword="null"/> when converged).
    /// </summary>
    private (RunState State, double[] P, double[] Inflow, bool[] InD, int[] DefaultRound, int Round, int Iterations, double? Gap) Clear(ResolvedShock shock, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var n = _index.EntityCount;
        var state = new RunState(this, shock);

        // Fictitious-default rounds.
        var p = (double[])state.Pbar.Clone();
        var inD = new bool[n];
        var atZero = new bool[n];
        var defaultRound = new int[n];
        Array.Fill(defaultRound, -1);
        foreach (var v in shock.Failed)
        {
            inD[v] = true;
            atZero[v] = true;
            defaultRound[v] = 0;
            p[v] = 0;
        }

        var inflow = new double[n];
        var local = new int[n];
        var round = 0;
        var iterations = 0;
        var exact = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++iterations > _maxIterations)
            {
                var gap = FixedPointGap(state, p, inflow); // leaves inflow computed from p, as a converged run does
                return (state, p, inflow, inD, defaultRound, round, iterations - 1, gap);
            }

            state.Inflow(p, inflow);
            var added = false;
            var zeroed = false;
            for (var i = 0; i < n; i++)
            {
                if (!inD[i] && BalanceSheet.Exceeds(state.Pbar[i], state.SolventValue(i, inflow[i])))
                {
                    if (!added)
                    {
                        round++;
                        added = true;
                    }

                    inD[i] = true;
                    defaultRound[i] = round;
                }

                if (inD[i] && !atZero[i] && (state.Pbar[i] <= 0 || state.DefaultValue(i, inflow[i]) <= 0))
                {
                    atZero[i] = true;
                    p[i] = 0;
                    zeroed = true;
                }
            }

            if (!added && !zeroed && exact)
            {
                break;
            }

            exact = SolveDefaulters(state, p, inD, atZero, local, cancellationToken);
            if (!exact)
            {
                // One plain fixed-point step from p (which lies above the greatest clearing vector). A step that no
                // longer moves p (a closed group of defaulters whose system is singular) is the fixed point itself.
                state.Inflow(p, inflow);
                var change = 0.0;
                var scale = 1.0;
                for (var i = 0; i < n; i++)
                {
                    if (inD[i] && !atZero[i])
                    {
                        var next = Math.Clamp(state.DefaultValue(i, inflow[i]), 0.0, state.Pbar[i]);
                        change = Math.Max(change, Math.Abs(next - p[i]));
                        scale = Math.Max(scale, state.Pbar[i]);
                        p[i] = next;
                    }
                }

                exact = change <= 1e-15 * scale;
            }
        }

        state.Inflow(p, inflow);
        return (state, p, inflow, inD, defaultRound, round, iterations, null);
    }

    /// <summary>Solves x_i = α e_i − σ ext_i + β Σ_j Π_ji p_j for the defaulters not at zero; false when that is not possible or not non-negative.</summary>
    private bool SolveDefaulters(RunState state, double[] p, bool[] inD, bool[] atZero, int[] local, CancellationToken cancellationToken)
    {
        var n = _index.EntityCount;
        var unknowns = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (inD[i] && !atZero[i])
            {
                local[i] = unknowns.Count;
                unknowns.Add(i);
            }
            else
            {
                local[i] = -1;
            }
        }

        if (unknowns.Count == 0)
        {
            return true;
        }

        // The system as a compact CSR over the unknowns (rows in entity order, entries in creditor-row order, so every
        // sum runs in the same order as a walk of the creditor rows), and the right-hand side: own assets plus what
        // the entities outside the system pay.
        var system = DefaulterSystem.Build(this, state, unknowns, local, p);
        var k = unknowns.Count;
        double[]? x = k <= _denseLimit ? SolveDense(system) : SolveIteratively(system, unknowns, p, cancellationToken);
        if (x is null)
        {
            return false;
        }

        var scale = 1.0;
        foreach (var i in unknowns)
        {
            scale = Math.Max(scale, state.Pbar[i]);
        }

        for (var a = 0; a < k; a++)
        {
            // Payments only fall on the way down to the greatest clearing vector: a solution above the current p
            // comes from a (nearly) singular system — a closed group of defaulters whose shares sum to 1 up to
            // rounding — and is not the clearing vector. Fall back to plain steps, which stay above it.
            if (!double.IsFinite(x[a]) || x[a] < -1e-9 * scale || x[a] > p[unknowns[a]] + (1e-9 * scale))
            {
                return false;
            }
        }

        for (var a = 0; a < k; a++)
        {
            var i = unknowns[a];
            p[i] = Math.Clamp(x[a], 0.0, state.Pbar[i]);
        }

        return true;
    }

    private static double[]? SolveDense(DefaulterSystem system)
    {
        var k = system.Size;
        var matrix = Matrix<double>.Build.DenseIdentity(k);
        for (var a = 0; a < k; a++)
        {
            for (var e = system.RowStart[a]; e < system.RowStart[a + 1]; e++)
            {
                matrix[a, system.Column[e]] -= system.Coefficient[e];
            }
        }

        var b0 = Vector<double>.Build.DenseOfArray(system.RightHandSide);
        var x = matrix.LU().Solve(b0);
        if (!x.ForAll(double.IsFinite))
        {
            return null;
        }

        var residual = (matrix * x) - b0;
        var tolerance = 1e-9 * Math.Max(1.0, b0.InfinityNorm());
        return residual.InfinityNorm() <= tolerance ? x.ToArray() : null;
    }

    private double[]? SolveIteratively(DefaulterSystem system, List<int> unknowns, double[] p, CancellationToken cancellationToken)
    {
        // Gauss–Seidel from the current payments, which lie above the solution; converges when the defaulters leak.
        var k = system.Size;
        var x = new double[k];
        for (var a = 0; a < k; a++)
        {
            x[a] = p[unknowns[a]];
        }

        return GaussSeidel.TrySolve(system.RowStart, system.Column, system.Coefficient, system.RightHandSide, x, 1e-14, scaleFloor: 1.0, _maxIterations, cancellationToken, out _, out _)
            ? x
            : null;
    }

    private static double FixedPointGap(RunState state, double[] p, double[] inflow)
    {
        state.Inflow(p, inflow);
        var gap = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var value = state.SolventValue(i, inflow[i]) >= state.Pbar[i] ? state.Pbar[i] : Math.Clamp(state.DefaultValue(i, inflow[i]), 0.0, state.Pbar[i]);
            gap = Math.Max(gap, Math.Abs(value - p[i]));
        }

        return gap;
    }

    private CascadeResult BuildResult(ResolvedShock shock, RunState state, double[] p, double[] inflow, bool[] inD, int[] defaultRound, int round, int iterations, double? gap)
    {
        var n = _index.EntityCount;
        var isFixed = new bool[n];
        foreach (var v in shock.Failed)
        {
            isFixed[v] = true;
        }

        var payment = new double[n];
        var networkPayment = new double[n];
        var equity = new double[n];
        for (var i = 0; i < n; i++)
        {
            var owed = state.Owed[i];
            var ext = _externalLiabilities[i];
            if (_senior)
            {
                var assets = !inD[i] ? state.ExternalAssets[i] + inflow[i] : (_alpha * state.ExternalAssets[i]) + (_beta * inflow[i]);
                networkPayment[i] = p[i];
                payment[i] = p[i] + Math.Clamp(isFixed[i] ? 0.0 : assets, 0.0, ext);
            }
            else
            {
                payment[i] = p[i];
                networkPayment[i] = state.Pbar[i] > 0 ? p[i] * owed / state.Pbar[i] : 0.0;
            }

            equity[i] = state.ExternalAssets[i] + inflow[i] - ext - owed;
        }

        var (failedOrder, failedDegree, maxRound) = FailedOrder(inD, defaultRound);
        var figures = new EntityFigures { Payment = payment, NetworkPayment = networkPayment, Equity = equity };
        if (shock.Withdrawn.Length == 0 && ManyFailures(failedDegree))
        {
            // Only failures bring links down, and many: the down links straight from the rounds (the ledger's same
            // states, order and totals), without filling, reading and clearing a 24-byte state per link.
            var downLinks = LinkLedger.FailuresInLinkOrder(_index, RoundOf(inD, defaultRound), maxRound);
            return Result(shock, round, iterations, failedOrder, defaultRound, downLinks, figures, unconvergedResidual: gap);
        }

        return WithDownLinks(shock, inD, defaultRound, failedOrder, failedDegree, maxRound, ledger =>
            Result(shock, round, iterations, failedOrder, defaultRound, ledger, figures, unconvergedResidual: gap));
    }

    /// <summary>Marks the run's down links on a pooled workspace's ledger (withdrawals, then the failures), reads it, and returns the workspace cleared.</summary>
    private T WithDownLinks<T>(ResolvedShock shock, bool[] inD, int[] defaultRound, List<int> failedOrder, long failedDegree, int maxRound, Func<LinkLedger, T> read)
    {
        var ws = _pool.Rent();
        try
        {
            ws.Ledger.ApplyWithdrawals(shock);
            ApplyFailures(ws.Ledger, inD, defaultRound, failedOrder, failedDegree, maxRound);
            return read(ws.Ledger);
        }
        finally
        {
            _pool.Return(ws);
        }
    }

    /// <summary>The failed entities by round, then index (a counting sort: rounds are few and dense), with their total degree and the last round.</summary>
    private (List<int> Order, long Degree, int MaxRound) FailedOrder(bool[] inD, int[] defaultRound)
    {
        var n = inD.Length;
        var maxRound = 0;
        var failedCount = 0;
        long failedDegree = 0;
        for (var i = 0; i < n; i++)
        {
            if (inD[i])
            {
                maxRound = Math.Max(maxRound, defaultRound[i]);
                failedCount++;
                failedDegree += _index.OutStart[i + 1] - _index.OutStart[i] + _index.InStart[i + 1] - _index.InStart[i];
            }
        }

        var firstOfRound = new int[maxRound + 2];
        for (var i = 0; i < n; i++)
        {
            if (inD[i])
            {
                firstOfRound[defaultRound[i] + 1]++;
            }
        }

        for (var r = 1; r < firstOfRound.Length; r++)
        {
            firstOfRound[r] += firstOfRound[r - 1];
        }

        var failedOrder = new List<int>(failedCount);
        CollectionsMarshal.SetCount(failedOrder, failedCount);
        var failedSpan = CollectionsMarshal.AsSpan(failedOrder);
        for (var i = 0; i < n; i++)
        {
            if (inD[i])
            {
                failedSpan[firstOfRound[defaultRound[i]]++] = i;
            }
        }

        return (failedOrder, failedDegree, maxRound);
    }

    private void ApplyFailures(LinkLedger ledger, bool[] inD, int[] defaultRound, List<int> failedOrder, long failedDegree, int maxRound)
    {
        if (ManyFailures(failedDegree))
        {
            // Many failures (a systemic default): two sequential passes over the links beat chasing every failed
            // entity's links through the index. Same link states; amounts summed in (round, link index) order.
            ledger.ApplyFailuresInLinkOrder(RoundOf(inD, defaultRound), maxRound);
        }
        else
        {
            foreach (var v in failedOrder)
            {
                ledger.ApplyFailure(v, defaultRound[v]);
            }
        }
    }

    /// <summary>Whether the failed entities touch so many links that passes over every link beat walking theirs.</summary>
    private bool ManyFailures(long failedDegree) => failedDegree * 4 > _index.LinkCount;

    /// <summary>Per entity, the round it defaulted in, or −1.</summary>
    private static int[] RoundOf(bool[] inD, int[] defaultRound)
    {
        var roundOf = new int[inD.Length];
        for (var i = 0; i < inD.Length; i++)
        {
            roundOf[i] = inD[i] ? defaultRound[i] : -1;
        }

        return roundOf;
    }

    /// <summary>
    /// The linear system of one round's defaulters not at zero, <c>x = rhs + C x</c>, as a compact CSR over the unknowns:
    /// <c>C[a, b] = β Π_ba</c> for obligations whose debtor b is an unknown, and the right-hand side
    /// <c>α e_a − σ ext_a + β Σ_{j outside} Π_ja p_j</c>. Built in one pass over the unknowns' creditor rows; the
    /// iterative solve then reads it sequentially instead of chasing obligations and entity indices on every sweep.
    /// </summary>
    private sealed class DefaulterSystem
    {
        private DefaulterSystem(int size, int[] rowStart, int[] column, double[] coefficient, double[] rightHandSide)
        {
            Size = size;
            RowStart = rowStart;
            Column = column;
            Coefficient = coefficient;
            RightHandSide = rightHandSide;
        }

        public int Size { get; }

        public int[] RowStart { get; }

        public int[] Column { get; }

        public double[] Coefficient { get; }

        public double[] RightHandSide { get; }

        public static DefaulterSystem Build(ClearingEngine engine, RunState state, List<int> unknowns, int[] local, double[] p)
        {
            var k = unknowns.Count;
            var creditorStart = engine._creditorStart;
            var debtor = engine._debtor;
            var share = state.Share;
            var entries = 0;
            foreach (var i in unknowns)
            {
                entries += creditorStart[i + 1] - creditorStart[i];
            }

            var rowStart = new int[k + 1];
            var column = new int[entries];
            var coefficient = new double[entries];
            var rhs = new double[k];
            var used = 0;
            for (var a = 0; a < k; a++)
            {
                var i = unknowns[a];
                var fromOutside = 0.0;
                for (var o = creditorStart[i]; o < creditorStart[i + 1]; o++)
                {
                    var j = debtor[o];
                    var b = local[j];
                    if (b < 0)
                    {
                        fromOutside += share[o] * p[j];
                    }
                    else
                    {
                        column[used] = b;
                        coefficient[used] = engine._beta * share[o];
                        used++;
                    }
                }

                rowStart[a + 1] = used;
                rhs[a] = (engine._alpha * state.ExternalAssets[i]) - (engine._senior ? engine._externalLiabilities[i] : 0.0) + (engine._beta * fromOutside);
            }

            return new DefaulterSystem(k, rowStart, column, coefficient, rhs);
        }
    }

    /// <summary>The per-run clearing data: obligations after withdrawals, p̄, Π shares, shocked external assets.</summary>
    private sealed class RunState
    {
        private readonly ClearingEngine _engine;

        public RunState(ClearingEngine engine, ResolvedShock shock)
        {
            _engine = engine;
            var n = engine._index.EntityCount;
            var amount = engine._amount;
            Owed = engine._owed;
            if (shock.Withdrawn.Length > 0)
            {
                // A withdrawn entity stops paying along its outgoing links: the obligations it owes on them shrink.
                amount = (double[])amount.Clone();
                Owed = (double[])Owed.Clone();
                var fraction = new double[n];
                for (var i = 0; i < shock.Withdrawn.Length; i++)
                {
                    fraction[shock.Withdrawn[i]] = shock.WithdrawnFractions[i];
                }

                // The obligations in link order, numbered again as the constructor numbered them (by creditor, then link).
                var index = engine._index;
                var next = engine._creditorStart.AsSpan(0, n).ToArray();
                for (var l = 0; l < index.LinkCount; l++)
                {
                    var kind = index.Kind[l];
                    if (!kind.HasObligation())
                    {
                        continue;
                    }

                    var from = index.LinkFrom[l];
                    var k = next[kind.IsDebt() ? from : index.LinkTo[l]]++;
                    if (fraction[from] > 0 && engine._debtor[k] == from)
                    {
                        var cut = fraction[from] * amount[k];
                        amount[k] -= cut;
                        Owed[from] -= cut;
                    }
                }
            }

            ExternalAssets = engine._externalAssets;
            if (shock.ExternallyHit.Length > 0)
            {
                ExternalAssets = (double[])ExternalAssets.Clone();
                for (var i = 0; i < shock.ExternallyHit.Length; i++)
                {
                    ExternalAssets[shock.ExternallyHit[i]] *= 1.0 - shock.ExternalFractions[i];
                }
            }

            Pbar = new double[n];
            for (var i = 0; i < n; i++)
            {
                Pbar[i] = Math.Max(0.0, Owed[i]) + (engine._senior ? 0.0 : engine._externalLiabilities[i]);
            }

            Share = new double[amount.Length];
            for (var k = 0; k < amount.Length; k++)
            {
                var pbar = Pbar[engine._debtor[k]];
                Share[k] = pbar > 0 ? amount[k] / pbar : 0.0;
            }
        }

        public double[] Owed { get; }

        public double[] ExternalAssets { get; }

        public double[] Pbar { get; }

        public double[] Share { get; }

        /// <summary>inflow_i = Σ_j Π_ji p_j, pulled over each creditor's row (obligations in link order).</summary>
        public void Inflow(double[] p, double[] inflow)
        {
            var debtor = _engine._debtor;
            var start = _engine._creditorStart;
            var share = Share;
            for (var i = 0; i < inflow.Length; i++)
            {
                var sum = 0.0;
                for (var k = start[i]; k < start[i + 1]; k++)
                {
                    sum += share[k] * p[debtor[k]];
                }

                inflow[i] = sum;
            }
        }

        public double SolventValue(int i, double inflow) =>
            ExternalAssets[i] + inflow - (_engine._senior ? _engine._externalLiabilities[i] : 0.0);

        public double DefaultValue(int i, double inflow) =>
            (_engine._alpha * ExternalAssets[i]) + (_engine._beta * inflow) - (_engine._senior ? _engine._externalLiabilities[i] : 0.0);
    }
}
