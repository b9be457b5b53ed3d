namespace AiContagion.Model;

/// <summary>
/// The three derived readings of a <see cref="LinkKind"/> (docs/concepts.md#links), written once here so that every
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
