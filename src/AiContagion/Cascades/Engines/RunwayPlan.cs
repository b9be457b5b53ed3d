using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The per-network arrays of the <see cref="RunwayCascade"/> — every link's payment stream and debt service, starting
/// cash, floors, capital — and <see cref="Simulate"/>, the one month loop that defines the model. The difference
/// evaluator (<see cref="RunwayDifference"/>) is a fast path proven equal to it by property tests.
/// </summary>
/// <remarks>
/// <para><b>Months.</b> Month 0 is the state at the network's <c>asOf</c>; month k ≥ 1 is the k-th calendar month
/// counted from the asOf month (<see cref="LinkTerms"/> numbers them). Payments dated in months ≤ 0 are the past:
/// already in the cash figures, not simulated; they still count as principal outstanding (debt) or paid in (equity).</para>
/// <para><b>Streams.</b> Link l pays From → To: by its schedule; else <c>amount / T</c> a month for T = 12 × termYears
/// months from its start (a fractional last month pays the remainder); else, for a claim, the whole amount once in its
/// start month, and for a commercial link over 12 × <see cref="RunwayOptions.DefaultTermYears"/> months.</para>
/// <para>Immutable once built; <see cref="Simulate"/> may run on many threads at once.</para>
/// </remarks>
internal sealed class RunwayPlan
{
    /// <summary>A failure month meaning "did not fail".</summary>
    public const int NoFailure = -1;

    /// <summary>A month after every month (no maturity, a recurring stream's last payment).</summary>
    public const int Never = int.MaxValue;

    /// <summary>No payment at all.</summary>
    public const int NoPayment = int.MinValue;

    private const double SlackFactor = 1e-9;

    private readonly NetworkIndex _index;
    private readonly int[] _start;
    private readonly double[] _length;
    private readonly double[] _rate;
    private readonly bool[] _isSchedule;
    private readonly bool[] _recurs;
    private readonly int[] _bucketStart;
    private readonly int[] _bucketLink;
    private readonly double[] _bucketAmount;
    private double[] _monthlyRate = [];
    private int[] _maturity = [];
    private readonly double[] _revenue;
    private readonly double[] _costs;
    private readonly double[] _revenueGrowth;
    private readonly double[] _costsGrowth;

