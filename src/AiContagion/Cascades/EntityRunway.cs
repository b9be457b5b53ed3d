using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Cascades;

/// <summary>One entity's path in a <see cref="RunwayCascade"/>.</summary>
/// <param name="Id">The entity.</param>
/// <param name="InitialCash">Cash at month 0, or <see langword="null"/> when unlimited (see <see cref="UnknownCashRule"/>).</param>
/// <param name="CashEstimated">Whether the initial cash is not a figure of the entity but derived (<see cref="UnknownCashRule"/>).</param>
/// <param name="IsWithdrawn">Whether the entity is one of the withdrawing sources.</param>
/// <param name="FailedMonth">The month it failed with the shock (out of cash, losses above capital, or failed by the shock; see <see cref="Failure"/>), or <see langword="null"/> if it survived the horizon.</param>
/// <param name="BaselineFailedMonth">The month it failed without the shock (see <see cref="BaselineFailure"/>), or <see langword="null"/>.</param>
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
    /// <summary>How it came to fail with the shock (month, cause, the flows that drained it), or <see langword="null"/> if it survived.</summary>
    public RunwayFailure? Failure { get; init; }

    /// <summary>How it came to fail without the shock, or <see langword="null"/> if the baseline keeps it alive: why it fails anyway.</summary>
    public RunwayFailure? BaselineFailure { get; init; }

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id}: {(FailedMonth is { } m ? $"fails in month {m}" : "survives")} ({Outcome}){(BaselineFailedMonth is { } b ? $", month {b} without the shock" : "")}");
}
