using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>
/// A node of a <see cref="FinancingNetwork"/>: a firm, fund, vehicle or market, with a stable id, a sector and
/// optional balance-sheet figures in the network's unit (e.g. USD billions).
/// </summary>
/// <remarks>
/// <para>An entity is immutable; change one with a <c>with</c> expression. The builder
/// (<see cref="FinancingNetworkBuilder"/>) validates it: a non-empty id, finite non-negative figures, a tolerance
/// in [0, 1] and growths above −1. Unknown figures stay <see langword="null"/>, and each model documents the default
/// it then applies; no figure is ever invented.</para>
/// <para>Equality is by value: every field, and <see cref="Attributes"/>.</para>
/// </remarks>
public sealed record Entity
{
    /// <summary>Creates an entity.</summary>
    /// <param name="id">Stable identifier (a slug such as <c>openai</c>). Must not be empty.</param>
    /// <param name="sector">The sector.</param>
    /// <param name="name">Display name; defaults to <paramref name="id"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public Entity(string id, Sector sector, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Sector = sector;
        Name = name ?? id;
    }

    /// <summary>Stable identifier, unique within a network (a slug such as <c>openai</c>).</summary>
    public string Id { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; }

    /// <summary>The economic sector.</summary>
    public Sector Sector { get; init; }

    /// <summary>Liquid reserves (cash and equivalents), or <see langword="null"/> when unknown.</summary>
    public double? Cash { get; init; }

    /// <summary>Yearly income from outside the graph (customers not modelled as entities), or <see langword="null"/>.</summary>
    public double? Revenue { get; init; }

    /// <summary>
    /// Yearly operating costs paid outside the graph (staff, power, ...), or <see langword="null"/>. The runway
    /// model burns cash at (outflows + costs − inflows).
    /// </summary>
    public double? Costs { get; init; }

    /// <summary>
    /// Yearly growth of <see cref="Revenue"/> (0.2 = +20 % a year; above −1), or <see langword="null"/> for flat revenue.
    /// A monthly model grows the monthly figure by <c>(1 + g)^(1/12)</c> a month.
    /// </summary>
    public double? RevenueGrowth { get; init; }

    /// <summary>
    /// Yearly growth of <see cref="Costs"/> (above −1), or <see langword="null"/> for flat costs. A monthly model grows
    /// the monthly figure by <c>(1 + g)^(1/12)</c> a month.
    /// </summary>
    public double? CostsGrowth { get; init; }

    /// <summary>Equity buffer against losses (the solvency channel), or <see langword="null"/>.</summary>
    public double? Capital { get; init; }

    /// <summary>
    /// Market value of the firm's equity (listed or recently priced), or <see langword="null"/>. Holders of a stake
    /// (<see cref="Link.Share"/>) value it at share × valuation.
    /// </summary>
    public double? Valuation { get; init; }

    /// <summary>Assets held outside the graph (Eisenberg–Noe <c>e</c>), or <see langword="null"/>.</summary>
    public double? ExternalAssets { get; init; }

    /// <summary>Liabilities to creditors outside the graph, or <see langword="null"/>.</summary>
    public double? ExternalLiabilities { get; init; }

    /// <summary>
    /// Explicit liquidity tolerance τ in [0, 1]: the entity fails when its lost inflow exceeds τ × inflow.
    /// Overrides the value derived from <see cref="Cash"/>. <see langword="null"/> when not given.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>
    /// Whether the entity is a funding source. <see langword="null"/> (the default) means: decided by the sector
    /// (<see cref="SectorFacts.IsFunderSector"/>); <see langword="true"/> or <see langword="false"/> overrides it.
    /// </summary>
    public bool? FundingSource { get; init; }

    /// <summary>The date the figures refer to (free text, ISO 8601 preferred, e.g. <c>2025-12-31</c> or <c>FY2025</c>).</summary>
    public string? AsOf { get; init; }

    /// <summary>Citation for the figures.</summary>
    public string? Source { get; init; }

    /// <summary>Free-text note.</summary>
    public string? Note { get; init; }

    /// <summary>Further named values kept from the input (e.g. unknown CSV columns), sorted by name.</summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; init; } = Equality.NoAttributes;

    /// <summary>Whether this entity is a funding source: <see cref="FundingSource"/> if set, else by sector.</summary>
    public bool IsFundingSource => FundingSource ?? Sector.IsFunderSector();

    /// <summary>Equality by value: every field of the field schema, and <see cref="Attributes"/>.</summary>
    /// <param name="other">The other entity.</param>
    /// <returns>Whether every field and attribute is the same.</returns>
    public bool Equals(Entity? other) =>
        other is not null && FieldSchema.Entities.SameFields(this, other) && Equality.SameAttributes(Attributes, other.Attributes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Name, Sector, Cash, Revenue, Capital, Attributes.Count);
}
