using System.Globalization;

namespace AiContagion.Examples.ChainOfPain;

/// <summary>A plain-text table with aligned columns, for output that reads the same in a terminal, a log or a test.</summary>
internal sealed class TextTable
{
    private readonly (string Header, bool Right)[] _columns;
    private readonly List<string[]> _rows = [];

    public TextTable(params (string Header, bool Right)[] columns) => _columns = columns;

    public TextTable Add(params object[] cells)
    {
        _rows.Add([.. cells.Select(c => c switch
        {
            double d => d.ToString("#,0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c?.ToString() ?? string.Empty,
        })]);
        return this;
    }

    public void WriteTo(TextWriter output, string indent = "  ")
    {
        var widths = _columns.Select((c, i) => Math.Max(c.Header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(indent + Line(_columns.Select(c => c.Header).ToArray(), widths).TrimEnd());
        output.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            output.WriteLine(indent + Line(row, widths).TrimEnd());
        }
    }

    private string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => _columns[i].Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));
}
