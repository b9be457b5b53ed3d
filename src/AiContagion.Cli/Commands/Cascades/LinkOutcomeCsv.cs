using System.Globalization;
using System.Text;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Cli.Commands.Cascades;

/// <summary>
/// <c>cascade --output-links FILE.csv</c>: every link's outcome written as UTF-8 straight from the network and the
/// result's down-link arrays, byte for byte what <see cref="CascadeReport.LinkRows"/> writes, without making 10⁶
/// <see cref="LinkOutcome"/> records, tuples and UTF-16 text (issue 18: writing 10⁶ rows added 0.78 s).
/// </summary>
internal static class LinkOutcomeCsv
{
    private const int Block = 1 << 16;

    private static readonly byte[][] Kinds = Names<LinkKind>();
    private static readonly byte[][] Causes = Names<LinkDownCause>();

    /// <summary>Writes the header (<paramref name="columns"/>, the schema's names) and one row per link, in network order.</summary>
    public static void Write(Stream stream, CascadeResult result, IEnumerable<string> columns)
    {
        var links = result.Network.Links;
        var down = new int[links.Length];
        Array.Fill(down, -1);
        for (var i = 0; i < result.LinksDown; i++)
        {
            down[result.DownLinkAt(i)] = i;
        }

        var buffer = new byte[2 * Block];
        var used = Encoding.UTF8.GetBytes(string.Join(",", columns) + "\n", buffer);
        for (var l = 0; l < links.Length; l++)
        {
            var link = links[l];

            // Room for the row: the two ids (every character a doubled quote at worst) and the rest (< 160 bytes).
            var needed = (2 * (link.From.Length + link.To.Length) * 3) + 256;
            if (used + needed > buffer.Length)
            {
                stream.Write(buffer, 0, used);
                used = 0;
                if (needed > buffer.Length)
                {
                    buffer = new byte[needed];
                }
            }

            var d = down[l];
            var row = buffer.AsSpan(used);
            var at = Integer(row, l);
            row[at++] = (byte)',';
            at += Text(row[at..], link.From);
            row[at++] = (byte)',';
            at += Text(row[at..], link.To);
            row[at++] = (byte)',';
            at += Copy(row[at..], Kinds[(int)link.Kind]);
            row[at++] = (byte)',';
            at += Number(row[at..], link.Amount);
            row[at++] = (byte)',';
            at += Copy(row[at..], d >= 0 ? "true"u8 : "false"u8);
            row[at++] = (byte)',';
            at += Copy(row[at..], Causes[(int)(d >= 0 ? result.DownCauseAt(d) : LinkDownCause.None)]);
            row[at++] = (byte)',';
            if (d >= 0)
            {
                at += Integer(row[at..], result.DownRoundAt(d));
            }

            row[at++] = (byte)',';
            at += Number(row[at..], d >= 0 ? result.DownAmountAt(d) : 0);
            row[at++] = (byte)'\n';
            used += at;
        }

        stream.Write(buffer, 0, used);
    }

    /// <summary>A text field as <see cref="Infrastructure.Csv.WriteField"/> writes it: quoted (quotes doubled) when it holds a comma, quote or line break.</summary>
    private static int Text(Span<byte> destination, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return Encoding.UTF8.GetBytes(value, destination);
        }

        return Encoding.UTF8.GetBytes("\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", destination);
    }

    private static int Copy(Span<byte> destination, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination);
        return bytes.Length;
    }

    private static int Integer(Span<byte> destination, long value)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    // As RowColumn's number column: shortest round-trip text, empty when not finite.
    private static int Number(Span<byte> destination, double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    private static byte[][] Names<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new byte[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1][];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = Encoding.UTF8.GetBytes(value.ToString());
        }

        return names;
    }
}
