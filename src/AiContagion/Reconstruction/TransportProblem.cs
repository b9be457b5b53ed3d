using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Reconstruction;

/// <summary>
/// A <see cref="ReconstructionProblem"/> in the compact form every method works on: rows (payers) and columns
/// (recipients) by index, the totals left after the known links (the columns scaled so that both sides sum to the
/// same <see cref="Total"/>), and the closed cells — the zero diagonal, the forbidden pairs, the known pairs and the
/// cells that are zero in every feasible matrix — sorted by row and by column. Built once per problem, with the
/// feasibility problems found (<see cref="Problems"/>).
/// </summary>
internal sealed class TransportProblem
{
    /// <summary>Above this many allowed cells the maximum-flow check is skipped (memory); an impossible problem then shows as non-convergence.</summary>
    internal const long MaxFlowCells = 50_000_000;

    private TransportProblem(ReconstructionProblem source)
    {
        Source = source;
        Rows = source.Payers.Length;
        Columns = source.Recipients.Length;
        RowTotals = new double[Rows];
        ColumnTotals = new double[Columns];
        SameColumn = new int[Rows];
        SameRow = new int[Columns];
        Array.Fill(SameRow, -1);
        for (var i = 0; i < Rows; i++)
        {
            SameColumn[i] = source.RecipientIndex.TryGetValue(source.Payers[i].Id, out var j) ? j : -1;
            if (SameColumn[i] >= 0)
            {
                SameRow[SameColumn[i]] = i;
            }
        }
    }

