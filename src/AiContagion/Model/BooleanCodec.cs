using System.Globalization;

namespace AiContagion.Model;

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
