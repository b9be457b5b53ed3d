using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Provenance;

/// <summary>Where one entity's inflow comes from, traced back to its origins. Immutable.</summary>
public sealed class EntityProvenance
{
    internal EntityProvenance(string id, double linkInflow, double revenue, OriginKind? actsAsOrigin, ImmutableArray<OriginShare> origins)
    {
        Id = id;
        LinkInflow = linkInflow;
        Revenue = revenue;
        ActsAsOrigin = actsAsOrigin;
        Origins = origins;
    }

    /// <summary>The entity id.</summary>
    public string Id { get; }

    /// <summary>The total amount of the links into the entity.</summary>
    public double LinkInflow { get; }

    /// <summary>The entity's outside revenue (0 when unknown).</summary>
    public double Revenue { get; }

    /// <summary>The inflow traced: <see cref="LinkInflow"/> + <see cref="Revenue"/>.</summary>
    public double Inflow => LinkInflow + Revenue;

    /// <summary>Whether the entity has any inflow; when not, <see cref="Origins"/> is empty.</summary>
    public bool HasInflow => Inflow > 0;

    /// <summary>
    /// <see cref="OriginKind.FundingSource"/> or <see cref="OriginKind.Untraced"/> when the money this entity pays is
    /// attributed to the entity itself rather than traced through it; <see langword="null"/> when it passes its
    /// receipts on.
    /// </summary>
    public OriginKind? ActsAsOrigin { get; }

    /// <summary>The origins of the inflow with their shares (summing to 1 when <see cref="HasInflow"/>), largest first; ties in origin order (entities in network order, then revenues).</summary>
    public ImmutableArray<OriginShare> Origins { get; }

    /// <summary>The share of the inflow from one origin.</summary>
    /// <param name="origin">An entity id or <c>revenue:ID</c>.</param>
    /// <returns>The share, 0 when that origin contributes nothing.</returns>
    public double ShareOf(string origin)
    {
        foreach (var share in Origins)
        {
            if (share.Origin == origin)
            {
                return share.Share;
            }
        }

        return 0;
    }

    /// <summary>The total share of the given kind of origin (e.g. all funding sources, all revenue).</summary>
    /// <param name="kind">The origin kind.</param>
    /// <returns>The summed share.</returns>
    public double ShareOf(OriginKind kind)
    {
        var total = 0.0;
        foreach (var share in Origins)
        {
            if (share.Kind == kind)
            {
                total += share.Share;
            }
        }

        return total;
    }

    /// <summary>A one-line summary: inflow and the top three origins.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => HasInflow
        ? string.Create(CultureInfo.InvariantCulture, $"{Id}: inflow {Inflow:0.###} from {string.Join(", ", Origins.Take(3).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Origin} {o.Share:P1}")))}")
        : $"{Id}: no inflow";
}
