using System.Buffers;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The state one <see cref="RunwayPlan.Simulate"/> leaves: failure months and causes, cash, losses, each entity's flows
/// up to its failure, the stopped flow per month, and (after <see cref="Finish"/>) the links down and the result's order.
/// What <see cref="RunwayRecording"/> asks: every entity's cash at the end of every month, and for the baseline its losses and each link's month down (the reference for the
/// difference evaluator).
/// </summary>
internal sealed class RunwayRun
{
    private readonly int _stride;
    private readonly int _lossCapable;
    private readonly RunwayRecording _record;


    public RunwayRun(int entities, int links, int months, int lossCapable, RunwayRecording record)
    {
        Months = months;
        _stride = months + 1;
        Cash = new double[entities];
        FailMonth = new int[entities];
        Array.Fill(FailMonth, RunwayPlan.NoFailure);
        FailCause = new RunwayFailureCause[entities];
        Loss = new double[entities];
        LossAtFailure = new double[entities];
        LostInflow = new double[entities];
        Received = new double[entities];
        RevenueReceived = new double[entities];
        Paid = new double[entities];
        DebtServicePaid = new double[entities];
        CostsPaid = new double[entities];
        OutstandingAtRecipientFailure = new double[links];
        FlowStopped = new double[months + 1];
        _lossCapable = lossCapable;
        _record = record;
        // Month-major: one contiguous copy per month.
        if (record == RunwayRecording.Baseline)
        {
            CashMatrix = GC.AllocateUninitializedArray<double>(checked(entities * _stride));
        }
        else if (record == RunwayRecording.Cash)
        {
            // Read once, by the result being built, then handed back (ReleaseCash): rented, so a session of runs reuses it.
            CashMatrix = ArrayPool<double>.Shared.Rent(checked(entities * _stride));
        }

        if (record == RunwayRecording.Baseline)
        {
            LossMatrix = GC.AllocateUninitializedArray<double>(checked(lossCapable * _stride));
        }
    }

    public int Months { get; }

    /// <summary>Cash now; after the run, at the end of month H (an entity with unlimited cash: relative to 0).</summary>
    public double[] Cash { get; }

    /// <summary>The month each entity failed in, or −1.</summary>
    public int[] FailMonth { get; }

    public RunwayFailureCause[] FailCause { get; }

    /// <summary>Losses charged against capital (entities with a finite capital); they keep accruing after the entity's own failure.</summary>
    public double[] Loss { get; }

    /// <summary>Losses at the end of the month the entity failed in.</summary>
    public double[] LossAtFailure { get; }

    /// <summary>Payments due to the entity that were not made (their payer withdrew or failed).</summary>
    public double[] LostInflow { get; }

    /// <summary>Link payments and debt service received, months 1 to the failure month (or H).</summary>
    public double[] Received { get; }

    public double[] RevenueReceived { get; }

    /// <summary>Link payments and debt service paid, months 1 to the failure month (or H).</summary>
    public double[] Paid { get; }

    public double[] DebtServicePaid { get; }

    public double[] CostsPaid { get; }

    /// <summary>Claim links paid link by link: principal outstanding (paid in) at the end of the month the recipient failed (empty when every claim is a stream, <see cref="RunwayStreams.Outstanding(int, int, int, double)"/>).</summary>
    public double[] OutstandingAtRecipientFailure { get; }

    /// <summary>Per month, the stream payments due that were not made.</summary>
    public double[] FlowStopped { get; }

    /// <summary>Month-major cash at the end of each month 0..H (only when recorded): month k's row is entities 0..n − 1.</summary>
    public double[]? CashMatrix { get; private set; }

    /// <summary>Month-major losses (by <see cref="RunwayPlan.LossIndex"/>) at the end of each month 0..H (only when recorded).</summary>
    public double[]? LossMatrix { get; }

    /// <summary>Per link: the month it went down (−1: up); baseline runs only (<see cref="RunwayRecording.Baseline"/>).</summary>
    public int[] LinkDownMonth { get; private set; } = [];

    /// <summary>The down links, by month then link index, with totals (<see cref="Finish"/>).</summary>
    public DownLinks Down { get; private set; } = new([], [], [], [], 0, 0, 0);

    /// <summary>Failed entities by month then index.</summary>
    public int[] FailedOrder { get; private set; } = [];

    /// <summary>Failures not made by the shock itself.</summary>
    public int CascadeFailures { get; private set; }

    /// <summary>Cash of entity v at the end of month k (recorded runs).</summary>
    public double CashAt(int v, int k) => CashMatrix![((long)k * Cash.Length) + v];

    /// <summary>Losses of the entity at <see cref="RunwayPlan.LossIndex"/> position i at the end of month k (recorded runs).</summary>
    public double LossAt(int i, int k) => LossMatrix![((long)k * _lossCapable) + i];

    /// <summary>Cash of entity v at the end of months 0..last (recorded runs).</summary>
    public double[] CashPath(int v, int last)
    {
        var path = new double[last + 1];
        for (var k = 0; k <= last; k++)
        {
            path[k] = CashAt(v, k);
        }

        return path;
    }

    /// <summary>Returns a <see cref="RunwayRecording.Cash"/> run's rented cash matrix; the run's cash paths are gone after it.</summary>
    public void ReleaseCash()
    {
        if (_record == RunwayRecording.Cash && CashMatrix is { } matrix)
        {
            CashMatrix = null;
            ArrayPool<double>.Shared.Return(matrix);
        }
    }

