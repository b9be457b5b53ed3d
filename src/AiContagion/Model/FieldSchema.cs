using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace AiContagion.Model;

/// <summary>
/// The one description of every <see cref="Entity"/> and <see cref="Link"/> field: its name in JSON, CSV and GraphML,
/// its kind of value, how to read and set it, its constraints and its text encoding. The three readers and writers,
/// the builder's checks and reserved names, record equality and the CSV column lists all work from it, so a new field
/// is one entry here plus its property on the record (and its tests).
/// </summary>
/// <remarks>
/// <para>Order matters: it is the order of JSON properties, CSV columns and GraphML keys.</para>
/// <para>Fields the record's constructor takes (<c>id</c>, <c>name</c>, <c>sector</c>; <c>from</c>, <c>to</c>,
/// <c>kind</c>, <c>amount</c>) are described here for writing, equality and naming; each reader reads them itself
/// (they are required, or resolve entity ids) and the builder checks them itself.</para>
/// <para>Constraints are checked by <see cref="FinancingNetworkBuilder"/>, which reports every broken one with the
/// item's place and the field's name. Numbers are always finite first.</para>
/// </remarks>
internal static class FieldSchema
{
    /// <summary>The tolerance within which a schedule's payments must sum to the link's amount, relative.</summary>
    public const double ScheduleSumTolerance = 1e-9;

    /// <summary>The tolerance above 1 the shares of one recipient may sum to (rounding of decimal fractions).</summary>
    public const double ShareSumTolerance = 1e-9;

    private const string DebtKinds = "debt links (Loan, Bond, CreditFacility, VendorFinancing)";

    private static readonly ChoiceCodec<Sector> SectorCodec = new("sector", s => s.ToString());
    private static readonly ChoiceCodec<LinkKind> KindCodec = new("kind", k => k.ToString());
    private static readonly ChoiceCodec<AmountConfidence> ConfidenceCodec = new("confidence", ChoiceCodec<AmountConfidence>.LowerCamel);
    private static readonly ChoiceCodec<DebtSeniority> SeniorityCodec = new("seniority", ChoiceCodec<DebtSeniority>.LowerCamel);

    /// <summary>The entity fields, in written order. Attributes may not take these names, nor <c>attributes</c>.</summary>
    public static RecordFields<Entity> Entities { get; } = new(
    [
        new TextField<Entity>("id", e => e.Id, (e, v) => e with { Id = v }).ConstructorField(required: true),
        new TextField<Entity>("name", e => e.Name, (e, v) => e with { Name = v }, omit: e => e.Name == e.Id).ConstructorField(required: false),
        new ValueField<Entity, Sector>("sector", FieldKind.Choice, SectorCodec, e => e.Sector, (e, v) => e with { Sector = v }).ConstructorField(required: true),
        Figure("cash", e => e.Cash, (e, v) => e with { Cash = v }, (e, v) => EntityFill.Cash(e, v)),
        Figure("revenue", e => e.Revenue, (e, v) => e with { Revenue = v }, (e, v) => EntityFill.Revenue(e, v)),
        Figure("costs", e => e.Costs, (e, v) => e with { Costs = v }, (e, v) => EntityFill.Costs(e, v)),
        Growth("revenueGrowth", e => e.RevenueGrowth, (e, v) => e with { RevenueGrowth = v }, (e, v) => EntityFill.RevenueGrowth(e, v)),
        Growth("costsGrowth", e => e.CostsGrowth, (e, v) => e with { CostsGrowth = v }, (e, v) => EntityFill.CostsGrowth(e, v)),
        Figure("capital", e => e.Capital, (e, v) => e with { Capital = v }, (e, v) => EntityFill.Capital(e, v)),
        Figure("valuation", e => e.Valuation, (e, v) => e with { Valuation = v }, (e, v) => EntityFill.Valuation(e, v)),
        Figure("externalAssets", e => e.ExternalAssets, (e, v) => e with { ExternalAssets = v }, (e, v) => EntityFill.ExternalAssets(e, v)),
        Figure("externalLiabilities", e => e.ExternalLiabilities, (e, v) => e with { ExternalLiabilities = v }, (e, v) => EntityFill.ExternalLiabilities(e, v)),
        Figure("tolerance", e => e.Tolerance, (e, v) => e with { Tolerance = v }, (e, v) => EntityFill.Tolerance(e, v))
            .Rule((_, v, _) => v <= 1 ? null : Invariant($"must be in [0, 1] (a share of inflow); got {v}")),
        new ValueField<Entity, bool>("fundingSource", FieldKind.Boolean, BooleanCodec.Instance, e => e.FundingSource, (e, v) => e with { FundingSource = v }),
        new TextField<Entity>("asOf", e => e.AsOf, (e, v) => e with { AsOf = v }),
        new TextField<Entity>("source", e => e.Source, (e, v) => e with { Source = v }),
        new TextField<Entity>("note", e => e.Note, (e, v) => e with { Note = v }),
    ],
    ["attributes"]);

