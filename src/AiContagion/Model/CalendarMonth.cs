using System.Globalization;

namespace AiContagion.Model;

/// <summary>
/// A calendar month (year and month, no day): the time resolution of dated cash flows. Parsed from <c>YYYY-MM</c>
/// or <c>YYYY-MM-DD</c> (the day is checked, then dropped) and always written <c>YYYY-MM</c>.
/// </summary>
/// <remarks>
/// <para>Months are ordered in time and support month arithmetic: <see cref="MonthsUntil"/> counts whole months
/// between two months, <see cref="AddMonths"/> moves by a number of months. Years run from 1 to 9999.</para>
/// <para>Internally one int (months since January of year 1), so a month is as cheap as an int. Immutable and
/// thread-safe. <c>default(CalendarMonth)</c> is January of year 1.</para>
/// </remarks>
public readonly struct CalendarMonth : IEquatable<CalendarMonth>, IComparable<CalendarMonth>, IComparable
{
    private const int LastIndex = (9999 * 12) - 1;

    // Months since January of year 1 (0 = 0001-01).
    private readonly int _index;

    /// <summary>Creates a month.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month of the year, 1 (January) to 12 (December).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> or <paramref name="month"/> is out of range.</exception>
    public CalendarMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        _index = ((year - 1) * 12) + (month - 1);
    }

    private CalendarMonth(int index) => _index = index;

    /// <summary>The year, 1 to 9999.</summary>
    public int Year => (_index / 12) + 1;

    /// <summary>The month of the year, 1 (January) to 12 (December).</summary>
    public int Month => (_index % 12) + 1;

    /// <summary>The number of months from this month to <paramref name="later"/>: 0 for the same month, 1 for the next.</summary>
    /// <param name="later">The other month; earlier months give a negative count.</param>
    /// <returns><c>later − this</c> in months.</returns>
    public int MonthsUntil(CalendarMonth later) => later._index - _index;

    /// <summary>The month <paramref name="months"/> months after this one (before it when negative).</summary>
    /// <param name="months">The number of months to move.</param>
    /// <returns>The new month.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result falls outside years 1 to 9999.</exception>
    public CalendarMonth AddMonths(int months)
    {
        var index = (long)_index + months;
        if (index is < 0 or > LastIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, $"{this} + {months} months falls outside the years 1 to 9999.");
        }

        return new CalendarMonth((int)index);
    }

    /// <summary>Parses <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> (four-digit year; the day must exist and is then dropped).</summary>
    /// <param name="text">The text, without surrounding white space.</param>
    /// <returns>The month.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not such a date.</exception>
    public static CalendarMonth Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var month)
            ? month
            : throw new FormatException($"'{text}' is not a month; expected YYYY-MM or YYYY-MM-DD.");
    }

    /// <summary>Tries to parse <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> without throwing.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="month">The month, when the result is <see langword="true"/>.</param>
    /// <returns>Whether <paramref name="text"/> is such a date.</returns>
    public static bool TryParse(string? text, out CalendarMonth month)
    {
        if (text is null)
        {
            month = default;
            return false;
        }

        return TryParse(text.AsSpan(), out month);
    }

    /// <summary>Tries to parse <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="month">The month, when the result is <see langword="true"/>.</param>
    /// <returns>Whether <paramref name="text"/> is such a date.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out CalendarMonth month)
    {
        month = default;
        if ((text.Length != 7 && text.Length != 10) || text[4] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var monthOfYear)
            || year < 1 || monthOfYear is < 1 or > 12)
        {
            return false;
        }

        if (text.Length == 10
            && (text[7] != '-' || !TryDigits(text[8..], out var day) || day < 1 || day > DateTime.DaysInMonth(year, monthOfYear)))
        {
            return false;
        }

        month = new CalendarMonth(year, monthOfYear);
        return true;
    }

    /// <summary>The month as <c>YYYY-MM</c> (invariant culture), e.g. <c>2026-03</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");

    /// <inheritdoc/>
    public bool Equals(CalendarMonth other) => _index == other._index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CalendarMonth other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _index;

    /// <inheritdoc/>
    public int CompareTo(CalendarMonth other) => _index.CompareTo(other._index);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        CalendarMonth other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a CalendarMonth.", nameof(obj)),
    };

    /// <summary>Whether two months are the same.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    /// <returns><see langword="true"/> for the same year and month.</returns>
    public static bool operator ==(CalendarMonth left, CalendarMonth right) => left.Equals(right);

    /// <summary>Whether two months differ.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    /// <returns><see langword="true"/> unless they are the same month.</returns>
    public static bool operator !=(CalendarMonth left, CalendarMonth right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(CalendarMonth left, CalendarMonth right) => left._index < right._index;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(CalendarMonth left, CalendarMonth right) => left._index > right._index;

    /// <summary>Whether <paramref name="left"/> comes before or is <paramref name="right"/>.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(CalendarMonth left, CalendarMonth right) => left._index <= right._index;

    /// <summary>Whether <paramref name="left"/> comes after or is <paramref name="right"/>.</summary>
    /// <param name="left">A month.</param>
    /// <param name="right">Another month.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(CalendarMonth left, CalendarMonth right) => left._index >= right._index;

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
