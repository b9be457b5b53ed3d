using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;
using AiContagion.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;

namespace AiContagion.Provenance;

/// <summary>
/// Money provenance by proportional flow tracing: for each entity, the share of its inflow that originates —
/// traced back through the graph in proportion — with each funding source and with each entity's outside revenue.
/// Answers "what share of the chipmaker's income is, ultimately, venture or credit money?".
/// </summary>
/// <remarks>
/// <para><b>Model (an absorbing Markov chain walked backwards).</b> Entity v's inflow is
/// <c>I_v = Σ_{l: u→v} a_l + r_v</c> (links in plus known outside revenue r_v; unknown revenue counts as 0). A
/// dollar received by v came over link <c>u → v</c> with probability <c>a_l / I_v</c>, or from v's revenue with
/// probability <c>r_v / I_v</c>. Each entity passes its receipts on <b>in proportion</b>: the money it pays has the
/// same origin mix <c>y_v</c> as the money it received, whatever the amounts (an entity paying out more than it
/// receives is assumed to pay the excess with the same mix — from reserves built the same way; one receiving
/// more keeps the rest, which changes nobody else's mix). <b>Origins</b> (absorbing states) are: every funding
/// source (what it pays originates with it; its own receipts are traced like anyone's), the revenue of each
/// entity (<c>revenue:ID</c>), and <i>untraced payers</i> — entities that pay but receive nothing, and the members
/// of a closed loop that receive only from each other, whose payments are attributed to themselves. With
/// <c>x_u = δ_u</c> for an origin entity and <c>x_u = y_u</c> otherwise:
/// <code>y_v = Σ_{l: u→v} (a_l / I_v) · x_u  +  (r_v / I_v) · δ_revenue:v</code>
/// i.e. <c>(I − Q) Y = R</c> over the non-origin entities (Q: transitions between them, R: into origins), the
/// absorption probabilities of the chain. Each <c>y_v</c> is a probability vector: shares are non-negative and
/// sum to 1 for every entity with inflow; entities without inflow are reported with none.</para>
/// <para><b>Cycles.</b> The non-origin entities are grouped into strongly connected loops (Tarjan) and solved in
/// upstream-first order: an entity on no loop by direct substitution (exact), a loop by solving its block
/// <c>(I − Q_CC) Y_C = R_C</c> with MathNet.Numerics — dense LU up to <see cref="ProvenanceOptions.DenseLoopLimit"/>
/// entities, sparse ML(k)-BiCGStab (Yeung, Chan 1999, doi:10.1137/S1064827597321581) with ILU(0) beyond (a
/// sparse solve that breaks down falls back to dense LU up to 5,000 entities, else throws). A loop with outside
/// input is an M-matrix block and always solvable; a closed loop (no revenue, no link from outside) has no origin beyond itself, so its members become
/// untraced origins, as above.</para>
/// <para><b>Targets behind a large loop.</b> When <see cref="ProvenanceOptions.Targets"/> are given and a loop they
/// depend on is larger than <see cref="ProvenanceOptions.DenseLoopLimit"/>, each target is traced by the transposed
/// (adjoint) system instead: <c>y_t = c_t + zᵀR</c> with <c>z = q_t + Qᵀz</c>, the expected visits of the backward
/// walk from t, pushed downstream-first and solved per loop by Gauss–Seidel to
/// <see cref="ProvenanceOptions.SolverTolerance"/> — one sparse solve per target and loop rather than one per origin,
/// so a target in a loop of 10⁵ entities fed by 10⁵ origins costs O(links upstream × sweeps). Shares agree with the
/// forward solve to rounding (≈ 1e-14).</para>
/// <para><b>Direction.</b> Tracing walks <b>against</b> the money: from each entity over the links into it, back
/// to the payers; shares then propagate along the money, upstream first. Links with amount 0 carry no money and
/// are ignored.</para>
/// <para><b>Complexity.</b> O(Σ_v indegree(v) × origins reaching v) for the substitution, plus O(k³) (dense) or
/// iterations × nnz per origin (sparse) for each loop of size k. Memory: the share vectors, O(entities × origins
/// reaching them) in the worst case — trace <see cref="ProvenanceOptions.Targets"/> on very large graphs. The
/// network is never modified. Stateless; safe to call concurrently.</para>
/// <para>References: J. Bialek (1996), "Tracing the flow of electricity", IEE Proceedings – Generation,
/// Transmission and Distribution 143(4):313–320, doi:10.1049/ip-gtd:19960461 (proportional sharing);
/// J. G. Kemeny, J. L. Snell (1960), Finite Markov Chains, Van Nostrand (absorption probabilities
/// <c>(I − Q)⁻¹R</c>); R. E. Tarjan (1972), "Depth-first search and linear graph algorithms", SIAM Journal on
/// Computing 1(2):146–160, doi:10.1137/0201010.</para>
/// </remarks>
public static class MoneyProvenance
{
    private const sbyte Transient = -1;
    private const double Dust = 1e-15;

