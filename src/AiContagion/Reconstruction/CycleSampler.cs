using AiContagion.Numerics;

namespace AiContagion.Reconstruction;

/// <summary>
/// The Gibbs sampler of Gandy &amp; Veraart (2017) on the cells of one problem, in systemicrisk's form
/// (<c>GibbsSteps_kcycle</c>, <c>ERE_step_cycle</c>): each step picks a cycle of k rows and k columns, adds Δ to the
/// cells (r_t, c_t) and removes it from (r_t, c_{t+1}) — every row and column sum stays the same — and draws Δ
/// from its exact conditional law under the prior (each pair a link with probability p, amount exponential with
/// rate λ). Only payers and recipients with a positive total take part; closed cells never change.
/// </summary>
/// <remarks>Dense over the active cells (8 bytes each). Not thread-safe; one instance per run.</remarks>
internal sealed class CycleSampler
{
    /// <summary>The most active cells the sampler holds densely.</summary>
    internal const long MaxCells = 16_777_216;

    private readonly int[] _rows;
    private readonly int[] _columns;
    private readonly double[] _values;
    private readonly bool[] _closed;
    private readonly int[] _rowOrder;
    private readonly int[] _columnOrder;
    private readonly int[] _plus;
    private readonly int[] _minus;
    private readonly double[] _lengthWeights;
    private readonly double _zeroLog;
    private readonly double _linkLog;
    private readonly double _intensity;
    private readonly double _epsilon;
    private readonly SeededRandom _random;

