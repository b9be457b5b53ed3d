using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Stress;

/// <summary>The per-network arrays of a <see cref="RunwaySimulation"/> (schedules, starting cash, slack) and the monthly loop.</summary>
internal sealed class RunwayPlan
{
    private const double Slack = 1e-9;

    private readonly NetworkIndex _index;
    private readonly double[] _rate;
    private readonly double[] _termMonths;
    private readonly bool _recurring;
    private readonly double[] _monthlyRevenue;
    private readonly double[] _monthlyCosts;
    private readonly double[] _slack;

    public RunwayPlan(FinancingNetwork network, RunwayOptions options)
    {
        _index = network.Index;
        Months = options.Months;
        WithdrawalMonth = options.WithdrawalMonth;
        _recurring = options.RecurringLinks;
        var n = _index.EntityCount;
        var m = _index.LinkCount;
        _rate = new double[m];
        _termMonths = new double[m];
        var firstYearIn = new double[n];
        var firstYearOut = new double[n];
        for (var l = 0; l < m; l++)
        {
            _termMonths[l] = 12.0 * (network.Links[l].TermYears ?? options.DefaultTermYears);
            _rate[l] = _index.Amount[l] / _termMonths[l];
            var firstYear = _rate[l] * (_recurring ? 12.0 : Math.Min(12.0, _termMonths[l]));
            firstYearIn[_index.LinkTo[l]] += firstYear;
            firstYearOut[_index.LinkFrom[l]] += firstYear;
        }

        _monthlyRevenue = new double[n];
        _monthlyCosts = new double[n];
        InitialCash = new double[n];
        CashEstimated = new bool[n];
        _slack = new double[n];
        for (var v = 0; v < n; v++)
        {
            var revenue = BalanceSheet.OrZero(_index.Revenue[v]);
            var costs = BalanceSheet.OrZero(_index.Costs[v]);
            _monthlyRevenue[v] = revenue / 12.0;
            _monthlyCosts[v] = costs / 12.0;
            if (!double.IsNaN(_index.Cash[v]))
            {
                InitialCash[v] = _index.Cash[v];
            }
            else if (_index.IsFundingSource[v])
            {
                InitialCash[v] = double.PositiveInfinity;
            }
            else
            {
                var tolerance = double.IsNaN(_index.Tolerance[v]) ? options.DefaultTolerance : _index.Tolerance[v];
                InitialCash[v] = options.UnknownCash switch
                {
                    UnknownCashRule.FromTolerance when firstYearIn[v] + revenue <= 0 => double.PositiveInfinity,
                    UnknownCashRule.FromTolerance => tolerance * (firstYearIn[v] + revenue),
                    UnknownCashRule.Zero => 0.0,
                    _ => double.PositiveInfinity,
                };
                CashEstimated[v] = double.IsFinite(InitialCash[v]);
            }

            _slack[v] = double.IsFinite(InitialCash[v])
                ? Slack * (Math.Abs(InitialCash[v]) + firstYearIn[v] + firstYearOut[v] + revenue + costs)
                : 0.0;
        }
    }

    public int Months { get; }

    public int WithdrawalMonth { get; }

    /// <summary>Cash at month 0; +∞ when unlimited.</summary>
    public double[] InitialCash { get; }

    public bool[] CashEstimated { get; }

