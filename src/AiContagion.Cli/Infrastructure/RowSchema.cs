using System.Text;
using System.Text.Json;
using AiContagion.Io;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// The columns of a command's result file and how it is written: <c>.csv</c> (RFC 4180, header row, invariant
/// culture, numbers in shortest round-trip form, absent values empty) or <c>.json</c> (an array of one object per
/// row, absent values null), through <see cref="AtomicFile"/>: whole or not at all.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class RowSchema<T>(params RowColumn<T>[] columns)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<RowColumn<T>> Columns { get; } = columns;

    /// <summary>The column names, comma-separated (as in README).</summary>
    public string Names => string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>The columns with what each holds, for the help of <c>--output</c>.</summary>
    public string Help => string.Join("; ", Columns.Select(c => c.Name + ": " + c.Description));

    /// <summary>Writes every row to <paramref name="path"/> (.csv or .json) atomically.</summary>
    public void Write(string path, IEnumerable<T> rows)
    {
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.Write(path, stream => WriteJson(stream, rows));
        }
        else
        {
            AtomicFile.Write(path, stream => WriteCsv(stream, rows));
        }
    }

    private void WriteCsv(Stream stream, IEnumerable<T> rows)
    {
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(",", Columns.Select(c => c.Name)));
        foreach (var row in rows)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                Columns[i].WriteCsv(writer, row);
            }

            writer.Write('\n');
        }
    }

    private void WriteJson(Stream stream, IEnumerable<T> rows)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            foreach (var column in Columns)
            {
                column.WriteJson(writer, row);
            }

            writer.WriteEndObject();
            if (writer.BytesPending > 1 << 16)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
    }
}
