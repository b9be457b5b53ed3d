using System.Collections.Immutable;

namespace AiContagion.FireSales;

/// <summary>One asset's prices through a fire-sale run, relative to its price at the network's <c>asOf</c> (1).</summary>
/// <param name="Id">The asset id.</param>
/// <param name="HeldValue">The market value of all its holdings before the shock.</param>
/// <param name="ShockFall">The fraction of its price the shock took (before any sale).</param>
/// <param name="Prices">
/// The price after the shock (round 0) and after each round (1, 2, …): non-increasing. For the closed forms the
/// price is <c>1 − f − Δp</c> (GLT's linear returns, not floored at 0); the last entry of the linear GLT is its fixed point.
/// </param>
/// <param name="Sold">The value sold over the run (at the prices before each round's impact; for the closed forms, <c>φ</c> summed over the rounds).</param>
public sealed record AssetPricePath(string Id, double HeldValue, double ShockFall, ImmutableArray<double> Prices, double Sold)
{
    /// <summary>The price at the end of the run.</summary>
    public double FinalPrice => Prices[^1];

    /// <summary>The fraction of the price the fire sale itself took (after the shock): <c>Prices[0] − FinalPrice</c>.</summary>
    public double FireSaleFall => Prices[0] - Prices[^1];
}