    public RunwayPlan(FinancingNetwork network, RunwayOptions options)
    {
        Network = network;
        _index = network.Index;
        Options = options;
        Months = options.Months;
        WithdrawalMonth = options.WithdrawalMonth;
        Floor = options.Floor;
        var n = _index.EntityCount;
        var m = _index.LinkCount;
        var h = Months;
        var asOf = CheckDated(network);
        var terms = _index.Terms;

        _start = new int[m];
        _length = new double[m];
        _rate = new double[m];
        _isSchedule = new bool[m];
        _recurs = new bool[m];
        First = new int[m];
        Last = new int[m];
        LastPayment = new int[m];
        Outstanding0 = new double[m];
        LossGivenDefault = new double[m];
        var lossGivenDefault = options.Recovery.LossGivenDefault();
        var serviced = new List<int>();
        var bucketCount = new int[h + 2];
        int undatedClaims = 0, undatedContracts = 0, withoutStart = 0;
        for (var l = 0; l < m; l++)
        {
            var link = network.Links[l];
            var kind = _index.Kind[l];
            var amount = _index.Amount[l];
            _start[l] = terms.Start[l] == LinkTerms.NoMonth ? 1 : terms.Start[l];
            if (link.Start is null && !CalendarMonth.TryParse(link.Date, out _))
            {
                withoutStart++;
            }

            if (!link.Schedule.IsEmpty)
            {
                _isSchedule[l] = true;
                var months = terms.PaymentMonths(l);
                var amounts = terms.PaymentAmounts(l);
                LastPayment[l] = NoPayment;
                for (var i = 0; i < months.Length; i++)
                {
                    if (amounts[i] > 0)
                    {
                        LastPayment[l] = months[i];
                    }

                    if (months[i] is >= 1 && months[i] <= h)
                    {
                        bucketCount[months[i] + 1]++;
                    }
                }

                First[l] = 1;
                Last[l] = 0;
            }
            else
            {
                if (link.TermYears is { } years)
                {
                    _length[l] = 12.0 * years;
                    _recurs[l] = options.RecurringLinks;
                }
                else if (kind.IsClaim())
                {
                    _length[l] = 1.0;
                    undatedClaims++;
                }
                else
                {
                    _length[l] = 12.0 * options.DefaultTermYears;
                    _recurs[l] = options.RecurringLinks;
                    undatedContracts++;
                }

                _rate[l] = amount / _length[l];
                LastPayment[l] = amount <= 0 ? NoPayment
                    : _recurs[l] ? Never
                    : (int)Math.Min(Never - 1.0, _start[l] + Math.Ceiling(_length[l]) - 1);
                First[l] = Math.Max(1, _start[l]);
                Last[l] = amount <= 0 ? 0 : (int)Math.Min(h, (long)LastPayment[l]);
            }

            if (kind.IsClaim())
            {
                LossGivenDefault[l] = lossGivenDefault[(int)kind];
                Outstanding0[l] = PaidThrough(l, 0);
            }

            if (kind.IsDebt() && (link.Rate is not null || link.Maturity is not null))
            {
                // Debt service: rate and maturity arrays only on networks with dated debt (read for serviced links only).
                if (_maturity.Length == 0)
                {
                    _monthlyRate = new double[m];
                    _maturity = new int[m];
                }

                serviced.Add(l);
                _maturity[l] = Never;
                _monthlyRate[l] = (link.Rate ?? 0.0) / 12.0;
                if (link.Maturity is not null && terms.Maturity is { } maturities && maturities[l] != LinkTerms.NoMonth)
                {
                    _maturity[l] = maturities[l];
                    if (_maturity[l] <= 0)
                    {
                        // Matured in the past: the principal disbursed by then was repaid; what was paid in since is outstanding.
                        Outstanding0[l] = PaidThrough(l, 0) - PaidThrough(l, _maturity[l]);
                    }
                }
            }
        }

        Serviced = [.. serviced];
        IsServiced = new bool[m];
        foreach (var l in Serviced)
        {
            IsServiced[l] = true;
        }

        (_bucketStart, _bucketLink, _bucketAmount) = Buckets(terms, bucketCount);

        _revenue = new double[n];
        _costs = new double[n];
        _revenueGrowth = new double[n];
        _costsGrowth = new double[n];
        var entityTerms = _index.EntityTerms;
        for (var v = 0; v < n; v++)
        {
            _revenue[v] = BalanceSheet.OrZero(_index.Revenue[v]) / 12.0;
            _costs[v] = BalanceSheet.OrZero(_index.Costs[v]) / 12.0;
            _revenueGrowth[v] = entityTerms.RevenueGrowth[v];
            _costsGrowth[v] = entityTerms.CostsGrowth[v];
        }

        InitialCash = new double[n];
        Unlimited = new bool[n];
        CashEstimated = new bool[n];
        Slack = new double[n];
        Capital = new double[n];
        LossSlack = new double[n];
        LossIndex = new int[n];
        var (firstYearIn, firstYearOut, firstMonthOut) = FirstFlows();
        var unknown = new List<string>();
        var lossCapable = 0;
        var lossEntities = new List<int>();
        for (var v = 0; v < n; v++)
        {
            double revenue12 = 0, costs12 = 0;
            for (var k = 1; k <= 12; k++)
            {
                revenue12 += Revenue(v, k);
                costs12 += Costs(v, k);
            }

            double cash;
            if (!double.IsNaN(_index.Cash[v]))
            {
                cash = _index.Cash[v];
            }
            else if (_index.IsFundingSource[v])
            {
                cash = double.PositiveInfinity;
            }
            else
            {
                unknown.Add(network.Entities[v].Id);
                var tolerance = double.IsNaN(_index.Tolerance[v]) ? options.DefaultTolerance : _index.Tolerance[v];
                var inflow = firstYearIn[v] + revenue12;
                cash = options.UnknownCash switch
                {
                    UnknownCashRule.FromTolerance when inflow <= 0 => double.PositiveInfinity,
                    UnknownCashRule.FromTolerance => tolerance * inflow,
                    UnknownCashRule.Zero => 0.0,
                    UnknownCashRule.MonthsOfCosts => options.UnknownCashMonths * (firstMonthOut[v] + Costs(v, 1)),
                    _ => double.PositiveInfinity,
                };
                CashEstimated[v] = double.IsFinite(cash);
            }

            Unlimited[v] = !double.IsFinite(cash);
            InitialCash[v] = Unlimited[v] ? 0.0 : cash;
            Slack[v] = Unlimited[v] ? 0.0 : SlackFactor * (Math.Abs(cash) + firstYearIn[v] + firstYearOut[v] + revenue12 + costs12);
            Capital[v] = double.IsNaN(_index.Capital[v]) ? double.PositiveInfinity : _index.Capital[v];
            LossIndex[v] = -1;
            if (double.IsFinite(Capital[v]))
            {
                var exposure = 0.0;
                foreach (var l in _index.LinksOutOf(v))
                {
                    exposure += _index.Kind[l].IsClaim() ? _index.Amount[l] + Outstanding0[l] : 0.0;
                }

                LossSlack[v] = SlackFactor * (Math.Abs(Capital[v]) + exposure);
                LossIndex[v] = lossCapable++;
                lossEntities.Add(v);
            }
        }

        LossCapableCount = lossCapable;
        LossEntities = [.. lossEntities];
        if (options.AnyChannel)
        {
            Channels = new RunwayChannels(this, options);
            WidenLossSlack(Channels);
        }

        Streams = new RunwayStreams(this, Channels is not null);

        Assumptions = RunwayAssumptions.Create(options, CalendarMonth.TryParse(asOf, out var month) ? month : null, undatedClaims, undatedContracts, withoutStart, [.. unknown]);
    }