    /// <summary>Runs the months with the given withdrawal fractions (0 = not withdrawing).</summary>
    public RunwayRun Simulate(double[] withdrawn, CancellationToken cancellationToken)
    {
        var n = _index.EntityCount;
        var m = _index.LinkCount;
        var t0 = WithdrawalMonth;
        var run = new RunwayRun(n, m, Months);
        var cash = (double[])InitialCash.Clone();
        var inflow = new double[n];
        var outflow = new double[n];
        var newlyFailed = new List<int>();
        for (var v = 0; v < n; v++)
        {
            run.CashPaths[v] = double.IsFinite(cash[v]) ? [cash[v]] : [];
        }

        // Month 0: withdrawals at t0 = 0, and entities that start below zero.
        for (var v = 0; v < n; v++)
        {
            if (cash[v] < -_slack[v])
            {
                newlyFailed.Add(v);
            }
        }

        Settle(run, withdrawn, newlyFailed, 0);
        for (var k = 1; k <= Months; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(inflow);
            Array.Clear(outflow);
            var stopped = 0.0;
            for (var l = 0; l < m; l++)
            {
                var due = Scheduled(l, k);
                if (due <= 0)
                {
                    continue;
                }

                var payer = _index.LinkFrom[l];
                var failed = run.FailedMonth[payer];
                var share = failed >= 0 && failed < k ? 0.0 : withdrawn[payer] > 0 && k > t0 ? 1.0 - withdrawn[payer] : 1.0;
                var paid = due * share;
                stopped += due - paid;
                inflow[_index.LinkTo[l]] += paid;
                outflow[payer] += paid;
            }

            run.FlowStopped[k] = stopped;
            newlyFailed.Clear();
            for (var v = 0; v < n; v++)
            {
                if (run.FailedMonth[v] >= 0 || !double.IsFinite(cash[v]))
                {
                    continue;
                }

                cash[v] += inflow[v] + _monthlyRevenue[v] - outflow[v] - _monthlyCosts[v];
                run.CashPaths[v].Add(cash[v]);
                if (cash[v] < -_slack[v])
                {
                    newlyFailed.Add(v);
                }
            }

            Settle(run, withdrawn, newlyFailed, k);
        }

        return run;
    }

    /// <summary>The end of month k: withdrawals at t0 = k and this month's failures bring links down.</summary>
    private void Settle(RunwayRun run, double[] withdrawn, List<int> newlyFailed, int k)
    {
        if (k == WithdrawalMonth)
        {
            for (var v = 0; v < withdrawn.Length; v++)
            {
                if (withdrawn[v] > 0 && run.FailedMonth[v] < 0)
                {
                    StopPayments(run, v, k);
                }
            }
        }

        foreach (var v in newlyFailed)
        {
            run.FailedMonth[v] = k;
        }

        foreach (var v in newlyFailed)
        {
            StopPayments(run, v, k);
            foreach (var l in _index.LinksInto(v))
            {
                if (_index.Kind[l].IsClaim() && run.LinkDownMonth[l] < 0)
                {
                    run.LinkDownMonth[l] = k;
                }
            }
        }
    }

    /// <summary>Links out of v with payments still due after month k go down in month k.</summary>
    private void StopPayments(RunwayRun run, int v, int k)
    {
        foreach (var l in _index.LinksOutOf(v))
        {
            if (run.LinkDownMonth[l] < 0 && (_recurring || _termMonths[l] > k))
            {
                run.LinkDownMonth[l] = k;
            }
        }
    }

    /// <summary>The payment link l owes in month k ≥ 1: r · |(k − 1, k] ∩ (0, 12T]|, or r when links recur.</summary>
    private double Scheduled(int l, int k)
    {
        if (_recurring)
        {
            return _rate[l];
        }

        var overlap = Math.Min(k, _termMonths[l]) - (k - 1);
        return overlap <= 0 ? 0.0 : _rate[l] * Math.Min(1.0, overlap);
    }
}

/// <summary>The state one simulation leaves: failure months, link-down months, stopped flow and cash paths.</summary>
internal sealed class RunwayRun
{
    public RunwayRun(int entities, int links, int months)
    {
        FailedMonth = new int[entities];
        Array.Fill(FailedMonth, -1);
        LinkDownMonth = new int[links];
        Array.Fill(LinkDownMonth, -1);
        FlowStopped = new double[months + 1];
        CashPaths = new List<double>[entities];
    }

    public int[] FailedMonth { get; }

    public int[] LinkDownMonth { get; }

    public double[] FlowStopped { get; }

    public List<double>[] CashPaths { get; }
}
