using System.Globalization;
using System.Text.Json;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// How much of a result <c>--json</c> carries. A network of at most <see cref="MaximumCompleteElements"/> entities +
/// links (or any network with <c>--detail</c>) gets every row of every array, as documented; a larger one gets the
/// summary fields, the top <see cref="Rows"/> rows of each array, and a <c>truncated</c> object saying how to get the rest.
/// </summary>
/// <param name="Complete">Whether every array is written whole.</param>
/// <param name="Rows">The rows of an array when it is cut (<c>--top</c>, default 20).</param>
/// <param name="Elements">The network's entities + links.</param>
internal readonly record struct ResultScope(bool Complete, int Rows, long Elements)
{
    /// <summary>The largest network (entities + links) whose JSON carries every row without <c>--detail</c>.</summary>
    public const int MaximumCompleteElements = 10_000;

    /// <summary>The scope of a result on <paramref name="network"/>.</summary>
    public static ResultScope For(FinancingNetwork network, bool detail, int rows)
    {
        var elements = (long)network.EntityCount + network.LinkCount;
        return new ResultScope(detail || elements <= MaximumCompleteElements, rows, elements);
    }

    /// <summary>The rows of an array of <paramref name="count"/> to write: all of them, or the top rows.</summary>
    public int Limit(int count) => Complete ? count : Math.Min(count, Rows);

    /// <summary>The rows of an array to write: all of them, or the first <see cref="Rows"/>.</summary>
    public IEnumerable<T> Take<T>(IEnumerable<T> rows) => Complete ? rows : rows.Take(Rows);

    /// <summary>
    /// When the arrays are cut, writes <c>"truncated": {"reason", "arrays", "rows", "use"}</c>; nothing otherwise (the
    /// documented document is unchanged).
    /// </summary>
    public void WriteTruncation(Utf8JsonWriter w, params string[] arrays)
    {
        if (Complete)
        {
            return;
        }

        w.WriteStartObject("truncated");
        w.WriteString("reason", string.Create(
            CultureInfo.InvariantCulture,
            $"the network has {Elements:#,0} entities + links, more than {MaximumCompleteElements:#,0}: each array listed holds its top {Rows} rows"));
        w.WriteStartArray("arrays");
        foreach (var array in arrays)
        {
            w.WriteStringValue(array);
        }

        w.WriteEndArray();
        w.WriteNumber("rows", Rows);
        w.WriteString("use", "--detail (every row in this JSON) or --output FILE.csv|FILE.json (every row in a file)");
        w.WriteEndObject();
    }
}
