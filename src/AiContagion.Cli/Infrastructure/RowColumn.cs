using System.Globalization;
using System.Text.Json;

namespace AiContagion.Cli.Infrastructure;

/// <summary>One column of a result file: its name, what it holds (for the help and README), and how a row fills it.</summary>
/// <typeparam name="T">The row type.</typeparam>
internal abstract class RowColumn<T>
{
    private RowColumn(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The column's name: the CSV header and the JSON property.</summary>
    public string Name { get; }

    /// <summary>What the column holds.</summary>
    public string Description { get; }

    /// <summary>A text column (empty in CSV, null in JSON when absent).</summary>
    public static RowColumn<T> Text(string name, string description, Func<T, string?> value) => new TextColumn(name, description, value);

    /// <summary>A number column, shortest round-trip form; absent or not finite: empty / null.</summary>
    public static RowColumn<T> Number(string name, string description, Func<T, double?> value) => new NumberColumn(name, description, value);

    /// <summary>A whole-number column; absent: empty / null.</summary>
    public static RowColumn<T> Integer(string name, string description, Func<T, long?> value) => new IntegerColumn(name, description, value);

    /// <summary>A true/false column.</summary>
    public static RowColumn<T> Flag(string name, string description, Func<T, bool> value) => new FlagColumn(name, description, value);

    /// <summary>Writes the row's cell as CSV.</summary>
    public abstract void WriteCsv(TextWriter writer, T row);

    /// <summary>Writes the row's cell as a JSON property.</summary>
    public abstract void WriteJson(Utf8JsonWriter writer, T row);

    private sealed class TextColumn(string name, string description, Func<T, string?> value) : RowColumn<T>(name, description)
    {
        public override void WriteCsv(TextWriter writer, T row) => Csv.WriteField(writer, value(row));

        public override void WriteJson(Utf8JsonWriter writer, T row) => writer.WriteString(Name, value(row));
    }

    private sealed class NumberColumn(string name, string description, Func<T, double?> value) : RowColumn<T>(name, description)
    {
        public override void WriteCsv(TextWriter writer, T row)
        {
            if (value(row) is { } number && double.IsFinite(number))
            {
                Span<char> buffer = stackalloc char[32];
                number.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
                writer.Write(buffer[..written]);
            }
        }

        public override void WriteJson(Utf8JsonWriter writer, T row) => writer.WriteOptionalNumberOrNull(Name, value(row));
    }

    private sealed class IntegerColumn(string name, string description, Func<T, long?> value) : RowColumn<T>(name, description)
    {
        public override void WriteCsv(TextWriter writer, T row)
        {
            if (value(row) is { } number)
            {
                Span<char> buffer = stackalloc char[24];
                number.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
                writer.Write(buffer[..written]);
            }
        }

        public override void WriteJson(Utf8JsonWriter writer, T row)
        {
            if (value(row) is { } number)
            {
                writer.WriteNumber(Name, number);
            }
            else
            {
                writer.WriteNull(Name);
            }
        }
    }

    private sealed class FlagColumn(string name, string description, Func<T, bool> value) : RowColumn<T>(name, description)
    {
        public override void WriteCsv(TextWriter writer, T row) => writer.Write(value(row) ? "true" : "false");

        public override void WriteJson(Utf8JsonWriter writer, T row) => writer.WriteBoolean(Name, value(row));
    }
}
