using System.Globalization;

namespace AiContagion.Model;

/// <summary>
/// The text encoding of one value type, shared by CSV cells, GraphML data and the JSON strings of coded values:
/// invariant culture, one canonical spelling when written, and a message naming the expected form when a text does
/// not parse.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class ValueCodec<T>
    where T : struct
{
    /// <summary>The canonical text of a value.</summary>
    public abstract string Format(T value);

    /// <summary>Parses a text (already unquoted and trimmed); on failure <paramref name="error"/> says what was expected.</summary>
    public abstract bool TryParse(string text, out T value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error);

    /// <summary>Shortens a text quoted in an error message.</summary>
    protected static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