    public CycleSampler(TransportProblem p, double[] u, double[] v, double linkProbability, double intensity, long seed)
    {
        _rows = [.. Enumerable.Range(0, p.Rows).Where(i => p.RowTotals[i] > 0)];
        _columns = [.. Enumerable.Range(0, p.Columns).Where(j => p.ColumnTotals[j] > 0)];
        if ((long)_rows.Length * _columns.Length > MaxCells)
        {
            throw new ArgumentException($"The ensemble holds every pair of payers and recipients with a positive total; {_rows.Length} × {_columns.Length} is more than its limit of {MaxCells:N0}.", nameof(p));
        }

        _values = new double[_rows.Length * _columns.Length];
        _closed = new bool[_values.Length];
        var open = new List<int>();
        for (var r = 0; r < _rows.Length; r++)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                var cell = (r * _columns.Length) + c;
                _closed[cell] = p.IsClosed(_rows[r], _columns[c]);
                if (!_closed[cell])
                {
                    _values[cell] = u[_rows[r]] * v[_columns[c]];
                    open.Add(cell);
                }
            }
        }

        OpenCells = [.. open];
        _rowOrder = [.. Enumerable.Range(0, _rows.Length)];
        _columnOrder = [.. Enumerable.Range(0, _columns.Length)];
        var longest = Math.Min(_rows.Length, _columns.Length);
        _plus = new int[Math.Max(longest, 0)];
        _minus = new int[Math.Max(longest, 0)];

        // Cycle length m = 2..longest with weight ∝ 2^(longest − m), halving in m (systemicrisk's weights).
        _lengthWeights = new double[Math.Max(longest + 1, 0)];
        var total = 0.0;
        for (var m = 2; m <= longest; m++)
        {
            _lengthWeights[m] = Math.Pow(0.5, m - 1);
            total += _lengthWeights[m];
        }

        for (var m = 2; m <= longest; m++)
        {
            _lengthWeights[m] /= total;
        }

        _zeroLog = Math.Log(1 - linkProbability);
        _linkLog = Math.Log(linkProbability) + Math.Log(intensity);
        _intensity = intensity;
        _epsilon = p.Total * 1e-12;
        _random = new SeededRandom(seed);
    }

    /// <summary>The open active cells, as indices into the dense matrix (row-major over the active rows and columns).</summary>
    public int[] OpenCells { get; }

    /// <summary>How many steps changed the matrix.</summary>
    public long Moves { get; private set; }

    /// <summary>The current amount of an active cell.</summary>
    public double Value(int cell) => _values[cell];

    /// <summary>The original row and column of an active cell.</summary>
    public (int Row, int Column) Position(int cell) => (_rows[cell / _columns.Length], _columns[cell % _columns.Length]);

    /// <summary>One Gibbs step on a random cycle.</summary>
    public void Step()
    {
        var longest = _plus.Length;
        if (longest < 2)
        {
            return;
        }

        var k = CycleLength(longest);
        for (var t = 0; t < k; t++)
        {
            Swap(_rowOrder, t, t + _random.Next(_rows.Length - t));
            Swap(_columnOrder, t, t + _random.Next(_columns.Length - t));
        }

        var width = _columns.Length;
        for (var t = 0; t < k; t++)
        {
            _plus[t] = (_rowOrder[t] * width) + _columnOrder[t];
            _minus[t] = (_rowOrder[t] * width) + _columnOrder[(t + 1) % k];
            if (_closed[_plus[t]] || _closed[_minus[t]])
            {
                return; // a forbidden, known or diagonal cell on the cycle: no move
            }
        }

        // Δ ∈ [low, high] keeps every cell non-negative.
        var low = double.NegativeInfinity;
        var high = double.PositiveInfinity;
        for (var t = 0; t < k; t++)
        {
            low = Math.Max(low, -_values[_plus[t]]);
            high = Math.Min(high, _values[_minus[t]]);
        }

        var length = high - low;
        if (length < _epsilon)
        {
            return;
        }

        var zerosLow = Zeros(k, low);
        var zerosHigh = Zeros(k, high);
        double delta;
        if (zerosLow <= 1 && zerosHigh <= 1)
        {
            // Mixture of the open interval (density: the likelihood at any interior point, constant in Δ because the
            // cycle's total is fixed and λ is one rate) and the two ends (point masses, one more zero each).
            var interior = LogLikelihood(k, (low + high) / 2) + Math.Log(length);
            var atLow = LogLikelihood(k, low);
            var atHigh = LogLikelihood(k, high);
            var top = Math.Max(interior, Math.Max(atLow, atHigh));
            var wInterior = Math.Exp(interior - top);
            var wLow = Math.Exp(atLow - top);
            var wHigh = Math.Exp(atHigh - top);
            var pick = _random.NextDouble() * (wInterior + wLow + wHigh);
            delta = pick < wInterior ? low + (_random.NextDouble() * length) : pick - wInterior < wLow ? low : high;
        }
        else if (zerosLow != zerosHigh)
        {
            delta = zerosLow > zerosHigh ? low : high; // the end that zeroes more cells (systemicrisk's rule)
        }
        else
        {
            var atLow = LogLikelihood(k, low);
            var atHigh = LogLikelihood(k, high);
            var top = Math.Max(atLow, atHigh);
            var wLow = double.IsNegativeInfinity(top) ? 1 : Math.Exp(atLow - top);
            var wHigh = double.IsNegativeInfinity(top) ? 1 : Math.Exp(atHigh - top);
            delta = _random.NextDouble() * (wLow + wHigh) < wLow ? low : high;
        }

        for (var t = 0; t < k; t++)
        {
            _values[_plus[t]] = Snap(_values[_plus[t]] + delta);
            _values[_minus[t]] = Snap(_values[_minus[t]] - delta);
        }

        Moves++;
    }

    private int CycleLength(int longest)
    {
        var pick = _random.NextDouble();
        for (var m = 2; m < longest; m++)
        {
            pick -= _lengthWeights[m];
            if (pick < 0)
            {
                return m;
            }
        }

        return longest;
    }

    private int Zeros(int k, double delta)
    {
        var zeros = 0;
        for (var t = 0; t < k; t++)
        {
            zeros += _values[_plus[t]] + delta < _epsilon ? 1 : 0;
            zeros += _values[_minus[t]] - delta < _epsilon ? 1 : 0;
        }

        return zeros;
    }

    /// <summary>Log-likelihood of the cycle's cells at Δ: log(1 − p) for a zero, log p + log λ − λx for an amount x.</summary>
    private double LogLikelihood(int k, double delta)
    {
        var sum = 0.0;
        for (var t = 0; t < k; t++)
        {
            sum += Cell(_values[_plus[t]] + delta) + Cell(_values[_minus[t]] - delta);
        }

        return sum;
    }

    private double Cell(double x) => x < _epsilon ? _zeroLog : _linkLog - (_intensity * x);

    private double Snap(double x) => Math.Abs(x) < _epsilon ? 0 : x;

    private static void Swap(int[] values, int a, int b) => (values[a], values[b]) = (values[b], values[a]);
}