    /// <summary>
    /// The most shares (loop members × distinct origins, 8 bytes each: 400 MB) a whole-network trace solves for one
    /// loop at once; beyond it the trace stops with <see cref="ProvenanceSolveException"/> naming the targeted trace.
    /// </summary>
    private const long MaxLoopShares = 50_000_000;

    /// <summary>A sparse solve that breaks down falls back to dense LU up to this loop size (200 MB).</summary>
    private const int DenseFallbackLimit = 5000;

    /// <summary>Traces every entity's (or the targets') inflow back to its origins.</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="ProvenanceOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between loops.</param>
    /// <returns>One <see cref="EntityProvenance"/> per traced entity, in network order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="KeyNotFoundException">A target id is not in the network.</exception>
    /// <exception cref="ProvenanceSolveException">A sparse loop solve did not converge, or (no targets) a loop is too large to trace
    /// for every member at once: members × origins above 5·10⁷.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ProvenanceResult Trace(FinancingNetwork network, ProvenanceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= ProvenanceOptions.Default;
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        return new Tracer(network, options, cancellationToken).Run();
    }

    private sealed class Tracer
    {
        private readonly FinancingNetwork _network;
        private readonly NetworkIndex _index;
        private readonly ProvenanceOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly int _n;
        private readonly double[] _linkInflow;
        private readonly double[] _revenue;
        private readonly sbyte[] _originKind;
        private readonly int[]?[] _rowOrigin;
        private readonly double[]?[] _rowShare;
        private readonly double[] _scratch;
        private readonly bool[] _touched;
        private readonly List<int> _touchedList = [];
        private int _loops;
        private int _largestLoop;

        public Tracer(FinancingNetwork network, ProvenanceOptions options, CancellationToken cancellationToken)
        {
            _network = network;
            _index = network.Index;
            _options = options;
            _cancellationToken = cancellationToken;
            _n = _index.EntityCount;
            _linkInflow = new double[_n];
            _revenue = new double[_n];
            _originKind = new sbyte[_n];
            _rowOrigin = new int[]?[_n];
            _rowShare = new double[]?[_n];
            _scratch = new double[2 * _n];
            _touched = new bool[2 * _n];
            for (var v = 0; v < _n; v++)
            {
                foreach (var l in _index.LinksInto(v))
                {
                    if (_index.Amount[l] > 0)
                    {
                        _linkInflow[v] += _index.Amount[l];
                    }
                }

                var revenue = _index.Revenue[v];
                _revenue[v] = double.IsNaN(revenue) ? 0 : revenue;
                _originKind[v] = _index.IsFundingSource[v]
                    ? (sbyte)OriginKind.FundingSource
                    : Inflow(v) > 0 ? Transient : (sbyte)OriginKind.Untraced;
            }
        }

        public ProvenanceResult Run()
        {
            var report = ReportedEntities();
            var needed = NeededTransients(report);
            var components = Components(needed);
            if (_options.Targets is not null && components.Exists(c => c.Length > 1 && c.Length > _options.DenseLoopLimit))
            {
                return RunByTarget(report, components);
            }

            foreach (var component in components)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (component.Length == 1)
                {
                    SetRowDirect(component[0]);
                }
                else if (IsClosed(component))
                {
                    foreach (var v in component)
                    {
                        _originKind[v] = (sbyte)OriginKind.Untraced;
                    }
                }
                else
                {
                    SolveLoop(component);
                }
            }

            var entities = ImmutableArray.CreateBuilder<EntityProvenance>();
            for (var v = 0; v < _n; v++)
            {
                if (!report[v])
                {
                    continue;
                }

                if (_rowOrigin[v] is null && Inflow(v) > 0)
                {
                    SetRowDirect(v); // origin entities: their own receipts, traced one step back
                }

                entities.Add(Describe(v));
            }

            return new ProvenanceResult(entities.ToImmutable(), _loops, _largestLoop);
        }

        /// <summary>
        /// Targets behind a loop too large for a dense solve: each target's row by the adjoint (transposed) system,
        /// <c>y_t = c_t + zᵀ C</c> with <c>z = q_t + Qᵀ z</c> (z = expected visits of the backward walk from t), so a
        /// loop costs one sparse solve per target instead of one per origin reaching it. Same shares as the forward
        /// pass up to rounding (≈ 1e-14).
        /// </summary>
        private ProvenanceResult RunByTarget(bool[] report, List<int[]> components)
        {
            foreach (var component in components)
            {
                if (component.Length == 1)
                {
                    continue;
                }

                if (IsClosed(component))
                {
                    foreach (var v in component)
                    {
                        _originKind[v] = (sbyte)OriginKind.Untraced;
                    }
                }
                else
                {
                    _loops++;
                    _largestLoop = Math.Max(_largestLoop, component.Length);
                }
            }

            var walk = new BackwardWalk(this, components);
            var entities = ImmutableArray.CreateBuilder<EntityProvenance>();
            for (var v = 0; v < _n; v++)
            {
                if (!report[v])
                {
                    continue;
                }

                if (Inflow(v) > 0)
                {
                    walk.Run(v);
                    (_rowOrigin[v], _rowShare[v]) = Gather();
                }

                entities.Add(Describe(v));
            }

            return new ProvenanceResult(entities.ToImmutable(), _loops, _largestLoop);
        }

        private double Inflow(int v) => _linkInflow[v] + _revenue[v];

        private bool IsOrigin(int v) => _originKind[v] != Transient;

        private bool[] ReportedEntities()
        {
            var report = new bool[_n];
            if (_options.Targets is null)
            {
                Array.Fill(report, true);
            }
            else
            {
                foreach (var id in _options.Targets)
                {
                    report[_network.IndexOfRequired(id)] = true;
                }
            }

            return report;
        }

        /// <summary>The non-origin entities whose mix the reported entities depend on: walk against the money from them.</summary>
        private bool[] NeededTransients(bool[] report)
        {
            var needed = new bool[_n];
            var queue = new Queue<int>();
            for (var v = 0; v < _n; v++)
            {
                if (report[v])
                {
                    queue.Enqueue(v);
                    if (!IsOrigin(v))
                    {
                        needed[v] = true;
                    }
                }
            }

            while (queue.TryDequeue(out var v))
            {
                foreach (var l in _index.LinksInto(v))
                {
                    var u = _index.LinkFrom[l];
                    if (_index.Amount[l] > 0 && !IsOrigin(u) && !needed[u])
                    {
                        needed[u] = true;
                        queue.Enqueue(u);
                    }
                }
            }

            return needed;
        }

        /// <summary>Strongly connected groups of the needed entities, walking from each entity to its payers (iterative Tarjan); upstream groups come first.</summary>
        private List<int[]> Components(bool[] needed)
        {
            var components = new List<int[]>();
            var order = new int[_n];
            var low = new int[_n];
            Array.Fill(order, -1);
            var onStack = new bool[_n];
            var stack = new Stack<int>();
            var frameNode = new int[_n];
            var frameCursor = new int[_n];
            var counter = 0;
            for (var root = 0; root < _n; root++)
            {
                if (!needed[root] || order[root] >= 0)
                {
                    continue;
                }

                var top = 0;
                frameNode[0] = root;
                frameCursor[0] = _index.InStart[root];
                order[root] = low[root] = counter++;
                stack.Push(root);
                onStack[root] = true;
                while (top >= 0)
                {
                    var w = frameNode[top];
                    if (frameCursor[top] < _index.InStart[w + 1])
                    {
                        var l = _index.InLinks[frameCursor[top]++];
                        var u = _index.LinkFrom[l];
                        if (_index.Amount[l] <= 0 || !needed[u])
                        {
                            continue;
                        }

                        if (order[u] < 0)
                        {
                            order[u] = low[u] = counter++;
                            stack.Push(u);
                            onStack[u] = true;
                            top++;
                            frameNode[top] = u;
                            frameCursor[top] = _index.InStart[u];
                        }
                        else if (onStack[u])
                        {
                            low[w] = Math.Min(low[w], order[u]);
                        }

                        continue;
                    }

                    top--;
                    if (top >= 0)
                    {
                        var parent = frameNode[top];
                        low[parent] = Math.Min(low[parent], low[w]);
                    }

                    if (low[w] == order[w])
                    {
                        var members = new List<int>();
                        int x;
                        do
                        {
                            x = stack.Pop();
                            onStack[x] = false;
                            members.Add(x);
                        }
                        while (x != w);
                        members.Sort();
                        components.Add([.. members]);
                    }
                }
            }

            return components;
        }

        private bool IsClosed(int[] component)
        {
            var inside = new HashSet<int>(component);
            foreach (var v in component)
            {
                if (_revenue[v] > 0)
                {
                    return false;
                }

                foreach (var l in _index.LinksInto(v))
                {
                    if (_index.Amount[l] > 0 && !inside.Contains(_index.LinkFrom[l]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>y_v from its payers' mixes (all known) and its revenue.</summary>
        private void SetRowDirect(int v)
        {
            var inflow = Inflow(v);
            foreach (var l in _index.LinksInto(v))
            {
                var a = _index.Amount[l];
                if (a <= 0)
                {
                    continue;
                }

                AddPayer(_index.LinkFrom[l], a / inflow);
            }

            if (_revenue[v] > 0)
            {
                Add(_n + v, _revenue[v] / inflow);
            }

            (_rowOrigin[v], _rowShare[v]) = Gather();
        }

        private void AddPayer(int u, double coefficient)
        {
            if (IsOrigin(u))
            {
                Add(u, coefficient);
                return;
            }

            var origins = _rowOrigin[u]!;
            var shares = _rowShare[u]!;
            for (var k = 0; k < origins.Length; k++)
            {
                Add(origins[k], coefficient * shares[k]);
            }
        }

        private void Add(int origin, double value)
        {
            if (!_touched[origin])
            {
                _touched[origin] = true;
                _touchedList.Add(origin);
            }

            _scratch[origin] += value;
        }

        private (int[] Origins, double[] Shares) Gather()
        {
            _touchedList.Sort();
            var origins = new List<int>(_touchedList.Count);
            var shares = new List<double>(_touchedList.Count);
            foreach (var o in _touchedList)
            {
                if (_scratch[o] > Dust)
                {
                    origins.Add(o);
                    shares.Add(_scratch[o]);
                }

                _scratch[o] = 0;
                _touched[o] = false;
            }

            _touchedList.Clear();
            return ([.. origins], [.. shares]);
        }

        /// <summary>Solves (I − Q_CC) Y_C = R_C for a loop with outside input.</summary>
        private void SolveLoop(int[] members)
        {
            var k = members.Length;
            _loops++;
            _largestLoop = Math.Max(_largestLoop, k);
            var local = new Dictionary<int, int>(k);
            for (var i = 0; i < k; i++)
            {
                local[members[i]] = i;
            }

            // Right-hand side rows (outside input, as origin mixes) and the loop's own transitions.
            var rhsOrigins = new int[k][];
            var rhsValues = new double[k][];
            var matrix = new List<(int Row, int Column, double Value)>();
            for (var i = 0; i < k; i++)
            {
                var v = members[i];
                var inflow = Inflow(v);
                matrix.Add((i, i, 1.0));
                foreach (var l in _index.LinksInto(v))
                {
                    var a = _index.Amount[l];
                    if (a <= 0)
                    {
                        continue;
                    }

                    var u = _index.LinkFrom[l];
                    if (local.TryGetValue(u, out var j))
                    {
                        matrix.Add((i, j, -a / inflow));
                    }
                    else
                    {
                        AddPayer(u, a / inflow);
                    }
                }

                if (_revenue[v] > 0)
                {
                    Add(_n + v, _revenue[v] / inflow);
                }

                (rhsOrigins[i], rhsValues[i]) = Gather();
            }

            var columns = rhsOrigins.SelectMany(o => o).Distinct().Order().ToArray();
            var columnOf = new Dictionary<int, int>(columns.Length);
            for (var c = 0; c < columns.Length; c++)
            {
                columnOf[columns[c]] = c;
            }

            var cells = (long)k * columns.Length;
            if (cells > MaxLoopShares)
            {
                throw new ProvenanceSolveException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Tracing every entity of a loop of {k:N0} entities (containing '{_network.Entities[members[0]].Id}') back to its {columns.Length:N0} origins needs {cells:N0} shares ({cells * 8.0 / (1 << 30):0.#} GiB), more than the {MaxLoopShares:N0} this trace holds at once. Trace chosen entities instead (ProvenanceOptions.Targets; aicontagion trace --to ID): a loop behind a target is then solved once per target."));
            }

            var solution = k <= _options.DenseLoopLimit
                ? SolveDense(k, matrix, rhsOrigins, rhsValues, columnOf, columns.Length)
                : SolveSparse(k, matrix, rhsOrigins, rhsValues, columnOf, columns.Length);

            for (var i = 0; i < k; i++)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    var value = solution[i, c];
                    if (value < -1e-9 || value > 1 + 1e-9 || double.IsNaN(value))
                    {
                        throw new ProvenanceSolveException(string.Create(
                            CultureInfo.InvariantCulture,
                            $"The loop of {k} entities containing '{_network.Entities[members[i]].Id}' gave share {value} outside [0, 1]; the linear solve failed."));
                    }

                    if (value > Dust)
                    {
                        Add(columns[c], value);
                    }
                }

                (_rowOrigin[members[i]], _rowShare[members[i]]) = Gather();
            }
        }

        private static Matrix<double> SolveDense(int k, List<(int Row, int Column, double Value)> entries, int[][] rhsOrigins, double[][] rhsValues, Dictionary<int, int> columnOf, int columns)
        {
            var a = Matrix<double>.Build.Dense(k, k);
            foreach (var (row, column, value) in entries)
            {
                a[row, column] += value;
            }

            var b = RightHandSide(k, rhsOrigins, rhsValues, columnOf, columns);
            return a.LU().Solve(b);
        }

        private Matrix<double> SolveSparse(int k, List<(int Row, int Column, double Value)> entries, int[][] rhsOrigins, double[][] rhsValues, Dictionary<int, int> columnOf, int columns)
        {
            var a = Matrix<double>.Build.SparseOfIndexed(k, k, entries.Select(e => new Tuple<int, int, double>(e.Row, e.Column, e.Value)));
            var b = RightHandSide(k, rhsOrigins, rhsValues, columnOf, columns);
            var result = Matrix<double>.Build.Dense(k, columns);
            var solver = new MlkBiCgStab();
            for (var c = 0; c < columns; c++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var iterator = new Iterator<double>(
                    new IterationCountStopCriterion<double>(_options.MaxSolverIterations),
                    new ResidualStopCriterion<double>(_options.SolverTolerance),
                    new FailureStopCriterion<double>(),
                    new CancellationStopCriterion<double>(_cancellationToken));
                var x = Vector<double>.Build.Dense(k);
                var status = IterationStatus.Failure;
                try
                {
                    solver.Solve(a, b.Column(c), x, iterator, new ILU0Preconditioner());
                    status = iterator.Status;
                }
                catch (MathNet.Numerics.NumericalBreakdownException)
                {
                    // Krylov breakdown (seen on very small loops whose Krylov space is exhausted): fall back below.
                }

                _cancellationToken.ThrowIfCancellationRequested();
                if (status != IterationStatus.Converged)
                {
                    if (k <= DenseFallbackLimit)
                    {
                        return SolveDense(k, entries, rhsOrigins, rhsValues, columnOf, columns);
                    }

                    throw new ProvenanceSolveException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The sparse solve for a loop of {k} entities stopped with status {status} (tolerance {_options.SolverTolerance}, at most {_options.MaxSolverIterations} iterations)."));
                }

                result.SetColumn(c, x);
            }

            return result;
        }

        private static Matrix<double> RightHandSide(int k, int[][] rhsOrigins, double[][] rhsValues, Dictionary<int, int> columnOf, int columns)
        {
            var b = Matrix<double>.Build.Dense(k, columns);
            for (var i = 0; i < k; i++)
            {
                for (var e = 0; e < rhsOrigins[i].Length; e++)
                {
                    b[i, columnOf[rhsOrigins[i][e]]] = rhsValues[i][e];
                }
            }

            return b;
        }

        /// <summary>The backward walk of <see cref="RunByTarget"/>: visits pushed from each entity to its payers, downstream first.</summary>
        private sealed class BackwardWalk
        {
            private readonly Tracer _tracer;
            private readonly List<int[]> _components;
            private readonly double[] _visits;
            private readonly List<int> _visited = [];
            private readonly int[] _local;
            private readonly int[] _componentOf;
            private readonly Dictionary<int, LoopSystem> _loops = [];

            public BackwardWalk(Tracer tracer, List<int[]> components)
            {
                _tracer = tracer;
                _components = components;
                _visits = new double[tracer._n];
                _local = new int[tracer._n];
                Array.Fill(_local, -1);
                _componentOf = new int[tracer._n];
                Array.Fill(_componentOf, -1);
                for (var c = 0; c < components.Count; c++)
                {
                    foreach (var v in components[c])
                    {
                        _componentOf[v] = c;
                    }
                }
            }

            /// <summary>Leaves the target's origin shares in the tracer's scratch row (read them with Gather).</summary>
            public void Run(int target)
            {
                Push(target, 1.0, -1);
                for (var c = _components.Count - 1; c >= 0; c--)
                {
                    _tracer._cancellationToken.ThrowIfCancellationRequested();
                    var component = _components[c];
                    if (_tracer.IsOrigin(component[0]))
                    {
                        continue; // a closed loop turned origin: reached only as an origin
                    }

                    if (component.Length == 1)
                    {
                        var v = component[0];
                        if (_visits[v] != 0)
                        {
                            Push(v, _visits[v], -1);
                        }

                        continue;
                    }

                    var any = false;
                    foreach (var v in component)
                    {
                        any |= _visits[v] != 0;
                    }

                    if (!any)
                    {
                        continue;
                    }

                    if (!_loops.TryGetValue(c, out var loop))
                    {
                        _loops[c] = loop = LoopSystem.Build(_tracer, component, _local);
                    }

                    _visited.AddRange(component);
                    loop.Solve(_tracer, _visits);
                    foreach (var v in component)
                    {
                        if (_visits[v] != 0)
                        {
                            Push(v, _visits[v], c);
                        }
                    }
                }

                foreach (var v in _visited)
                {
                    _visits[v] = 0;
                }

                _visited.Clear();
            }

            /// <summary>Entity v, visited <paramref name="weight"/> times, passes the visits on to its payers and revenue (loop-mates excluded: the loop solve counted them).</summary>
            private void Push(int v, double weight, int loop)
            {
                var index = _tracer._index;
                var inflow = _tracer.Inflow(v);
                foreach (var l in index.LinksInto(v))
                {
                    var a = index.Amount[l];
                    if (a <= 0)
                    {
                        continue;
                    }

                    var u = index.LinkFrom[l];
                    var share = weight * (a / inflow);
                    if (_tracer.IsOrigin(u))
                    {
                        _tracer.Add(u, share);
                    }
                    else if (loop < 0 || _componentOf[u] != loop)
                    {
                        if (_visits[u] == 0)
                        {
                            _visited.Add(u);
                        }

                        _visits[u] += share;
                    }
                }

                if (_tracer._revenue[v] > 0)
                {
                    _tracer.Add(_tracer._n + v, weight * (_tracer._revenue[v] / inflow));
                }
            }
        }

        /// <summary>
        /// A loop's transposed system <c>z_v = b_v + Σ_{w in loop, v pays w} (a_vw / I_w) z_w</c> as a compact CSR, solved by
        /// Gauss–Seidel in place (the loop leaks, so its matrix is a non-singular M-matrix and the sweeps converge).
        /// </summary>
        private sealed class LoopSystem
        {
            private readonly int[] _members;
            private readonly int[] _rowStart;
            private readonly int[] _column;
            private readonly double[] _coefficient;

            private LoopSystem(int[] members, int[] rowStart, int[] column, double[] coefficient)
            {
                _members = members;
                _rowStart = rowStart;
                _column = column;
                _coefficient = coefficient;
            }

            public static LoopSystem Build(Tracer tracer, int[] members, int[] local)
            {
                var index = tracer._index;
                for (var i = 0; i < members.Length; i++)
                {
                    local[members[i]] = i;
                }

                var rowStart = new int[members.Length + 1];
                var column = new List<int>();
                var coefficient = new List<double>();
                for (var i = 0; i < members.Length; i++)
                {
                    foreach (var l in index.LinksOutOf(members[i]))
                    {
                        var a = index.Amount[l];
                        var w = index.LinkTo[l];
                        if (a > 0 && local[w] >= 0)
                        {
                            column.Add(local[w]);
                            coefficient.Add(a / tracer.Inflow(w));
                        }
                    }

                    rowStart[i + 1] = column.Count;
                }

                foreach (var v in members)
                {
                    local[v] = -1;
                }

                return new LoopSystem(members, rowStart, [.. column], [.. coefficient]);
            }

            public void Solve(Tracer tracer, double[] visits)
            {
                var k = _members.Length;
                var rhs = new double[k];
                var z = new double[k];
                for (var i = 0; i < k; i++)
                {
                    rhs[i] = z[i] = visits[_members[i]];
                }

                var tolerance = tracer._options.SolverTolerance;
                if (!GaussSeidel.TrySolve(_rowStart, _column, _coefficient, rhs, z, tolerance, scaleFloor: 0.0, tracer._options.MaxSolverIterations, tracer._cancellationToken, out var sweeps, out var change))
                {
                    throw new ProvenanceSolveException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"The backward solve for a loop of {k} entities did not converge in {tracer._options.MaxSolverIterations} sweeps (tolerance {tolerance})."),
                        "provenance backward solve (Gauss–Seidel)",
                        sweeps,
                        change);
                }

                for (var i = 0; i < k; i++)
                {
                    visits[_members[i]] = z[i];
                }
            }
        }

        private EntityProvenance Describe(int v)
        {
            var entity = _network.Entities[v];
            OriginKind? actsAsOrigin = IsOrigin(v) ? (OriginKind)_originKind[v] : null;
            var origins = _rowOrigin[v];
            if (origins is null)
            {
                return new EntityProvenance(entity.Id, _linkInflow[v], _revenue[v], actsAsOrigin, []);
            }

            var shares = _rowShare[v]!;
            var inflow = Inflow(v);
            var order = Enumerable.Range(0, origins.Length).ToArray();
            Array.Sort(order, (x, y) =>
            {
                var byShare = shares[y].CompareTo(shares[x]);
                return byShare != 0 ? byShare : origins[x].CompareTo(origins[y]);
            });
            var list = ImmutableArray.CreateBuilder<OriginShare>(origins.Length);
            foreach (var k in order)
            {
                var o = origins[k];
                list.Add(o < _n
                    ? new OriginShare(_network.Entities[o].Id, (OriginKind)_originKind[o], _network.Entities[o].Id, shares[k], shares[k] * inflow)
                    : new OriginShare("revenue:" + _network.Entities[o - _n].Id, OriginKind.Revenue, _network.Entities[o - _n].Id, shares[k], shares[k] * inflow));
            }

            return new EntityProvenance(entity.Id, _linkInflow[v], _revenue[v], actsAsOrigin, list.MoveToImmutable());
        }
    }
}
