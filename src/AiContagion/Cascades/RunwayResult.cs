using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Cascades.Engines;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The runway view of a <see cref="RunwayCascade"/> run (<see cref="CascadeResult.Runway"/>): each entity's failure month
/// and cash path with and without the shock, why it failed, the timeline of links down and failures month by month, and
/// the assumptions the run relied on.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RunwayResult
{
    private RunwayResult(
        FinancingNetwork network,
        RunwayOptions options,
        ImmutableArray<Withdrawal> withdrawals,
        ImmutableArray<EntityRunway> entities,
        ImmutableArray<RunwayMonth> timeline,
        ImmutableArray<int> failureOrder,
        ImmutableArray<int> baselineOrder,
        RunwayAssumptions assumptions)
    {
        Network = network;
        Options = options;
        Withdrawals = withdrawals;
        Entities = entities;
        Timeline = timeline;
        FailureOrder = [.. failureOrder.Select(v => entities[v])];
        BaselineFailures = [.. baselineOrder.Select(v => entities[v])];
        Assumptions = assumptions;
    }

    /// <summary>The network.</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The options.</summary>
    public RunwayOptions Options { get; }

    /// <summary>The withdrawals (the shock); empty for a baseline-only run.</summary>
    public ImmutableArray<Withdrawal> Withdrawals { get; }

    /// <summary>Every entity, in network order.</summary>
    public ImmutableArray<EntityRunway> Entities { get; }

    /// <summary>Months 0 to the horizon.</summary>
    public ImmutableArray<RunwayMonth> Timeline { get; }

    /// <summary>The entities that fail with the shock, by month, then network order.</summary>
    public ImmutableArray<EntityRunway> FailureOrder { get; }

    /// <summary>The entities that fail without any shock (the baseline: who fails anyway, and <see cref="EntityRunway.BaselineFailure"/> says why), by month, then network order.</summary>
    public ImmutableArray<EntityRunway> BaselineFailures { get; }

    /// <summary>The defaults the run relied on (undated links, entities without a cash figure), for every output to state.</summary>
    public RunwayAssumptions Assumptions { get; }

    /// <summary>Entities that fail with the shock within the horizon.</summary>
    public int Failed => FailureOrder.Length;

    /// <summary>Entities that fail within the horizon without the shock.</summary>
    public int FailedWithoutShock => BaselineFailures.Length;

    /// <summary>Entities the shock sinks, or sinks sooner (<see cref="RunwayOutcome.FailsOnlyWithShock"/> or <see cref="RunwayOutcome.FailsSoonerWithShock"/>).</summary>
    public int FailedBecauseOfShock => Entities.Count(e => e.Outcome is RunwayOutcome.FailsOnlyWithShock or RunwayOutcome.FailsSoonerWithShock);

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Failed} of {Entities.Length} entities fail within {Options.Months} months ({FailedWithoutShock} without the shock); {Timeline[^1].LinksDown} links down");

    internal static RunwayResult Create(RunwayPlan plan, ImmutableArray<Withdrawal> withdrawals, RunwayRun shocked, RunwayRun baseline)
    {
        var network = plan.Network;
        var options = plan.Options;
        var n = network.EntityCount;
        var withdrawn = new HashSet<int>(withdrawals.Select(w => network.IndexOf(w.Id)));
        var entities = new EntityRunway[n];
        for (var v = 0; v < n; v++)
        {
            var failed = shocked.FailMonth[v] >= 0 ? shocked.FailMonth[v] : (int?)null;
            var before = baseline.FailMonth[v] >= 0 ? baseline.FailMonth[v] : (int?)null;
            var outcome = (failed, before) switch
            {
                (null, null) => RunwayOutcome.Survives,
                (null, not null) => RunwayOutcome.SurvivesOnlyWithShock,
                (not null, null) => RunwayOutcome.FailsOnlyWithShock,
                ({ } f, { } b) when f == b => RunwayOutcome.FailsWithoutShock,
                ({ } f, { } b) when f < b => RunwayOutcome.FailsSoonerWithShock,
                _ => RunwayOutcome.FailsLaterWithShock,
            };
            var unlimited = plan.Unlimited[v];
            var last = failed ?? options.Months;
            var cash = unlimited ? ImmutableArray<double>.Empty : System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(shocked.CashPath(v, last));
            entities[v] = new EntityRunway(
                network.Entities[v].Id,
                unlimited ? null : plan.InitialCash[v],
                plan.CashEstimated[v],
                withdrawn.Contains(v),
                failed,
                before,
                outcome,
                cash)
            {
                Failure = Failure(plan, shocked, v),
                BaselineFailure = Failure(plan, baseline, v),
            };
        }

        var months = options.Months;
        var timeline = new RunwayMonth[months + 1];
        var failures = Histogram(shocked.FailMonth, months);
        var baselineFailures = Histogram(baseline.FailMonth, months);
        var linksDown = new int[months + 1];
        var amountDown = new double[months + 1];
        var down = shocked.Down;
        for (var i = 0; i < down.Links.Length; i++)
        {
            linksDown[down.Rounds[i]]++;
            amountDown[down.Rounds[i]] += down.Amounts[i];
        }

        var baselineLinksDown = new int[months + 1];
        foreach (var k in baseline.Down.Rounds)
        {
            baselineLinksDown[k]++;
        }

        int links = 0, baselineLinks = 0, failedSoFar = 0, baselineFailed = 0;
        var amount = 0.0;
        for (var k = 0; k <= months; k++)
        {
            links += linksDown[k];
            baselineLinks += baselineLinksDown[k];
            failedSoFar += failures[k];
            baselineFailed += baselineFailures[k];
            amount += amountDown[k];
            timeline[k] = new RunwayMonth(k, links, amount, failedSoFar, shocked.FlowStopped[k], baselineLinks, baselineFailed);
        }

        return new RunwayResult(network, options, withdrawals, [.. entities], [.. timeline], [.. shocked.FailedOrder], [.. baseline.FailedOrder], plan.Assumptions);
    }

    private static RunwayFailure? Failure(RunwayPlan plan, RunwayRun run, int v)
    {
        var month = run.FailMonth[v];
        return month < 0 ? null : new RunwayFailure(
            month,
            run.FailCause[v],
            plan.Unlimited[v] ? null : run.CashAt(v, month),
            run.Received[v],
            run.RevenueReceived[v],
            run.Paid[v],
            run.DebtServicePaid[v],
            run.CostsPaid[v],
            run.LossAtFailure[v]);
    }

    private static int[] Histogram(int[] months, int horizon)
    {
        var counts = new int[horizon + 1];
        foreach (var k in months)
        {
            if (k >= 0)
            {
                counts[k]++;
            }
        }

        return counts;
    }

    /// <summary>An entity's name for charts: "Name (id)", or the id when the name is the id.</summary>
    internal string Label(EntityRunway entity)
    {
        var name = Network[entity.Id].Name;
        return name == entity.Id ? entity.Id : $"{name} ({entity.Id})";
    }
}
