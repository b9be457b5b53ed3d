using System.Collections.Immutable;

namespace AiContagion.FireSales;

/// <summary>
/// What starts a fire sale: price falls of assets, failures, losses of external assets and losses of equity. Each
/// part is keyed by id (sorted, so a run walks it in one order). An empty shock (with no
/// <see cref="FireSaleOptions.AssetShocks"/>) moves nothing, unless some firm starts above its maximum leverage.
/// </summary>
public sealed record FireSaleShock
{
    /// <summary>The empty shock.</summary>
    public static FireSaleShock None { get; } = new();

    /// <summary>Asset id → the fraction of its price lost before anyone sells, in [0, 1] (GLT's <c>f</c>).</summary>
    public ImmutableSortedDictionary<string, double> AssetPriceFalls { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>Entity ids that fail outright: they lose all their equity (the rounds dynamics then sell all their holdings).</summary>
    public ImmutableSortedSet<string> Failures { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>Entity id → the fraction of its external assets lost, in [0, 1] (a loss on assets outside the holdings layer).</summary>
    public ImmutableSortedDictionary<string, double> ExternalAssetLosses { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>Entity id → the fraction of its equity lost, in [0, 1] (DebtRank's distress).</summary>
    public ImmutableSortedDictionary<string, double> EquityLosses { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>A shock that lowers asset prices.</summary>
    /// <param name="falls">Asset id → fraction of the price lost.</param>
    /// <returns>The shock.</returns>
    public static FireSaleShock PriceFalls(params IEnumerable<(string Asset, double Fall)> falls) =>
        new() { AssetPriceFalls = falls.ToImmutableSortedDictionary(f => f.Asset, f => f.Fall, StringComparer.Ordinal) };

    /// <summary>A shock that fails entities outright.</summary>
    /// <param name="ids">The entity ids.</param>
    /// <returns>The shock.</returns>
    public static FireSaleShock Fail(params IEnumerable<string> ids) => new() { Failures = ids.ToImmutableSortedSet(StringComparer.Ordinal) };
}