    public ReconstructionProblem Source { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Each payer's total out less its known links.</summary>
    public double[] RowTotals { get; }

    /// <summary>Each recipient's total in less its known links, scaled so that Σ = <see cref="Total"/>.</summary>
    public double[] ColumnTotals { get; }

    /// <summary>Σ <see cref="RowTotals"/>: the amount the method distributes.</summary>
    public double Total { get; private set; }

    /// <summary>Row → the column of the same entity, or −1.</summary>
    public int[] SameColumn { get; }

    /// <summary>Column → the row of the same entity, or −1.</summary>
    public int[] SameRow { get; }

    /// <summary>Closed cells by row: the columns of row i are <c>ClosedColumns[ClosedRowStart[i]..ClosedRowStart[i+1]]</c>, ascending.</summary>
    public int[] ClosedRowStart { get; private set; } = [];

    public int[] ClosedColumns { get; private set; } = [];

    /// <summary>The known amount of each closed cell (parallel to <see cref="ClosedColumns"/>), NaN when the cell is not a known link.</summary>
    public double[] ClosedKnown { get; private set; } = [];

    /// <summary>Closed cells by column: the rows of column j, ascending.</summary>
    public int[] ClosedColumnStart { get; private set; } = [];

    public int[] ClosedRows { get; private set; } = [];

    /// <summary>Cells found zero in every feasible matrix (and closed for that reason).</summary>
    public int ForcedZeroCount { get; private set; }

    /// <summary>
    /// When the only exclusions are the zero diagonal and one entity's out + in equals the total, the one feasible
    /// matrix (every link touches that entity): its row and column; otherwise (−1, −1).
    /// </summary>
    public (int Row, int Column) Tight { get; private set; } = (-1, -1);

    /// <summary>Why no network meets the totals; empty when one does.</summary>
    public IReadOnlyList<NetworkProblem> Problems { get; private set; } = [];

    /// <summary>Number of open (allowed, not closed) cells.</summary>
    public long OpenCells => ((long)Rows * Columns) - ClosedColumns.Length;

    /// <summary>Whether cell (i, j) is closed: binary search in row i's closed columns, O(log k).</summary>
    public bool IsClosed(int row, int column) =>
        Array.BinarySearch(ClosedColumns, ClosedRowStart[row], ClosedRowStart[row + 1] - ClosedRowStart[row], column) >= 0;

    public static TransportProblem Build(ReconstructionProblem source)
    {
        var p = new TransportProblem(source);
        p.Problems = p.Analyse();
        return p;
    }

    private List<NetworkProblem> Analyse()
    {
        var source = Source;
        var tolerance = source.BalanceTolerance;
        var problems = new List<NetworkProblem>();
        var knownOut = new double[Rows];
        var knownIn = new double[Columns];
        var closed = new List<(int Row, int Column, double Known)>();
        foreach (var link in source.Known)
        {
            var i = source.PayerIndex[link.From];
            var j = source.RecipientIndex[link.To];
            knownOut[i] += link.Amount;
            knownIn[j] += link.Amount;
            closed.Add((i, j, link.Amount));
        }

        foreach (var pair in source.Forbidden)
        {
            closed.Add((source.PayerIndex[pair.From], source.RecipientIndex[pair.To], double.NaN));
        }

        for (var i = 0; i < Rows; i++)
        {
            if (SameColumn[i] >= 0)
            {
                closed.Add((i, SameColumn[i], double.NaN));
            }
        }

        // 1. The balance: Σ out = Σ in within the tolerance.
        var sumOut = source.Payers.Sum(t => t.Amount);
        var sumIn = source.Recipients.Sum(t => t.Amount);
        var scale = Math.Max(sumOut, sumIn);
        if (Math.Abs(sumOut - sumIn) > tolerance * scale)
        {
            problems.Add(new NetworkProblem(null, null, null, string.Create(
                CultureInfo.InvariantCulture,
                $"the totals do not balance: Σ out = {sumOut:G10} but Σ in = {sumIn:G10} (difference {sumOut - sumIn:G6}, more than the tolerance {tolerance:G3} × {scale:G10}); every amount paid is received, so the two sums must agree")));
            return problems;
        }

        // 2. What is left after the known links; a known link may not exceed a total.
        var slack = tolerance * scale;
        for (var i = 0; i < Rows; i++)
        {
            var left = source.Payers[i].Amount - knownOut[i];
            if (left < -slack)
            {
                problems.Add(new NetworkProblem(null, source.Payers[i].Id, "out", string.Create(
                    CultureInfo.InvariantCulture, $"the known links from it sum to {knownOut[i]:G10}, more than its total out {source.Payers[i].Amount:G10}")));
            }

            RowTotals[i] = Math.Max(0, left);
        }

        for (var j = 0; j < Columns; j++)
        {
            var left = source.Recipients[j].Amount - knownIn[j];
            if (left < -slack)
            {
                problems.Add(new NetworkProblem(null, source.Recipients[j].Id, "in", string.Create(
                    CultureInfo.InvariantCulture, $"the known links into it sum to {knownIn[j]:G10}, more than its total in {source.Recipients[j].Amount:G10}")));
            }

            ColumnTotals[j] = Math.Max(0, left);
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // 3. Both sides to the same total (a change within the balance tolerance), so that both can be met exactly.
        var rows = RowTotals.Sum();
        var columns = ColumnTotals.Sum();
        if (rows > 0 && columns > 0)
        {
            var factor = rows / columns;
            for (var j = 0; j < Columns; j++)
            {
                ColumnTotals[j] *= factor;
            }
        }
        else
        {
            Array.Clear(RowTotals);
            Array.Clear(ColumnTotals);
            rows = 0;
        }

        Total = rows;
        SetClosed(closed);

        // 4. Can the allowed cells carry the totals?
        if (Total > 0)
        {
            if (source.Known.IsEmpty && source.Forbidden.IsEmpty)
            {
                DiagonalOnly(problems, tolerance);
            }
            else
            {
                WithExclusions(problems, tolerance);
            }
        }

        return problems;
    }

    /// <summary>
    /// Only the zero diagonal is excluded. Hall's condition: two payers that are different entities can together pay
    /// every recipient, so only single payers can fail, and payer i can reach every recipient but itself: feasible iff
    /// <c>out_i + in_i ≤ T</c> for every entity i. Equality forces the matrix (<see cref="Tight"/>).
    /// </summary>
    private void DiagonalOnly(List<NetworkProblem> problems, double tolerance)
    {
        for (var i = 0; i < Rows; i++)
        {
            var j = SameColumn[i];
            if (j < 0)
            {
                continue;
            }

            var both = RowTotals[i] + ColumnTotals[j];
            if (both > Total * (1 + tolerance))
            {
                problems.Add(new NetworkProblem(null, Source.Payers[i].Id, "out", string.Create(
                    CultureInfo.InvariantCulture,
                    $"out {RowTotals[i]:G10} + in {ColumnTotals[j]:G10} = {both:G10} exceeds the total {Total:G10}: an entity does not pay itself, so its out must be received by the others, who receive only {Total - ColumnTotals[j]:G10}")));
            }
            else if (both >= Total * (1 - tolerance) && Tight.Row < 0)
            {
                Tight = (i, j);
            }
        }
    }

    /// <summary>Known or forbidden pairs: single-entity bounds first (clear messages), then a maximum flow; cells zero in every solution are closed.</summary>
    private void WithExclusions(List<NetworkProblem> problems, double tolerance)
    {
        var slack = tolerance * Total;
        for (var i = 0; i < Rows; i++)
        {
            var reachable = Total;
            for (var k = ClosedRowStart[i]; k < ClosedRowStart[i + 1]; k++)
            {
                reachable -= ColumnTotals[ClosedColumns[k]];
            }

            if (RowTotals[i] > reachable + slack)
            {
                problems.Add(new NetworkProblem(null, Source.Payers[i].Id, "out", string.Create(
                    CultureInfo.InvariantCulture,
                    $"its total out less its known links, {RowTotals[i]:G10}, exceeds {reachable:G10}, what the recipients it may pay (not itself, not its known or forbidden pairs) can still receive")));
            }
        }

        for (var j = 0; j < Columns; j++)
        {
            var reachable = Total;
            for (var k = ClosedColumnStart[j]; k < ClosedColumnStart[j + 1]; k++)
            {
                reachable -= RowTotals[ClosedRows[k]];
            }

            if (ColumnTotals[j] > reachable + slack)
            {
                problems.Add(new NetworkProblem(null, Source.Recipients[j].Id, "in", string.Create(
                    CultureInfo.InvariantCulture,
                    $"its total in less its known links, {ColumnTotals[j]:G10}, exceeds {reachable:G10}, what the payers that may pay it (not itself, not its known or forbidden pairs) can still pay")));
            }
        }

        if (problems.Count > 0)
        {
            return;
        }

        var flow = new TransportFlow(this);
        if (flow.AllowedCells > MaxFlowCells)
        {
            return;
        }

        var carried = flow.Run();
        if (carried < Total - slack)
        {
            problems.Add(flow.Shortfall(Source, carried));
            return;
        }

        var forced = flow.ForcedZeros(Total * 1e-12);
        if (forced.Count > 0)
        {
            var closed = new List<(int, int, double)>(ClosedColumns.Length + forced.Count);
            for (var i = 0; i < Rows; i++)
            {
                for (var k = ClosedRowStart[i]; k < ClosedRowStart[i + 1]; k++)
                {
                    closed.Add((i, ClosedColumns[k], ClosedKnown[k]));
                }
            }

            foreach (var (i, j) in forced)
            {
                closed.Add((i, j, double.NaN));
            }

            SetClosed(closed);
            ForcedZeroCount = forced.Count;
        }
    }

    private void SetClosed(List<(int Row, int Column, double Known)> closed)
    {
        closed.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column != b.Column ? a.Column.CompareTo(b.Column) : b.Known.CompareTo(a.Known));
        var unique = new List<(int Row, int Column, double Known)>(closed.Count);
        foreach (var cell in closed)
        {
            if (unique.Count > 0 && unique[^1].Row == cell.Row && unique[^1].Column == cell.Column)
            {
                continue; // a known cell sorts before a NaN duplicate, so it keeps its amount
            }

            unique.Add(cell);
        }

        ClosedRowStart = new int[Rows + 1];
        ClosedColumns = new int[unique.Count];
        ClosedKnown = new double[unique.Count];
        var columnCounts = new int[Columns + 1];
        for (var k = 0; k < unique.Count; k++)
        {
            ClosedRowStart[unique[k].Row + 1]++;
            ClosedColumns[k] = unique[k].Column;
            ClosedKnown[k] = unique[k].Known;
            columnCounts[unique[k].Column + 1]++;
        }

        for (var i = 0; i < Rows; i++)
        {
            ClosedRowStart[i + 1] += ClosedRowStart[i];
        }

        for (var j = 0; j < Columns; j++)
        {
            columnCounts[j + 1] += columnCounts[j];
        }

        ClosedColumnStart = (int[])columnCounts.Clone();
        ClosedRows = new int[unique.Count];
        foreach (var cell in unique)
        {
            ClosedRows[columnCounts[cell.Column]++] = cell.Row;
        }
    }
}
