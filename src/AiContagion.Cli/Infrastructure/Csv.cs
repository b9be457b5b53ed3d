namespace AiContagion.Cli.Infrastructure;

/// <summary>RFC 4180 fields: quoted only when they hold a comma, a quote or a line break; quotes doubled.</summary>
internal static class Csv
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\"\r\n");

    /// <summary>Writes one field (nothing for <see langword="null"/>).</summary>
    public static void WriteField(TextWriter writer, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(Special) < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
