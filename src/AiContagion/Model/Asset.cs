namespace AiContagion.Model;

/// <summary>
/// A tradable asset of the holdings layer: an asset class that several entities hold and may have to sell (GPUs
/// pledged as collateral, a listed stake, a bond class), with what its market can absorb.
/// </summary>
/// <remarks>
/// <para><b>Market.</b> Give at most one of <see cref="MarketSize"/> (the depth <c>D</c>: the value whose sale moves the
/// price by about 100 %, e.g. the asset's whole market value) and <see cref="PriceImpact"/> (<c>ℓ</c>: the fractional
/// price fall per unit of net sales, in the network's unit). They are two spellings of one parameter:
/// <c>ℓ = 1 / D</c>. With neither, the fire-sale models apply their default impact (none, unless set). Greenwood,
/// Landier &amp; Thesmar (2015) take ℓ = 10⁻¹³ per dollar (10⁻⁴ per USD bn): selling USD 10 bn moves the price by
/// 10 basis points.</para>
/// <para>Prices are relative: every asset is worth 1 a unit at the network's <c>asOf</c>, so a holding's amount is its
/// market value then. A debt link's <see cref="Link.Collateral"/> may name an asset.</para>
/// <para>Immutable; equality by value. The builder checks it: a non-empty id unique among the assets and different
/// from every entity id, a positive market size, a non-negative price impact.</para>
/// </remarks>
public sealed record Asset
{
    /// <summary>Creates an asset.</summary>
    /// <param name="id">Stable identifier (a slug such as <c>gpu-collateral</c>), unique among assets and entities.</param>
    /// <param name="name">Display name; defaults to <paramref name="id"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public Asset(string id, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Name = name ?? id;
    }

    /// <summary>Stable identifier, unique among the network's assets and different from every entity id.</summary>
    public string Id { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; }

    /// <summary>
    /// The market depth <c>D</c> in the network's unit (&gt; 0): the price impact is <c>ℓ = 1 / D</c>; or
    /// <see langword="null"/>. Not together with <see cref="PriceImpact"/>.
    /// </summary>
    public double? MarketSize { get; init; }

    /// <summary>
    /// The linear price impact <c>ℓ</c> (≥ 0): the fraction the price falls per unit of net sales (in the network's
    /// unit); or <see langword="null"/>. Not together with <see cref="MarketSize"/>.
    /// </summary>
    public double? PriceImpact { get; init; }

    /// <summary>Where the figures come from, or <see langword="null"/>.</summary>
    public string? Source { get; init; }

    /// <summary>Free-text note, or <see langword="null"/>.</summary>
    public string? Note { get; init; }

    /// <summary>The price impact per unit of net sales: <see cref="PriceImpact"/>, else <c>1 / </c><see cref="MarketSize"/>, else <see langword="null"/>.</summary>
    public double? Impact => PriceImpact ?? (MarketSize is { } size ? 1.0 / size : null);

    /// <summary>A one-line description: id and market.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"Asset {Id}{(Impact is { } impact ? $" (impact {impact:R} per unit)" : string.Empty)}");
}
