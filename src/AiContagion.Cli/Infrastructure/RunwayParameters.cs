using System.CommandLine;
using System.Globalization;
using AiContagion.Cascades;

namespace AiContagion.Cli.Infrastructure;

/// <summary>
/// The runway model's parameters — <c>--months</c>, <c>--at</c>, <c>--floor</c>, <c>--unknown-cash</c>,
/// <c>--default-term</c>, <c>--recurring</c>, and the channels <c>--stake-losses</c> (also credit and chain),
/// <c>--margin-calls</c>, <c>--collateral-sales</c> — shared by the <c>runway</c> command and by <see cref="ModelOptions"/>
/// (<c>cascade</c>, <c>rank</c>, <c>stress</c>, <c>export</c> with <c>--model runway</c>). Values are checked while parsing.
/// </summary>
internal sealed class RunwayParameters
{
    private readonly Option<int?> _months = new("--months")
    {
        Description = "runway: the horizon H in months (default 24, at most 1200).",
        HelpName = "H",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (int?)OptionValues.Integer(option, text, 1, RunwayOptions.MaximumMonths)),
    };

    private readonly Option<int?> _at = new("--at")
    {
        Description = "runway: the month t0 at whose end the shock acts (withdrawals pay nothing from month t0 + 1; --fail fails in month t0). Default 0.",
        HelpName = "MONTH",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (int?)OptionValues.Integer(option, text, 0, RunwayOptions.MaximumMonths)),
    };

    private readonly Option<double?> _floor = new("--floor")
    {
        Description = "runway: a firm fails in the first month its closing cash is below this amount (default 0).",
        HelpName = "AMOUNT",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => (double?)OptionValues.Number(option, text)),
    };

    private readonly Option<(UnknownCashRule Rule, double Months)?> _unknownCash = new("--unknown-cash")
    {
        Description = "runway: cash of a firm without a cash figure (funding sources: unlimited): 'tolerance' (default: τ × first-year inflow), 'zero', 'unlimited', "
            + "or 'months-of-costs:N' (N × its first-month outflows). Every output lists the firms that rely on it.",
        HelpName = "tolerance|zero|unlimited|months-of-costs:N",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) => ((UnknownCashRule, double)?)ParseUnknownCash(option, text)),
    };

    private readonly Option<double?> _term = new("--default-term")
    {
        Description = "runway: years over which a commercial link without termYears or schedule is paid (default 1); such a claim is paid once in its start month.",
        HelpName = "YEARS",
        CustomParser = result => OptionParsing.ParseOne(result, (option, text) =>
        {
            var value = OptionValues.Number(option, text);
            return value > 0 ? (double?)value : throw new CliUsageException($"{option}: '{text}' must be a positive number of years.");
        }),
    };

    private readonly Option<bool> _recurring = new("--recurring") { Description = "runway: links paid over a term pay amount / (12 · termYears) every month of the horizon instead of stopping once paid." };

    private readonly Option<bool> _stakeLosses = new("--stake-losses")
    {
        Description = "runway, chain, credit: when an issuer fails, each holder of an Equity link with a share loses max(claim loss, share × the issuer's valuation, else its capital) against its capital (not cash).",
    };

    private readonly Option<bool> _marginCalls = new("--margin-calls")
    {
        Description = "runway: a debt link with collateral and maxLtv is due in full in the month its collateral's value falls so that outstanding / value > maxLtv (paid from the borrower's cash that month).",
    };

    private readonly Option<bool> _collateralSales = new("--collateral-sales")
    {
        Description = "runway: a failed borrower's asset collateral is seized and sold the next month; the price falls by the asset's impact and every holder marks its holding down against capital.",
    };

    /// <summary>The options, in help order.</summary>
    public IReadOnlyList<Option> All => [_months, _at, _floor, _unknownCash, _term, _recurring, _stakeLosses, _marginCalls, _collateralSales];

    /// <summary><c>--stake-losses</c>: read by the runway and by the credit-loss and chain models.</summary>
    public Option<bool> StakeLosses => _stakeLosses;

    /// <summary>Whether <c>--unknown-cash</c> names a rule other than tolerance (then <c>--default-tolerance</c> has nothing to set).</summary>
    public bool UnknownCashIsNotTolerance(ParseResult parse) => parse.GetValue(_unknownCash) is { } given && given.Rule != UnknownCashRule.FromTolerance;

    /// <summary>The runway options the parameters give, on top of <paramref name="start"/>; <c>--at</c> is checked against the horizon.</summary>
    public RunwayOptions Read(ParseResult parse, RunwayOptions start)
    {
        var horizon = parse.GetValue(_months) ?? start.Months;
        var t0 = parse.GetValue(_at) ?? start.WithdrawalMonth;
        if (t0 > horizon)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--at: {t0} must lie in [0, --months = {horizon}]."));
        }

        var unknown = parse.GetValue(_unknownCash);
        return start with
        {
            Months = horizon,
            WithdrawalMonth = t0,
            Floor = parse.GetValue(_floor) ?? start.Floor,
            UnknownCash = unknown?.Rule ?? start.UnknownCash,
            UnknownCashMonths = unknown is { Rule: UnknownCashRule.MonthsOfCosts } given ? given.Months : start.UnknownCashMonths,
            DefaultTermYears = parse.GetValue(_term) ?? start.DefaultTermYears,
            RecurringLinks = parse.GetValue(_recurring) || start.RecurringLinks,
            StakeLosses = parse.GetValue(_stakeLosses) || start.StakeLosses,
            MarginCalls = parse.GetValue(_marginCalls) || start.MarginCalls,
            CollateralSales = parse.GetValue(_collateralSales) || start.CollateralSales,
        };
    }

    private static (UnknownCashRule, double) ParseUnknownCash(string option, string text)
    {
        var key = text.Trim().ToLowerInvariant();
        const string months = "months-of-costs:";
        if (key.StartsWith(months, StringComparison.Ordinal))
        {
            if (!double.TryParse(key[months.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) || n < 0)
            {
                throw new CliUsageException($"{option}: '{text}': N in months-of-costs:N must be a number of months, at least 0.");
            }

            return (UnknownCashRule.MonthsOfCosts, n);
        }

        return key switch
        {
            "tolerance" => (UnknownCashRule.FromTolerance, 0),
            "unlimited" => (UnknownCashRule.Unlimited, 0),
            "zero" => (UnknownCashRule.Zero, 0),
            _ => throw new CliUsageException($"{option}: '{text}' should be 'tolerance', 'zero', 'unlimited' or 'months-of-costs:N'."),
        };
    }
}
