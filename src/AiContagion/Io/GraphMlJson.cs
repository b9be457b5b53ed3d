using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// The JSON arrays GraphML carries in graph-level string data (<c>sources</c>, <c>annotations</c>): GraphML has
/// no list type, and JSON keeps them lossless and readable by any tool.
/// </summary>
internal static class GraphMlJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string WriteStrings(ImmutableArray<string> values) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    });

    public static string WriteAnnotations(ImmutableArray<Annotation> annotations) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var a in annotations)
        {
            writer.WriteStartObject();
            Optional(writer, "from", a.From);
            Optional(writer, "to", a.To);
            Optional(writer, "type", a.Type);
            if (a.Amount is { } amount)
            {
                writer.WriteNumber("amount", amount);
            }

            Optional(writer, "amountKind", a.AmountKind);
            Optional(writer, "date", a.Date);
            Optional(writer, "source", a.Source);
            writer.WriteString("reason", a.Reason);
            Optional(writer, "note", a.Note);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>Reads a JSON array of strings; returns an error message instead on bad input.</summary>
    public static ImmutableArray<string> ReadStrings(string json, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = "expected a JSON array of strings";
                return [];
            }

            var result = ImmutableArray.CreateBuilder<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    error = "expected a JSON array of strings";
                    return [];
                }

                result.Add(item.GetString()!);
            }

            return result.ToImmutable();
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + e.Message;
            return [];
        }
    }

    /// <summary>Reads a JSON array of annotations; returns an error message instead on bad input.</summary>
    public static ImmutableArray<Annotation> ReadAnnotations(string json, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = "expected a JSON array of annotation objects";
                return [];
            }

            var result = ImmutableArray.CreateBuilder<Annotation>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String)
                {
                    error = "every annotation must be an object with a string 'reason'";
                    return [];
                }

                double? amount = null;
                if (item.TryGetProperty("amount", out var amountElement))
                {
                    if (amountElement.ValueKind != JsonValueKind.Number || !amountElement.TryGetDouble(out var value))
                    {
                        error = "an annotation 'amount' must be a number";
                        return [];
                    }

                    amount = value;
                }

                result.Add(new Annotation(reason.GetString()!)
                {
                    From = Text(item, "from"),
                    To = Text(item, "to"),
                    Type = Text(item, "type"),
                    Amount = amount,
                    AmountKind = Text(item, "amountKind"),
                    Date = Text(item, "date"),
                    Source = Text(item, "source"),
                    Note = Text(item, "note"),
                });
            }

            return result.ToImmutable();
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + e.Message;
            return [];
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
