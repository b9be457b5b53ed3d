using System.Globalization;

namespace AiContagion.Cli.Infrastructure;

/// <summary>How summaries write numbers and lists for a person: invariant culture, thousands separated, long lists cut.</summary>
internal static class Readable
{
    /// <summary>Items of a list shown before "… (+N more)".</summary>
    public const int ListedItems = 10;

    /// <summary>An amount: thousands separated, up to six decimals.</summary>
    public static string Amount(double value) => value.ToString("#,0.######", CultureInfo.InvariantCulture);

    /// <summary>A count: thousands separated.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage, e.g. 0.08 → <c>8 %</c>.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.####", CultureInfo.InvariantCulture) + " %";

    /// <summary>A comma-separated list, cut after <see cref="ListedItems"/> items: <c>a, b, … (+98 more)</c>.</summary>
    public static string List(IReadOnlyList<string> items, string separator = ", ") =>
        items.Count <= ListedItems
            ? string.Join(separator, items)
            : string.Join(separator, items.Take(ListedItems)) + string.Create(CultureInfo.InvariantCulture, $"{separator}… (+{items.Count - ListedItems:#,0} more)");

    /// <summary>The line under a table cut at <c>--top</c>: how many rows are not shown and how to get them.</summary>
    public static string More(int hidden, string rows, string how = "--top N shows more; --output FILE.csv|FILE.json writes every row") =>
        string.Create(CultureInfo.InvariantCulture, $"… {hidden:#,0} more {rows} ({how})");
}
