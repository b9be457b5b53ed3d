using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The fast path of the runway ranking: a candidate's run evaluated as a sparse difference from the no-shock baseline
/// instead of a full month loop. Proven equal to the loop (<see cref="RunwayPlan.Simulate"/>) by property tests on
/// random networks: the same failure months, the same links down, the same amounts in the same summation order.
/// </summary>
/// <remarks>
/// <para><b>Idea.</b> Before month t0 the candidate's run is the baseline. Only entities whose behaviour differs from
/// the baseline change anything: a withdrawing source (it pays 1 − φ from t0 + 1), an entity failing earlier than in
/// the baseline (it pays nothing from its failure month + 1, its lenders lose earlier). Each such change is an event;
/// the event scatters, for the months after it, the difference it makes to the flows of the links it touches (stream
/// payments, debt service, the lenders' losses) into per-entity, per-month difference arrays. Month by month, an
/// entity's cash is the baseline's plus its accumulated difference, and its losses likewise; it fails in the first
/// month that falls below the floor (or above its capital), which is the next event. Work is proportional to what the
/// candidate changes, not to the network.</para>
/// <para><b>When it does not apply.</b> The events assume that a withdrawal only harms the other entities: each
/// non-withdrawing entity's cash stays at or below its baseline path and its losses at or above, so everything the
/// baseline fails in a month still fails. Two things can break that: a withdrawn loan needs no repaying (the borrower
/// is spared later debt service), and a withdrawn firm that now fails later keeps servicing its debts and paying its
/// streams for longer. The evaluator checks the condition month by month and returns <see langword="null"/> as soon
/// as it fails; the caller then runs the month loop. On networks without dated debt it never happens but for withdrawn
/// firms that fail in the baseline and owe debt service or hold partial withdrawals.</para>
/// <para>Not thread-safe: one instance per running thread (pooled by the engine).</para>
/// </remarks>
internal sealed class RunwayDifference
{
    private readonly RunwayPlan _plan;
    private readonly RunwayRun _baseline;
    private readonly int _n;
    private readonly int _h;
    private readonly int _stride;
    private readonly double[] _delta;
    private readonly double[] _deltaLoss;
    private readonly double[] _cum;
    private readonly double[] _cumLoss;
    private readonly int[] _accumulated;
    private readonly int[] _fail;
    private readonly RunwayAssumption[] _assume;
    private readonly bool[] _touched;
    private readonly List<int> _touchedList = [];
    private readonly bool[] _queued;
    private readonly List<int> _queue = [];
    private readonly bool[] _deferred;
    private readonly List<int> _deferredList = [];
    private readonly bool[] _linkMarked;
    private readonly List<int> _links = [];
    private readonly double[] _due;
    private readonly LinkPath _old;
    private readonly LinkPath _new;
    private double[] _fraction = [];
    private readonly bool[] _shockFailed;
    private int _month;
    private bool _settlingDeferred;
    private bool _abort;

    public RunwayDifference(RunwayPlan plan, RunwayRun baseline)
    {
        _plan = plan;
        _baseline = baseline;
        _n = plan.Index.EntityCount;
        _h = plan.Months;
        _stride = _h + 1;
        _delta = new double[(long)_n * _stride];
        _deltaLoss = new double[(long)plan.LossCapableCount * _stride];
        _cum = new double[_n];
        _cumLoss = new double[_n];
        _accumulated = new int[_n];
        _fail = new int[_n];
        _assume = new RunwayAssumption[_n];
        _touched = new bool[_n];
        _queued = new bool[_n];
        _deferred = new bool[_n];
        _shockFailed = new bool[_n];
        _linkMarked = new bool[plan.Index.LinkCount];
        _due = new double[_stride];
        _old = new LinkPath(_stride);
        _new = new LinkPath(_stride);
    }

    /// <summary>The largest n × (H + 1) for which the evaluator keeps its dense per-month arrays (16 M values, 128 MB per array).</summary>
    public const long MaximumCells = 1L << 24;

    /// <summary>Evaluates a candidate against the baseline; <see langword="null"/> when the fast path does not apply (see remarks).</summary>
    public BaselineDifference? Evaluate(RunwayShock shock, CancellationToken cancellationToken)
    {
        try
        {
            return EvaluateCore(shock, cancellationToken);
        }
        finally
        {
            Reset();
        }
    }