    /// <summary>
    /// The link fields, in written order. Attributes may not take these names (but for <c>confidence</c>, which the
    /// AI chain's data of format 1.0 use as an attribute), nor <c>attributes</c> or <c>id</c> (GraphML's edge id).
    /// </summary>
    public static RecordFields<Link> Links { get; } = new(
    [
        new TextField<Link>("from", l => l.From, (l, v) => l with { From = v }).ConstructorField(required: true),
        new TextField<Link>("to", l => l.To, (l, v) => l with { To = v }).ConstructorField(required: true),
        new ValueField<Link, LinkKind>("kind", FieldKind.Choice, KindCodec, l => l.Kind, (l, v) => l with { Kind = v }).ConstructorField(required: true),
        new ValueField<Link, double>("amount", FieldKind.Number, NumberCodec.Instance, l => l.Amount, (l, v) => l with { Amount = v }).ConstructorField(required: true),
        Figure<Link>("low", l => l.Low, (l, v) => l with { Low = v })
            .Rule((l, v, _) => v <= l.Amount ? null : Invariant($"must not be above the amount; got low {v}, amount {l.Amount}")),
        Figure<Link>("high", l => l.High, (l, v) => l with { High = v })
            .Rule((l, v, _) => v >= l.Amount ? null : Invariant($"must not be below the amount; got high {v}, amount {l.Amount}")),
        new ValueField<Link, AmountConfidence>("confidence", FieldKind.Choice, ConfidenceCodec, l => l.Confidence, (l, v) => l with { Confidence = v })
            .AllowingLegacyAttribute(),
        Figure<Link>("termYears", l => l.TermYears, (l, v) => l with { TermYears = v })
            .Require((_, v, _) => v > 0 ? null : "must be positive when given"),
        new ValueField<Link, CalendarMonth>("start", FieldKind.Month, MonthCodec.Instance, l => l.Start, (l, v) => l with { Start = v }),
        new ScheduleField<Link>("schedule", l => l.Schedule, (l, v) => l with { Schedule = v })
            .Require(PaymentsValid)
            .Rule(PaymentsIncreasing)
            .Rule(PaymentsSumToAmount)
            .Rule((l, _, _) => l.TermYears is null ? null : "give either a schedule or termYears, not both"),
        Figure<Link>("rate", l => l.Rate, (l, v) => l with { Rate = v }, DebtOnly),
        new ValueField<Link, CalendarMonth>("maturity", FieldKind.Month, MonthCodec.Instance, l => l.Maturity, (l, v) => l with { Maturity = v })
            .Rule(DebtOnly)
            .Rule(MaturityNotBeforeStart),
        new ValueField<Link, DebtSeniority>("seniority", FieldKind.Choice, SeniorityCodec, l => l.Seniority, (l, v) => l with { Seniority = v })
            .Rule(DebtOnly),
        new TextField<Link>("collateral", l => l.Collateral, (l, v) => l with { Collateral = v })
            .Rule(DebtOnly)
            .Rule((_, id, context) => context.HasEntity(id) || context.HasAsset(id) ? null : $"names no entity and no asset ('{id}'); a collateral is the id of an entity in which the borrower holds a stake, or of an asset of the holdings layer"),
        Figure<Link>("maxLtv", l => l.MaxLtv, (l, v) => l with { MaxLtv = v }, DebtOnly)
            .Require((_, v, _) => v > 0 ? null : "must be positive when given")
            .Rule((l, _, _) => l.Collateral is not null ? null : "a maximum loan-to-value needs a collateral"),
        Number<Link>("share", l => l.Share, (l, v) => l with { Share = v })
            .Rule((l, _, _) => l.Kind == LinkKind.Equity ? null : $"only Equity links carry a share; this link is {l.Kind}")
            .Require((_, v, _) => v is > 0 and <= 1 ? null : Invariant($"must be in (0, 1] (the fraction of the recipient's equity held); got {v}"))
            .Across(links => SharesOfOneRecipient(links).Concat(OwnershipGroups.Closed(links))),
        new TextField<Link>("date", l => l.Date, (l, v) => l with { Date = v }),
        new TextField<Link>("source", l => l.Source, (l, v) => l with { Source = v }),
        new TextField<Link>("note", l => l.Note, (l, v) => l with { Note = v }),
    ],
    ["attributes", "id"]);

