using System.Globalization;

namespace AiContagion.Model;

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
