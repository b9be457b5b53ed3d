namespace AiContagion.FireSales;

/// <summary>
/// How firms react to losses on their common holdings in a fire-sale run (<see cref="PreparedFireSale"/>). The two
/// closed forms hold balance sheets, portfolio weights and leverage fixed at their pre-shock values; the two rounds
/// dynamics update them round by round. docs/fire-sales.md compares them on one example.
/// </summary>
public enum FireSaleDynamics
{
    /// <summary>
    /// Greenwood, Landier &amp; Thesmar (2015), one round, closed form (<c>glt</c>): a firm that loses <c>x⁰_i</c> of
    /// equity sells <c>b_i x⁰_i</c> of assets (its debt/equity leverage times the loss) pro rata to its pre-shock
    /// portfolio weights <c>M = A⁻¹X</c>; net sales of asset k, <c>φ = M′ B x⁰</c>, move its price by <c>ℓ_k φ_k</c>
    /// (linear impact, no cap); every holder loses <c>y = X L φ</c>. Outputs GLT's aggregate vulnerability
    /// <c>AV = 1′y / E</c>, each firm's systemicness <c>S_n</c> (its sales' share of AV; <c>Σ S_n = AV</c>) and indirect
    /// vulnerability <c>y_n / E_n</c>. Greenwood, R., Landier, A. &amp; Thesmar, D. (2015), "Vulnerable banks", Journal
    /// of Financial Economics 115(3), 471–485, doi:10.1016/j.jfineco.2014.11.006.
    /// </summary>
    GreenwoodOneRound,

    /// <summary>
    /// GLT iterated to its fixed point, closed form (<c>glt-linear</c>): each round's fire-sale losses are the next
    /// round's equity losses with <c>A, M, B, L</c> fixed, <c>x^t = K x^(t−1)</c>, <c>K = X L X′ diag(b/a)</c>; the total
    /// <c>Y = Σ_{t≥1} x^t = (I − K)⁻¹ K x⁰</c> is finite iff the spectral radius <c>ρ(K) &lt; 1</c> (reported; K's
    /// non-zero eigenvalues are those of the symmetric <c>L^½ X′ diag(b/a) X L^½</c>, real and ≥ 0). Solved in asset space
    /// by conjugate gradients; <c>ρ(K) ≥ 1</c> does not converge. No caps: a firm may lose more than its equity (it is
    /// then reported failed).
    /// </summary>
    GreenwoodLinear,

    /// <summary>
    /// Leverage targeting on updated balance sheets (<c>leverage-targeting</c>): the rounds engine of
    /// <see cref="ThresholdDeleveraging"/> with each firm's trigger and target both its pre-shock leverage (assets over
    /// equity), the whole pre-sale holding marked to the new price (implementation shortfall 1) and linear impact.
    /// GLT's mechanism with sales pro rata to current (post-shock) holdings and equity floored at 0; its first round
    /// equals GLT's to first order in the shock. As ox-inet's firesale_stresstest with a leverage buffer of 1.
    /// </summary>
    LeverageTargeting,

    /// <summary>
    /// Cont &amp; Schaanning (2017), threshold deleveraging on updated balance sheets (<c>threshold</c>): a firm sells
    /// only when its leverage <c>λ_i = assets / equity</c> exceeds <see cref="FireSaleOptions.MaxLeverage"/>, and then the
    /// fraction <c>Γ_i = min(1, (A_i − λ_target C_i) / Π_i)</c> of its tradable holdings that brings it back to the target;
    /// a firm with no equity left sells everything. Price impact per round <c>Ψ_k = (1 − B/S_k)(1 − e^(−q_k/δ_k))</c>
    /// (exponential, default) or <c>min(ℓ_k q_k, 1 − B/S_k)</c> (linear); a seller's loss is
    /// <c>(1 − (1 − α)Γ_i) Σ_k Π_ik Ψ_k</c>. Ends when nobody sells. Cont, R. &amp; Schaanning, E. (2017), "Fire sales,
    /// indirect contagion and systemic stress testing", Norges Bank Working Paper 2/2017, doi:10.2139/ssrn.2541114.
    /// </summary>
    ThresholdDeleveraging,
}
