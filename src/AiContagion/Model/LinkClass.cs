namespace AiContagion.Model;

/// <summary>
/// The two classes of <see cref="LinkKind"/>; the class decides how distress travels along a link.
/// </summary>
/// <remarks>
/// Liquidity runs <b>along</b> every link (the recipient loses the inflow when the payer stops); losses run
/// <b>against</b> claim links only (the funder loses when the recipient fails). docs/concepts.md#links.
/// </remarks>
public enum LinkClass
{
    /// <summary>
    /// A financing link (Equity, Loan, Bond, CreditFacility, VendorFinancing, SpvContribution): the payer
    /// (<see cref="Link.From"/>) holds a claim on the recipient (<see cref="Link.To"/>).
    /// </summary>
    Claim,

    /// <summary>
    /// A commercial link (ComputeContract, GpuPurchase, ApiSpend, Lease, RevenueShare, Services): the payer is a
    /// customer who owes the recipient for goods or services; no claim runs back.
    /// </summary>
    Commercial,
}
