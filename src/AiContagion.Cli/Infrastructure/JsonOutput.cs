using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiContagion.Cli.Infrastructure;

/// <summary>Machine-readable output: indented UTF-8 JSON, invariant culture, written whole to standard output.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON document built by <paramref name="write"/>, then a newline.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        output.Write(ToJson(write));
        output.Write('\n');
    }

    /// <summary>The JSON text built by <paramref name="write"/>.</summary>
    public static string ToJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a number, or null when it is NaN or infinite (JSON has no such numbers).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a number, or nothing when it is absent.</summary>
    public static void WriteOptionalNumber(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumberOrNull(name, number);
        }
    }
}
