using System.Collections.Concurrent;
using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The runway model bound to one network: the plan (every link's payment stream and debt service, starting cash,
/// capital), the no-shock baseline run once and kept, and the runs — the month loop (<see cref="RunwayPlan.Simulate"/>)
/// for results and summaries, the difference evaluator (<see cref="RunwayDifference"/>) for rankings against the baseline.
/// </summary>
/// <remarks>Thread-safe: runs share the plan and the baseline (read-only); each evaluator is rented from a pool.</remarks>
internal sealed class RunwayEngine : CascadeEngine
{
    private readonly RunwayPlan _plan;
    private readonly Lock _lock = new();
    private readonly ConcurrentBag<RunwayDifference> _evaluators = [];
    private RunwayRun? _baseline;
    private int _fastRuns;
    private int _fullRuns;

    public RunwayEngine(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings, RunwayOptions options)
        : base(model, network, settings)
    {
        _plan = new RunwayPlan(network, options);
    }

    public RunwayPlan Plan => _plan;

    /// <summary>Candidates the difference evaluator settled (tests check that the property tests exercise it).</summary>
    public int FastRuns => _fastRuns;

    /// <summary>Candidates for which it did not apply and the month loop ran.</summary>
    public int FullRuns => _fullRuns;

    internal override CascadeResult Run(ResolvedShock shock, CancellationToken cancellationToken)
    {
        var runwayShock = RunwayShock.From(shock, Network.EntityCount);
        var baseline = Baseline(cancellationToken);
        var run = runwayShock.IsEmpty ? baseline : _plan.Simulate(runwayShock, RunwayRecording.Cash, cancellationToken);
        var withdrawals = shock.Withdrawn.Select((v, i) => new Withdrawal(Network.Entities[v].Id, shock.WithdrawnFractions[i])).ToImmutableArray();
        var lossIndices = new List<int>();
        for (var v = 0; v < Network.EntityCount; v++)
        {
            if (run.Loss[v] != 0 || run.LostInflow[v] != 0)
            {
                lossIndices.Add(v);
            }
        }

        var figures = new EntityFigures
        {
            LostInflow = SparseValues.Collect(lossIndices, run.LostInflow),
            CreditLoss = SparseValues.Collect(lossIndices, run.Loss),
            Capital = _plan.Capital,
        };
        var order = run.FailedOrder;
        var rounds = order.Select(v => run.FailMonth[v]).ToArray();
        var runway = RunwayResult.Create(_plan, withdrawals, run, baseline);
        run.ReleaseCash();
        return new CascadeResult(Network, Model, Settings, 0, _plan.Months, shock.Shocked, order, rounds, run.Down, figures)
        {
            CascadeFailures = run.CascadeFailures,
            Runway = runway,
        };
    }

    internal override CascadeSummary Summarize(ResolvedShock shock, List<int>? failed, CancellationToken cancellationToken)
    {
        var run = _plan.Simulate(RunwayShock.From(shock, Network.EntityCount), RunwayRecording.None, cancellationToken);
        failed?.AddRange(run.FailedOrder);
        var down = run.Down;
        var last = 0;
        foreach (var v in run.FailedOrder)
        {
            last = Math.Max(last, run.FailMonth[v]);
        }

        foreach (var k in down.Rounds)
        {
            last = Math.Max(last, k);
        }

        return new CascadeSummary(last, run.FailedOrder.Length, run.CascadeFailures, down.Links.Length, down.DirectCount, down.Amount, down.DirectAmount, null);
    }

    /// <summary>
    /// The fast path when it applies, else the month loop (through the general comparison of two results). The fast path
    /// is off when a channel is on (<see cref="RunwayOptions.AnyChannel"/>): a margin call spares its lender and a stake's
    /// or a holding's loss depends on the whole month's state, outside the difference evaluator's events.
    /// </summary>
    internal override BaselineDifference SummarizeAgainstBaseline(ResolvedShock shock, CancellationToken cancellationToken)
    {
        if (_plan.Channels is null && (long)Network.EntityCount * (_plan.Months + 1) <= RunwayDifference.MaximumCells)
        {
            var baseline = Baseline(cancellationToken);
            if (!_evaluators.TryTake(out var evaluator))
            {
                evaluator = new RunwayDifference(_plan, baseline);
            }

            try
            {
                if (evaluator.Evaluate(RunwayShock.From(shock, Network.EntityCount), cancellationToken) is { } difference)
                {
                    Interlocked.Increment(ref _fastRuns);
                    return difference;
                }
            }
            finally
            {
                _evaluators.Add(evaluator);
            }
        }

        Interlocked.Increment(ref _fullRuns);
        return base.SummarizeAgainstBaseline(shock, cancellationToken);
    }

    /// <summary>The no-shock run with every entity's cash and losses month by month, once.</summary>
    private RunwayRun Baseline(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _baseline) is { } done)
        {
            return done;
        }

        lock (_lock)
        {
            _baseline ??= _plan.Simulate(RunwayShock.None(Network.EntityCount), RunwayRecording.Baseline, cancellationToken);
            return _baseline;
        }
    }
}
