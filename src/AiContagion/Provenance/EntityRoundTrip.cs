using System.Globalization;

namespace AiContagion.Provenance;

/// <summary>One entity's circular money (<see cref="MoneyRoundTrip"/>): the share of its income that started as its own payments.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Inflow">Its income I: links in (positive amounts) plus outside revenue.</param>
/// <param name="Share">The round-trip share ρ in [0, 1]; <see langword="null"/> when the entity has no income.</param>
/// <param name="Loop">The entities in its money loop — the strongly connected group through which its payments can
/// come back, itself included (for a funding source: through entities that pass money on); 1 when none can.</param>
/// <param name="IsFundingSource">Whether the entity is a funding source (an origin of the provenance trace).</param>
public sealed record EntityRoundTrip(string Id, double Inflow, double? Share, int Loop, bool IsFundingSource)
{
    /// <summary>Whether the entity has any income; when not, <see cref="Share"/> is <see langword="null"/>.</summary>
    public bool HasInflow => Inflow > 0;

    /// <summary>The amount of its income that is its own money come back: ρ × I (0 without income).</summary>
    public double Amount => (Share ?? 0) * Inflow;

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => Share is { } share
        ? string.Create(CultureInfo.InvariantCulture, $"{Id}: {share:P2} of income {Inflow:0.###} comes back from its own payments (loop of {Loop})")
        : $"{Id}: no income";
}
