using System.Text.Encodings.Web;
using System.Text.Json;
using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// Writes the native JSON format (<c>aicontagion/1</c>). Output is deterministic: fields in a fixed order,
/// entities and links in network order, numbers in the shortest form that reads back to the same
/// <see cref="double"/>, absent optional fields omitted. What <see cref="JsonNetworkReader"/> reads back is equal
/// to what was written.
/// </summary>
/// <remarks>Thread-safe (no shared state).</remarks>
public static class JsonNetworkWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a network to a file, whole or not at all (temporary file + rename).</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The target file.</param>
    public static void WriteFile(FinancingNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        AtomicFile.Write(path, stream => Write(network, stream));
    }

    /// <summary>Writes a network to a stream as UTF-8 JSON.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">The stream; left open.</param>
    public static void Write(FinancingNetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, Options);
        Write(network, writer);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes a network as a JSON string.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(FinancingNetwork network)
    {
        using var stream = new MemoryStream();
        Write(network, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(FinancingNetwork network, Utf8JsonWriter writer)
    {
        var metadata = network.Metadata;
        writer.WriteStartObject();
        writer.WriteString("format", NetworkMetadata.CurrentFormat);
        WriteOptional(writer, "title", metadata.Title);
        writer.WriteString("unit", metadata.Unit);
        WriteOptional(writer, "asOf", metadata.AsOf);
        WriteOptional(writer, "description", metadata.Description);
        if (!metadata.Sources.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("sources");
            foreach (var source in metadata.Sources)
            {
                writer.WriteStringValue(source);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("entities");
        foreach (var entity in network.Entities)
        {
            writer.WriteStartObject();
            WriteFields(writer, FieldSchema.Entities, entity);
            WriteAttributes(writer, entity.Attributes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("links");
        foreach (var link in network.Links)
        {
            writer.WriteStartObject();
            WriteFields(writer, FieldSchema.Links, link);
            WriteAttributes(writer, link.Attributes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (!network.Assets.IsDefaultOrEmpty)
        {
            writer.WritePropertyName("assets");
            WriteAssets(writer, network);
        }

        if (!network.Holdings.IsDefaultOrEmpty)
        {
            writer.WritePropertyName("holdings");
            WriteHoldings(writer, network);
        }

        if (!metadata.Annotations.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("annotations");
            foreach (var annotation in metadata.Annotations)
            {
                writer.WriteStartObject();
                WriteOptional(writer, "from", annotation.From);
                WriteOptional(writer, "to", annotation.To);
                WriteOptional(writer, "type", annotation.Type);
                WriteOptional(writer, "amount", annotation.Amount);
                WriteOptional(writer, "amountKind", annotation.AmountKind);
                WriteOptional(writer, "date", annotation.Date);
                WriteOptional(writer, "source", annotation.Source);
                writer.WriteString("reason", annotation.Reason);
                WriteOptional(writer, "note", annotation.Note);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>The holdings layer's assets as one compact JSON array (GraphML's <c>assets</c> graph data).</summary>
    internal static string AssetsJson(FinancingNetwork network) => Compact(writer => WriteAssets(writer, network));

    /// <summary>The holdings as one compact JSON array (GraphML's <c>holdings</c> graph data).</summary>
    internal static string HoldingsJson(FinancingNetwork network) => Compact(writer => WriteHoldings(writer, network));

    private static string Compact(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteAssets(Utf8JsonWriter writer, FinancingNetwork network)
    {
        writer.WriteStartArray();
        foreach (var asset in network.Assets)
        {
            writer.WriteStartObject();
            WriteFields(writer, FieldSchema.Assets, asset);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteHoldings(Utf8JsonWriter writer, FinancingNetwork network)
    {
        writer.WriteStartArray();
        foreach (var holding in network.Holdings)
        {
            writer.WriteStartObject();
            WriteFields(writer, FieldSchema.Holdings, holding);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes every field the record gives, in schema order: numbers and booleans as JSON values, a schedule as an array of objects, everything else as its text.</summary>
    private static void WriteFields<TRecord>(Utf8JsonWriter writer, RecordFields<TRecord> fields, TRecord record)
        where TRecord : class
    {
        foreach (var field in fields.All)
        {
            switch (field.Kind)
            {
                case FieldKind.Number:
                    if (((TypedField<TRecord, double>)field).TryGet(record, out var number))
                    {
                        writer.WriteNumber(field.Name, number);
                    }

                    break;
                case FieldKind.Boolean:
                    if (((TypedField<TRecord, bool>)field).TryGet(record, out var flag))
                    {
                        writer.WriteBoolean(field.Name, flag);
                    }

                    break;
                case FieldKind.Schedule:
                    if (((TypedField<TRecord, System.Collections.Immutable.ImmutableArray<ScheduledPayment>>)field).TryGet(record, out var payments))
                    {
                        writer.WriteStartArray(field.Name);
                        foreach (var payment in payments)
                        {
                            writer.WriteStartObject();
                            writer.WriteString("date", payment.Month.ToString());
                            writer.WriteNumber("amount", payment.Amount);
                            writer.WriteEndObject();
                        }

                        writer.WriteEndArray();
                    }

                    break;
                default:
                    WriteOptional(writer, field.Name, field.Format(record));
                    break;
            }
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteAttributes(Utf8JsonWriter writer, System.Collections.Immutable.ImmutableSortedDictionary<string, string> attributes)
    {
        if (attributes.IsEmpty)
        {
            return;
        }

        writer.WriteStartObject("attributes");
        foreach (var (key, value) in attributes)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
