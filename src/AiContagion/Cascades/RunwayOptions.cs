using System.Globalization;

namespace AiContagion.Cascades;

/// <summary>Options of the <see cref="RunwayCascade"/> (the dated cash-flow model).</summary>
/// <remarks>Immutable; validated when the model is created. Every option is echoed in <see cref="CascadeResult.Settings"/>.</remarks>
public sealed record RunwayOptions
{
    /// <summary>The largest horizon, in months (100 years).</summary>
    public const int MaximumMonths = 1200;

    /// <summary>The horizon H in months: months 1 to H are simulated. Default 24. From 1 to <see cref="MaximumMonths"/>.</summary>
    public int Months { get; init; } = 24;

    /// <summary>
    /// The month t0 at whose end the shock acts: a withdrawing source pays nothing (or less, by its fraction) from month
    /// t0 + 1; a failed entity (a failure shock) fails in month t0. Default 0 (from the start). From 0 to <see cref="Months"/>.
    /// </summary>
    public int WithdrawalMonth { get; init; }

    /// <summary>
    /// The floor: an entity fails in the first month whose closing cash is below it (in the network's unit). Default 0.
    /// Any finite number (a negative floor is an overdraft the entity can draw on).
    /// </summary>
    public double Floor { get; init; }

    /// <summary>
    /// The term, in years, of a <b>commercial</b> link with neither <c>termYears</c> nor <c>schedule</c>: its amount is
    /// paid evenly over 12 × this many months from its start. Default 1 (12 months). Positive. A claim (a round, a loan,
    /// a bond) with neither is paid once, in its start month, whatever this option.
    /// </summary>
    public double DefaultTermYears { get; init; } = 1.0;

    /// <summary>
    /// Whether links paid over a term (<c>termYears</c>, or <see cref="DefaultTermYears"/> for undated commercial links)
    /// recur: each pays <c>amount / (12 · termYears)</c> every month from its start to the horizon instead of stopping
    /// once its amount is paid. Schedules and claims paid once are not affected. Default <see langword="false"/>.
    /// </summary>
    public bool RecurringLinks { get; init; }

    /// <summary>The cash of an entity without a cash figure (funding sources without one: always unlimited). Default <see cref="UnknownCashRule.FromTolerance"/>.</summary>
    public UnknownCashRule UnknownCash { get; init; } = UnknownCashRule.FromTolerance;

    /// <summary>N for <see cref="UnknownCashRule.MonthsOfCosts"/>: the cash is N × the entity's first-month outflows. Default 3. Finite, at least 0.</summary>
    public double UnknownCashMonths { get; init; } = 3.0;

    /// <summary>τ in [0, 1] for <see cref="UnknownCashRule.FromTolerance"/> when the entity has no tolerance figure. Default 0.25 (as the funding-withdrawal cascade).</summary>
    public double DefaultTolerance { get; init; } = 0.25;

    /// <summary>
    /// The recovery rate per claim kind of the solvency channel: when a borrower fails, each holder of a claim on it loses
    /// <c>(1 − recovery) ×</c> the principal outstanding (debt) or the amount paid in so far (equity, SPV contributions).
    /// Default <see cref="RecoveryRates.Zero"/> (the whole claim is lost).
    /// </summary>
    public RecoveryRates Recovery { get; init; } = RecoveryRates.Zero;

    /// <summary>
    /// The stake-loss channel (issue 19): when an issuer fails in month k, each holder of an Equity link with a
    /// <c>share</c> loses, at the end of month k, the larger of the claim channel's loss on that link
    /// (<c>(1 − recovery) ×</c> the amount paid in) and the stake's value <c>share × valuation</c> of the issuer (its
    /// <c>valuation</c>; else its book equity, the <c>capital</c> figure; else no stake value: the claim loss alone). A
    /// book loss against the holder's capital: it does not move cash. Default <see langword="false"/> (the flagship
    /// turns it on; with it off the model is exactly the one without it).
    /// </summary>
    public bool StakeLosses { get; init; }