    public FinancingNetwork Network { get; }

    public NetworkIndex Index => _index;

    public RunwayOptions Options { get; }

    public int Months { get; }

    public int WithdrawalMonth { get; }

    public double Floor { get; }

    /// <summary>First month in [1, H] a term stream may pay (schedules: see the month buckets).</summary>
    public int[] First { get; }

    /// <summary>Last month in [1, H] a term stream may pay (below <see cref="First"/>: none in the horizon).</summary>
    public int[] Last { get; }

    /// <summary>The last month with a positive payment, at any time (<see cref="Never"/>: recurring; <see cref="NoPayment"/>: none).</summary>
    public int[] LastPayment { get; }

    /// <summary>Claim links: principal outstanding (debt) or paid in (equity) at month 0, from the payments of months ≤ 0.</summary>
    public double[] Outstanding0 { get; }

    /// <summary>1 − recovery for claim links, 0 for commercial links.</summary>
    public double[] LossGivenDefault { get; }

    /// <summary>The debt links with debt service (a rate or a maturity), in link order.</summary>
    public int[] Serviced { get; }

    public bool[] IsServiced { get; }

    /// <summary>Cash at month 0; 0 for an entity with unlimited cash (its cash is then tracked relative to 0).</summary>
    public double[] InitialCash { get; }

    public bool[] Unlimited { get; }

    public bool[] CashEstimated { get; }

    /// <summary>Rounding slack of the cash test: 10⁻⁹ of the entity's cash and gross first-year flows.</summary>
    public double[] Slack { get; }

    /// <summary>Capital against losses; +∞ when unknown (immune).</summary>
    public double[] Capital { get; }

    public double[] LossSlack { get; }

    /// <summary>Position of each entity among those with a finite capital (−1: immune to losses).</summary>
    public int[] LossIndex { get; }

