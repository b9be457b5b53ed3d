using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>
/// An edge of a <see cref="FinancingNetwork"/>: money moving from <see cref="From"/> to <see cref="To"/>
/// (funder to recipient, customer to supplier), of a given <see cref="LinkKind"/> and amount.
/// </summary>
/// <remarks>
/// <para><b>Direction.</b> A link always points the way money moves. Liquidity distress runs along it (if
/// <c>From</c> stops paying, <c>To</c> loses the inflow); for claim kinds, credit losses run against it (if
/// <c>To</c> fails, <c>From</c> loses <c>(1 − recovery) × Amount</c>). See <see cref="LinkKindFacts"/>.</para>
/// <para>Parallel links between the same pair are allowed (a contract and a loan). Self-links are not.
/// Within a network a link is identified by its index in <see cref="FinancingNetwork.Links"/>; equality is by
/// value.</para>
/// </remarks>
public sealed record Link
{
    // The rarely used fields live in one shared-on-copy object, so a plain link (from, to, kind, amount) costs
    // 48 bytes: 10⁶ links fit in well under 100 MB.
    private LinkDetails? _details;

    /// <summary>Creates a link.</summary>
    /// <param name="from">Id of the payer (funder or customer).</param>
    /// <param name="to">Id of the recipient (borrower, investee or supplier).</param>
    /// <param name="kind">What the link is.</param>
    /// <param name="amount">Amount in the network's unit; finite and non-negative (the builder checks).</param>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> or <paramref name="to"/> is <see langword="null"/>.</exception>
    public Link(string from, string to, LinkKind kind, double amount)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        From = from;
        To = to;
        Kind = kind;
        Amount = amount;
    }

    /// <summary>Id of the entity the money leaves (funder, lender, customer).</summary>
    public string From { get; init; }

    /// <summary>Id of the entity the money reaches (investee, borrower, supplier).</summary>
    public string To { get; init; }

    /// <summary>What the link is; decides its <see cref="LinkClass"/>.</summary>
    public LinkKind Kind { get; init; }

    /// <summary>Amount in the network's unit (e.g. USD billions).</summary>
    public double Amount { get; init; }

    /// <summary>
    /// The lowest plausible amount when <see cref="Amount"/> is uncertain (<c>0 ≤ Low ≤ Amount</c>), or
    /// <see langword="null"/>. A draw of the amount stays within [<see cref="Low"/>, <see cref="High"/>].
    /// </summary>
    public double? Low
    {
        get => _details?.Low;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Low = value };
    }

    /// <summary>The highest plausible amount when <see cref="Amount"/> is uncertain (<c>Amount ≤ High</c>), or <see langword="null"/>.</summary>
    public double? High
    {
        get => _details?.High;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { High = value };
    }

    /// <summary>How far <see cref="Amount"/> can be trusted, or <see langword="null"/> when not stated.</summary>
    public AmountConfidence? Confidence
    {
        get => _details?.Confidence;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Confidence = value };
    }

    /// <summary>Term in years over which the amount is paid (contracts, loans), or <see langword="null"/>.</summary>
    public double? TermYears
    {
        get => _details?.TermYears;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { TermYears = value };
    }

    /// <summary>
    /// The month the payments begin, or <see langword="null"/>: then the link's <see cref="Date"/> when it reads as a
    /// month (<c>YYYY-MM</c> or <c>YYYY-MM-DD</c>), else the network's <c>asOf</c>.
    /// </summary>
    public CalendarMonth? Start
    {
        get => _details?.Start;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Start = value };
    }

    /// <summary>
    /// Explicit payments (months strictly increasing, summing to <see cref="Amount"/>), or empty when the link has
    /// none (then <see cref="TermYears"/> or the default spreads the amount). Not together with <see cref="TermYears"/>.
    /// </summary>
    public ImmutableArray<ScheduledPayment> Schedule
    {
        get => _details?.Schedule ?? [];
        init => _details = value.IsDefaultOrEmpty && _details is null ? null : (_details ?? LinkDetails.None) with { Schedule = value.IsDefault ? [] : value };
    }

    /// <summary>
    /// Annual interest rate (0.12 = 12 %), debt kinds only, or <see langword="null"/>. The borrower (<see cref="To"/>)
    /// pays <c>Amount × Rate / 12</c> a month until <see cref="Maturity"/>.
    /// </summary>
    public double? Rate
    {
        get => _details?.Rate;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Rate = value };
    }

    /// <summary>The month the principal is repaid in full, debt kinds only, not before the start; or <see langword="null"/>.</summary>
    public CalendarMonth? Maturity
    {
        get => _details?.Maturity;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Maturity = value };
    }

    /// <summary>The rank of this debt in the borrower's default, debt kinds only; <see langword="null"/> means senior.</summary>
    public DebtSeniority? Seniority
    {
        get => _details?.Seniority;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Seniority = value };
    }

    /// <summary>
    /// What secures this debt: the id of an entity in which the borrower holds a pledged stake; debt kinds only;
    /// or <see langword="null"/>.
    /// </summary>
    public string? Collateral
    {
        get => _details?.Collateral;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Collateral = value };
    }

    /// <summary>
    /// The maximum loan-to-value (e.g. 0.5: the loan may be at most half the collateral's value; above it the loan is
    /// due), positive, only with a <see cref="Collateral"/>; or <see langword="null"/>.
    /// </summary>
    public double? MaxLtv
    {
        get => _details?.MaxLtv;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { MaxLtv = value };
    }

    /// <summary>
    /// Equity links only: the fraction of the recipient's equity the payer holds (0 &lt; share ≤ 1), or
    /// <see langword="null"/>. The shares of one recipient sum to at most 1.
    /// </summary>
    public double? Share
    {
        get => _details?.Share;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Share = value };
    }

    /// <summary>When the deal was made or reported (free text, ISO 8601 preferred).</summary>
    public string? Date
    {
        get => _details?.Date;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Date = value };
    }

    /// <summary>Citation for the figure.</summary>
    public string? Source
    {
        get => _details?.Source;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Source = value };
    }

    /// <summary>Free-text note.</summary>
    public string? Note
    {
        get => _details?.Note;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { Note = value };
    }

    /// <summary>Further named values kept from the input, sorted by name (ordinal).</summary>
    public ImmutableSortedDictionary<string, string> Attributes
    {
        get => _details?.Attributes ?? Equality.NoAttributes;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!value.IsEmpty || _details is not null)
            {
                _details = (_details ?? LinkDetails.None) with { Attributes = value };
            }
        }
    }

    /// <summary>The class of <see cref="Kind"/>: claim or commercial.</summary>
    public LinkClass Class => Kind.Class();

    /// <summary>The entity that loses the inflow if the payer stops: always <see cref="To"/>.</summary>
    public string InflowLoser => To;

    /// <summary>
    /// The entity that takes a credit loss if the other side fails: <see cref="From"/> for claim kinds,
    /// <see langword="null"/> for commercial kinds (no solvency channel).
    /// </summary>
    public string? LossBearer => Kind.IsClaim() ? From : null;

    /// <summary>
    /// The debtor of the clearing obligation: <see cref="To"/> for debt kinds (the borrower owes the lender),
    /// <see cref="From"/> for commercial kinds (the customer owes the supplier), <see langword="null"/> for
    /// equity and SPV contributions.
    /// </summary>
    public string? Debtor => Kind.IsDebt() ? To : Kind.IsClaim() ? null : From;

    /// <summary>The creditor of the clearing obligation (the other end from <see cref="Debtor"/>), or <see langword="null"/>.</summary>
    public string? Creditor => Kind.IsDebt() ? From : Kind.IsClaim() ? null : To;

    /// <summary>Whether the link carries any optional field or attribute (a plain link is from, to, kind and amount only).</summary>
    internal bool HasDetails => _details is not null;

    /// <summary>Equality by value: every field of the field schema, and <see cref="Attributes"/>.</summary>
    /// <param name="other">The other link.</param>
    /// <returns>Whether every field and attribute is the same.</returns>
    public bool Equals(Link? other) =>
        other is not null && FieldSchema.Links.SameFields(this, other) && Equality.SameAttributes(Attributes, other.Attributes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(From, To, Kind, Amount, TermYears, Date);

    /// <summary>A one-line description such as <c>sequoia -&gt; openai Equity 6.6</c>.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From} -> {To} {Kind} {Amount}");
}
