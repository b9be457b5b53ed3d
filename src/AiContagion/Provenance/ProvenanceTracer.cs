using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Provenance;

/// <summary>
/// The tracing driver of <see cref="MoneyProvenance.Trace"/> (its documentation gives the model): finds the entities
/// the reported ones depend on, groups them into loops (Tarjan, upstream first), and fills each entity's origin row —
/// by direct substitution off loops, by a loop solve (<see cref="DenseLoopSolver"/>, <see cref="SparseLoopSolver"/>)
/// on them, or, for targets behind a loop too large for a dense solve, by the adjoint walk (<see cref="BackwardWalk"/>).
/// </summary>
/// <remarks>One tracer per call: not thread-safe.</remarks>
internal sealed class ProvenanceTracer
{
    private const sbyte Transient = -1;
    private const double Dust = 1e-15;

    /// <summary>
    /// The most shares (loop members × distinct origins, 8 bytes each: 400 MB) a whole-network trace solves for one
    /// loop at once; beyond it the trace stops with <see cref="ProvenanceSolveException"/> naming the targeted trace.
    /// </summary>
    private const long MaxLoopShares = 50_000_000;

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

    public ProvenanceTracer(FinancingNetwork network, ProvenanceOptions options, CancellationToken cancellationToken)
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
        var report = ReportedEntities.Mask(_network, _options.Targets);
        var needed = NeededTransients(report);
        var components = PayerLoops.Find(_index, needed);
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

    /// <summary>The network's index.</summary>
    internal NetworkIndex Index => _index;

    /// <summary>The entities n; origin ids n + v stand for entity v's revenue.</summary>
    internal int EntityCount => _n;

    /// <summary>Each entity's outside revenue (0 when unknown).</summary>
    internal double[] Revenue => _revenue;

    /// <summary>The trace's options.</summary>
    internal ProvenanceOptions Options => _options;

    /// <summary>The trace's cancellation.</summary>
    internal CancellationToken CancellationToken => _cancellationToken;

    /// <summary>I_v: links in (positive amounts) plus outside revenue.</summary>
    internal double Inflow(int v) => _linkInflow[v] + _revenue[v];

    /// <summary>Whether v is an origin (funding source, untraced payer, or a closed loop's member).</summary>
    internal bool IsOrigin(int v) => _originKind[v] != Transient;

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

    /// <summary>Adds to origin <paramref name="origin"/>'s share in the scratch row (read with <see cref="Gather"/>).</summary>
    internal void Add(int origin, double value)
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

        var block = new LoopBlock(k, matrix, rhsOrigins, rhsValues, columnOf, columns.Length);
        var solution = k <= _options.DenseLoopLimit
            ? DenseLoopSolver.Solve(block)
            : SparseLoopSolver.Solve(block, _options, _cancellationToken);

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