    public int LossCapableCount { get; }

    /// <summary>The entities with a finite capital, in index order (<see cref="LossIndex"/> inverted).</summary>
    public int[] LossEntities { get; }

    public RunwayAssumptions Assumptions { get; }

    /// <summary>The stake, margin-call and collateral-sale channels, when any is on; else <see langword="null"/> (the model without them, unchanged).</summary>
    public RunwayChannels? Channels { get; }

    /// <summary>The plain term streams, run as monthly levels (<see cref="RunwayStreams"/>); the other links are paid link by link.</summary>
    public RunwayStreams Streams { get; }

    /// <summary>The payment link l's stream owes in month k (any k; 0 outside its months), before any stop.</summary>
    public double Due(int l, int k)
    {
        if (_isSchedule[l])
        {
            var terms = _index.Terms;
            var months = terms.PaymentMonths(l);
            var at = months.BinarySearch(k);
            return at >= 0 ? terms.PaymentAmounts(l)[at] : 0.0;
        }

        return TermDue(l, k);
    }

    /// <summary>Writes <see cref="Due"/> of months 1..H into <paramref name="due"/> (length H + 1; index 0 is left 0).</summary>
    public void FillDue(int l, Span<double> due)
    {
        due.Clear();
        if (_isSchedule[l])
        {
            var terms = _index.Terms;
            var months = terms.PaymentMonths(l);
            var amounts = terms.PaymentAmounts(l);
            for (var i = 0; i < months.Length; i++)
            {
                if (months[i] >= 1 && months[i] <= Months)
                {
                    due[months[i]] = amounts[i];
                }
            }

            return;
        }

        for (var k = First[l]; k <= Last[l]; k++)
        {
            due[k] = TermDue(l, k);
        }
    }

    /// <summary>Whether the link is paid by an explicit schedule (its payments are in the month buckets).</summary>
    public bool IsSchedule(int l) => _isSchedule[l];

    /// <summary>The monthly interest rate (rate / 12) of a serviced link.</summary>
    public double MonthlyRate(int l) => _monthlyRate.Length == 0 ? 0.0 : _monthlyRate[l];

    /// <summary>The maturity month of a serviced link (<see cref="Never"/>: none).</summary>
    public int Maturity(int l) => _maturity.Length == 0 || !IsServiced[l] ? Never : _maturity[l];

    /// <summary>Outside revenue of entity v in month k ≥ 1: revenue / 12, grown by (1 + g)^((k − 1) / 12).</summary>
    public double Revenue(int v, int k) =>
        double.IsNaN(_revenueGrowth[v]) || _revenue[v] == 0 ? _revenue[v] : _revenue[v] * Math.Pow(1 + _revenueGrowth[v], (k - 1) / 12.0);

    /// <summary>Outside costs of entity v in month k ≥ 1: costs / 12, grown by (1 + g)^((k − 1) / 12).</summary>
    public double Costs(int v, int k) =>
        double.IsNaN(_costsGrowth[v]) || _costs[v] == 0 ? _costs[v] : _costs[v] * Math.Pow(1 + _costsGrowth[v], (k - 1) / 12.0);

