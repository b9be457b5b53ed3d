using System.CommandLine;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;

namespace AiContagion.Cli.Commands.Cascades;

/// <summary>The <c>--model</c> option and the model parameters shared by <c>cascade</c> and <c>rank</c>.</summary>
internal sealed class ModelOptions
{
    private readonly Option<string> _model = new("--model", "-m")
    {
        Description = "The model: " + CascadeModels.AllNames + ". Default funding.",
        DefaultValueFactory = _ => "funding",
    };

    private readonly Option<string?> _alpha = new("--alpha") { Description = "rogers-veraart: share α in [0, 1] of external assets a defaulter realises (default 1)." };

    private readonly Option<string?> _beta = new("--beta") { Description = "rogers-veraart: share β in [0, 1] of network receivables a defaulter realises (default 1)." };

    private readonly Option<string?> _seniority = new("--seniority") { Description = "eisenberg-noe, rogers-veraart: external liabilities 'senior' or 'pari-passu' (default pari-passu)." };

    private readonly Option<string[]> _recovery = new("--recovery")
    {
        Description = "credit, chain: recovery rate per claim kind, KIND=r (repeatable or comma-separated), or r for every kind (default 0); gai-kapadia: one rate r.",
    };

    private readonly Option<string?> _defaultTolerance = new("--default-tolerance") { Description = "funding, chain: τ in [0, 1] of entities with neither a tolerance nor a cash figure (default 0.25)." };

    private readonly Option<string?> _failureRule = new("--failure-rule") { Description = "credit, chain, gai-kapadia: 'strict' (loss > capital, default) or 'non-strict' (loss ≥ capital)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_model);
        command.Options.Add(_alpha);
        command.Options.Add(_beta);
        command.Options.Add(_seniority);
        command.Options.Add(_recovery);
        command.Options.Add(_defaultTolerance);
        command.Options.Add(_failureRule);
    }

    /// <summary>The chosen model with its parameters; a parameter the model does not use is an error, not ignored.</summary>
    public ICascadeModel Build(ParseResult parse)
    {
        var (kind, settings) = Settings(parse);
        return CascadeModels.Create(kind, settings);
    }

    /// <summary>Whether a model parameter option (<c>--default-tolerance</c>, <c>--recovery</c>, ...) was given.</summary>
    public bool Gives(ParseResult parse, string option) => option switch
    {
        "--alpha" => parse.GetValue(_alpha) is not null,
        "--beta" => parse.GetValue(_beta) is not null,
        "--seniority" => parse.GetValue(_seniority) is not null,
        "--recovery" => OptionValues.Parts(parse.GetValue(_recovery)).Count > 0,
        "--default-tolerance" => parse.GetValue(_defaultTolerance) is not null,
        "--failure-rule" => parse.GetValue(_failureRule) is not null,
        _ => false,
    };

    /// <summary>The chosen model kind and its settings, checked as <see cref="Build"/> checks them.</summary>
    public (CascadeModelKind Kind, CascadeModelSettings Settings) Settings(ParseResult parse)
    {
        var text = parse.GetValue(_model)!;
        if (!CascadeModels.TryParse(text, out var kind))
        {
            throw new CliUsageException($"--model: unknown model '{text}'; expected one of {CascadeModels.AllNames}.");
        }

        var settings = new CascadeModelSettings();
        var alpha = parse.GetValue(_alpha);
        var beta = parse.GetValue(_beta);
        var seniority = parse.GetValue(_seniority);
        var recovery = OptionValues.Parts(parse.GetValue(_recovery));
        var tolerance = parse.GetValue(_defaultTolerance);
        var rule = parse.GetValue(_failureRule);

        Only(kind, "--alpha", alpha, CascadeModelKind.RogersVeraart);
        Only(kind, "--beta", beta, CascadeModelKind.RogersVeraart);
        Only(kind, "--seniority", seniority, CascadeModelKind.EisenbergNoe, CascadeModelKind.RogersVeraart);
        Only(kind, "--recovery", recovery.Count > 0 ? "given" : null, CascadeModelKind.Credit, CascadeModelKind.Chain, CascadeModelKind.GaiKapadia);
        Only(kind, "--default-tolerance", tolerance, CascadeModelKind.Funding, CascadeModelKind.Chain);
        Only(kind, "--failure-rule", rule, CascadeModelKind.Credit, CascadeModelKind.Chain, CascadeModelKind.GaiKapadia);

        var seniorityValue = seniority is null ? ExternalLiabilitySeniority.PariPassu : Seniority(seniority);
        var ruleValue = rule is null ? FailureRule.LossExceedsCapital : Rule(rule);
        settings = settings with
        {
            Liquidity = new LiquidityOptions { DefaultTolerance = tolerance is null ? 0.25 : OptionValues.Fraction("--default-tolerance", tolerance) },
            Solvency = new SolvencyOptions { Recovery = Recovery(recovery), Rule = ruleValue },
            Clearing = new ClearingOptions { Seniority = seniorityValue },
            RogersVeraart = new RogersVeraartOptions
            {
                Alpha = alpha is null ? 1.0 : OptionValues.Fraction("--alpha", alpha),
                Beta = beta is null ? 1.0 : OptionValues.Fraction("--beta", beta),
                Seniority = seniorityValue,
            },
            GaiKapadia = new GaiKapadiaOptions { Rule = ruleValue, Recovery = kind == CascadeModelKind.GaiKapadia ? UniformRecovery(recovery) : 0.0 },
        };
        _ = CascadeModels.Create(kind, settings);
        return (kind, settings);
    }

    private static void Only(CascadeModelKind kind, string option, string? value, params CascadeModelKind[] models)
    {
        if (value is not null && !models.Contains(kind))
        {
            throw new CliUsageException($"{option} does not apply to the {CascadeModels.CommandName(kind)} model (it applies to {string.Join(", ", models.Select(CascadeModels.CommandName))}).");
        }
    }

    private static ExternalLiabilitySeniority Seniority(string text) => text.Trim().ToLowerInvariant() switch
    {
        "senior" => ExternalLiabilitySeniority.Senior,
        "pari-passu" or "paripassu" or "pari_passu" => ExternalLiabilitySeniority.PariPassu,
        _ => throw new CliUsageException($"--seniority: '{text}' should be 'senior' or 'pari-passu'."),
    };

    private static FailureRule Rule(string text) => text.Trim().ToLowerInvariant() switch
    {
        "strict" => FailureRule.LossExceedsCapital,
        "non-strict" or "nonstrict" => FailureRule.LossReachesCapital,
        _ => throw new CliUsageException($"--failure-rule: '{text}' should be 'strict' or 'non-strict'."),
    };

    private static RecoveryRates Recovery(IReadOnlyList<string> parts)
    {
        var rates = RecoveryRates.Zero;
        foreach (var part in parts)
        {
            if (!part.Contains('=', StringComparison.Ordinal))
            {
                rates = RecoveryRates.Uniform(OptionValues.Fraction("--recovery", part));
                continue;
            }

            var (name, value) = OptionValues.Assignments("--recovery", [part], null)[0];
            if (!LinkKindFacts.TryParse(name, out var kind))
            {
                throw new CliUsageException($"--recovery: unknown link kind '{name}'; expected one of {LinkKindFacts.AllNames}.");
            }

            if (!kind.IsClaim())
            {
                throw new CliUsageException($"--recovery: {kind} is a commercial kind and carries no credit loss.");
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

    /// <summary>Settings as one line, e.g. <c>seniority=Senior</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> settings) =>
        string.Join(", ", settings.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value}")));
}
