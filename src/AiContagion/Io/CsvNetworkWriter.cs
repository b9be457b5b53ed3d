using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// Writes the CSV pair (<c>entities.csv</c>, <c>links.csv</c>) plus <c>network.csv</c> (metadata) and, when the
/// network has annotations, <c>annotations.csv</c>. RFC 4180: fields holding a comma, quote, line break or
/// leading/trailing space are quoted with inner quotes doubled; an empty string is written as <c>""</c> so it
/// reads back as an empty string rather than an absent value. Invariant culture, shortest round-trip numbers,
/// UTF-8 without byte-order mark, <c>\n</c> line ends. The columns are the required fields and each other field that
/// some entity (or link) gives, in schema order (<see cref="CsvSchema.EntityColumns"/>, <see cref="CsvSchema.LinkColumns"/>);
/// attribute columns follow, sorted by name.
/// </summary>
/// <remarks>
/// The hand-written writer (rather than Sep's) is what lets <c>""</c> and an empty cell mean different things,
/// which keeps JSON → CSV → JSON lossless. The files are written together
/// (<see cref="AtomicFile.WriteAll"/>): all are staged as temporary files first and renamed over the old ones only
/// when every one is complete, so a crash while writing leaves the old pair; never a half-written file. Thread-safe.
/// </remarks>
public static class CsvNetworkWriter
{
    /// <summary>Writes a network into a folder (created if needed).</summary>
    /// <param name="network">The network.</param>
    /// <param name="folder">The target folder.</param>
    public static void WriteFolder(FinancingNetwork network, string folder)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var texts = ToCsv(network);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        AtomicFile.WriteAll(texts
            .Select(file => new KeyValuePair<string, Action<Stream>>(
                Path.Combine(folder, file.Key),
                stream => stream.Write(encoding.GetBytes(file.Value))))
            .ToList());

        foreach (var optional in new[] { CsvSchema.AnnotationsFile, CsvSchema.AssetsFile, CsvSchema.HoldingsFile })
        {
            var stale = Path.Combine(folder, optional);
            if (!texts.ContainsKey(optional) && File.Exists(stale))
            {
                File.Delete(stale);
            }
        }
    }

    /// <summary>The CSV texts of a network, by file name.</summary>
    /// <param name="network">The network.</param>
    /// <returns>File name → text; <c>annotations.csv</c> only when there are annotations, <c>assets.csv</c> and <c>holdings.csv</c> only when the network has a holdings layer.</returns>
    public static IReadOnlyDictionary<string, string> ToCsv(FinancingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [CsvSchema.EntitiesFile] = Entities(network),
            [CsvSchema.LinksFile] = Links(network),
            [CsvSchema.NetworkFile] = Metadata(network.Metadata),
        };
        if (!network.Metadata.Annotations.IsDefaultOrEmpty)
        {
            result[CsvSchema.AnnotationsFile] = Annotations(network.Metadata);
        }

        if (!network.Assets.IsDefaultOrEmpty)
        {
            result[CsvSchema.AssetsFile] = Rows(network.Assets, FieldSchema.Assets, _ => Equality.NoAttributes, new StringBuilder());
        }

        if (!network.Holdings.IsDefaultOrEmpty)
        {
            result[CsvSchema.HoldingsFile] = Rows(network.Holdings, FieldSchema.Holdings, _ => Equality.NoAttributes, new StringBuilder(network.Holdings.Length * 32));
        }

        return result;
    }

    private static string Entities(FinancingNetwork network) =>
        Rows(network.Entities, FieldSchema.Entities, e => e.Attributes, new StringBuilder());

    private static string Links(FinancingNetwork network) =>
        Rows(network.Links, FieldSchema.Links, l => l.Attributes, new StringBuilder(network.LinkCount * 40));

    /// <summary>
    /// One row per record: the text of each field that is required or that some record gives (empty cells where a record
    /// does not), in schema order, then the attribute columns.
    /// </summary>
    private static string Rows<TRecord>(
        ImmutableArray<TRecord> records, RecordFields<TRecord> fields, Func<TRecord, ImmutableSortedDictionary<string, string>> attributes, StringBuilder text)
        where TRecord : class
    {
        var columns = fields.All.Where(f => f.Required || records.Any(r => f.Format(r) is not null)).ToArray();
        var extras = records.SelectMany(r => attributes(r).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Header(text, [.. columns.Select(f => f.Name)], [.. extras.Select(a => AttributeColumns.Column(a, fields))]);
        foreach (var record in records)
        {
            var first = true;
            foreach (var field in columns)
            {
                Field(text, field.Format(record), first);
                first = false;
            }

            var values = attributes(record);
            foreach (var extra in extras)
            {
                Field(text, values.TryGetValue(extra, out var value) ? value : null);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Metadata(NetworkMetadata metadata)
    {
        var text = new StringBuilder("key,value\n");
        void Row(string key, string? value)
        {
            if (value is not null)
            {
                Field(text, key, first: true);
                Field(text, value);
                text.Append('\n');
            }
        }

        Row("format", NetworkMetadata.CurrentFormat);
        Row("title", metadata.Title);
        Row("unit", metadata.Unit);
        Row("asOf", metadata.AsOf);
        Row("description", metadata.Description);
        foreach (var source in metadata.Sources.IsDefault ? [] : metadata.Sources)
        {
            Row("source", source);
        }

        return text.ToString();
    }

    private static string Annotations(NetworkMetadata metadata)
    {
        var text = new StringBuilder();
        Header(text, CsvSchema.AnnotationColumns, []);
        foreach (var a in metadata.Annotations)
        {
            Field(text, a.From, first: true);
            Field(text, a.To);
            Field(text, a.Type);
            Field(text, a.Amount);
            Field(text, a.AmountKind);
            Field(text, a.Date);
            Field(text, a.Source);
            Field(text, a.Reason);
            Field(text, a.Note);
            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, IReadOnlyList<string> columns, string[] extras)
    {
        var first = true;
        foreach (var column in columns.Concat(extras))
        {
            Field(text, column, first);
            first = false;
        }

        text.Append('\n');
    }

    private static void Field(StringBuilder text, double? value, bool first = false) =>
        Field(text, value?.ToString("R", CultureInfo.InvariantCulture), first);

    private static void Field(StringBuilder text, string? value, bool first = false)
    {
        if (!first)
        {
            text.Append(',');
        }

        if (value is null)
        {
            return;
        }

        if (value.Length == 0 || NeedsQuotes(value))
        {
            text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            text.Append(value);
        }
    }

    private static bool NeedsQuotes(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
}