    /// <summary>
    /// Runs the months: the model's definition. Month k: interest on the principal outstanding at the end of month
    /// k − 1 (borrowers alive), every stream's month-k payment (payers alive, withdrawing payers by 1 − φ after t0),
    /// principal at maturity, revenue and costs, the cash update; then the month's failures — shock (k = t0), cash below
    /// the floor, losses above capital, and the losses those failures cause, until no one else fails.
    /// </summary>
    public RunwayRun Simulate(RunwayShock shock, RunwayRecording record, CancellationToken cancellationToken)
    {
        var n = _index.EntityCount;
        var m = _index.LinkCount;
        var h = Months;
        var t0 = WithdrawalMonth;
        var from = _index.LinkFrom;
        var to = _index.LinkTo;
        var kind = _index.Kind;
        var run = new RunwayRun(n, Streams.LinkByLinkClaims ? m : 0, h, LossCapableCount, record);
        var cash = run.Cash;
        Array.Copy(InitialCash, cash, n);
        var fail = run.FailMonth;
        // Principal month by month, for the claims paid link by link (the streams' is a closed form).
        var outstanding = Streams.LinkByLinkClaims ? (double[])Outstanding0.Clone() : [];
        var loss = run.Loss;
        var phi = shock.Fraction;
        var inflow = new double[n];
        var outflow = new double[n];
        var debtService = new double[n];
        var lossChanged = new List<int>();
        var isLossChanged = new bool[n];
        var channels = Channels is null ? null : new ChannelState(Channels);
        var called = channels?.Called;
        var streams = new StreamRun(Streams, run, shock);
        var perLink = Streams.PerLinkTerms;
        run.Record(0);
        Settle(run, shock, 0, outstanding, lossChanged, isLossChanged, channels, streams);
        run.RecordLosses(0, this);
        for (var k = 1; k <= h; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stopped = streams.Advance(k);
            Array.Copy(streams.InLevel, inflow, n);
            Array.Copy(streams.OutLevel, outflow, n);
            Array.Clear(debtService);
            streams.ChargeLosses(loss, lossChanged, isLossChanged);

            // Interest on the principal outstanding at the end of month k − 1.
            foreach (var l in Serviced)
            {
                var v = to[l];
                if (fail[v] < 0 && k <= _maturity[l])
                {
                    var interest = _monthlyRate[l] * outstanding[l];
                    if (interest != 0)
                    {
                        outflow[v] += interest;
                        debtService[v] += interest;
                        inflow[from[l]] += interest;
                    }
                }
            }

            foreach (var l in perLink)
            {
                if (k >= First[l] && k <= Last[l])
                {
                    Pay(l, TermDue(l, k));
                }
            }

            for (var i = _bucketStart[k]; i < _bucketStart[k + 1]; i++)
            {
                Pay(_bucketLink[i], _bucketAmount[i]);
            }

            // Principal, in full, in the maturity month.
            foreach (var l in Serviced)
            {
                var v = to[l];
                if (k == _maturity[l] && fail[v] < 0 && outstanding[l] != 0)
                {
                    var principal = outstanding[l];
                    outstanding[l] = 0;
                    outflow[v] += principal;
                    debtService[v] += principal;
                    inflow[from[l]] += principal;
                }
            }

            run.FlowStopped[k] = stopped;
            for (var v = 0; v < n; v++)
            {
                if (fail[v] >= 0)
                {
                    cash[v] += inflow[v];
                    continue;
                }

                var revenue = Revenue(v, k);
                var costs = Costs(v, k);
                cash[v] += inflow[v] + revenue - outflow[v] - costs;
                run.Received[v] += inflow[v];
                run.RevenueReceived[v] += revenue;
                run.Paid[v] += outflow[v];
                run.DebtServicePaid[v] += debtService[v];
                run.CostsPaid[v] += costs;
            }

            run.Record(k);
            Settle(run, shock, k, outstanding, lossChanged, isLossChanged, channels, streams);
            if (channels is not null)
            {
                // Margin calls move cash at the end of the month: the month's closing cash includes them.
                run.Record(k);
            }

            run.RecordLosses(k, this);

            void Pay(int l, double due)
            {
                if (due == 0)
                {
                    return;
                }

                var u = from[l];
                var v = to[l];
                if (called is not null && called[l])
                {
                    // A loan called by a margin call is closed: its lender disburses no more.
                    stopped += due;
                    run.LostInflow[v] += due;
                    return;
                }

                var share = fail[u] >= 0 ? 0.0 : phi[u] > 0 && k > t0 ? 1.0 - phi[u] : 1.0;
                var paid = due * share;
                stopped += due - paid;
                run.LostInflow[v] += due - paid;
                inflow[v] += paid;
                outflow[u] += paid;
                if (kind[l].IsClaim() && paid != 0)
                {
                    outstanding[l] += paid;
                    if (fail[v] >= 0 && LossIndex[u] >= 0)
                    {
                        loss[u] += LossGivenDefault[l] * paid;
                        if (!isLossChanged[u])
                        {
                            isLossChanged[u] = true;
                            lossChanged.Add(u);
                        }
                    }
                }
            }
        }

        streams.Release();
        run.Finish(this, shock);
        return run;
    }

