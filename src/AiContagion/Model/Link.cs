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

    /// <summary>Term in years over which the amount is paid (contracts, loans), or <see langword="null"/>.</summary>
    public double? TermYears
    {
        get => _details?.TermYears;
        init => _details = value is null && _details is null ? null : (_details ?? LinkDetails.None) with { TermYears = value };
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

    /// <inheritdoc/>
    public bool Equals(Link? other) =>
        other is not null
        && From == other.From && To == other.To && Kind == other.Kind && Amount.Equals(other.Amount)
        && Nullable.Equals(TermYears, other.TermYears) && Date == other.Date && Source == other.Source
        && Note == other.Note && Equality.SameAttributes(Attributes, other.Attributes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(From, To, Kind, Amount, TermYears, Date);

    /// <summary>A one-line description such as <c>sequoia -&gt; openai Equity 6.6</c>.</summary>
    /// <returns>The description, invariant culture.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From} -> {To} {Kind} {Amount}");
}

/// <summary>The optional fields of a <see cref="Link"/>, kept apart so that plain links stay small.</summary>
internal sealed record LinkDetails
{
    public static readonly LinkDetails None = new();

    public double? TermYears { get; init; }

    public string? Date { get; init; }

    public string? Source { get; init; }

    public string? Note { get; init; }

    public ImmutableSortedDictionary<string, string> Attributes { get; init; } = Equality.NoAttributes;
}
