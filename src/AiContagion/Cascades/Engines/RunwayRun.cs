using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The state one <see cref="RunwayPlan.Simulate"/> leaves: failure months and causes, cash, losses, each entity's flows
/// up to its failure, the stopped flow per month, and (after <see cref="Finish"/>) the links down and the result's order.
/// With <c>record</c>, every entity's cash and loss at the end of every month (the baseline's reference for the
/// difference evaluator).
/// </summary>
internal sealed class RunwayRun
{
    private readonly int _stride;

    public RunwayRun(int entities, int links, int months, int lossCapable, bool record)
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
        if (record)
        {
            CashMatrix = new double[(long)entities * _stride];
            LossMatrix = new double[(long)lossCapable * _stride];
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

    /// <summary>Claim links: principal outstanding (paid in) at the end of the month the recipient failed.</summary>
    public double[] OutstandingAtRecipientFailure { get; }

    /// <summary>Per month, the stream payments due that were not made.</summary>
    public double[] FlowStopped { get; }

    /// <summary>Entity-major cash at the end of each month 0..H (only when recorded).</summary>
    public double[]? CashMatrix { get; }

    /// <summary>Entity-major (by <see cref="RunwayPlan.LossIndex"/>) losses at the end of each month 0..H (only when recorded).</summary>
    public double[]? LossMatrix { get; }

    /// <summary>Per link: the month it went down (−1: up).</summary>
    public int[] LinkDownMonth { get; private set; } = [];

    /// <summary>The down links, by month then link index, with totals (<see cref="Finish"/>).</summary>
    public DownLinks Down { get; private set; } = new([], [], [], [], 0, 0, 0);

    /// <summary>Failed entities by month then index.</summary>
    public int[] FailedOrder { get; private set; } = [];

    /// <summary>Failures not made by the shock itself.</summary>
    public int CascadeFailures { get; private set; }

    /// <summary>Cash of entity v at the end of month k (recorded runs).</summary>
    public double CashAt(int v, int k) => CashMatrix![((long)v * _stride) + k];

    public void Record(int k, RunwayPlan plan)
    {
        if (CashMatrix is null)
        {
            return;
        }

        for (var v = 0; v < Cash.Length; v++)
        {
            CashMatrix[((long)v * _stride) + k] = Cash[v];
        }
    }

    public void RecordLosses(int k, RunwayPlan plan)
    {
        if (LossMatrix is null)
        {
            return;
        }

        for (var v = 0; v < Loss.Length; v++)
        {
            if (plan.LossIndex[v] >= 0)
            {
                LossMatrix[((long)plan.LossIndex[v] * _stride) + k] = Loss[v];
            }
        }
    }

    /// <summary>Links down (<see cref="RunwayPlan.LinkDown"/> on the final states), in month then link order; failures in month then index order.</summary>
    public void Finish(RunwayPlan plan, RunwayShock shock)
    {
        var index = plan.Index;
        var m = index.LinkCount;
        var t0 = plan.WithdrawalMonth;
        LinkDownMonth = new int[m];
        var causes = new LinkDownCause[m];
        var amounts = new double[m];
        var direct = new bool[m];
        var count = new int[Months + 2];
        for (var l = 0; l < m; l++)
        {
            var u = index.LinkFrom[l];
            var v = index.LinkTo[l];
            var fraction = shock.Fraction[u];
            var withdrawMonth = fraction > 0 && (FailMonth[u] < 0 || FailMonth[u] >= t0) ? t0 : RunwayPlan.NoFailure;
            var (month, cause, amount) = plan.LinkDown(l, withdrawMonth, fraction, FailMonth[u], index.Kind[l].IsClaim() ? FailMonth[v] : RunwayPlan.NoFailure, OutstandingAtRecipientFailure[l]);
            LinkDownMonth[l] = month;
            if (month >= 0)
            {
                causes[l] = cause;
                amounts[l] = amount;
                direct[l] = IsDirect(cause, FailCause[u], FailCause[v]);
                count[month + 1]++;
            }
        }

        for (var k = 1; k < count.Length; k++)
        {
            count[k] += count[k - 1];
        }

        var total = count[^1];
        var links = new int[total];
        for (var l = 0; l < m; l++)
        {
            if (LinkDownMonth[l] >= 0)
            {
                links[count[LinkDownMonth[l]]++] = l;
            }
        }

        var rounds = new int[total];
        var linkCauses = new LinkDownCause[total];
        var linkAmounts = new double[total];
        var linkDirect = new bool[total];
        double sum = 0, directSum = 0;
        var directCount = 0;
        for (var i = 0; i < total; i++)
        {
            var l = links[i];
            rounds[i] = LinkDownMonth[l];
            linkCauses[i] = causes[l];
            linkAmounts[i] = amounts[l];
            linkDirect[i] = direct[l];
            sum += amounts[l];
            if (direct[l])
            {
                directCount++;
                directSum += amounts[l];
            }
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

    /// <summary>Whether a link's first cause is the shock itself: the payer withdrew, or the entity the cause names was failed by the shock.</summary>
    public static bool IsDirect(LinkDownCause cause, RunwayFailureCause payer, RunwayFailureCause recipient) =>
        cause == LinkDownCause.Withdrawn
        || (cause == LinkDownCause.PayerFailed && payer == RunwayFailureCause.Shock)
        || (cause == LinkDownCause.RecipientFailed && recipient == RunwayFailureCause.Shock);
}