    /// <summary>
    /// How link l stands at the end of a run (docs/concepts.md#a-link-is-down, the runway's reading): down in the month its payer withdrew
    /// (cause Withdrawn, amount φ × amount) or failed (PayerFailed), when payments were still due after that month, or —
    /// a claim — in the month its recipient failed (RecipientFailed), when the funder still had principal outstanding or
    /// paid in, or payments still to make. The first in time wins (within a month: Withdrawn, PayerFailed,
    /// RecipientFailed); the amount down is the largest of the causes' amounts.
    /// </summary>
    /// <returns>The month (−1: up), the cause and the amount down.</returns>
    public (int Month, LinkDownCause Cause, double Amount) LinkDown(int l, int withdrawMonth, double fraction, int payerFailed, int recipientFailed, double outstandingAtRecipientFailure)
    {
        var month = NoFailure;
        var cause = LinkDownCause.None;
        var amount = 0.0;
        var linkAmount = _index.Amount[l];
        void Consider(int when, LinkDownCause why, double down)
        {
            if (month < 0 || when < month || (when == month && why < cause))
            {
                month = when;
                cause = why;
            }

            amount = Math.Max(amount, down);
        }

        if (withdrawMonth >= 0 && LastPayment[l] > withdrawMonth)
        {
            Consider(withdrawMonth, LinkDownCause.Withdrawn, fraction >= 1.0 ? linkAmount : fraction * linkAmount);
        }

        if (payerFailed >= 0 && LastPayment[l] > payerFailed)
        {
            Consider(payerFailed, LinkDownCause.PayerFailed, linkAmount);
        }

        if (recipientFailed >= 0 && _index.Kind[l].IsClaim() && (outstandingAtRecipientFailure > 0 || LastPayment[l] > recipientFailed))
        {
            Consider(recipientFailed, LinkDownCause.RecipientFailed, linkAmount);
        }

        return (month, cause, amount);
    }

    /// <summary>A term stream's payment in month k: r · |(k − start, k − start + 1] ∩ (0, T]|, or r every month from its start when it recurs.</summary>
    public double TermDue(int l, int k)
    {
        var j = k - _start[l];
        if (j < 0)
        {
            return 0.0;
        }

        if (_recurs[l])
        {
            return _rate[l];
        }

        var overlap = Math.Min(j + 1.0, _length[l]) - j;
        return overlap <= 0 ? 0.0 : _rate[l] * Math.Min(1.0, overlap);
    }

