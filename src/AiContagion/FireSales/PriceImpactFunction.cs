namespace AiContagion.FireSales;

/// <summary>
/// How net sales move an asset's price in one round of the rounds dynamics (<see cref="FireSaleDynamics.LeverageTargeting"/>,
/// <see cref="FireSaleDynamics.ThresholdDeleveraging"/>). <c>q</c> is the value sold in the round at the current price,
/// <c>D = 1/ℓ</c> the asset's market depth, <c>B</c> the price floor, <c>S</c> the current price, <c>S₀</c> the price when
/// the fire sale starts (after the shock); <c>Ψ</c> is the fractional price fall of the round.
/// </summary>
public enum PriceImpactFunction
{
    /// <summary>Linear: <c>Ψ = min(ℓ q, 1 − B/S)</c> (Greenwood et al. 2015; the resilience library's default).</summary>
    Linear,

    /// <summary>
    /// Exponential: <c>Ψ = (1 − B/S)(1 − e^(−q/δ))</c>, <c>δ = (1 − B/S₀) D</c>, so that <c>S − B = (S₀ − B) e^(−Σ q/δ)</c>
    /// over the rounds (Cont &amp; Schaanning 2017); about <c>q/D</c> for small sales.
    /// </summary>
    Exponential,
}
