using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// The four classes of deal the chain diagrams colour links by: equity, debt, contracts and vendor financing.
/// Coarser than <see cref="LinkKind"/>, finer than <see cref="LinkClass"/>.
/// </summary>
public enum DealClass
{
    /// <summary>Equity and SPV / joint-venture contributions (<see cref="LinkKind.Equity"/>, <see cref="LinkKind.SpvContribution"/>).</summary>
    Equity,

    /// <summary>Loans, bonds and credit facilities (<see cref="LinkKind.Loan"/>, <see cref="LinkKind.Bond"/>, <see cref="LinkKind.CreditFacility"/>).</summary>
    Debt,

    /// <summary>Commercial contracts: compute, GPU purchases, API spend, leases, revenue shares, services.</summary>
    Contract,

    /// <summary>Vendor financing (<see cref="LinkKind.VendorFinancing"/>): a supplier funding its customer.</summary>
    VendorFinancing,
}

/// <summary>The <see cref="DealClass"/> of a link kind, and the classes' names and colours.</summary>
/// <remarks>Pure functions; thread-safe.</remarks>
public static class DealClasses
{
    /// <summary>Every class, in legend order.</summary>
    public static IReadOnlyList<DealClass> All { get; } = Enum.GetValues<DealClass>();

    /// <summary>The class of a link kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its class.</returns>
    public static DealClass Of(LinkKind kind) => kind switch
    {
        LinkKind.Equity or LinkKind.SpvContribution => DealClass.Equity,
        LinkKind.Loan or LinkKind.Bond or LinkKind.CreditFacility => DealClass.Debt,
        LinkKind.VendorFinancing => DealClass.VendorFinancing,
        _ => DealClass.Contract,
    };

    /// <summary>The class's name in running text (<c>equity</c>, <c>debt</c>, <c>contract</c>, <c>vendor financing</c>).</summary>
    /// <param name="deal">The class.</param>
    /// <returns>The name.</returns>
    public static string Name(this DealClass deal) => deal switch
    {
        DealClass.Equity => "equity",
        DealClass.Debt => "debt",
        DealClass.Contract => "contract",
        DealClass.VendorFinancing => "vendor financing",
        _ => throw new ArgumentOutOfRangeException(nameof(deal), deal, "Unknown deal class."),
    };

    /// <summary>The class's colour, <c>#rrggbb</c>: blue, brown, green, purple (no red: red means failure).</summary>
    /// <param name="deal">The class.</param>
    /// <returns>The colour.</returns>
    public static string Color(this DealClass deal) => deal switch
    {
        DealClass.Equity => "#1f6fb4",
        DealClass.Debt => "#8c5a2b",
        DealClass.Contract => "#2e8b3a",
        DealClass.VendorFinancing => "#8e5bbf",
        _ => throw new ArgumentOutOfRangeException(nameof(deal), deal, "Unknown deal class."),
    };

    /// <summary>A CSS class name for the deal class (<c>deal-equity</c>).</summary>
    internal static string CssClass(this DealClass deal) => deal switch
    {
        DealClass.Equity => "deal-equity",
        DealClass.Debt => "deal-debt",
        DealClass.Contract => "deal-contract",
        _ => "deal-vendor",
    };
}
