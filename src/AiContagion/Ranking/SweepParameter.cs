using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Cascades;

namespace AiContagion.Ranking;

/// <summary>
/// An assumption a <see cref="RankingSweep"/> can vary: the default liquidity tolerance, a uniform recovery rate,
/// the default capital, or the withdrawal fraction. Each knows its command-line name, its valid range, the models
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

    private SweepParameter(
        string name,
        string description,
        double minimum,
        double maximum,
        bool minimumIncluded,
        ImmutableArray<CascadeModelKind> models,
        Func<double, CascadeModelSettings, WithdrawalRankingOptions, (CascadeModelSettings, WithdrawalRankingOptions)> apply)
    {
        Name = name;
        Description = description;
        Minimum = minimum;
        Maximum = maximum;
        MinimumIncluded = minimumIncluded;
        Models = models;
        _apply = apply;
    }

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
    /// <see cref="SolvencyOptions.Recovery"/>, and <see cref="GaiKapadiaOptions.Recovery"/>). Read by the credit, chain
    /// and Gai–Kapadia models.
    /// </summary>
    public static SweepParameter Recovery { get; } = new(
        "recovery",
        "recovery rate of every claim kind (credit, chain, gai-kapadia)",
        0,
        1,
        minimumIncluded: true,
        [CascadeModelKind.Credit, CascadeModelKind.Chain, CascadeModelKind.GaiKapadia],
        (value, settings, ranking) => (settings with
        {
            Solvency = settings.Solvency with { Recovery = RecoveryRates.Uniform(value) },
            GaiKapadia = settings.GaiKapadia with { Recovery = value },
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

    /// <summary>Every parameter, in the order above.</summary>
    public static IReadOnlyList<SweepParameter> All { get; } = [DefaultTolerance, Recovery, DefaultCapital, WithdrawalFraction];

    /// <summary>Every command-line name, comma-separated, for messages.</summary>
    public static string AllNames => string.Join(", ", All.Select(p => p.Name));

    /// <summary>The command-line name (<c>default-tolerance</c>, <c>recovery</c>, <c>default-capital</c>, <c>fraction</c>).</summary>
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
        !double.IsNaN(value) && (MinimumIncluded ? value >= Minimum : value > Minimum) && value <= Maximum
        && (double.IsFinite(value) || double.IsPositiveInfinity(Maximum));

    /// <summary>The allowed range as text, e.g. <c>[0, 1]</c> or <c>(0, 1]</c> or <c>[0, ∞]</c>.</summary>
    /// <returns>The range.</returns>
    public string RangeText() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(MinimumIncluded ? "[" : "(")}{Minimum}, {(double.IsPositiveInfinity(Maximum) ? "∞" : Maximum.ToString(CultureInfo.InvariantCulture))}]");

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

    private static string Normalize(string text) =>
        new([.. text.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant)]);
}