    private BaselineDifference? EvaluateCore(RunwayShock shock, CancellationToken cancellationToken)
    {
        var t0 = _plan.WithdrawalMonth;
        var baseFail = _baseline.FailMonth;
        _fraction = shock.Fraction;
        _abort = false;
        for (var k = t0; k <= _h; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _month = k;
            if (k == t0)
            {
                foreach (var w in shock.Withdrawn)
                {
                    if (baseFail[w] < 0 || baseFail[w] >= t0)
                    {
                        Touch(w);
                        Event(w, _assume[w] with { WithdrawMonth = t0, Fraction = shock.Fraction[w] });
                    }
                }

                foreach (var s in shock.Failed)
                {
                    if (baseFail[s] < 0 || baseFail[s] >= t0)
                    {
                        _shockFailed[s] = true;
                        Touch(s);
                        Fail(s, t0);
                    }
                }
            }

            // Every touched entity: its month-k difference, then whether it fails.
            var touched = _touchedList.Count;
            for (var i = 0; i < touched; i++)
            {
                var x = _touchedList[i];
                Accumulate(x);
                Decide(x);
            }

            // Entities newly touched, or charged more losses this month, until no one else fails.
            while (_queue.Count > 0 && !_abort)
            {
                var x = _queue[^1];
                _queue.RemoveAt(_queue.Count - 1);
                _queued[x] = false;
                Accumulate(x);
                Decide(x);
            }

            // Withdrawing firms the baseline fails this month: they fail again only if their own figures say so.
            _settlingDeferred = true;
            foreach (var w in _deferredList)
            {
                _deferred[w] = false;
                if (_fail[w] < 0)
                {
                    if (Fails(w, out _))
                    {
                        _fail[w] = k;
                    }
                    else
                    {
                        Event(w, _assume[w] with { FailMonth = RunwayPlan.NoFailure });
                    }
                }
            }

            _deferredList.Clear();
            _settlingDeferred = false;
            if (_abort || !StillOnlyHarmed())
            {
                return null;
            }
        }

        return Summarize(t0);
    }

    // The month's difference of a touched entity, added to its running totals once.
    private void Accumulate(int x)
    {
        var k = _month;
        if (_accumulated[x] >= k)
        {
            return;
        }

        var row = (long)x * _stride;
        var lossRow = _plan.LossIndex[x] >= 0 ? (long)_plan.LossIndex[x] * _stride : -1;
        for (var j = _accumulated[x] + 1; j <= k; j++)
        {
            _cum[x] += _delta[row + j];
            if (lossRow >= 0)
            {
                _cumLoss[x] += _deltaLoss[lossRow + j];
            }
        }

        _accumulated[x] = k;
    }

    // Whether a touched entity, alive so far, fails this month; the baseline's failures of this month stand (but a withdrawing firm's, decided last).
    private void Decide(int x)
    {
        var k = _month;
        if (_fail[x] >= 0 && _fail[x] < k)
        {
            return;
        }

        if (_fail[x] == k)
        {
            return;
        }

        if (_baseline.FailMonth[x] == k)
        {
            if (_fraction[x] > 0)
            {
                if (!_deferred[x])
                {
                    _deferred[x] = true;
                    _deferredList.Add(x);
                }
            }
            else
            {
                _fail[x] = k;
            }

            return;
        }

        if (Fails(x, out _))
        {
            Fail(x, k);
        }
    }

    private bool Fails(int x, out RunwayFailureCause cause)
    {
        var k = _month;
        cause = RunwayFailureCause.None;
        if (!_plan.Unlimited[x] && _baseline.CashAt(x, k) + _cum[x] < _plan.Floor - _plan.Slack[x])
        {
            cause = RunwayFailureCause.Cash;
            return true;
        }

        var lossIndex = _plan.LossIndex[x];
        if (lossIndex >= 0 && _baseline.LossAt(lossIndex, k) + _cumLoss[x] > _plan.Capital[x] + _plan.LossSlack[x])
        {
            cause = RunwayFailureCause.Losses;
            return true;
        }

        return false;
    }

    // x fails in month k, earlier than in the baseline.
    private void Fail(int x, int k)
    {
        _fail[x] = k;
        Event(x, _assume[x] with { FailMonth = k });
    }