    /// <summary>
    /// The asset fields of the holdings layer, in written order (JSON <c>assets</c>, <c>assets.csv</c>, GraphML's
    /// <c>assets</c> graph data). Assets carry no attributes.
    /// </summary>
    public static RecordFields<Asset> Assets { get; } = new(
    [
        new TextField<Asset>("id", a => a.Id, (a, v) => a with { Id = v }).ConstructorField(required: true),
        new TextField<Asset>("name", a => a.Name, (a, v) => a with { Name = v }, omit: a => a.Name == a.Id).ConstructorField(required: false),
        Figure<Asset>("marketSize", a => a.MarketSize, (a, v) => a with { MarketSize = v })
            .Require((_, v, _) => v > 0 ? null : Invariant($"must be positive (the market depth: the value whose sale moves the price by 100 %); got {v}")),
        Figure<Asset>("priceImpact", a => a.PriceImpact, (a, v) => a with { PriceImpact = v })
            .Rule((a, _, _) => a.MarketSize is null ? null : "give either marketSize or priceImpact, not both (priceImpact = 1 / marketSize)"),
        new TextField<Asset>("source", a => a.Source, (a, v) => a with { Source = v }),
        new TextField<Asset>("note", a => a.Note, (a, v) => a with { Note = v }),
    ],
    []);

    /// <summary>
    /// The holding fields, in written order (JSON <c>holdings</c>, <c>holdings.csv</c>, GraphML's <c>holdings</c>
    /// graph data). Holdings carry no attributes.
    /// </summary>
    public static RecordFields<Holding> Holdings { get; } = new(
    [
        new TextField<Holding>("entity", h => h.Entity, (h, v) => h with { Entity = v }).ConstructorField(required: true),
        new TextField<Holding>("asset", h => h.Asset, (h, v) => h with { Asset = v }).ConstructorField(required: true),
        new ValueField<Holding, double>("amount", FieldKind.Number, NumberCodec.Instance, h => h.Amount, (h, v) => h with { Amount = v }).ConstructorField(required: true),
        new TextField<Holding>("source", h => h.Source, (h, v) => h with { Source = v }),
        new TextField<Holding>("note", h => h.Note, (h, v) => h with { Note = v }),
    ],
    []);

    /// <summary>
    /// The month a link's payments begin: its <see cref="Link.Start"/>, else its <see cref="Link.Date"/> when that reads
    /// as a month, else the network's <c>asOf</c> month; <see langword="null"/> when none is known.
    /// </summary>
    public static CalendarMonth? StartOf(Link link, CalendarMonth? asOf) =>
        link.Start ?? (CalendarMonth.TryParse(link.Date, out var date) ? date : asOf);

    // A non-negative amount or figure.
    private static TypedField<TRecord, double> Figure<TRecord>(
        string name, Func<TRecord, double?> get, Func<TRecord, double, TRecord> set, Func<TRecord, double, FieldContext, string?>? first = null, Action<TRecord, double>? fill = null)
        where TRecord : class
    {
        var field = Number(name, get, set, fill);
        if (first is not null)
        {
            field.Rule(first);
        }

        return field.Require((_, v, _) => v >= 0 ? null : Invariant($"must not be negative; got {v}"));
    }

    private static TypedField<Entity, double> Figure(string name, Func<Entity, double?> get, Func<Entity, double, Entity> set, Action<Entity, double> fill) =>
        Figure<Entity>(name, get, set, fill: fill);

    // A yearly growth rate: above −1 (−100 %).
    private static TypedField<Entity, double> Growth(string name, Func<Entity, double?> get, Func<Entity, double, Entity> set, Action<Entity, double> fill) =>
        Number(name, get, set, fill).Require((_, v, _) => v > -1 ? null : Invariant($"must be above -1 (a yearly growth rate; -1 is -100 %); got {v}"));

