using System.Globalization;

namespace AiContagion.Model;

/// <summary>
/// One payment of a link's explicit <see cref="Link.Schedule"/>: the month it is paid and how much, in the network's
/// unit. The payments of a schedule are in strictly increasing months and sum to the link's amount (the builder checks).
/// </summary>
/// <param name="Month">The month the payment is made.</param>
/// <param name="Amount">The amount paid that month; finite and non-negative (the builder checks).</param>
public readonly record struct ScheduledPayment(CalendarMonth Month, double Amount)
{
    /// <summary>The payment as written in CSV and GraphML: <c>month:amount</c>, e.g. <c>2026-03:5</c>.</summary>
    /// <returns>The text, invariant culture, shortest round-trip number.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month}:{Amount:R}");
}
