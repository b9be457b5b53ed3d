using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Stress;

/// <summary>The outcome of a <see cref="RunwaySimulation"/>: each entity's failure month and cash path, and the timeline of links down and failures.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RunwayResult
{
    private RunwayResult(
        FinancingNetwork network,
        RunwayOptions options,
        ImmutableArray<Withdrawal> withdrawals,
        ImmutableArray<EntityRunway> entities,
        ImmutableArray<RunwayMonth> timeline,
        ImmutableArray<int> failureOrder)
    {
        Network = network;
        Options = options;
        Withdrawals = withdrawals;
        Entities = entities;
        Timeline = timeline;
        FailureOrder = [.. failureOrder.Select(v => entities[v])];
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

    /// <summary>Entities that fail with the shock within the horizon.</summary>
    public int Failed => FailureOrder.Length;

    /// <summary>Entities that fail within the horizon without the shock.</summary>
    public int FailedWithoutShock => Entities.Count(e => e.BaselineFailedMonth is not null);

    /// <summary>Entities the shock sinks, or sinks sooner (<see cref="RunwayOutcome.FailsOnlyWithShock"/> or <see cref="RunwayOutcome.FailsSoonerWithShock"/>).</summary>
    public int FailedBecauseOfShock => Entities.Count(e => e.Outcome is RunwayOutcome.FailsOnlyWithShock or RunwayOutcome.FailsSoonerWithShock);

    /// <summary>A one-line summary.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Failed} of {Entities.Length} entities out of cash within {Options.Months} months ({FailedWithoutShock} without the shock); {Timeline[^1].LinksDown} links down");

    internal static RunwayResult Create(FinancingNetwork network, RunwayOptions options, ImmutableArray<Withdrawal> withdrawals, RunwayPlan plan, RunwayRun shocked, RunwayRun baseline)
    {
        var n = network.EntityCount;
        var withdrawn = new HashSet<int>(withdrawals.Select(w => network.IndexOf(w.Id)));
        var entities = new EntityRunway[n];
        for (var v = 0; v < n; v++)
        {
            var failed = shocked.FailedMonth[v] >= 0 ? shocked.FailedMonth[v] : (int?)null;
            var before = baseline.FailedMonth[v] >= 0 ? baseline.FailedMonth[v] : (int?)null;
            var outcome = (failed, before) switch
            {
                (null, null) => RunwayOutcome.Survives,
                (null, not null) => RunwayOutcome.SurvivesOnlyWithShock,
                (not null, null) => RunwayOutcome.FailsOnlyWithShock,
                ({ } f, { } b) when f == b => RunwayOutcome.FailsWithoutShock,
                ({ } f, { } b) when f < b => RunwayOutcome.FailsSoonerWithShock,
                _ => RunwayOutcome.FailsLaterWithShock,
            };
            var cash = plan.InitialCash[v];
            entities[v] = new EntityRunway(
                network.Entities[v].Id,
                double.IsFinite(cash) ? cash : null,
                plan.CashEstimated[v],
                withdrawn.Contains(v),
                failed,
                before,
                outcome,
                [.. shocked.CashPaths[v]]);
        }

        var months = options.Months;
        var timeline = new RunwayMonth[months + 1];
        var linksDown = Histogram(shocked.LinkDownMonth, months);
        var baselineLinksDown = Histogram(baseline.LinkDownMonth, months);
        var failures = Histogram(shocked.FailedMonth, months);
        var baselineFailures = Histogram(baseline.FailedMonth, months);
        var amountDown = new double[months + 1];
        for (var l = 0; l < shocked.LinkDownMonth.Length; l++)
        {
            if (shocked.LinkDownMonth[l] >= 0)
            {
                amountDown[shocked.LinkDownMonth[l]] += network.Index.Amount[l];
            }
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

        var order = Enumerable.Range(0, n).Where(v => shocked.FailedMonth[v] >= 0).OrderBy(v => shocked.FailedMonth[v]).ThenBy(v => v).ToImmutableArray();
        return new RunwayResult(network, options, withdrawals, [.. entities], [.. timeline], order);
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
