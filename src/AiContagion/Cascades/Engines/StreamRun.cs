using System.Buffers;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// One run's side of <see cref="RunwayStreams"/>: the inflow, outflow, loss and stopped-flow levels month by month, and
/// the steps the run's cuts add (a withdrawal from t0 + 1, a payer's failure from the month after it, a lender's losses
/// on payments into a failed recipient from the month after the recipient's failure).
/// </summary>
/// <remarks>σ(k), the share of its due a stream pays in month k, is the payer's: 1 − φ after t0 for a withdrawing
/// payer, else 1 — and 0 after the payer's failure, which this class adds as a cut when the payer fails.</remarks>
internal sealed class StreamRun
{
    private const int InTarget = 0;
    private const int OutTarget = 1;
    private const int LossTarget = 2;

    private readonly RunwayStreams _streams;
    private readonly RunwayPlan _plan;
    private readonly RunwayRun _run;
    private readonly double[] _phi;
    private readonly int _t0;
    private readonly int _months;
    private readonly double[] _stoppedSteps;
    private readonly bool[] _isAccruing;
    private readonly List<int> _accruing = [];

    // The run's steps: one array (rented, returned by Release), chained per month in the order they were added.
    private readonly int[] _head;
    private readonly int[] _tail;
    private StepEvent[] _events;
    private int _eventCount;

    // The claim streams whose lender books losses on payments into a failed recipient.
    private HashSet<int>? _charged;
    private double _stopped;

    public StreamRun(RunwayStreams streams, RunwayRun run, RunwayShock shock)
    {
        _streams = streams;
        _plan = streams.Plan;
        _run = run;
        _phi = shock.Fraction;
        _t0 = _plan.WithdrawalMonth;
        _months = _plan.Months;
        var n = _plan.Index.EntityCount;
        InLevel = new double[n];
        OutLevel = new double[n];
        LossLevel = new double[n];
        _isAccruing = new bool[n];
        _head = new int[_months + 2];
        _tail = new int[_months + 2];
        Array.Fill(_head, -1);
        _events = ArrayPool<StepEvent>.Shared.Rent(1024);
        _stoppedSteps = new double[_months + 2];
        foreach (var u in shock.Withdrawn)
        {
            Withdraw(u);
        }
    }

    /// <summary>The streams' inflow to each entity this month.</summary>
    public double[] InLevel { get; }

    /// <summary>The streams' outflow of each entity this month (payers alive).</summary>
    public double[] OutLevel { get; }

    /// <summary>The losses each lender books this month on stream payments into failed recipients.</summary>
    public double[] LossLevel { get; }

    /// <summary>Brings the levels to month k (the plan's steps, then the run's); returns the streams' flow stopped in month k.</summary>
    public double Advance(int k)
    {
        _streams.ApplyPlanned(k, InLevel, OutLevel);
        for (var e = _head[k]; e >= 0; e = _events[e].Next)
        {
            var (code, delta, _) = _events[e];
            var v = code / 3;
            switch (code % 3)
            {
                case InTarget:
                    InLevel[v] += delta;
                    break;
                case OutTarget:
                    OutLevel[v] += delta;
                    break;
                default:
                    LossLevel[v] += delta;
                    break;
            }
        }

        _stopped += _stoppedSteps[k];
        return _stopped;
    }

    /// <summary>Books this month's stream losses (<see cref="LossLevel"/>) and lists the lenders whose losses changed.</summary>
    public void ChargeLosses(double[] loss, List<int> lossChanged, bool[] isLossChanged)
    {
        foreach (var u in _accruing)
        {
            var charge = LossLevel[u];
            if (charge != 0)
            {
                loss[u] += charge;
                if (!isLossChanged[u])
                {
                    isLossChanged[u] = true;
                    lossChanged.Add(u);
                }
            }
        }
    }

    /// <summary>Payer u failed in month f: its streams pay nothing from f + 1 (their recipients lose σ(k) d(k), the flow stopped gains it).</summary>
    public void PayerFailed(int u, int f)
    {
        var index = _plan.Index;
        var shapes = _streams.Shapes;
        var phi = _phi[u];
        Span<(int Month, double Delta)> steps = stackalloc (int, double)[6];
        foreach (var l in index.LinksOutOf(u))
        {
            var count = ShareSteps(shapes[l], phi, f + 1, steps);
            if (count == 0)
            {
                continue;
            }

            var v = index.LinkTo[l];
            var charged = _charged is not null && _charged.Remove(l);
            var lgd = charged ? _plan.LossGivenDefault[l] : 0.0;
            var level = 0.0;
            var lost = 0.0;
            for (var i = 0; i < count; i++)
            {
                var (month, delta) = steps[i];
                Add(month, Code(v, InTarget), -delta);
                _stoppedSteps[month] += delta;
                if (charged)
                {
                    Add(month, Code(u, LossTarget), -lgd * delta);
                }

                // The lost inflow: Σ σ(k) d(k) over months f + 1..H, the level times the months it holds.
                level += delta;
                var until = i + 1 < count ? steps[i + 1].Month : _months + 1;
                lost += level * (until - month);
            }

            _run.LostInflow[v] += lost;
        }
    }