    /// <summary>Entity x behaves differently from month <see cref="_month"/> on: scatter the difference to every flow it touches.</summary>
    private void Event(int x, RunwayAssumption next)
    {
        var index = _plan.Index;
        var previous = _assume[x];
        var k = _month;
        foreach (var l in index.LinksOutOf(x))
        {
            Mark(l);
            var v = index.LinkTo[l];
            if (index.Kind[l].IsClaim())
            {
                var recipient = Assumed(v);
                Relink(l, previous, recipient, next, recipient);
                continue;
            }

            if (_plan.IsSchedule(l))
            {
                _plan.FillDue(l, _due);
                for (var j = k + 1; j <= _h; j++)
                {
                    StreamDifference(x, v, j, _due[j], previous, next);
                }
            }
            else
            {
                for (var j = Math.Max(k + 1, _plan.First[l]); j <= _plan.Last[l]; j++)
                {
                    StreamDifference(x, v, j, _plan.TermDue(l, j), previous, next);
                }
            }
        }

        foreach (var l in index.LinksInto(x))
        {
            if (index.Kind[l].IsClaim())
            {
                Mark(l);
                var payer = Assumed(index.LinkFrom[l]);
                Relink(l, payer, previous, payer, next);
            }
        }

        for (var j = k + 1; j <= _h; j++)
        {
            var was = previous.Alive(j);
            var now = next.Alive(j);
            if (was != now)
            {
                var own = _plan.Revenue(x, j) - _plan.Costs(x, j);
                ScatterCash(x, j, now ? own : -own);
            }
        }

        _assume[x] = next;
    }

    private void StreamDifference(int payer, int recipient, int j, double due, RunwayAssumption previous, RunwayAssumption next)
    {
        if (due == 0)
        {
            return;
        }

        var before = due * previous.Share(j);
        var after = due * next.Share(j);
        if (before != after)
        {
            ScatterCash(recipient, j, after - before);
            ScatterCash(payer, j, before - after);
        }
    }

    // A claim link under the old and the new assumptions: the difference of its payments, its debt service and the lender's losses.
    private void Relink(int l, RunwayAssumption payerBefore, RunwayAssumption recipientBefore, RunwayAssumption payerAfter, RunwayAssumption recipientAfter)
    {
        var index = _plan.Index;
        var u = index.LinkFrom[l];
        var v = index.LinkTo[l];
        _plan.FillDue(l, _due);
        _old.Compute(_plan, l, _due, _h, payerBefore, recipientBefore);
        _new.Compute(_plan, l, _due, _h, payerAfter, recipientAfter);
        for (var j = 0; j <= _h; j++)
        {
            var paid = _new.Paid[j] - _old.Paid[j];
            if (paid != 0)
            {
                ScatterCash(v, j, paid);
                ScatterCash(u, j, -paid);
            }

            var service = _new.DebtService[j] - _old.DebtService[j];
            if (service != 0)
            {
                ScatterCash(v, j, -service);
                ScatterCash(u, j, service);
            }

            var loss = _new.LossIncrement[j] - _old.LossIncrement[j];
            if (loss != 0)
            {
                ScatterLoss(u, j, loss);
            }
        }
    }

    private void ScatterCash(int x, int j, double amount)
    {
        if (FailedBefore(x, j))
        {
            return;
        }

        Touch(x);
        if (j <= _accumulated[x])
        {
            _cum[x] += amount;
        }
        else
        {
            _delta[((long)x * _stride) + j] += amount;
        }

        if (j <= _month)
        {
            // A flow of a month already settled cannot change: the events only act on later months.
            _abort = true;
        }
    }

    private void ScatterLoss(int x, int j, double amount)
    {
        var lossIndex = _plan.LossIndex[x];
        if (lossIndex < 0 || FailedBefore(x, j))
        {
            return;
        }

        Touch(x);
        if (j <= _accumulated[x])
        {
            _cumLoss[x] += amount;
        }
        else
        {
            _deltaLoss[((long)lossIndex * _stride) + j] += amount;
        }

        if (j < _month || (j == _month && _settlingDeferred))
        {
            _abort = true;
        }
        else if (j == _month && !_queued[x])
        {
            _queued[x] = true;
            _queue.Add(x);
        }
    }

    // Whether x is known to have failed before month j (then what it receives or owes after no longer matters).
    // (An entity the evaluation has not touched fails in its baseline month at the latest: it is not withdrawing, and
    // the evaluation never spares a non-withdrawing entity its baseline failure.)
    private bool FailedBefore(int x, int j)
    {
        var failed = _touched[x] ? _fail[x] : _baseline.FailMonth[x];
        return failed >= 0 && failed < j;
    }

    private RunwayAssumption Assumed(int x) => _touched[x] ? _assume[x] : RunwayAssumption.Baseline(_baseline.FailMonth[x]);