    /// <summary>
    /// The end of month k: with <see cref="RunwayOptions.CollateralSales"/>, last month's seized collateral is sold and
    /// its holders marked down; then the shock (k = t0), cash and loss failures, and the losses the failures cause (with
    /// <see cref="RunwayOptions.StakeLosses"/>, the stakes' values); with <see cref="RunwayOptions.MarginCalls"/>, the
    /// loans whose collateral fell this month and now breach their maxLtv are called and paid, and the borrowers the
    /// calls drain below the floor fail — until no one else fails. Last, the collateral of the month's failed borrowers
    /// is marked for sale next month.
    /// </summary>
    private void Settle(RunwayRun run, RunwayShock shock, int k, double[] outstanding, List<int> lossChanged, bool[] isLossChanged, ChannelState? channels, StreamRun streams)
    {
        var fail = run.FailMonth;
        var loss = run.Loss;
        var newly = new List<int>();
        void FailAt(int v, RunwayFailureCause cause)
        {
            fail[v] = k;
            run.FailCause[v] = cause;
            newly.Add(v);
        }

        channels?.Sell(this, run, lossChanged, isLossChanged);
        if (k == WithdrawalMonth)
        {
            foreach (var v in shock.Failed)
            {
                if (fail[v] < 0)
                {
                    FailAt(v, RunwayFailureCause.Shock);
                }
            }
        }

        for (var v = 0; v < fail.Length; v++)
        {
            if (fail[v] < 0 && !Unlimited[v] && run.Cash[v] < Floor - Slack[v])
            {
                FailAt(v, RunwayFailureCause.Cash);
            }
        }

        foreach (var u in lossChanged)
        {
            isLossChanged[u] = false;
            if (fail[u] < 0 && loss[u] > Capital[u] + LossSlack[u])
            {
                FailAt(u, RunwayFailureCause.Losses);
            }
        }

        lossChanged.Clear();
        var i = 0;
        while (true)
        {
            for (; i < newly.Count; i++)
            {
                var x = newly[i];
                streams.PayerFailed(x, k);
                streams.RecipientFailed(x, k);
                foreach (var l in _index.LinksInto(x))
                {
                    var u = _index.LinkFrom[l];
                    var stream = Streams.Shapes[l].IsStream;
                    if ((stream && LossIndex[u] < 0) || !_index.Kind[l].IsClaim())
                    {
                        // A stream's principal is a closed form, needed only for a lender that books losses.
                        continue;
                    }

                    if (!stream)
                    {
                        run.OutstandingAtRecipientFailure[l] = outstanding[l];
                    }

                    if (LossIndex[u] >= 0)
                    {
                        var principal = stream ? streams.Outstanding(l, k) : outstanding[l];
                        var charged = LossGivenDefault[l] * principal;
                        loss[u] += charged;
                        if (channels is not null)
                        {
                            loss[u] += channels.Plan.StakeExtra(l, charged);
                        }

                        if (fail[u] < 0 && loss[u] > Capital[u] + LossSlack[u])
                        {
                            FailAt(u, RunwayFailureCause.Losses);
                        }
                    }
                }
            }

            if (channels is null || !channels.CallMargins(this, run, k, outstanding, newly))
            {
                break;
            }

            // The borrowers the calls drained: below the floor, they fail this month.
            foreach (var b in channels.Drained)
            {
                if (fail[b] < 0 && !Unlimited[b] && run.Cash[b] < Floor - Slack[b])
                {
                    FailAt(b, RunwayFailureCause.Cash);
                }
            }
        }

        channels?.Seize(this, k, outstanding, newly);
        foreach (var v in newly)
        {
            run.LossAtFailure[v] = loss[v];
        }
    }

    // The loss test's rounding slack also scales with what the channels can charge: stake values and holdings.
    private void WidenLossSlack(RunwayChannels channels)
    {
        for (var l = 0; l < _index.LinkCount; l++)
        {
            var u = _index.LinkFrom[l];
            if (LossIndex[u] >= 0 && channels.StakeValue[l] > 0)
            {
                LossSlack[u] += SlackFactor * channels.StakeValue[l];
            }
        }

        foreach (var holders in channels.Holders)
        {
            foreach (var (holder, amount, _) in holders)
            {
                if (LossIndex[holder] >= 0)
                {
                    LossSlack[holder] += SlackFactor * amount;
                }
            }
        }
    }

    // Σ of the stream's payments in months ≤ k (the closed form of a term stream; a schedule's listed payments).
    private double PaidThrough(int l, int k)
    {
        if (_isSchedule[l])
        {
            var terms = _index.Terms;
            var months = terms.PaymentMonths(l);
            var amounts = terms.PaymentAmounts(l);
            var sum = 0.0;
            for (var i = 0; i < months.Length && months[i] <= k; i++)
            {
                sum += amounts[i];
            }

            return sum;
        }

        var elapsed = (double)k - _start[l] + 1;
        return elapsed <= 0 ? 0.0 : _rate[l] * (_recurs[l] ? elapsed : Math.Min(elapsed, _length[l]));
    }

