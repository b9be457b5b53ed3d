using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using AiContagion.FireSales;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// The fire-sale model's parameters (<c>--dynamics</c>, <c>--asset-shock</c>, <c>--max-leverage</c>, <c>--target-leverage</c>,
/// <c>--shortfall</c>, <c>--impact</c>, <c>--price-floor</c>), part of <see cref="ModelOptions"/>: checked while parsing; given
/// to another model, or to dynamics that do not read them, they are an error.
/// </summary>
internal sealed class FireSaleModelOptions
{
    private static readonly (string Name, FireSaleDynamics Dynamics)[] DynamicsNames =
    [
        ("threshold", FireSaleDynamics.ThresholdDeleveraging),
        ("leverage-targeting", FireSaleDynamics.LeverageTargeting),
        ("glt", FireSaleDynamics.GreenwoodOneRound),
        ("glt-linear", FireSaleDynamics.GreenwoodLinear),
    ];

    private readonly Option<FireSaleDynamics?> _dynamics = new("--dynamics")
    {
        Description = "fire-sale: threshold (Cont-Schaanning, default), leverage-targeting, glt (Greenwood-Landier-Thesmar, one round) or glt-linear (GLT to its fixed point).",
        HelpName = "threshold|leverage-targeting|glt|glt-linear",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
            DynamicsNames.FirstOrDefault(d => d.Name.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is { Name: not null } found
                ? (FireSaleDynamics?)found.Dynamics
                : throw new CliUsageException($"{option}: unknown dynamics '{text}' (expected {string.Join(", ", DynamicsNames.Select(d => d.Name))}).")),
    };

    private readonly Option<string[]> _assetShock = new("--asset-shock")
    {
        Description = "fire-sale: ASSET=f, the asset's price falls by the fraction f before anyone sells (repeatable or comma-separated), in every run.",
        HelpName = "ASSET=f",
        CustomParser = result => OptionParsing.Parse(result, (option, tokens) =>
        {
            _ = Shocks(option, OptionValues.Parts(tokens));
            return tokens.ToArray();
        }),
    };

    private readonly Option<double?> _maxLeverage = new("--max-leverage")
    {
        Description = "fire-sale, threshold: the leverage (assets/equity, > 1) above which a firm sells, or 'initial' (its own pre-shock leverage). Default 33.33 (a 3 % leverage ratio).",
        HelpName = "X|initial",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            if (text.Trim().Equals("initial", StringComparison.OrdinalIgnoreCase))
            {
                return (double?)double.NaN;
            }

            var value = OptionValues.Number(option, text);
            return value > 1 ? (double?)value : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: {text} must be above 1 (assets over equity), or 'initial'."));
        }),
    };

    private readonly FractionOption _target = new("--target-leverage", "fire-sale, threshold: the leverage a seller returns to, as a fraction of the maximum, in (0, 1] (default 0.95).", allowZero: false);

    private readonly FractionOption _shortfall = new("--shortfall", "fire-sale, threshold: implementation shortfall α in [0, 1], the part of a round's price fall the sold part suffers (default 0.5).");

    private readonly Option<PriceImpactFunction?> _impact = new("--impact")
    {
        Description = "fire-sale, threshold: price impact 'exponential' (Cont-Schaanning, default) or 'linear'.",
        HelpName = "exponential|linear",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (PriceImpactFunction?)(text.Trim().ToLowerInvariant() switch
        {
            "exponential" => PriceImpactFunction.Exponential,
            "linear" => PriceImpactFunction.Linear,
            _ => throw new CliUsageException($"{option}: '{text}' should be 'exponential' or 'linear'."),
        })),
    };

    private readonly Option<double?> _floor = new("--price-floor")
    {
        Description = "fire-sale, threshold and leverage-targeting: the price floor as a fraction of the pre-shock price, in [0, 1) (default 0).",
        HelpName = "0..1",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            var value = OptionValues.Number(option, text);
            return value is >= 0 and < 1 ? (double?)value : throw new CliUsageException($"{option}: '{text}' must lie in [0, 1).");
        }),
    };

    /// <summary>Every option, for <see cref="ModelOptions"/>.</summary>
    public IEnumerable<Option> All => [_dynamics, _assetShock, _maxLeverage, _target, _shortfall, _impact, _floor];

    /// <summary>The command-line name of the dynamics (<c>glt-linear</c>).</summary>
    public static string Name(FireSaleDynamics dynamics) => DynamicsNames.First(d => d.Dynamics == dynamics).Name;

    /// <summary>The options given, as <see cref="FireSaleOptions"/>; a parameter the dynamics do not read is an error.</summary>
    public FireSaleOptions Read(ParseResult parse)
    {
        var dynamics = parse.GetValue(_dynamics) ?? FireSaleDynamics.ThresholdDeleveraging;
        void OnlyFor(Option option, params FireSaleDynamics[] allowed)
        {
            if (OptionParsing.Given(parse, option) && !allowed.Contains(dynamics))
            {
                throw new CliUsageException($"{OptionParsing.NameOf(parse, option)} does not apply to the fire-sale dynamics {Name(dynamics)} (it applies to {string.Join(", ", allowed.Select(Name))}).");
            }
        }

        OnlyFor(_maxLeverage, FireSaleDynamics.ThresholdDeleveraging);
        OnlyFor(_target, FireSaleDynamics.ThresholdDeleveraging);
        OnlyFor(_shortfall, FireSaleDynamics.ThresholdDeleveraging);
        OnlyFor(_impact, FireSaleDynamics.ThresholdDeleveraging);
        OnlyFor(_floor, FireSaleDynamics.ThresholdDeleveraging, FireSaleDynamics.LeverageTargeting);
        var defaults = new FireSaleOptions();
        var max = parse.GetValue(_maxLeverage);
        var shocks = Shocks("--asset-shock", OptionValues.Parts(parse.GetValue(_assetShock)));
        return defaults with
        {
            Dynamics = dynamics,
            AssetShocks = shocks.IsEmpty ? null : shocks,
            MaxLeverage = max is { } m ? (double.IsNaN(m) ? null : m) : defaults.MaxLeverage,
            TargetLeverageFraction = _target.Value(parse, defaults.TargetLeverageFraction),
            ImplementationShortfall = _shortfall.Value(parse, defaults.ImplementationShortfall),
            Impact = parse.GetValue(_impact) ?? defaults.Impact,
            PriceFloor = parse.GetValue(_floor) ?? defaults.PriceFloor,
        };
    }

    private static ImmutableSortedDictionary<string, double> Shocks(string option, IReadOnlyList<string> parts)
    {
        var assignments = OptionValues.Assignments(option, parts, null);
        OptionValues.EnsureUnique(option, assignments.Select(a => a.Name));
        return assignments.ToImmutableSortedDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
    }
}