    /// <summary>
    /// The margin-call channel (issue 19): a debt link with a <c>collateral</c> and a <c>maxLtv</c> becomes due in full
    /// in the month its collateral's value falls so that <c>outstanding / value &gt; maxLtv</c>: at the end of that month
    /// the borrower (To) pays the principal outstanding to the lender (From) from its cash — and fails in that month if
    /// its cash falls below the floor — and the loan is closed (no more disbursements, interest or principal). The
    /// collateral's value: a stake (an entity id) is worth Σ share × the issuer's value over the borrower's Equity links
    /// into it, and nothing from the month the issuer fails; an asset is worth the borrower's holding × the asset's
    /// price (1 at asOf; it falls only through <see cref="CollateralSales"/>). A loan whose borrower holds no such stake
    /// or holding is not tested; only a fall triggers a call (a loan over its maxLtv at asOf is not called for that).
    /// Default <see langword="false"/>.
    /// </summary>
    public bool MarginCalls { get; init; }

    /// <summary>
    /// The collateral fire-sale channel (issue 20, the GPU-collateral channel): when a borrower with a debt link
    /// secured by an asset (<c>collateral</c> = an asset id) fails in month k, its lenders seize its holding of that
    /// asset and sell it in month k + 1; the price falls by the asset's linear impact,
    /// <c>p ← p · (1 − min(1, ℓ · q))</c> with <c>q</c> the value sold at the current price (the fire-sale models'
    /// linear impact), and at the end of month k + 1 every other holder loses its holding × the fall, against its
    /// capital (a book loss: no cash moves). With <see cref="MarginCalls"/>, the loans secured by that asset are then
    /// tested in month k + 1. Default <see langword="false"/>.
    /// </summary>
    public bool CollateralSales { get; init; }

    /// <summary>Whether any of the stake, margin-call and collateral-sale channels is on.</summary>
    public bool AnyChannel => StakeLosses || MarginCalls || CollateralSales;

    /// <summary>The unknown-cash rule as the command line writes it: <c>tolerance</c>, <c>zero</c>, <c>unlimited</c> or <c>months-of-costs:N</c>.</summary>
    /// <returns>The text, invariant culture.</returns>
    public string UnknownCashText() => UnknownCash switch
    {
        UnknownCashRule.FromTolerance => "tolerance",
        UnknownCashRule.Unlimited => "unlimited",
        UnknownCashRule.Zero => "zero",
        _ => string.Create(CultureInfo.InvariantCulture, $"months-of-costs:{UnknownCashMonths:R}"),
    };

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Months, 1, nameof(Months));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Months, MaximumMonths, nameof(Months));
        ArgumentOutOfRangeException.ThrowIfNegative(WithdrawalMonth, nameof(WithdrawalMonth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WithdrawalMonth, Months, nameof(WithdrawalMonth));
        if (!double.IsFinite(Floor))
        {
            throw new ArgumentOutOfRangeException(nameof(Floor), Floor, "The floor must be a finite amount.");
        }

        if (!double.IsFinite(DefaultTermYears) || DefaultTermYears <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTermYears), DefaultTermYears, "The default term must be a positive number of years.");
        }

        if (!Enum.IsDefined(UnknownCash))
        {
            throw new ArgumentOutOfRangeException(nameof(UnknownCash), UnknownCash, "Unknown rule.");
        }

        if (!double.IsFinite(UnknownCashMonths) || UnknownCashMonths < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(UnknownCashMonths), UnknownCashMonths, "The months of costs must be a finite number, at least 0.");
        }

        if (!double.IsFinite(DefaultTolerance) || DefaultTolerance < 0 || DefaultTolerance > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTolerance), DefaultTolerance, "The default tolerance must lie in [0, 1].");
        }

        ArgumentNullException.ThrowIfNull(Recovery, nameof(Recovery));
    }
}