    /// <summary>
    /// Recipient v failed in month f: a lender with a finite capital that still pays into one of v's claim streams books
    /// (1 − recovery) of each later payment as a loss, from f + 1.
    /// </summary>
    public void RecipientFailed(int v, int f)
    {
        var index = _plan.Index;
        var shapes = _streams.Shapes;
        Span<(int Month, double Delta)> steps = stackalloc (int, double)[6];
        foreach (var l in index.LinksInto(v))
        {
            var u = index.LinkFrom[l];
            if (_plan.LossIndex[u] < 0 || _run.FailMonth[u] >= 0 || !shapes[l].IsStream || !index.Kind[l].IsClaim())
            {
                continue;
            }

            var lgd = _plan.LossGivenDefault[l];
            var count = lgd == 0 ? 0 : ShareSteps(shapes[l], _phi[u], f + 1, steps);
            for (var i = 0; i < count; i++)
            {
                Add(steps[i].Month, Code(u, LossTarget), lgd * steps[i].Delta);
            }

            if (count > 0)
            {
                (_charged ??= []).Add(l);
                if (!_isAccruing[u])
                {
                    _isAccruing[u] = true;
                    _accruing.Add(u);
                }
            }
        }
    }

    /// <summary>A claim stream's principal paid in (plus what was outstanding at month 0) at the end of month k.</summary>
    public double Outstanding(int l, int k)
    {
        var u = _plan.Index.LinkFrom[l];
        return _streams.Outstanding(l, k, _run.FailMonth[u], _phi[u]);
    }

    // A withdrawing payer pays 1 − φ of its streams' dues from t0 + 1.
    private void Withdraw(int u)
    {
        var phi = _phi[u];
        var index = _plan.Index;
        var shapes = _streams.Shapes;
        Span<(int Month, double Delta)> steps = stackalloc (int, double)[3];
        foreach (var l in index.LinksOutOf(u))
        {
            var v = index.LinkTo[l];
            var count = _streams.Steps(shapes[l], _t0 + 1, phi, steps);
            for (var i = 0; i < count; i++)
            {
                var (month, delta) = steps[i];
                Add(month, Code(v, InTarget), -delta);
                Add(month, Code(u, OutTarget), -delta);
                _stoppedSteps[month] += delta;
            }

            if (count > 0)
            {
                _run.LostInflow[v] += phi * RunwayStreams.Sum(shapes[l], _t0 + 1, _months);
            }
        }
    }

    // The steps of σ(k) × d(k) for k ≥ s, in month order (σ without the payer's failure: 1, then 1 − φ after t0).
    private int ShareSteps(in StreamShape term, double phi, int s, Span<(int Month, double Delta)> steps)
    {
        if (phi > 0 && s <= _t0)
        {
            // Full dues until t0, then 1 − φ of them: the stream's steps from s, less φ × its steps from t0 + 1, merged by month.
            Span<(int Month, double Delta)> full = stackalloc (int, double)[3];
            Span<(int Month, double Delta)> cut = stackalloc (int, double)[3];
            var a = _streams.Steps(term, s, 1.0, full);
            var b = _streams.Steps(term, _t0 + 1, -phi, cut);
            int i = 0, j = 0, count = 0;
            while (i < a || j < b)
            {
                if (j >= b || (i < a && full[i].Month <= cut[j].Month))
                {
                    if (j < b && full[i].Month == cut[j].Month)
                    {
                        steps[count++] = (full[i].Month, full[i].Delta + cut[j].Delta);
                        i++;
                        j++;
                    }
                    else
                    {
                        steps[count++] = full[i++];
                    }
                }
                else
                {
                    steps[count++] = cut[j++];
                }
            }

            return count;
        }

        return _streams.Steps(term, s, phi > 0 ? 1.0 - phi : 1.0, steps);
    }

    /// <summary>Returns the rented step array (the run is over).</summary>
    public void Release()
    {
        ArrayPool<StepEvent>.Shared.Return(_events);
        _events = [];
    }

    private void Add(int month, int code, double delta)
    {
        if (_eventCount == _events.Length)
        {
            var larger = ArrayPool<StepEvent>.Shared.Rent(_events.Length * 2);
            _events.AsSpan(0, _eventCount).CopyTo(larger);
            ArrayPool<StepEvent>.Shared.Return(_events);
            _events = larger;
        }

        var at = _eventCount++;
        _events[at] = new StepEvent(code, delta, -1);
        if (_head[month] < 0)
        {
            _head[month] = at;
        }
        else
        {
            _events[_tail[month]].Next = at;
        }

        _tail[month] = at;
    }

    private record struct StepEvent(int Code, double Delta, int Next);

    private static int Code(int entity, int target) => (entity * 3) + target;
}
