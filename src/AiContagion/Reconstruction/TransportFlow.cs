using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Reconstruction;

/// <summary>
/// The totals as a maximum-flow problem (source → payer i with capacity out_i, payer → recipient on every open cell,
/// recipient j → sink with capacity in_j): the totals can be met iff the maximum flow carries the whole total
/// (Hall's condition, as systemicrisk's <c>findFeasibleMatrix</c> decides it). Dinic's algorithm; then the strongly
/// connected components of the residual graph give the cells that are zero in every feasible matrix.
/// </summary>
/// <remarks>
/// Only payers and recipients with a positive total take part. O(V² E) at worst (Dinic 1970), far less on these
/// three-layer graphs; memory O(open cells). Not thread-safe; one instance per check.
/// </remarks>
internal sealed class TransportFlow
{
    private readonly TransportProblem _p;
    private readonly int[] _rows;     // active rows (positive total), by original index
    private readonly int[] _columns;  // active columns
    private readonly double _epsilon;
    private int[] _head = [];
    private int[] _next = [];
    private int[] _to = [];
    private double[] _capacity = [];
    private int[] _level = [];
    private int[] _current = [];
    private int _edges;

    public TransportFlow(TransportProblem problem)
    {
        _p = problem;
        _rows = [.. Enumerable.Range(0, problem.Rows).Where(i => problem.RowTotals[i] > 0)];
        _columns = [.. Enumerable.Range(0, problem.Columns).Where(j => problem.ColumnTotals[j] > 0)];
        _epsilon = problem.Total * 1e-14;
        var activeColumn = new bool[problem.Columns];
        foreach (var j in _columns)
        {
            activeColumn[j] = true;
        }

        long allowed = 0;
        foreach (var i in _rows)
        {
            var closed = 0;
            for (var k = problem.ClosedRowStart[i]; k < problem.ClosedRowStart[i + 1]; k++)
            {
                closed += activeColumn[problem.ClosedColumns[k]] ? 1 : 0;
            }

            allowed += _columns.Length - closed;
        }

        AllowedCells = allowed;
    }

    /// <summary>Open cells between payers and recipients with positive totals: the edges of the middle layer.</summary>
    public long AllowedCells { get; }

    private const int Source = 0;

    private int Sink => _rows.Length + _columns.Length + 1;

    /// <summary>Runs Dinic's algorithm and returns the flow carried.</summary>
    public double Run()
    {
        Build();
        var flow = 0.0;
        while (Levels())
        {
            Array.Copy(_head, _current, _head.Length);
            double pushed;
            while ((pushed = Push(Source, double.PositiveInfinity)) > _epsilon)
            {
                flow += pushed;
            }
        }

        return flow;
    }

