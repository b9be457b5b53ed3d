using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Cascades;

namespace AiContagion.Ranking;

/// <summary>
/// An assumption a <see cref="RankingSweep"/> can vary: the default liquidity tolerance, a uniform recovery rate,
/// the default capital, the withdrawal fraction, and the runway's horizon, cash floor and unknown-cash rule. Each knows its command-line name, its valid range, the models
/// that read it, and how to set it in a model's settings or the ranking options.
/// </summary>
/// <remarks>
/// <para>The four parameters are the assumptions that decide most answers on sparse real data, where balance-sheet
/// figures are missing: the tolerance τ of an entity with no cash figure (liquidity channel), the share of a claim
/// recovered when its recipient fails and the capital of an entity with no balance sheet (solvency channel), and how
/// much of its funding a withdrawing source stops.</para>
/// <para>Instances are the static properties below; equality is reference equality. Immutable and thread-safe.</para>
/// </remarks>
public sealed class SweepParameter
{
    private readonly Func<double, CascadeModelSettings, WithdrawalRankingOptions, (CascadeModelSettings, WithdrawalRankingOptions)> _apply;
    private readonly Func<double, bool>? _valid;
    private readonly string? _rangeText;
    private readonly ValueText? _text;

    private SweepParameter(
        string name,
        string description,
        double minimum,
        double maximum,
        bool minimumIncluded,
        ImmutableArray<CascadeModelKind> models,
        Func<double, CascadeModelSettings, WithdrawalRankingOptions, (CascadeModelSettings, WithdrawalRankingOptions)> apply,
        Func<double, bool>? valid = null,
        string? rangeText = null,
        ValueText? text = null)
    {
        Name = name;
        Description = description;
        Minimum = minimum;
        Maximum = maximum;
        MinimumIncluded = minimumIncluded;
        Models = models;
        _apply = apply;
        _valid = valid;
        _rangeText = rangeText;
        _text = text;
    }

    // A parameter whose values have names: how to read one and how to write one.
    private sealed record ValueText(Func<string, double?> Parse, Func<double, string> Format);

    /// <summary>
    /// <c>default-tolerance</c>: <see cref="LiquidityOptions.DefaultTolerance"/>, the liquidity tolerance τ in [0, 1] of an
    /// entity with neither a tolerance nor a cash figure. Read by the funding and chain models.
    /// </summary>
    public static SweepParameter DefaultTolerance { get; } = new(
        "default-tolerance",
        "τ of entities with neither a tolerance nor a cash figure (funding, chain)",
        0,
        1,
        minimumIncluded: true,
        [CascadeModelKind.Funding, CascadeModelKind.Chain],
        (value, settings, ranking) => (settings with { Liquidity = settings.Liquidity with { DefaultTolerance = value } }, ranking));

    /// <summary>
    /// <c>recovery</c>: one recovery rate in [0, 1] for every link kind (<see cref="RecoveryRates.Uniform"/> in
    /// <see cref="SolvencyOptions.Recovery"/> and <see cref="RunwayOptions.Recovery"/>, and
    /// <see cref="GaiKapadiaOptions.Recovery"/>). Read by the credit, chain, Gai–Kapadia and runway models.
    /// </summary>
    public static SweepParameter Recovery { get; } = new(
        "recovery",
        "recovery rate of every claim kind (credit, chain, gai-kapadia, runway)",
        0,
        1,
        minimumIncluded: true,
        [CascadeModelKind.Credit, CascadeModelKind.Chain, CascadeModelKind.GaiKapadia, CascadeModelKind.Runway],
        (value, settings, ranking) => (settings with
        {
            Solvency = settings.Solvency with { Recovery = RecoveryRates.Uniform(value) },
            GaiKapadia = settings.GaiKapadia with { Recovery = value },
            Runway = settings.Runway with { Recovery = RecoveryRates.Uniform(value) },
        }, ranking));

    /// <summary>
    /// <c>default-capital</c>: <see cref="CapitalOptions.Default"/>, the capital (≥ 0, +∞ allowed) of an entity with
    /// neither a capital figure nor a derivable balance sheet. Read by the credit, chain, Gai–Kapadia and both DebtRank
    /// models.
    /// </summary>
    public static SweepParameter DefaultCapital { get; } = new(
        "default-capital",
        "capital of entities with no capital figure or balance sheet (credit, chain, gai-kapadia, debtrank, debtrank-linear)",
        0,
        double.PositiveInfinity,
        minimumIncluded: true,
        [CascadeModelKind.Credit, CascadeModelKind.Chain, CascadeModelKind.GaiKapadia, CascadeModelKind.DebtRank, CascadeModelKind.DebtRankLinear],
        (value, settings, ranking) => (settings with
        {
            Solvency = settings.Solvency with { Capital = settings.Solvency.Capital with { Default = value } },
            GaiKapadia = settings.GaiKapadia with { Capital = settings.GaiKapadia.Capital with { Default = value } },
            DebtRank = settings.DebtRank with { Capital = settings.DebtRank.Capital with { Default = value } },
        }, ranking));

