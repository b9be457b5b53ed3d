using System.Globalization;

namespace AiContagion.Model;

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
