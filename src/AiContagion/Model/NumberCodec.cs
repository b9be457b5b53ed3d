using System.Globalization;

namespace AiContagion.Model;

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