    // Scheduled flows with everyone paying in full: inflow and outflow over months 1–12 and outflow in month 1 (links and debt service).
    private (double[] YearIn, double[] YearOut, double[] MonthOut) FirstFlows()
    {
        var n = _index.EntityCount;
        var yearIn = new double[n];
        var yearOut = new double[n];
        var monthOut = new double[n];
        var horizon = Math.Max(12, Months);
        var due = new double[horizon + 1];
        var path = new LinkPath(horizon + 1);
        for (var l = 0; l < _index.LinkCount; l++)
        {
            var u = _index.LinkFrom[l];
            var v = _index.LinkTo[l];
            double year = 0, first = 0;
            if (_isSchedule[l])
            {
                for (var k = 1; k <= 12; k++)
                {
                    var d = Due(l, k);
                    year += d;
                    first += k == 1 ? d : 0.0;
                }
            }
            else
            {
                // A term stream's first year in closed form (PaidThrough).
                year = PaidThrough(l, 12) - PaidThrough(l, 0);
                first = TermDue(l, 1);
            }

            yearIn[v] += year;
            yearOut[u] += year;
            monthOut[u] += first;
            if (IsServiced[l])
            {
                for (var k = 1; k <= horizon; k++)
                {
                    due[k] = Due(l, k);
                }

                path.Compute(this, l, due, 12, RunwayAssumption.Baseline(NoFailure), RunwayAssumption.Baseline(NoFailure));
                for (var k = 1; k <= 12; k++)
                {
                    yearIn[u] += path.DebtService[k];
                    yearOut[v] += path.DebtService[k];
                }

                monthOut[v] += path.DebtService[1];
            }
        }

        return (yearIn, yearOut, monthOut);
    }

    private (int[] Start, int[] Links, double[] Amounts) Buckets(LinkTerms terms, int[] count)
    {
        var h = Months;
        for (var k = 1; k < count.Length; k++)
        {
            count[k] += count[k - 1];
        }

        var links = new int[count[^1]];
        var amounts = new double[count[^1]];
        var next = (int[])count.Clone();
        for (var l = 0; l < _index.LinkCount; l++)
        {
            if (!_isSchedule[l])
            {
                continue;
            }

            var months = terms.PaymentMonths(l);
            var paid = terms.PaymentAmounts(l);
            for (var i = 0; i < months.Length; i++)
            {
                if (months[i] >= 1 && months[i] <= h)
                {
                    var at = next[months[i]]++;
                    links[at] = l;
                    amounts[at] = paid[i];
                }
            }
        }

        // Within a month, payments in link order (a deterministic summation order).
        return (count, links, amounts);
    }

    // A run numbers months from asOf: a dated link on a network without a readable asOf is an error (its month numbers would be guesses).
    private static string? CheckDated(FinancingNetwork network)
    {
        var asOf = network.Metadata.AsOf;
        if (CalendarMonth.TryParse(asOf, out _))
        {
            return asOf;
        }

        for (var l = 0; l < network.LinkCount; l++)
        {
            var link = network.Links[l];
            var field = link.Start is { } start ? $"start {start}"
                : !link.Schedule.IsEmpty ? $"schedule from {link.Schedule[0].Month}"
                : link.Maturity is { } maturity ? $"maturity {maturity}"
                : CalendarMonth.TryParse(link.Date, out var date) ? $"date {link.Date}"
                : null;
            if (field is not null)
            {
                var what = asOf is null ? "has no asOf" : $"has asOf '{asOf}', which is not a month";
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The runway numbers months from the network's asOf, but the network {what} while link {l} ({link.From} -> {link.To}) is dated ({field}). Give the network an asOf (YYYY-MM or YYYY-MM-DD)."));
            }
        }

        return asOf;
    }
}
