namespace AiContagion.Model;

/// <summary>
/// What a <see cref="Link"/> is. A link always points the way money moves (funder to recipient, customer to
/// supplier); its kind decides which of the two <see cref="LinkClass"/> readings applies (docs/concepts.md#links).
/// </summary>
public enum LinkKind : byte
{
    /// <summary>Equity investment: the funder buys shares of the recipient. Claim, not debt.</summary>
    Equity,

    /// <summary>Loan: the lender pays the borrower, who owes it back. Claim, debt.</summary>
    Loan,

    /// <summary>Bond: bond buyers pay the issuer, who owes them. Claim, debt.</summary>
    Bond,

    /// <summary>Credit facility (committed or drawn): the lender funds the borrower. Claim, debt.</summary>
    CreditFacility,

    /// <summary>Vendor financing: a supplier funds its customer's purchases. Claim, debt.</summary>
    VendorFinancing,

    /// <summary>Contribution to a special-purpose vehicle or joint venture. Claim, not debt (an equity-like stake).</summary>
    SpvContribution,

    /// <summary>Compute or cloud contract: the customer pays the provider. Commercial.</summary>
    ComputeContract,

    /// <summary>GPU purchase: the buyer pays the chipmaker. Commercial.</summary>
    GpuPurchase,

    /// <summary>API or model spend: an application pays a model lab. Commercial.</summary>
    ApiSpend,

    /// <summary>Lease: the tenant pays the landlord. Commercial.</summary>
    Lease,

    /// <summary>Revenue share: the payer hands a share of its revenue to the recipient. Commercial.</summary>
    RevenueShare,

    /// <summary>Services: the customer pays the service provider. Commercial.</summary>
    Services,
}