    /// <summary>
    /// <c>fraction</c>: <see cref="WithdrawalRankingOptions.WithdrawalFraction"/>, the share in (0, 1] of its outgoing
    /// links each withdrawing candidate stops. A ranking option, so every model reads it (with the withdraw shock).
    /// </summary>
    public static SweepParameter WithdrawalFraction { get; } = new(
        "fraction",
        "share of its outgoing links a withdrawing candidate stops (every model)",
        0,
        1,
        minimumIncluded: false,
        [.. CascadeModels.All],
        (value, settings, ranking) => (settings, ranking with { WithdrawalFraction = value }));

    /// <summary><c>months</c>: <see cref="RunwayOptions.Months"/>, the runway's horizon, a whole number of months in [1, 1200]. Read by the runway model.</summary>
    public static SweepParameter Months { get; } = new(
        "months",
        "horizon in months (runway)",
        1,
        RunwayOptions.MaximumMonths,
        minimumIncluded: true,
        [CascadeModelKind.Runway],
        (value, settings, ranking) => (settings with { Runway = settings.Runway with { Months = (int)value } }, ranking),
        valid: value => value >= 1 && value <= RunwayOptions.MaximumMonths && Math.Floor(value) == value,
        rangeText: "[1, 1200] (whole months)");

    /// <summary><c>floor</c>: <see cref="RunwayOptions.Floor"/>, the cash below which a firm fails, any finite amount. Read by the runway model.</summary>
    public static SweepParameter Floor { get; } = new(
        "floor",
        "cash floor below which a firm fails (runway)",
        double.NegativeInfinity,
        double.PositiveInfinity,
        minimumIncluded: false,
        [CascadeModelKind.Runway],
        (value, settings, ranking) => (settings with { Runway = settings.Runway with { Floor = value } }, ranking),
        valid: double.IsFinite,
        rangeText: "any finite amount");

    /// <summary>
    /// <c>unknown-cash</c>: <see cref="RunwayOptions.UnknownCash"/>, the cash of a firm without a cash figure. Its values
    /// are named: <c>tolerance</c>, <c>zero</c>, <c>unlimited</c>, <c>months-of-costs:N</c> (N ≥ 0); as numbers, −1 is
    /// tolerance, N ≥ 0 is months-of-costs:N (0 = zero) and +∞ unlimited. Read by the runway model.
    /// </summary>
    public static SweepParameter UnknownCash { get; } = new(
        "unknown-cash",
        "cash of firms without a cash figure: tolerance, zero, unlimited, months-of-costs:N (runway)",
        -1,
        double.PositiveInfinity,
        minimumIncluded: true,
        [CascadeModelKind.Runway],
        (value, settings, ranking) => (settings with
        {
            Runway = settings.Runway with
            {
                UnknownCash = value < 0 ? UnknownCashRule.FromTolerance
                    : value == 0 ? UnknownCashRule.Zero
                    : double.IsPositiveInfinity(value) ? UnknownCashRule.Unlimited
                    : UnknownCashRule.MonthsOfCosts,
                UnknownCashMonths = value > 0 && double.IsFinite(value) ? value : settings.Runway.UnknownCashMonths,
            },
        }, ranking),
        valid: value => value == -1 || value >= 0,
        rangeText: "tolerance, zero, unlimited or months-of-costs:N with N ≥ 0",
        text: new ValueText(ParseUnknownCash, FormatUnknownCash));

    /// <summary>Every parameter, in the order above.</summary>
    public static IReadOnlyList<SweepParameter> All { get; } = [DefaultTolerance, Recovery, DefaultCapital, WithdrawalFraction, Months, Floor, UnknownCash];

    /// <summary>Every command-line name, comma-separated, for messages.</summary>
    public static string AllNames => string.Join(", ", All.Select(p => p.Name));

    /// <summary>The command-line name (<c>default-tolerance</c>, <c>recovery</c>, <c>default-capital</c>, <c>fraction</c>, <c>months</c>, <c>floor</c>, <c>unknown-cash</c>).</summary>
    public string Name { get; }

    /// <summary>What the parameter sets, in a few words.</summary>
    public string Description { get; }

    /// <summary>The smallest allowed value (or the open lower bound when <see cref="MinimumIncluded"/> is false).</summary>
    public double Minimum { get; }

    /// <summary>The largest allowed value (+∞ for <see cref="DefaultCapital"/>, which accepts +∞).</summary>
    public double Maximum { get; }

    /// <summary>Whether <see cref="Minimum"/> itself is allowed.</summary>
    public bool MinimumIncluded { get; }

