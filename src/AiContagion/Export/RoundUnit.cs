using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// What a cascade's rounds are, for the words on a picture: plain rounds (<c>round 3</c>) or calendar months
/// (<c>2026-03</c>) when a model's rounds are months (round k = the k-th calendar month from the first).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record RoundUnit
{
    private RoundUnit(string name, string plural, CalendarMonth? firstMonth)
    {
        Name = name;
        Plural = plural;
        FirstMonth = firstMonth;
    }

    /// <summary>Plain rounds: <c>round 1</c>, <c>round 2</c>, ….</summary>
    public static RoundUnit Rounds { get; } = new("round", "rounds", null);

    /// <summary>The unit's name, singular (<c>round</c>, <c>month</c>).</summary>
    public string Name { get; }

    /// <summary>The unit's name, plural (<c>rounds</c>, <c>months</c>).</summary>
    public string Plural { get; }

    /// <summary>The calendar month of round 1 when rounds are months, else <see langword="null"/>.</summary>
    public CalendarMonth? FirstMonth { get; }

    /// <summary>Months: round k is the calendar month <c>first + (k − 1)</c> (round 0, the shock, is the month before).</summary>
    /// <param name="first">The month of round 1 (for a runway from <c>asOf</c>, the <c>asOf</c> month).</param>
    /// <returns>The unit.</returns>
    public static RoundUnit Months(CalendarMonth first) => new("month", "months", first);

    /// <summary>A round's label: <c>round 3</c>, or <c>2026-03</c> for months.</summary>
    /// <param name="round">The round, 0 or more.</param>
    /// <returns>The label, invariant culture.</returns>
    public string Label(int round) => FirstMonth is { } first
        ? first.AddMonths(round - 1).ToString()
        : string.Create(CultureInfo.InvariantCulture, $"{Name} {round}");

    /// <summary>A count of rounds in words: <c>6 rounds</c>, <c>1 month</c>.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The text, invariant culture.</returns>
    public string Count(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? Name : Plural)}");
}