    private void Touch(int x)
    {
        if (_touched[x])
        {
            return;
        }

        _touched[x] = true;
        _touchedList.Add(x);
        var failed = _baseline.FailMonth[x];
        _fail[x] = failed >= 0 && failed < _month ? failed : RunwayPlan.NoFailure;
        _assume[x] = RunwayAssumption.Baseline(failed);
        _accumulated[x] = _month - 1;
        _cum[x] = 0;
        _cumLoss[x] = 0;
        if (!_queued[x])
        {
            _queued[x] = true;
            _queue.Add(x);
        }
    }

    private void Mark(int l)
    {
        if (!_linkMarked[l])
        {
            _linkMarked[l] = true;
            _links.Add(l);
        }
    }

    // The month's check of the condition the events rely on: no entity but a withdrawing one is better off than in the baseline.
    private bool StillOnlyHarmed()
    {
        foreach (var x in _touchedList)
        {
            if (_fraction[x] > 0 || (_fail[x] >= 0 && _fail[x] < _month))
            {
                continue;
            }

            if (!_plan.Unlimited[x] && _cum[x] > 1e-3 * _plan.Slack[x])
            {
                return false;
            }

            if (_plan.LossIndex[x] >= 0 && _cumLoss[x] < -1e-3 * _plan.LossSlack[x])
            {
                return false;
            }
        }

        return true;
    }

    // What the candidate adds to the baseline: links down and firms failed within the horizon that the baseline does not have.
    private BaselineDifference Summarize(int t0)
    {
        var index = _plan.Index;
        var baseFail = _baseline.FailMonth;
        int? first = null;
        int failed = 0, earlier = 0;
        foreach (var x in _touchedList)
        {
            var now = _fail[x];
            var before = baseFail[x];
            if (now < 0 || _shockFailed[x])
            {
                continue;
            }

            if (before < 0)
            {
                failed++;
            }
            else if (now < before)
            {
                earlier++;
            }
            else
            {
                continue;
            }

            first = first is { } f ? Math.Min(f, now) : now;
        }

        var down = new List<(int Month, int Link, double Amount, bool Direct)>();
        foreach (var l in _links)
        {
            if (_baseline.LinkDownMonth[l] >= 0)
            {
                continue;
            }

            var u = index.LinkFrom[l];
            var v = index.LinkTo[l];
            var payerFailed = FailMonthOf(u);
            var recipientFailed = index.Kind[l].IsClaim() ? FailMonthOf(v) : RunwayPlan.NoFailure;
            var fraction = _fraction[u];
            var withdrawMonth = fraction > 0 && (payerFailed < 0 || payerFailed >= t0) ? t0 : RunwayPlan.NoFailure;
            var outstanding = 0.0;
            if (recipientFailed >= 0)
            {
                _plan.FillDue(l, _due);
                _new.Compute(_plan, l, _due, _h, Assumed(u), Assumed(v));
                outstanding = _new.Outstanding[recipientFailed];
            }

            var (month, cause, amount) = _plan.LinkDown(l, withdrawMonth, fraction, payerFailed, recipientFailed, outstanding);
            if (month >= 0)
            {
                var direct = RunwayRun.IsDirect(cause, _shockFailed[u] ? RunwayFailureCause.Shock : RunwayFailureCause.None, _shockFailed[v] ? RunwayFailureCause.Shock : RunwayFailureCause.None);
                down.Add((month, l, amount, direct));
            }
        }

        down.Sort((a, b) => a.Month != b.Month ? a.Month.CompareTo(b.Month) : a.Link.CompareTo(b.Link));
        double amountDown = 0, directAmount = 0;
        var directLinks = 0;
        foreach (var (_, _, amount, direct) in down)
        {
            amountDown += amount;
            if (direct)
            {
                directLinks++;
                directAmount += amount;
            }
        }

        return new BaselineDifference(down.Count, directLinks, amountDown, directAmount, failed, earlier, first);
    }

    private int FailMonthOf(int x) => _touched[x] ? _fail[x] : _baseline.FailMonth[x];

    // Clears what the evaluation wrote.
    private void Reset()
    {
        foreach (var x in _touchedList)
        {
            var row = (long)x * _stride;
            Array.Clear(_delta, (int)row, _stride);
            if (_plan.LossIndex[x] >= 0)
            {
                Array.Clear(_deltaLoss, (int)((long)_plan.LossIndex[x] * _stride), _stride);
            }

            _touched[x] = false;
            _queued[x] = false;
            _deferred[x] = false;
            _shockFailed[x] = false;
        }

        foreach (var l in _links)
        {
            _linkMarked[l] = false;
        }

        _touchedList.Clear();
        _queue.Clear();
        _deferredList.Clear();
        _links.Clear();
        _settlingDeferred = false;
    }
}
