using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Stress;

namespace AiContagion.Export;

/// <summary>
/// The baseline next to the shock, month by month, from a runway simulation: which firms run out of cash even without
/// the withdrawal (the baseline), which fail only because of it or sooner because of it, and when.
/// </summary>
/// <remarks>
/// Written against today's <see cref="RunwayResult"/>. When the runway becomes a cascade model whose rounds are months,
/// its cascade goes to <see cref="CascadeSection"/> with <see cref="RoundUnit.Months"/>, and this section keeps the
/// baseline comparison (give it the new result type in a second constructor).
/// </remarks>
/// <param name="runway">The runway simulation with the shock; its entities carry the month they fail with and without it.</param>
/// <param name="firstMonth">The calendar month of month 1 (the network's <c>asOf</c> month), or <see langword="null"/> to number months.</param>
public sealed class BaselineSection(RunwayResult runway, Model.CalendarMonth? firstMonth = null) : IReportSection
{
    /// <inheritdoc/>
    public string Id => "baseline";

    /// <inheritdoc/>
    public string Title => "The baseline: who runs out of cash anyway, and who because of the shock";

    /// <inheritdoc/>
    public void Write(ReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var network = runway.Network;
        string Month(int? month) => month is not { } m ? "—" : firstMonth is { } first ? first.AddMonths(m - 1).ToString() : "month " + m.ToString(CultureInfo.InvariantCulture);
        var withdrawn = string.Join(", ", runway.Withdrawals.Select(w => ReportText.Name(network, w.Id)));
        writer.KeyFigures([
            ("withdrawn", withdrawn.Length == 0 ? "none" : withdrawn),
            ("fail without the shock (baseline)", ReportText.Count(runway.FailedWithoutShock)),
            ("fail, or fail sooner, because of it", ReportText.Count(runway.FailedBecauseOfShock)),
            ("horizon", runway.Options.Months.ToString(CultureInfo.InvariantCulture) + " months"),
        ]);
        var rows = runway.Entities.Where(e => e.FailedMonth is not null || e.BaselineFailedMonth is not null)
            .OrderBy(e => e.FailedMonth ?? int.MaxValue).ThenBy(e => e.BaselineFailedMonth ?? int.MaxValue).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => (IReadOnlyList<string>)[ReportText.Name(network, e.Id), Month(e.FailedMonth), Month(e.BaselineFailedMonth), Words(e.Outcome), e.CashEstimated ? "estimated" : "reported"]);
        writer.Table(["firm", "out of cash (shock)", "out of cash (baseline)", "outcome", "starting cash"], rows, "Month by month: with the withdrawal and without it");
    }

    /// <summary>An outcome in the words of the table (an analyst reads "fails anyway", not an enum name).</summary>
    internal static string Words(RunwayOutcome outcome) => outcome switch
    {
        RunwayOutcome.Survives => "survives",
        RunwayOutcome.FailsWithoutShock => "fails anyway, same month",
        RunwayOutcome.FailsSoonerWithShock => "fails sooner because of it",
        RunwayOutcome.FailsOnlyWithShock => "fails only because of it",
        RunwayOutcome.FailsLaterWithShock => "fails later (withdrew, stopped paying)",
        RunwayOutcome.SurvivesOnlyWithShock => "survives only because it withdrew",
        _ => outcome.ToString(),
    };
}
