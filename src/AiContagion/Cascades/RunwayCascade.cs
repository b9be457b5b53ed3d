using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The runway: a dated cash-flow model whose rounds are months. Each entity's cash moves month by month with the
/// payments of its links (as dated: start, term, schedule), the debt service on its dated debts, its revenue and its
/// costs; an entity whose cash falls below the floor, or whose losses on failed borrowers exceed its capital, fails and
/// stops paying. Compared with the same months without the shock (the baseline), it answers "which withdrawal brings
/// down the most, and when" in money per month against each firm's cash.
/// </summary>
/// <remarks>
/// <para><b>Months.</b> Month 0 is the state at the network's <c>asOf</c> (the starting cash); month k ≥ 1 is the k-th
/// calendar month counted from the asOf month (asOf 2026-01-01: month 1 is January 2026, a payment dated 2026-07 falls
/// in month 7). Dated items of months ≤ 0 are the past: already in the cash figures, not simulated (a loan disbursed
/// in the past still costs interest from month 1 and repays its principal at a maturity within the horizon). A network
/// with dated links needs an <c>asOf</c> that reads as a month (the run throws <see cref="ArgumentException"/> naming
/// the first dated link); with nothing dated, month 1 is "now".</para>
/// <para><b>Payment streams and direction.</b> Money moves along links, From → To: a link pays by its
/// <c>schedule</c>; else evenly over 12 × <c>termYears</c> months from its start (a fractional last month pays the
/// remainder); else — the undated defaults, stated in <see cref="RunwayAssumptions.Notes"/> — a claim (Equity,
/// SpvContribution, Loan, Bond, CreditFacility, VendorFinancing) is paid once in its start month and a commercial link
/// over 12 months (<see cref="RunwayOptions.DefaultTermYears"/>). The start month is <c>start</c>, else the link's
/// <c>date</c> when it reads as a month, else the asOf month. <b>Debt service</b> runs against the link, To → From (the
/// borrower pays the lender), on debt links with a <c>rate</c> or a <c>maturity</c>: interest
/// <c>outstanding × rate / 12</c> in each month from the month after disbursement through the maturity month
/// (outstanding = principal paid in by the end of the previous month, net of principal repaid; without a maturity,
/// every month of the horizon), and the principal in full in the maturity month. Revenue and costs are yearly figures
/// paid evenly, grown by <c>(1 + g)^(1/12)</c> a month when <c>revenueGrowth</c> / <c>costsGrowth</c> are given
/// (month 1 uses the base figure).</para>
/// <para><b>Cash.</b> <c>c_v(k) = c_v(k − 1) + received_v(k) + revenue_v(k) − paid_v(k) − costs_v(k)</c> from the
/// <c>cash</c> figure at month 0. A funding source without a cash figure has unlimited cash; any other entity without
/// one takes <see cref="RunwayOptions.UnknownCash"/> (<see cref="UnknownCashRule"/>), and the result lists the entities
/// that rely on it (<see cref="RunwayAssumptions.UnknownCash"/>).</para>
/// <para><b>Failure.</b> An entity fails in month k when its cash at the end of month k is below the floor
/// (<see cref="RunwayOptions.Floor"/>, default 0, with a rounding slack of 10⁻⁹ of its gross flows), or when its
/// cumulative losses exceed its <c>capital</c> (no capital figure: immune). It has made its month-k payments; from
/// month k + 1 it pays nothing — no link payments, no debt service, no costs (and receives no revenue). Payments into a
/// failed entity go on (its payers are not released). All failures of a month happen together: those of the cash test,
/// then those the month's losses cause, until no one else fails.</para>
/// <para><b>Solvency channel.</b> When a borrower fails in month k, each holder of a claim on it loses
/// <c>(1 − recovery[kind]) ×</c> the principal outstanding (debt) or the amount paid in so far (Equity,
/// SpvContribution), at <see cref="RunwayOptions.Recovery"/> (0 by default); later payments into the failed borrower
/// are lost at the same rate when paid. Losses are book losses: they do not move cash. The borrower's missing debt
/// service does: it is a missing inflow to the lender.</para>
/// <para><b>Optional channels</b> (off by default; off, the model is exactly the one without them):
/// <see cref="RunwayOptions.StakeLosses"/> (a failed issuer's holders lose max(claim loss, share × value) at the end of
/// its failure month — a book loss, no cash), <see cref="RunwayOptions.MarginCalls"/> (a collateralised loan is paid in
/// full from the borrower's cash at the end of the month its collateral falls below outstanding / maxLtv; the borrower
/// fails that month if it drops below the floor) and <see cref="RunwayOptions.CollateralSales"/> (a failed borrower's
/// asset collateral is sold in the next month: the price falls by the asset's impact, every other holder marks its
/// holding down against capital, and the loans secured by the asset may be called that month). The end of month k runs:
/// last month's sales, then the failures of the month with their losses and the margin calls they trigger until no
/// one else fails, then the seizure of the failed borrowers' collateral. With a channel on, the ranking's fast path is
/// off (the month loop compares each candidate with the baseline).</para>
/// <para><b>Shock.</b> Withdrawals and failures, at month t0 (<see cref="RunwayOptions.WithdrawalMonth"/>): a
/// withdrawing source stops the fraction φ of every outgoing stream from month t0 + 1 (it keeps servicing its own
/// debts); a failed entity fails in month t0.</para>
/// <para><b>Links down</b> (docs/concepts.md#a-link-is-down; round = month): in the month its payer withdrew or failed, when payments were
/// still due after that month (a fully paid link is not brought down by its payer's later failure), and — a claim — in
/// the month its recipient failed, when the funder still had principal outstanding or paid in, or payments to make.
/// Direct links are those the shock itself brought down. <see cref="CascadeResult.Runway"/> holds the cash paths, the
/// baseline (who fails anyway, when and why), the flow stopped per month and the assumptions.</para>
/// <para><b>Ranking.</b> <c>AiContagion.Ranking.WithdrawalRanking</c> ranks runway candidates against the baseline by
/// default: the links down within the horizon because of the withdrawal. It evaluates each candidate as a sparse
/// difference from the baseline run (event by event: only entities that stop paying earlier than in the baseline change
/// anything), a fast path proven equal to the month loop by property tests, and falls back to the month loop for the
/// rare candidate whose withdrawal spares someone (an undisbursed loan needs no repaying).</para>
/// <para><b>Complexity.</b> A run: O(H · m) for H months (each link's payment checked each month) plus the
/// failures' links; memory O(n · H) for the cash paths. A ranking candidate: what its withdrawal changes.
/// Thread-safe.</para>
/// <para>The monthly cash-flow runway follows the liquidity-horizon reasoning of bank liquidity stress tests (Basel
/// Committee on Banking Supervision (2013), "Basel III: The Liquidity Coverage Ratio and liquidity risk monitoring
/// tools", Bank for International Settlements, https://www.bis.org/publ/bcbs238.htm: a survival period against
/// contractual outflows); the funding-withdrawal channel is
/// that of Gai, Haldane &amp; Kapadia (2011), doi:10.1016/j.jmoneco.2011.05.005, and the solvency channel that of
/// Furfine (2003), doi:10.1353/mcb.2003.0004.</para>
/// </remarks>
public sealed class RunwayCascade : CascadeModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults (24 months, shock at month 0, floor 0, the tolerance rule for unknown cash, recovery 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RunwayCascade(RunwayOptions? options = null)
    {
        Options = options ?? new RunwayOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public RunwayOptions Options { get; }

    /// <inheritdoc/>
    public override CascadeModelKind Kind => CascadeModelKind.Runway;

    /// <inheritdoc/>
    public override ShockChannels Accepts => ShockChannels.Withdrawal | ShockChannels.Failure;

    /// <summary>The defaults a run on <paramref name="network"/> relies on (undated links, entities without a cash figure), without running it.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The assumptions, as every result states them.</returns>
    /// <exception cref="ArgumentException">The network has dated links but no <c>asOf</c> that reads as a month.</exception>
    public RunwayAssumptions Assumptions(FinancingNetwork network) => ((RunwayEngine)Prepare(network)).Plan.Assumptions;

    private protected override PreparedCascade PrepareCore(FinancingNetwork network) =>
        new RunwayEngine(this, network, ModelSettings.Of(
        [
            ("months", Options.Months),
            ("withdrawalMonth", Options.WithdrawalMonth),
            ("floor", Options.Floor),
            ("unknownCash", Options.UnknownCashText()),
            ("defaultTolerance", Options.DefaultTolerance),
            ("defaultTermYears", Options.DefaultTermYears),
            ("recurringLinks", Options.RecurringLinks),
            ("recovery", Options.Recovery.ToString()),
            .. Channels(Options),
        ]), Options);

    // The channels are echoed only when on, so that a run without them reads exactly as before they existed.
    private static (string, object)[] Channels(RunwayOptions options) =>
    [
        .. options.StakeLosses ? [("stakeLosses", (object)true)] : Array.Empty<(string, object)>(),
        .. options.MarginCalls ? [("marginCalls", (object)true)] : Array.Empty<(string, object)>(),
        .. options.CollateralSales ? [("collateralSales", (object)true)] : Array.Empty<(string, object)>(),
    ];
}
