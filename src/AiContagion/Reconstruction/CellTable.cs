namespace AiContagion.Reconstruction;

/// <summary>
/// The cells of a reconstructed matrix with a positive amount, row by row (CSR, columns ascending), with the known
/// flag and, for an ensemble, each cell's range and link probability. Compact: a dense 1,000 × 1,000 result is about
/// 13 MB, and nothing is allocated per link until asked.
/// </summary>
internal sealed class CellTable
{
    private readonly List<int> _columns;
    private readonly List<double> _amounts;
    private readonly List<bool> _known;
    private readonly List<double>? _low;
    private readonly List<double>? _high;
    private readonly List<double>? _probability;
    private readonly int[] _rowStart;
    private int _row;

    /// <param name="rows">Number of rows.</param>
    /// <param name="ranged">Whether cells carry a range and a link probability.</param>
    /// <param name="capacity">The cells expected (the lists are sized once).</param>
    public CellTable(int rows, bool ranged = false, long capacity = 0)
    {
        _rowStart = new int[rows + 1];
        var size = (int)Math.Clamp(capacity, 0, 1 << 28);
        _columns = new List<int>(size);
        _amounts = new List<double>(size);
        _known = new List<bool>(size);
        if (ranged)
        {
            _low = [];
            _high = [];
            _probability = [];
        }
    }

    public int Count => _columns.Count;

    public bool Ranged => _low is not null;

    public ReadOnlySpan<int> RowStart => _rowStart;

    public int Column(int k) => _columns[k];

    public double Amount(int k) => _amounts[k];

    public bool Known(int k) => _known[k];

    public double Low(int k) => _low![k];

    public double High(int k) => _high![k];

    public double Probability(int k) => _probability![k];

    /// <summary>Appends a cell; rows in ascending order, columns ascending within a row. Zero amounts are skipped.</summary>
    public void Add(int row, int column, double amount, bool known, double low = 0, double high = 0, double probability = 0)
    {
        if (amount <= 0)
        {
            return;
        }

        while (_row < row)
        {
            _rowStart[++_row] = _columns.Count;
        }

        _columns.Add(column);
        _amounts.Add(amount);
        _known.Add(known);
        _low?.Add(low);
        _high?.Add(high);
        _probability?.Add(probability);
        _rowStart[row + 1] = _columns.Count;
    }

    /// <summary>Closes the table after the last row.</summary>
    public CellTable Complete()
    {
        while (_row < _rowStart.Length - 1)
        {
            _rowStart[++_row] = _columns.Count;
        }

        return this;
    }

    /// <summary>Finds cell (row, column): its index, or −1.</summary>
    public int Find(int row, int column)
    {
        var start = _rowStart[row];
        var index = _columns.BinarySearch(start, _rowStart[row + 1] - start, column, null);
        return index >= 0 ? index : -1;
    }

    /// <summary>Row of cell k (binary search over the row starts).</summary>
    public int RowOf(int k)
    {
        var index = Array.BinarySearch(_rowStart, k);
        if (index < 0)
        {
            return ~index - 1;
        }

        // Several rows may start at k (empty rows): the cell belongs to the last of them.
        while (index + 1 < _rowStart.Length && _rowStart[index + 1] == k)
        {
            index++;
        }

        return index;
    }

    /// <summary>The largest gaps |total − sum| over the rows and over the columns, against the problem's own totals (known links included).</summary>
    public (double Row, double Column) Residuals(ReconstructionProblem problem)
    {
        var rows = new double[problem.Payers.Length];
        var columns = new double[problem.Recipients.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
            {
                rows[i] += _amounts[k];
                columns[_columns[k]] += _amounts[k];
            }
        }

        var row = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            row = Math.Max(row, Math.Abs(problem.Payers[i].Amount - rows[i]));
        }

        var column = 0.0;
        for (var j = 0; j < columns.Length; j++)
        {
            column = Math.Max(column, Math.Abs(problem.Recipients[j].Amount - columns[j]));
        }

        return (row, column);
    }

    /// <summary>The one feasible matrix of a tight problem (see <see cref="TransportProblem.Tight"/>): the tight entity's row takes every other column's total, its column every other row's.</summary>
    public static CellTable Forced(TransportProblem p)
    {
        var (tightRow, tightColumn) = p.Tight;
        var table = new CellTable(p.Rows);
        for (var i = 0; i < p.Rows; i++)
        {
            for (var j = 0; j < p.Columns; j++)
            {
                var amount = i == tightRow && j != tightColumn ? p.ColumnTotals[j]
                    : i != tightRow && j == tightColumn ? p.RowTotals[i]
                    : 0;
                table.Add(i, j, amount, known: false);
            }
        }

        return table.Complete();
    }
}
