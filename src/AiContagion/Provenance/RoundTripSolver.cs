using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;
using AiContagion.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace AiContagion.Provenance;

/// <summary>
/// The driver of <see cref="MoneyRoundTrip.Compute"/> (its documentation gives the model): groups the entities that
/// pass money on into loops (<see cref="PayerLoops"/>), then per loop either ρ = 1 − 1/G_ii for every member from one
/// dense inverse, or one Gauss–Seidel solve per reported member; a funding source's loop is found by a search from it.
/// </summary>
/// <remarks>One solver per call: not thread-safe.</remarks>
internal sealed class RoundTripSolver
{
    /// <summary>The most link-visits per sweep (reported members × links inside their loop) a whole-network run takes on.</summary>
    internal const long MaxIterativeWork = 1_000_000_000;

    private readonly FinancingNetwork _network;
    private readonly NetworkIndex _index;
    private readonly ProvenanceOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly int _n;
    private readonly double[] _inflow;
    private readonly bool[] _transit;
    private readonly int[] _local;
    private readonly double[] _share;
    private readonly int[] _loop;

    public RoundTripSolver(FinancingNetwork network, ProvenanceOptions options, CancellationToken cancellationToken)
    {
        _network = network;
        _index = network.Index;
        _options = options;
        _cancellationToken = cancellationToken;
        _n = _index.EntityCount;
        _inflow = new double[_n];
        _transit = new bool[_n];
        _local = new int[_n];
        Array.Fill(_local, -1);
        _share = new double[_n];
        Array.Fill(_share, double.NaN);
        _loop = new int[_n];
        Array.Fill(_loop, 1);
        for (var v = 0; v < _n; v++)
        {
            foreach (var l in _index.LinksInto(v))
            {
                if (_index.Amount[l] > 0)
                {
                    _inflow[v] += _index.Amount[l];
                }
            }

            var revenue = _index.Revenue[v];
            _inflow[v] += double.IsNaN(revenue) ? 0 : revenue;
            _transit[v] = !_index.IsFundingSource[v] && _inflow[v] > 0;
        }
    }

    public RoundTripResult Run()
    {
        var report = ReportedEntities.Mask(_network, _options.Targets);
        var components = PayerLoops.Find(_index, _transit);
        CheckWork(components, report);
        foreach (var component in components)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!Array.Exists(component, v => report[v]))
            {
                continue;
            }

            if (component.Length == 1)
            {
                _share[component[0]] = 0;
                continue;
            }

