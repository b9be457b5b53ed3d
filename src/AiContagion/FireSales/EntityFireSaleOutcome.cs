namespace AiContagion.FireSales;

/// <summary>One firm at the end of a fire-sale run. Amounts in the network's unit.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Equity">Its equity <c>E_i</c> before the shock, or <see langword="null"/> when unknown (an unlevered holder: it never sells or fails).</param>
/// <param name="TotalAssets">Its total assets <c>a_i</c> before the shock (holdings + external assets + claims funded + receivables).</param>
/// <param name="DirectLoss">The shock's own loss: price falls on its holdings, external-asset losses, equity losses; all its equity when it is failed outright.</param>
/// <param name="FireSaleLoss">
/// The loss the fire sale added: marked-to-market losses on its holdings from everybody's sales (the rounds dynamics
/// cap it at the equity left after the shock; the closed forms do not cap).
/// </param>
/// <param name="Sold">The market value it sold (at the prices before each round's impact).</param>
/// <param name="Failed">Whether its losses reached its equity (the closed forms: direct plus fire-sale loss ≥ equity; the rounds dynamics: no equity left).</param>
/// <param name="FailedRound">The round in which it failed (0: by the shock), or <see langword="null"/>.</param>
/// <param name="Illiquid">
/// Rounds dynamics: it sold all its holdings and still has leverage above its maximum with equity left — it can no
/// longer meet its constraint by selling (Cont–Schaanning's illiquidity, as opposed to insolvency).
/// </param>
public sealed record EntityFireSaleOutcome(
    string Id, double? Equity, double TotalAssets, double DirectLoss, double FireSaleLoss, double Sold, bool Failed, int? FailedRound, bool Illiquid)
{
    /// <summary>
    /// GLT's indirect vulnerability: <see cref="FireSaleLoss"/> over the firm's own pre-shock equity,
    /// <c>IV_n = y_n / E_n</c>; <see langword="null"/> when the equity is unknown or not positive.
    /// </summary>
    public double? IndirectVulnerability => Equity is > 0 and var e ? FireSaleLoss / e : null;

    /// <summary>
    /// GLT's systemicness: the fire-sale loss the firm's own sales inflict on all firms of known equity, over their
    /// total equity E. The closed forms: <c>S_n = 1′XLX′ δ_n δ_n′ B x / E</c> exactly (<c>x</c> = the loss the firm sells
    /// on); the rounds dynamics attribute each round's loss on an asset to its sellers pro rata to what they sold. The
    /// systemicness of all firms sums to <see cref="FireSaleResult.AggregateVulnerability"/>.
    /// </summary>
    public double Systemicness { get; init; }

    /// <summary>Its leverage before the shock, total assets over equity (<c>a_i / E_i</c>), or <see langword="null"/> when the equity is unknown or not positive.</summary>
    public double? Leverage => Equity is > 0 and var e ? TotalAssets / e : null;
}
