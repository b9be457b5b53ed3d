using System.CommandLine;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// <c>--model</c> (<c>-m</c>) and the model parameters (<c>--alpha</c>, <c>--beta</c>, <c>--seniority</c>,
/// <c>--recovery</c>, <c>--default-tolerance</c>, <c>--failure-rule</c>, the fire-sale ones of
/// <see cref="FireSaleModelOptions"/> and the runway's <see cref="RunwayParameters"/>), shared by <c>cascade</c>, <c>rank</c>,
/// <c>stress</c> and <c>export --overlay cascade</c>. Values are checked while parsing; a parameter the chosen model
/// does not read is an error, not ignored.
/// </summary>
internal sealed class ModelOptions
{
    private readonly Option<CascadeModelKind?> _model = new("--model", "-m")
    {
        Description = "The model: " + CascadeModels.AllNames + ". Default funding.",
        HelpName = "MODEL",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
            CascadeModels.TryParse(text, out var kind) ? (CascadeModelKind?)kind : throw new CliUsageException($"{option}: unknown model '{text}'; expected one of {CascadeModels.AllNames}.")),
    };

    private readonly Option<double?> _alpha = new("--alpha")
    {
        Description = "rogers-veraart: share α in [0, 1] of external assets a defaulter realises (default 1); debtrank-nonlinear: α ≥ 0 of p(h) = h·e^(α(h−1)), 'inf' for the threshold cascade (default 1).",
        HelpName = "α",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            if (text.Trim().ToLowerInvariant() is "inf" or "infinity")
            {
                return (double?)double.PositiveInfinity;
            }

            var value = OptionValues.Number(option, text);
            return value >= 0 ? (double?)value : throw new CliUsageException($"{option}: '{text}' must not be negative.");
        }),
    };

    private readonly FractionOption _beta = new("--beta", "rogers-veraart: share β in [0, 1] of network receivables a defaulter realises (default 1).");

    private readonly Option<ExternalLiabilitySeniority?> _seniority = new("--seniority")
    {
        Description = "eisenberg-noe, rogers-veraart: external liabilities 'senior' or 'pari-passu' (default pari-passu).",
        HelpName = "senior|pari-passu",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (ExternalLiabilitySeniority?)(text.Trim().ToLowerInvariant() switch
        {
            "senior" => ExternalLiabilitySeniority.Senior,
            "pari-passu" or "paripassu" or "pari_passu" => ExternalLiabilitySeniority.PariPassu,
            _ => throw new CliUsageException($"{option}: '{text}' should be 'senior' or 'pari-passu'."),
        })),
    };

    private readonly Option<string[]> _recovery = new("--recovery")
    {
        Description = "credit, chain, runway: recovery rate per claim kind, KIND=r (repeatable or comma-separated), or r for every kind (default 0); gai-kapadia: one rate r.",
        HelpName = "[KIND=]r",
        CustomParser = result => OptionParsing.Parse(result, (option, tokens) =>
        {
            _ = Recovery(option, OptionValues.Parts(tokens));
            return tokens.ToArray();
        }),
    };

    private readonly FractionOption _defaultTolerance = new("--default-tolerance", "funding, chain, runway (--unknown-cash tolerance): τ in [0, 1] of entities with neither a tolerance nor a cash figure (default 0.25).");

    private readonly Option<FailureRule?> _failureRule = new("--failure-rule")
    {
        Description = "credit, chain, gai-kapadia: 'strict' (loss > capital, default) or 'non-strict' (loss ≥ capital).",
        HelpName = "strict|non-strict",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (FailureRule?)(text.Trim().ToLowerInvariant() switch
        {
            "strict" => FailureRule.LossExceedsCapital,
            "non-strict" or "nonstrict" => FailureRule.LossReachesCapital,
            _ => throw new CliUsageException($"{option}: '{text}' should be 'strict' or 'non-strict'."),
        })),
    };

    private readonly FireSaleModelOptions _fireSale = new();
    private readonly RunwayParameters _runway = new();

    private IEnumerable<Option> All => [_model, _alpha, _beta, _seniority, _recovery, _defaultTolerance, _failureRule, .. _fireSale.All, .. _runway.All];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The model and parameter options given (not defaulted), by name as typed.</summary>
    public IReadOnlyList<string> Given(ParseResult parse) => [.. All.Where(o => OptionParsing.Given(parse, o)).Select(o => OptionParsing.NameOf(parse, o))];

    /// <summary>Whether a model parameter option (<c>--default-tolerance</c>, <c>--recovery</c>, ...) was given.</summary>
    public bool Gives(ParseResult parse, string option) =>
        All.FirstOrDefault(o => o.Name == option) is { } found && OptionParsing.Given(parse, found);

    /// <summary>The chosen model with its parameters (see <see cref="Settings"/>).</summary>
    public ICascadeModel Build(ParseResult parse)
    {
        var (kind, settings) = Settings(parse);
        return CascadeModels.Create(kind, settings);
    }

    /// <summary>The chosen model kind and its settings; a parameter the model does not read is an error.</summary>
    public (CascadeModelKind Kind, CascadeModelSettings Settings) Settings(ParseResult parse)
    {
        var kind = parse.GetValue(_model) ?? CascadeModelKind.Funding;
        var recovery = OptionValues.Parts(parse.GetValue(_recovery));
        Only(parse, kind, _alpha, CascadeModelKind.RogersVeraart, CascadeModelKind.DebtRankNonLinear);
        if (kind == CascadeModelKind.RogersVeraart && parse.GetValue(_alpha) is > 1)
        {
            // The message a share option gives (rogers-veraart's α is a share; debtrank-nonlinear's is any α ≥ 0).
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{OptionParsing.NameOf(parse, _alpha)}: '{parse.GetValue(_alpha)}' must lie in [0, 1]."));
        }

        foreach (var option in _fireSale.All)
        {
            Only(parse, kind, option, CascadeModelKind.FireSale);
        }

        Only(parse, kind, _beta, CascadeModelKind.RogersVeraart);
        Only(parse, kind, _seniority, CascadeModelKind.EisenbergNoe, CascadeModelKind.RogersVeraart);
        Only(parse, kind, _recovery, CascadeModelKind.Credit, CascadeModelKind.Chain, CascadeModelKind.GaiKapadia, CascadeModelKind.Runway);
        Only(parse, kind, _defaultTolerance, CascadeModelKind.Funding, CascadeModelKind.Chain, CascadeModelKind.Runway);
        foreach (var option in _runway.All)
        {
            if (option == _runway.StakeLosses)
            {
                Only(parse, kind, option, CascadeModelKind.Credit, CascadeModelKind.Chain, CascadeModelKind.Runway);
                continue;
            }

            Only(parse, kind, option, CascadeModelKind.Runway);
        }

        if (kind == CascadeModelKind.Runway && OptionParsing.Given(parse, _defaultTolerance) && _runway.UnknownCashIsNotTolerance(parse))
        {
            throw new CliUsageException("--default-tolerance applies only with --unknown-cash tolerance.");
        }
        Only(parse, kind, _failureRule, CascadeModelKind.Credit, CascadeModelKind.Chain, CascadeModelKind.GaiKapadia);

        var seniority = parse.GetValue(_seniority) ?? ExternalLiabilitySeniority.PariPassu;
        var rule = parse.GetValue(_failureRule) ?? FailureRule.LossExceedsCapital;
        var settings = new CascadeModelSettings
        {
            Liquidity = new LiquidityOptions { DefaultTolerance = _defaultTolerance.Value(parse, 0.25) },
            Solvency = new SolvencyOptions { Recovery = Recovery("--recovery", recovery), Rule = rule, StakeLosses = parse.GetValue(_runway.StakeLosses) },
            Clearing = new ClearingOptions { Seniority = seniority },
            RogersVeraart = new RogersVeraartOptions { Alpha = kind == CascadeModelKind.RogersVeraart ? parse.GetValue(_alpha) ?? 1.0 : 1.0, Beta = _beta.Value(parse, 1.0), Seniority = seniority },
            DebtRank = new DebtRankOptions { Alpha = kind == CascadeModelKind.DebtRankNonLinear ? parse.GetValue(_alpha) ?? 1.0 : 1.0 },
            FireSale = kind == CascadeModelKind.FireSale ? _fireSale.Read(parse) : new(),
            GaiKapadia = new GaiKapadiaOptions { Rule = rule, Recovery = kind == CascadeModelKind.GaiKapadia ? UniformRecovery(recovery) : 0.0 },
            Runway = _runway.Read(parse, new RunwayOptions { DefaultTolerance = _defaultTolerance.Value(parse, 0.25), Recovery = Recovery("--recovery", recovery) }),
        };
        _ = CascadeModels.Create(kind, settings);
        return (kind, settings);
    }

    /// <summary>Settings as one line, e.g. <c>seniority=Senior</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> settings) =>
        string.Join(", ", settings.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value}")));

    private static void Only(ParseResult parse, CascadeModelKind kind, Option option, params CascadeModelKind[] models)
    {
        if (OptionParsing.Given(parse, option) && !models.Contains(kind))
        {
            throw new CliUsageException($"{OptionParsing.NameOf(parse, option)} does not apply to the {CascadeModels.CommandName(kind)} model (it applies to {string.Join(", ", models.Select(CascadeModels.CommandName))}).");
        }
    }

    /// <summary>Recovery rates from <c>--recovery</c> parts: <c>r</c> for every kind, or <c>KIND=r</c> per claim kind.</summary>
    internal static RecoveryRates Recovery(string option, IReadOnlyList<string> parts)
    {
        var rates = RecoveryRates.Zero;
        foreach (var part in parts)
        {
            if (!part.Contains('=', StringComparison.Ordinal))
            {
                rates = RecoveryRates.Uniform(OptionValues.Fraction(option, part));
                continue;
            }

            var (name, value) = OptionValues.Assignments(option, [part], null)[0];
            if (!LinkKindFacts.TryParse(name, out var kind))
            {
                throw new CliUsageException($"{option}: unknown link kind '{name}'; expected one of {LinkKindFacts.AllNames}.");
            }

            if (!kind.IsClaim())
            {
                throw new CliUsageException($"{option}: {kind} is a commercial kind and carries no credit loss.");
            }

            rates = rates.With(kind, value);
        }

        return rates;
    }

    private static double UniformRecovery(IReadOnlyList<string> parts)
    {
        if (parts.Count == 0)
        {
            return 0.0;
        }

        if (parts.Count > 1 || parts[0].Contains('=', StringComparison.Ordinal))
        {
            throw new CliUsageException("--recovery: gai-kapadia takes one recovery rate r for every claim, not KIND=r.");
        }

        return OptionValues.Fraction("--recovery", parts[0]);
    }
}
