namespace AiContagion.Reconstruction;

/// <summary>
/// The state of one minimum-density search (NetworkRiskMeasures' <c>min_dens</c>, see
/// <see cref="MinimumDensityReconstruction"/>): the unallocated out <c>ad</c> and in <c>ld</c>, the links placed, the
/// open cells (allowed and not yet used, as a bit set) and each row's total weight, kept up to date in O(rows +
/// columns) per change instead of recomputing all rows × columns weights each iteration.
/// </summary>
/// <remarks>Not thread-safe; one instance per run.</remarks>
internal sealed class DensitySearch : IDensityState
{
    /// <summary>The most cells the search holds (its open-cell bit set is rows × columns bits).</summary>
    internal const long MaxCells = 400_000_000;

    private readonly TransportProblem _p;
    private readonly double[] _ad;
    private readonly double[] _ld;
    private readonly ulong[] _open;
    private readonly double[] _rowWeight;
    private readonly int[] _rowPositive;
    private readonly List<(int Row, int Column, double Amount)> _used = [];
    private readonly double _dust;
    private int _changes;

    public DensitySearch(TransportProblem problem, double tolerance)
    {
        _p = problem;
        if ((long)problem.Rows * problem.Columns > MaxCells)
        {
            throw new ArgumentException($"The minimum-density search holds one bit per payer × recipient pair; {problem.Rows} × {problem.Columns} is more than its limit of {MaxCells:N0}.", nameof(problem));
        }

        _ad = (double[])problem.RowTotals.Clone();
        _ld = (double[])problem.ColumnTotals.Clone();
        _open = new ulong[(((long)Rows * Columns) + 63) / 64];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                SetOpen(i, j, true);
            }

            for (var k = problem.ClosedRowStart[i]; k < problem.ClosedRowStart[i + 1]; k++)
            {
                SetOpen(i, problem.ClosedColumns[k], false);
            }
        }

        _rowWeight = new double[Rows];
        _rowPositive = new int[Rows];
        _dust = tolerance * problem.Total;
        RefreshAll();
    }

    public int Rows => _p.Rows;

    public int Columns => _p.Columns;

    public double TotalWeight
    {
        get
        {
            var total = 0.0;
            foreach (var weight in _rowWeight)
            {
                total += weight;
            }

            return total;
        }
    }

    public int UsedCount => _used.Count;

    public double UnallocatedOut => Sum(_ad);

    public double UnallocatedIn => Sum(_ld);

    public double MaxUnallocatedOut => _ad.Max();

    public double MaxUnallocatedIn => _ld.Length == 0 ? 0 : _ld.Max();

    public double RowWeight(int row) => _rowWeight[row];

    public double Weight(int row, int column) => IsOpen(row, column) ? Q(_ad[row], _ld[column]) : 0;

    /// <summary>The amount a new link on (i, j) would carry: λ · min(ad_i, ld_j).</summary>
    public double Proposal(int row, int column, double lambda) => lambda * Math.Min(_ad[row], _ld[column]);

    /// <summary>Places a link: the deficits fall by its amount (a remainder at most the dust is dropped), the cell closes.</summary>
    public void Place(int row, int column, double amount)
    {
        SetOpen(row, column, false);
        _used.Add((row, column, amount));
        var ad = _ad[row] - amount;
        var ld = _ld[column] - amount;
        ChangeColumn(column, ld <= _dust ? 0 : ld, row);
        _ad[row] = ad <= _dust ? 0 : ad;
        Changed(row);
    }

    /// <summary>Removes the link at position k of the placed links: its amount returns to both deficits, the cell reopens.</summary>
    public void Remove(int k)
    {
        var (row, column, amount) = _used[k];
        _used[k] = _used[^1];
        _used.RemoveAt(_used.Count - 1);
        SetOpen(row, column, true);
        ChangeColumn(column, _ld[column] + amount, row);
        _ad[row] += amount;
        Changed(row);
    }

    /// <summary>The links placed, sorted by row then column, with the known links merged in.</summary>
    public CellTable Cells()
    {
        var cells = new List<(int Row, int Column, double Amount, bool Known)>(_used.Count);
        cells.AddRange(_used.Select(u => (u.Row, u.Column, u.Amount, false)));
        for (var i = 0; i < Rows; i++)
        {
            for (var k = _p.ClosedRowStart[i]; k < _p.ClosedRowStart[i + 1]; k++)
            {
                if (!double.IsNaN(_p.ClosedKnown[k]))
                {
                    cells.Add((i, _p.ClosedColumns[k], _p.ClosedKnown[k], true));
                }
            }
        }

        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        var table = new CellTable(Rows);
        foreach (var (row, column, amount, known) in cells)
        {
            table.Add(row, column, amount, known);
        }

        return table.Complete();
    }

    /// <summary>Recomputes every row's weight exactly (also called every <c>rows</c> changes, so that rounding in the incremental updates cannot build up).</summary>
    public void RefreshAll()
    {
        for (var i = 0; i < Rows; i++)
        {
            RefreshRow(i);
        }

        _changes = 0;
    }

    private static double Q(double ad, double ld) => ad > 0 && ld > 0 ? Math.Max(ad / ld, ld / ad) : 0;

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    private bool IsOpen(int row, int column)
    {
        var bit = ((long)row * Columns) + column;
        return (_open[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    private void SetOpen(int row, int column, bool open)
    {
        var bit = ((long)row * Columns) + column;
        if (open)
        {
            _open[bit >> 6] |= 1UL << (int)(bit & 63);
        }
        else
        {
            _open[bit >> 6] &= ~(1UL << (int)(bit & 63));
        }
    }

    private void RefreshRow(int row)
    {
        var weight = 0.0;
        var positive = 0;
        if (_ad[row] > 0)
        {
            for (var j = 0; j < Columns; j++)
            {
                if (_ld[j] > 0 && IsOpen(row, j))
                {
                    weight += Q(_ad[row], _ld[j]);
                    positive++;
                }
            }
        }

        _rowWeight[row] = weight;
        _rowPositive[row] = positive;
    }

    /// <summary>Column j's unallocated in changes: every other row's weight changes by its cell's new weight less the old.</summary>
    private void ChangeColumn(int column, double value, int skipRow)
    {
        var old = _ld[column];
        _ld[column] = value;
        for (var i = 0; i < Rows; i++)
        {
            if (i == skipRow || _ad[i] <= 0 || !IsOpen(i, column))
            {
                continue;
            }

            var before = Q(_ad[i], old);
            var after = Q(_ad[i], value);
            _rowPositive[i] += (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
            _rowWeight[i] = _rowPositive[i] == 0 ? 0 : _rowWeight[i] + after - before;
        }
    }

    private void Changed(int row)
    {
        if (++_changes >= Math.Max(Rows, 16))
        {
            RefreshAll();
        }
        else
        {
            RefreshRow(row);
        }
    }
}