    // A finite number (the readers never produce another; the library API can).
    private static TypedField<TRecord, double> Number<TRecord>(string name, Func<TRecord, double?> get, Func<TRecord, double, TRecord> set, Action<TRecord, double>? fill = null)
        where TRecord : class =>
        new ValueField<TRecord, double>(name, FieldKind.Number, NumberCodec.Instance, get, set, fill)
            .Require((_, v, _) => double.IsFinite(v) ? null : Invariant($"must be a finite number; got {v}"));

    private static string? DebtOnly<T>(Link link, T value, FieldContext context) =>
        link.Kind.IsDebt() ? null : $"only {DebtKinds} carry it; this link is {link.Kind}";

    private static string? MaturityNotBeforeStart(Link link, CalendarMonth maturity, FieldContext context)
    {
        if (StartOf(link, context.AsOf) is not { } start || maturity >= start)
        {
            return null;
        }

        var which = link.Start is not null ? "start" : CalendarMonth.TryParse(link.Date, out _) ? "start (the link's date)" : "start (the network's asOf)";
        return $"must not be before the {which}; got {maturity}, start {start}";
    }

    private static string? PaymentsValid(Link link, ImmutableArray<ScheduledPayment> payments, FieldContext context)
    {
        for (var i = 0; i < payments.Length; i++)
        {
            var (month, amount) = payments[i];
            if (!double.IsFinite(amount))
            {
                return Invariant($"payment {i + 1} ({month}) must be a finite number; got {amount}");
            }

            if (amount < 0)
            {
                return Invariant($"payment {i + 1} ({month}) must not be negative; got {amount}");
            }
        }

        return null;
    }

    private static string? PaymentsIncreasing(Link link, ImmutableArray<ScheduledPayment> payments, FieldContext context)
    {
        for (var i = 1; i < payments.Length; i++)
        {
            if (payments[i].Month <= payments[i - 1].Month)
            {
                return Invariant($"payment months must be strictly increasing; payment {i + 1} ({payments[i].Month}) follows {payments[i - 1].Month}");
            }
        }

        return null;
    }

    private static string? PaymentsSumToAmount(Link link, ImmutableArray<ScheduledPayment> payments, FieldContext context)
    {
        var sum = 0.0;
        foreach (var payment in payments)
        {
            sum += payment.Amount;
        }

        var amount = link.Amount;
        return Math.Abs(sum - amount) <= ScheduleSumTolerance * Math.Max(Math.Abs(sum), Math.Abs(amount))
            ? null
            : Invariant($"the payments sum to {sum}, the link's amount is {amount}; they must agree (within 1e-9 relative)");
    }

    // Σ shares of one recipient ≤ 1, over the Equity links whose share is itself valid; reported on the link that takes the sum over 1.
    private static IEnumerable<(int Index, string Message)> SharesOfOneRecipient(IReadOnlyList<Link> links)
    {
        Dictionary<string, (double Sum, List<int> Links)>? byRecipient = null;
        for (var l = 0; l < links.Count; l++)
        {
            var link = links[l];
            if (link.Kind == LinkKind.Equity && link.Share is { } share && share is > 0 and <= 1 && link.To is not null)
            {
                byRecipient ??= new Dictionary<string, (double, List<int>)>(StringComparer.Ordinal);
                var (sum, held) = byRecipient.TryGetValue(link.To, out var entry) ? entry : (0.0, new List<int>());
                held.Add(l);
                byRecipient[link.To] = (sum + share, held);
            }
        }

        if (byRecipient is null)
        {
            yield break;
        }

        foreach (var (recipient, (sum, held)) in byRecipient)
        {
            if (sum > 1 + ShareSumTolerance)
            {
                var names = new StringBuilder();
                var parts = new StringBuilder();
                foreach (var l in held)
                {
                    names.Append(names.Length == 0 ? "#" : ", #").Append(l.ToString(CultureInfo.InvariantCulture));
                    parts.Append(parts.Length == 0 ? string.Empty : " + ").Append(links[l].Share!.Value.ToString("R", CultureInfo.InvariantCulture));
                }

                yield return (held[^1], Invariant($"the shares of '{recipient}' held through links {names} sum to {sum} ({parts}); at most 1 (all of its equity)"));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