    /// <summary>Keeps every entity's cash at the end of month k (recorded runs; a second call for the same month overwrites).</summary>
    public void Record(int k)
    {
        if (CashMatrix is not null)
        {
            Cash.CopyTo(CashMatrix.AsSpan(k * Cash.Length, Cash.Length));
        }
    }

    /// <summary>Keeps the losses of the entities with a finite capital at the end of month k (recorded runs).</summary>
    public void RecordLosses(int k, RunwayPlan plan)
    {
        if (LossMatrix is null)
        {
            return;
        }

        var row = LossMatrix.AsSpan(k * _lossCapable, _lossCapable);
        var entities = plan.LossEntities;
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = Loss[entities[i]];
        }
    }

    /// <summary>Links down (<see cref="RunwayPlan.LinkDown"/> on the final states), in month then link order; failures in month then index order.</summary>
    public void Finish(RunwayPlan plan, RunwayShock shock)
    {

        var index = plan.Index;
        var m = index.LinkCount;
        var count = new int[Months + 2];

        // Pass 1: the month each link went down (kept for the baseline, whose links the difference evaluator reads).
        var downMonth = _record == RunwayRecording.Baseline ? new int[m] : ArrayPool<int>.Shared.Rent(m);
        for (var l = 0; l < m; l++)
        {
            var month = LinkDown(plan, shock, l).Month;
            downMonth[l] = month;
            if (month >= 0)
            {
                count[month + 1]++;
            }
        }

        for (var k = 1; k < count.Length; k++)
        {
            count[k] += count[k - 1];
        }

        // Pass 2: the down links by month then index, with cause and amount (recomputed: only the down links).
        var total = count[^1];
        var links = new int[total];
        var rounds = new int[total];
        var linkCauses = new LinkDownCause[total];
        var linkAmounts = new double[total];
        var linkDirect = new bool[total];
        for (var l = 0; l < m; l++)
        {
            var month = downMonth[l];
            if (month < 0)
            {
                continue;
            }

            var at = count[month]++;
            var (_, cause, amount) = LinkDown(plan, shock, l);
            links[at] = l;
            rounds[at] = month;
            linkCauses[at] = cause;
            linkAmounts[at] = amount;
            linkDirect[at] = IsDirect(cause, FailCause[index.LinkFrom[l]], FailCause[index.LinkTo[l]]);
        }

        double sum = 0, directSum = 0;
        var directCount = 0;
        for (var i = 0; i < total; i++)
        {
            sum += linkAmounts[i];
            if (linkDirect[i])
            {
                directCount++;
                directSum += linkAmounts[i];
            }
        }

        if (_record == RunwayRecording.Baseline)
        {
            LinkDownMonth = downMonth;
        }
        else
        {
            ArrayPool<int>.Shared.Return(downMonth);
        }

        Down = new DownLinks(links, linkCauses, rounds, linkAmounts, sum, directCount, directSum) { Direct = linkDirect };
        var perMonth = new int[Months + 2];
        foreach (var k in FailMonth)
        {
            if (k >= 0)
            {
                perMonth[k + 1]++;
            }
        }

        for (var k = 1; k < perMonth.Length; k++)
        {
            perMonth[k] += perMonth[k - 1];
        }

        FailedOrder = new int[perMonth[^1]];
        CascadeFailures = 0;
        for (var v = 0; v < FailMonth.Length; v++)
        {
            if (FailMonth[v] >= 0)
            {
                FailedOrder[perMonth[FailMonth[v]]++] = v;
                CascadeFailures += FailCause[v] == RunwayFailureCause.Shock ? 0 : 1;
            }
        }
    }

    // How link l stands at the end of the run (RunwayPlan.LinkDown on the final states).
    private (int Month, LinkDownCause Cause, double Amount) LinkDown(RunwayPlan plan, RunwayShock shock, int l)
    {
        var index = plan.Index;
        var u = index.LinkFrom[l];
        var v = index.LinkTo[l];
        var fraction = shock.Fraction[u];
        if (fraction == 0 && FailMonth[u] < 0 && FailMonth[v] < 0)
        {
            return (RunwayPlan.NoFailure, LinkDownCause.None, 0.0);
        }

        var withdrawMonth = fraction > 0 && (FailMonth[u] < 0 || FailMonth[u] >= plan.WithdrawalMonth) ? plan.WithdrawalMonth : RunwayPlan.NoFailure;
        var recipientFailed = index.Kind[l].IsClaim() ? FailMonth[v] : RunwayPlan.NoFailure;
        var outstanding = recipientFailed < 0 ? 0.0
            : plan.Streams.Shapes[l].IsStream ? plan.Streams.Outstanding(l, recipientFailed, FailMonth[u], fraction)
            : OutstandingAtRecipientFailure[l];
        return plan.LinkDown(l, withdrawMonth, fraction, FailMonth[u], recipientFailed, outstanding);
    }

    /// <summary>Whether a link's first cause is the shock itself: the payer withdrew, or the entity the cause names was failed by the shock.</summary>
    public static bool IsDirect(LinkDownCause cause, RunwayFailureCause payer, RunwayFailureCause recipient) =>
        cause == LinkDownCause.Withdrawn
        || (cause == LinkDownCause.PayerFailed && payer == RunwayFailureCause.Shock)
        || (cause == LinkDownCause.RecipientFailed && recipient == RunwayFailureCause.Shock);
}
