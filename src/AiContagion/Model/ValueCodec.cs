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

/// <summary>Finite doubles: shortest round-trip form (<c>R</c>), a dot for decimals.</summary>
internal sealed class NumberCodec : ValueCodec<double>
{
    public static readonly NumberCodec Instance = new();

    public override string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public override bool TryParse(string text, out double value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{Shorten(text)}' is not a number (use a dot for decimals and no thousands separators)";
            return false;
        }

        if (!double.IsFinite(value))
        {
            error = $"'{Shorten(text)}' is not a finite number";
            return false;
        }

        error = null;
        return true;
    }
}

/// <summary>Booleans: written <c>true</c>/<c>false</c>; read ignoring case, <c>1</c>/<c>0</c> accepted.</summary>
internal sealed class BooleanCodec : ValueCodec<bool>
{
    public static readonly BooleanCodec Instance = new();

    public override string Format(bool value) => value ? "true" : "false";

    public override bool TryParse(string text, out bool value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        error = null;
        if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        value = false;
        error = $"'{Shorten(text)}' is not a boolean; expected true or false";
        return false;
    }
}

/// <summary>Months: written <c>YYYY-MM</c>; read from <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> (the day is dropped).</summary>
internal sealed class MonthCodec : ValueCodec<CalendarMonth>
{
    public static readonly MonthCodec Instance = new();

    public override string Format(CalendarMonth value) => value.ToString();

    public override bool TryParse(string text, out CalendarMonth value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        error = CalendarMonth.TryParse(text, out value) ? null : $"'{Shorten(text)}' is not a month; expected YYYY-MM or YYYY-MM-DD";
        return error is null;
    }
}

/// <summary>
/// The names of an enum: written as given by <paramref name="format"/> (PascalCase for sectors and kinds, lower case
/// for the newer choices); read ignoring case, spaces, hyphens and underscores.
/// </summary>
/// <param name="what">What a value is, for messages (e.g. <c>confidence</c>).</param>
/// <param name="format">The canonical spelling of a value.</param>
internal sealed class ChoiceCodec<TEnum>(string what, Func<TEnum, string> format) : ValueCodec<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

    /// <summary>Every canonical name, comma-separated, for messages.</summary>
    public string AllNames { get; } = string.Join(", ", Values.Select(format));

    public override string Format(TEnum value) => format(value);

    public override bool TryParse(string text, out TEnum value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        error = NameParsing.TryParse(text, Values, out value) ? null : $"unknown {what} '{Shorten(text)}'; expected one of {AllNames}";
        return error is null;
    }

    /// <summary>The lower-camel-case spelling of an enum name (<c>Estimate</c> → <c>estimate</c>).</summary>
    public static string LowerCamel(TEnum value)
    {
        var name = value.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
    }
}
