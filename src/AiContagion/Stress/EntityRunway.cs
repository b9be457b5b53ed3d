using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Stress;

/// <summary>One entity's path in a <see cref="RunwaySimulation"/>.</summary>
/// <param name="Id">The entity.</param>
/// <param name="InitialCash">Cash at month 0, or <see langword="null"/> when unlimited (see <see cref="UnknownCashRule"/>).</param>
/// <param name="CashEstimated">Whether the initial cash is not a figure of the entity but derived (<see cref="UnknownCashRule"/>).</param>
/// <param name="IsWithdrawn">Whether the entity is one of the withdrawing sources.</param>
/// <param name="FailedMonth">The month it ran out of cash with the shock, or <see langword="null"/> if it survived the horizon.</param>
/// <param name="BaselineFailedMonth">The month it ran out of cash without the shock, or <see langword="null"/>.</param>
/// <param name="Outcome">How the two compare.</param>
/// <param name="Cash">Cash at the end of months 0, 1, …, up to the month it failed (included) or the horizon; empty when unlimited.</param>
public sealed record EntityRunway(
    string Id,
    double? InitialCash,
    bool CashEstimated,
    bool IsWithdrawn,
    int? FailedMonth,
    int? BaselineFailedMonth,
    RunwayOutcome Outcome,
    ImmutableArray<double> Cash)
{
    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id}: {(FailedMonth is { } m ? $"fails in month {m}" : "survives")} ({Outcome}){(BaselineFailedMonth is { } b ? $", month {b} without the shock" : "")}");
}