    /// <summary>After <see cref="Run"/> fell short: the payers the residual graph still reaches form a group whose totals exceed what the recipients they may pay can take.</summary>
    public NetworkProblem Shortfall(ReconstructionProblem source, double carried)
    {
        var reached = Reach();
        var payers = new List<int>();
        var recipients = new List<int>();
        for (var r = 0; r < _rows.Length; r++)
        {
            if (reached[1 + r])
            {
                payers.Add(_rows[r]);
            }
        }

        for (var c = 0; c < _columns.Length; c++)
        {
            if (reached[1 + _rows.Length + c])
            {
                recipients.Add(_columns[c]);
            }
        }

        var owed = payers.Sum(i => _p.RowTotals[i]);
        var room = recipients.Sum(j => _p.ColumnTotals[j]);
        var subject = payers.Count > 0 ? source.Payers[payers[0]].Id : null;
        var group = payers.Count > 1 ? "together with " + Names(payers.Skip(1).Select(i => source.Payers[i].Id)) + ", it" : "it";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"no network meets the totals (at most {carried:G10} of {_p.Total:G10} can be placed): {group} must pay {owed:G10} (after known links) but may pay only {Names(recipients.Select(j => source.Recipients[j].Id))}, who can still receive {room:G10}");
        return new NetworkProblem(null, subject, "out", message);
    }

    /// <summary>The open cells between active rows and columns that are zero in every feasible matrix: a row and a column in different strongly connected components of the residual graph (a cell can grow only along a cycle that pays it and unpays others).</summary>
    /// <param name="positive">The smallest flow counted as positive.</param>
    public List<(int Row, int Column)> ForcedZeros(double positive)
    {
        var rows = _rows.Length;
        var nodes = rows + _columns.Length;
        // Column c's out-edges in the residual graph: the rows that pay it (flow > positive).
        var payersOf = new List<int>[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            payersOf[c] = [];
        }

        for (var r = 0; r < rows; r++)
        {
            for (var e = _head[1 + r]; e >= 0; e = _next[e])
            {
                var w = _to[e];
                if (w > rows && w <= nodes && _capacity[e ^ 1] > positive)
                {
                    payersOf[w - rows - 1].Add(r);
                }
            }
        }

        var component = StrongComponents(nodes, rows, payersOf);
        var forced = new List<(int, int)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                if (component[r] != component[rows + c] && !_p.IsClosed(_rows[r], _columns[c]))
                {
                    forced.Add((_rows[r], _columns[c]));
                }
            }
        }

        return forced;
    }

    private int[] StrongComponents(int nodes, int rows, List<int>[] payersOf)
    {
        // Iterative Tarjan. Row node r → column nodes of its open cells; column node c → payersOf[c].
        var index = new int[nodes];
        var low = new int[nodes];
        var position = new int[nodes];
        var onStack = new bool[nodes];
        var component = new int[nodes];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var calls = new Stack<int>();
        var counter = 0;
        var components = 0;
        for (var start = 0; start < nodes; start++)
        {
            if (index[start] >= 0)
            {
                continue;
            }

            calls.Push(start);
            while (calls.Count > 0)
            {
                var v = calls.Peek();
                if (index[v] < 0)
                {
                    index[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }

                var w = NextNeighbour(v, rows, payersOf, position);
                if (w >= 0)
                {
                    if (index[w] < 0)
                    {
                        calls.Push(w);
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                calls.Pop();
                if (low[v] == index[v])
                {
                    int x;
                    do
                    {
                        x = stack.Pop();
                        onStack[x] = false;
                        component[x] = components;
                    }
                    while (x != v);
                    components++;
                }

                if (calls.Count > 0)
                {
                    var parent = calls.Peek();
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return component;
    }

    private int NextNeighbour(int v, int rows, List<int>[] payersOf, int[] position)
    {
        if (v < rows)
        {
            var row = _rows[v];
            while (position[v] < _columns.Length)
            {
                var c = position[v]++;
                if (!_p.IsClosed(row, _columns[c]))
                {
                    return rows + c;
                }
            }

            return -1;
        }

        var list = payersOf[v - rows];
        return position[v] < list.Count ? list[position[v]++] : -1;
    }

    private void Build()
    {
        var nodes = _rows.Length + _columns.Length + 2;
        var capacity = (int)(2 * (AllowedCells + _rows.Length + _columns.Length));
        _head = new int[nodes];
        Array.Fill(_head, -1);
        _next = new int[capacity];
        _to = new int[capacity];
        _capacity = new double[capacity];
        _level = new int[nodes];
        _current = new int[nodes];
        _edges = 0;
        for (var r = 0; r < _rows.Length; r++)
        {
            AddEdge(Source, 1 + r, _p.RowTotals[_rows[r]]);
        }

        for (var c = 0; c < _columns.Length; c++)
        {
            AddEdge(1 + _rows.Length + c, Sink, _p.ColumnTotals[_columns[c]]);
        }

        for (var r = 0; r < _rows.Length; r++)
        {
            var row = _rows[r];
            for (var c = 0; c < _columns.Length; c++)
            {
                if (!_p.IsClosed(row, _columns[c]))
                {
                    AddEdge(1 + r, 1 + _rows.Length + c, _p.RowTotals[row]);
                }
            }
        }
    }

    private void AddEdge(int from, int to, double capacity)
    {
        _to[_edges] = to;
        _capacity[_edges] = capacity;
        _next[_edges] = _head[from];
        _head[from] = _edges++;
        _to[_edges] = from;
        _capacity[_edges] = 0;
        _next[_edges] = _head[to];
        _head[to] = _edges++;
    }

    private bool Levels()
    {
        Array.Fill(_level, -1);
        var queue = new Queue<int>();
        _level[Source] = 0;
        queue.Enqueue(Source);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            for (var e = _head[v]; e >= 0; e = _next[e])
            {
                if (_capacity[e] > _epsilon && _level[_to[e]] < 0)
                {
                    _level[_to[e]] = _level[v] + 1;
                    queue.Enqueue(_to[e]);
                }
            }
        }

        return _level[Sink] >= 0;
    }

    private double Push(int v, double limit)
    {
        if (v == Sink)
        {
            return limit;
        }

        for (; _current[v] >= 0; _current[v] = _next[_current[v]])
        {
            var e = _current[v];
            var w = _to[e];
            if (_capacity[e] > _epsilon && _level[w] == _level[v] + 1)
            {
                var pushed = Push(w, Math.Min(limit, _capacity[e]));
                if (pushed > _epsilon)
                {
                    _capacity[e] -= pushed;
                    _capacity[e ^ 1] += pushed;
                    return pushed;
                }
            }
        }

        return 0;
    }

    private bool[] Reach()
    {
        var reached = new bool[_head.Length];
        var queue = new Queue<int>();
        reached[Source] = true;
        queue.Enqueue(Source);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            for (var e = _head[v]; e >= 0; e = _next[e])
            {
                if (_capacity[e] > _epsilon && !reached[_to[e]])
                {
                    reached[_to[e]] = true;
                    queue.Enqueue(_to[e]);
                }
            }
        }

        return reached;
    }

    private static string Names(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? "no one" : list.Count <= 8 ? string.Join(", ", list) : string.Join(", ", list.Take(8)) + string.Create(CultureInfo.InvariantCulture, $" and {list.Count - 8} more");
    }
}