            var loop = LoopSystem.Build(this, component);
            if (loop.Closed)
            {
                SetAll(component, 1.0);
            }
            else if (component.Length <= _options.DenseLoopLimit)
            {
                var g = loop.Dense().Inverse();
                for (var i = 0; i < component.Length; i++)
                {
                    Set(component[i], 1 - (1 / g[i, i]), component.Length);
                }
            }
            else
            {
                for (var i = 0; i < component.Length; i++)
                {
                    if (report[component[i]])
                    {
                        Set(component[i], loop.ReturnBySweeps(i, _options, _cancellationToken), component.Length);
                    }
                }
            }
        }

        for (var v = 0; v < _n; v++)
        {
            if (report[v] && _index.IsFundingSource[v] && _inflow[v] > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                SolveFundingSource(v);
            }
        }

        var entities = ImmutableArray.CreateBuilder<EntityRoundTrip>();
        for (var v = 0; v < _n; v++)
        {
            if (report[v])
            {
                entities.Add(new EntityRoundTrip(
                    _network.Entities[v].Id,
                    _inflow[v],
                    double.IsNaN(_share[v]) ? null : _share[v],
                    _loop[v],
                    _index.IsFundingSource[v]));
            }
        }

        return new RoundTripResult(entities.ToImmutable());
    }

    /// <summary>The network's index.</summary>
    internal NetworkIndex Index => _index;

    /// <summary>I_v: links in (positive amounts) plus outside revenue.</summary>
    internal double Inflow(int v) => _inflow[v];

    /// <summary>Revenue (0 when unknown).</summary>
    internal double Revenue(int v) => double.IsNaN(_index.Revenue[v]) ? 0 : _index.Revenue[v];

    /// <summary>A scratch map entity → local index, all −1 between uses.</summary>
    internal int[] Local => _local;

    /// <summary>Stops a run whose large loops would need more than <see cref="MaxIterativeWork"/> link-visits per sweep, before any solve.</summary>
    private void CheckWork(List<int[]> components, bool[] report)
    {
        var work = 0L;
        foreach (var component in components)
        {
            if (component.Length <= _options.DenseLoopLimit)
            {
                continue;
            }

            var members = component.LongCount(v => report[v]);
            if (members == 0)
            {
                continue;
            }

            var inside = new HashSet<int>(component);
            var links = 0L;
            foreach (var v in component)
            {
                foreach (var l in _index.LinksInto(v))
                {
                    if (_index.Amount[l] > 0 && inside.Contains(_index.LinkFrom[l]))
                    {
                        links++;
                    }
                }
            }

            work += members * links;
            if (work > MaxIterativeWork)
            {
                throw new ProvenanceSolveException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The round trips of {members:N0} entities in a money loop of {component.Length:N0} entities with {links:N0} links (containing '{_network.Entities[component[0]].Id}') need one sparse solve each, {members * links:N0} link-visits per sweep: more than the {MaxIterativeWork:N0} a whole-network run takes on. Choose entities instead (ProvenanceOptions.Targets; aicontagion trace --round-trip --to ID)."));
            }
        }
    }

    /// <summary>A funding source: its loop is i plus the entities passing money on that it reaches and that reach it.</summary>
    private void SolveFundingSource(int source)
    {
        var forward = Search(source, along: true);
        var backward = Search(source, along: false);
        var members = new List<int> { source };
        foreach (var v in forward)
        {
            if (backward.Contains(v))
            {
                members.Add(v);
            }
        }

        if (members.Count == 1)
        {
            _share[source] = 0;
            return;
        }

        members.Sort();
        var component = members.ToArray();
        var target = Array.IndexOf(component, source);
        var loop = LoopSystem.Build(this, component);
        if (loop.Closed)
        {
            Set(source, 1.0, component.Length);
        }
        else if (component.Length <= _options.DenseLoopLimit)
        {
            var x = loop.Dense().LU().Solve(Vector<double>.Build.Dense(component.Length, i => i == target ? 1 : 0));
            Set(source, 1 - (1 / x[target]), component.Length);
        }
        else
        {
            Set(source, loop.ReturnBySweeps(target, _options, _cancellationToken), component.Length);
        }
    }

    /// <summary>The entities passing money on reachable from <paramref name="start"/> along the money (or against it), through such entities only.</summary>
    private HashSet<int> Search(int start, bool along)
    {
        var seen = new HashSet<int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.TryDequeue(out var v))
        {
            foreach (var l in along ? _index.LinksOutOf(v) : _index.LinksInto(v))
            {
                var w = along ? _index.LinkTo[l] : _index.LinkFrom[l];
                if (_index.Amount[l] > 0 && _transit[w] && seen.Add(w))
                {
                    queue.Enqueue(w);
                }
            }
        }

        return seen;
    }

    private void SetAll(int[] component, double value)
    {
        foreach (var v in component)
        {
            Set(v, value, component.Length);
        }
    }

    private void Set(int v, double value, int loop)
    {
        if (double.IsNaN(value) || value < -1e-9 || value > 1 + 1e-9)
        {
            throw new ProvenanceSolveException(string.Create(
                CultureInfo.InvariantCulture,
                $"The money loop of {loop} entities containing '{_network.Entities[v].Id}' gave round-trip share {value} outside [0, 1]; the linear solve failed."));
        }

        _share[v] = Math.Clamp(value, 0, 1);
        _loop[v] = loop;
    }

    /// <summary>
    /// One loop's transitions <c>P_vu = a_uv / I_v</c> (v receives from u, both in the loop) as CSR rows by receiver, in
    /// local indices.
    /// </summary>
    private sealed class LoopSystem
    {
        private readonly int[] _rowStart;
        private readonly int[] _column;
        private readonly double[] _coefficient;

        private LoopSystem(int[] rowStart, int[] column, double[] coefficient, bool closed)
        {
            _rowStart = rowStart;
            _column = column;
            _coefficient = coefficient;
            Closed = closed;
        }

        /// <summary>Whether no money enters the loop from outside (no revenue, no payer outside): every member's ρ is 1.</summary>
        public bool Closed { get; }

        private int Size => _rowStart.Length - 1;

        public static LoopSystem Build(RoundTripSolver solver, int[] members)
        {
            var index = solver.Index;
            var local = solver.Local;
            for (var i = 0; i < members.Length; i++)
            {
                local[members[i]] = i;
            }

            var rowStart = new int[members.Length + 1];
            var column = new List<int>();
            var coefficient = new List<double>();
            var closed = true;
            for (var i = 0; i < members.Length; i++)
            {
                var v = members[i];
                closed &= solver.Revenue(v) <= 0;
                foreach (var l in index.LinksInto(v))
                {
                    var a = index.Amount[l];
                    if (a <= 0)
                    {
                        continue;
                    }

                    var j = local[index.LinkFrom[l]];
                    if (j >= 0)
                    {
                        column.Add(j);
                        coefficient.Add(a / solver.Inflow(v));
                    }
                    else
                    {
                        closed = false;
                    }
                }

                rowStart[i + 1] = column.Count;
            }

            foreach (var v in members)
            {
                local[v] = -1;
            }

            return new LoopSystem(rowStart, [.. column], [.. coefficient], closed);
        }

        /// <summary><c>I − P</c> as a dense matrix.</summary>
        public Matrix<double> Dense()
        {
            var a = Matrix<double>.Build.DenseIdentity(Size);
            for (var i = 0; i < Size; i++)
            {
                for (var e = _rowStart[i]; e < _rowStart[i + 1]; e++)
                {
                    a[i, _column[e]] -= _coefficient[e];
                }
            }

            return a;
        }

        /// <summary>
        /// ρ of member t by Gauss–Seidel: h = P h with h_t pinned to 1 (row t emptied for the solve), then
        /// ρ_t = Σ_u P_tu h_u.
        /// </summary>
        public double ReturnBySweeps(int t, ProvenanceOptions options, CancellationToken cancellationToken)
        {
            var k = Size;
            var rhs = new double[k];
            var h = new double[k];
            rhs[t] = h[t] = 1;
            var saved = _coefficient[_rowStart[t].._rowStart[t + 1]];
            Array.Clear(_coefficient, _rowStart[t], saved.Length);
            bool converged;
            int sweeps;
            double change;
            try
            {
                converged = GaussSeidel.TrySolve(_rowStart, _column, _coefficient, rhs, h, options.SolverTolerance, scaleFloor: 1.0, options.MaxSolverIterations, cancellationToken, out sweeps, out change);
            }
            finally
            {
                saved.CopyTo(_coefficient, _rowStart[t]);
            }

            if (!converged)
            {
                throw new ProvenanceSolveException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The round-trip solve for a money loop of {k} entities did not converge in {options.MaxSolverIterations} sweeps (tolerance {options.SolverTolerance})."),
                    "round-trip solve (Gauss–Seidel)",
                    sweeps,
                    change);
            }

            var rho = 0.0;
            for (var e = _rowStart[t]; e < _rowStart[t + 1]; e++)
            {
                rho += _coefficient[e] * h[_column[e]];
            }

            return rho;
        }
    }
}