    /// <summary>The models that read the parameter.</summary>
    public ImmutableArray<CascadeModelKind> Models { get; }

    /// <summary>Whether a model reads the parameter.</summary>
    /// <param name="kind">The model.</param>
    /// <returns><see langword="true"/> when changing the parameter can change that model's ranking.</returns>
    public bool AppliesTo(CascadeModelKind kind) => Models.Contains(kind);

    /// <summary>Whether a value is in range (see <see cref="Minimum"/>, <see cref="Maximum"/>; never NaN).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether the value is allowed.</returns>
    public bool IsValid(double value) =>
        !double.IsNaN(value) && (_valid is not null ? _valid(value)
            : (MinimumIncluded ? value >= Minimum : value > Minimum) && value <= Maximum && (double.IsFinite(value) || double.IsPositiveInfinity(Maximum)));

    /// <summary>The allowed range as text, e.g. <c>[0, 1]</c> or <c>(0, 1]</c> or <c>[0, ∞]</c> (or the values in words, for <see cref="Months"/>, <see cref="Floor"/>, <see cref="UnknownCash"/>).</summary>
    /// <returns>The range.</returns>
    public string RangeText() => _rangeText ?? string.Create(
        CultureInfo.InvariantCulture,
        $"{(MinimumIncluded ? "[" : "(")}{Minimum}, {(double.IsPositiveInfinity(Maximum) ? "∞" : Maximum.ToString(CultureInfo.InvariantCulture))}]");

    /// <summary>Whether the values are plain numbers (every parameter but <see cref="UnknownCash"/>, whose values are named).</summary>
    public bool IsNumeric => _text is null;

    /// <summary>
    /// Reads a value as the command line writes it: a number (<c>inf</c> for +∞), or for <see cref="UnknownCash"/> a
    /// name (<c>tolerance</c>, <c>zero</c>, <c>unlimited</c>, <c>months-of-costs:N</c>). The range is not checked (<see cref="IsValid"/>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, when the result is <see langword="true"/>.</param>
    /// <returns>Whether the text reads as a value of this parameter.</returns>
    public bool TryParseValue(string? text, out double value)
    {
        value = double.NaN;
        if (text is null)
        {
            return false;
        }

        if (_text is not null)
        {
            value = _text.Parse(text.Trim()) ?? double.NaN;
            return !double.IsNaN(value);
        }

        if (text.Trim().ToLowerInvariant() is "inf" or "infinity" or "+inf" or "∞")
        {
            value = double.PositiveInfinity;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value);
    }

    /// <summary>Writes a value as the command line reads it (<see cref="Format"/> for numbers; the name for <see cref="UnknownCash"/>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, invariant culture.</returns>
    public string FormatValue(double value) => _text is null ? Format(value) : _text.Format(value);

    /// <summary>
    /// Parses a command-line name, ignoring case, hyphens, underscores and spaces (<c>default-tolerance</c>,
    /// <c>DefaultTolerance</c>); <c>withdrawal-fraction</c> is accepted for <see cref="WithdrawalFraction"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="parameter">The parameter, when the result is <see langword="true"/>.</param>
    /// <returns>Whether the text names a parameter.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SweepParameter? parameter)
    {
        parameter = null;
        if (text is null)
        {
            return false;
        }

        var key = Normalize(text);
        foreach (var candidate in All)
        {
            if (key == Normalize(candidate.Name))
            {
                parameter = candidate;
                return true;
            }
        }

        if (key == "withdrawalfraction")
        {
            parameter = WithdrawalFraction;
            return true;
        }

        return false;
    }

    /// <summary>Formats a value the way the sweep reports it (shortest round-trip form, <c>inf</c> for +∞).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, invariant culture.</returns>
    public static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The command-line name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    /// <summary>Sets the parameter in a copy of the settings and ranking options.</summary>
    internal (CascadeModelSettings Settings, WithdrawalRankingOptions Ranking) Apply(double value, CascadeModelSettings settings, WithdrawalRankingOptions ranking) =>
        _apply(value, settings, ranking);

    private static double? ParseUnknownCash(string text)
    {
        var key = text.ToLowerInvariant();
        if (key.StartsWith("months-of-costs:", StringComparison.Ordinal))
        {
            return double.TryParse(key["months-of-costs:".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var months) && double.IsFinite(months) && months >= 0
                ? months
                : null;
        }

        return key switch
        {
            "tolerance" => -1.0,
            "zero" => 0.0,
            "unlimited" => double.PositiveInfinity,
            _ => null,
        };
    }

    private static string FormatUnknownCash(double value) =>
        value < 0 ? "tolerance"
        : value == 0 ? "zero"
        : double.IsPositiveInfinity(value) ? "unlimited"
        : "months-of-costs:" + value.ToString("R", CultureInfo.InvariantCulture);

    private static string Normalize(string text) =>
        new([.. text.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant)]);
}
