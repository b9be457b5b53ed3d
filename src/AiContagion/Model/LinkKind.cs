namespace AiContagion.Model;

/// <summary>
/// What a <see cref="Link"/> is. A link always points the way money moves (funder to recipient, customer to
/// supplier); its kind decides which of the two <see cref="LinkClass"/> readings applies (DESIGN.md §2).
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

/// <summary>
/// The two classes of <see cref="LinkKind"/>; the class decides how distress travels along a link.
/// </summary>
/// <remarks>
/// Liquidity runs <b>along</b> every link (the recipient loses the inflow when the payer stops); losses run
/// <b>against</b> claim links only (the funder loses when the recipient fails). DESIGN.md §2.
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

/// <summary>
/// The three derived readings of a <see cref="LinkKind"/> (DESIGN.md §2), written once here so that every
/// model reads the graph the same way.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>class</term><description>liquidity / solvency / clearing</description></listheader>
/// <item><term>claim</term><description><c>To</c> loses the inflow if <c>From</c> stops; <c>From</c> loses
/// <c>(1 − recovery) × Amount</c> if <c>To</c> fails; debt kinds only: <c>To</c> owes <c>From</c>.</description></item>
/// <item><term>commercial</term><description><c>To</c> loses the inflow if <c>From</c> stops; no solvency
/// channel; <c>From</c> owes <c>To</c>.</description></item>
/// </list>
/// </remarks>
public static class LinkKindFacts
{
    private static readonly LinkKind[] AllValues = Enum.GetValues<LinkKind>();

    /// <summary>Every link kind, in declaration order.</summary>
    public static IReadOnlyList<LinkKind> All => AllValues;

    /// <summary>The class of a kind: claim (financing) or commercial.</summary>
    /// <param name="kind">The link kind.</param>
    /// <returns><see cref="LinkClass.Claim"/> for the six financing kinds, else <see cref="LinkClass.Commercial"/>.</returns>
    public static LinkClass Class(this LinkKind kind) =>
        kind <= LinkKind.SpvContribution ? LinkClass.Claim : LinkClass.Commercial;

    /// <summary>Whether the kind is a financing claim (the funder takes a loss when the recipient fails).</summary>
    /// <param name="kind">The link kind.</param>
    /// <returns><see langword="true"/> for Equity, Loan, Bond, CreditFacility, VendorFinancing and SpvContribution.</returns>
    public static bool IsClaim(this LinkKind kind) => kind <= LinkKind.SpvContribution;

    /// <summary>
    /// Whether the kind is a debt claim: the recipient owes the amount back to the funder (Loan, Bond,
    /// CreditFacility, VendorFinancing). Equity and SPV contributions are claims but not debts.
    /// </summary>
    /// <param name="kind">The link kind.</param>
    /// <returns><see langword="true"/> for the four debt kinds.</returns>
    public static bool IsDebt(this LinkKind kind) =>
        kind is LinkKind.Loan or LinkKind.Bond or LinkKind.CreditFacility or LinkKind.VendorFinancing;

    /// <summary>
    /// Whether the link carries a clearing obligation (an Eisenberg–Noe liability): every debt kind
    /// (<c>To</c> owes <c>From</c>) and every commercial kind (<c>From</c> owes <c>To</c>).
    /// </summary>
    /// <param name="kind">The link kind.</param>
    /// <returns><see langword="false"/> for Equity and SpvContribution only.</returns>
    public static bool HasObligation(this LinkKind kind) => kind.IsDebt() || !kind.IsClaim();

    /// <summary>
    /// Parses a kind name. Case, spaces, hyphens and underscores are ignored (<c>CreditFacility</c>,
    /// <c>credit-facility</c>). Numbers are not accepted.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="kind">The kind, when the result is <see langword="true"/>.</param>
    /// <returns>Whether <paramref name="text"/> names a kind.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out LinkKind kind) => NameParsing.TryParse(text, AllValues, out kind);

    /// <summary>The canonical names of every kind, for error messages.</summary>
    public static string AllNames => string.Join(", ", AllValues);
}
