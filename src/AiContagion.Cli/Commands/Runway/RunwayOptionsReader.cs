using System.CommandLine;
using AiContagion.Cli.Infrastructure;
using AiContagion.Stress;

namespace AiContagion.Cli.Commands.Runway;

/// <summary>The runway's settings: <c>--at</c>, <c>--months</c>, <c>--default-term</c>, <c>--recurring</c>, <c>--unknown-cash</c>, <c>--default-tolerance</c>, <c>--cash-paths</c>.</summary>
internal sealed class RunwayOptionsReader
{
    private const int MaximumMonths = 1200;

    private readonly Option<int> _at = new("--at")
    {
        Description = "The month t0 at whose end they withdraw: no payment from month t0 + 1 (default 0).",
        HelpName = "MONTH",
        DefaultValueFactory = _ => 0,
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (int)OptionValues.Integer(option, text, 0, MaximumMonths)),
    };

    private readonly Option<int> _months = new("--months")
    {
        Description = "The horizon H in months (default 24, at most 1200).",
        HelpName = "H",
        DefaultValueFactory = _ => 24,
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (int)OptionValues.Integer(option, text, 1, MaximumMonths)),
    };

    private readonly Option<double?> _term = new("--default-term")
    {
        Description = "Years over which a link without termYears is paid (default 1).",
        HelpName = "YEARS",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            var value = OptionValues.Number(option, text);
            return value > 0 ? (double?)value : throw new CliUsageException($"{option}: '{text}' must be a positive number of years.");
        }),
    };

    private readonly Option<bool> _recurring = new("--recurring") { Description = "Links pay amount / (12 · termYears) every month of the horizon instead of stopping once paid." };

    private readonly Option<UnknownCashRule?> _unknownCash = new("--unknown-cash")
    {
        Description = "Cash of an entity without a cash figure (funding sources: unlimited): 'tolerance' (default: τ × first-year inflow), 'unlimited', 'zero'.",
        HelpName = "tolerance|unlimited|zero",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (UnknownCashRule?)(text.Trim().ToLowerInvariant() switch
        {
            "tolerance" => UnknownCashRule.FromTolerance,
            "unlimited" => UnknownCashRule.Unlimited,
            "zero" => UnknownCashRule.Zero,
            _ => throw new CliUsageException($"{option}: '{text}' should be 'tolerance', 'unlimited' or 'zero'."),
        })),
    };

    private readonly FractionOption _tolerance = new("--default-tolerance", "τ in [0, 1] for --unknown-cash tolerance when the entity has no tolerance figure (default 0.25).");

    private readonly Option<bool> _cashPaths = new("--cash-paths") { Description = "JSON: include each entity's cash month by month." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _at, _months, _term, _recurring, _unknownCash, _tolerance, _cashPaths })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether the JSON carries each entity's cash path.</summary>
    public bool CashPaths(ParseResult parse) => parse.GetValue(_cashPaths);

    /// <summary>The simulation's options, checked together.</summary>
    public RunwayOptions Read(ParseResult parse)
    {
        var horizon = parse.GetValue(_months);
        var t0 = parse.GetValue(_at);
        if (t0 > horizon)
        {
            throw new CliUsageException($"--at: {t0} must lie in [0, --months = {horizon}].");
        }

        var rule = parse.GetValue(_unknownCash) ?? UnknownCashRule.FromTolerance;
        if (parse.GetValue(_tolerance) is not null && rule != UnknownCashRule.FromTolerance)
        {
            throw new CliUsageException("--default-tolerance applies only with --unknown-cash tolerance.");
        }

        return new RunwayOptions
        {
            Months = horizon,
            WithdrawalMonth = t0,
            DefaultTermYears = parse.GetValue(_term) ?? 1.0,
            RecurringLinks = parse.GetValue(_recurring),
            UnknownCash = rule,
            DefaultTolerance = _tolerance.Value(parse, 0.25),
        };
    }
}
