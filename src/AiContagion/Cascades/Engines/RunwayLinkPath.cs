using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// What the difference evaluator assumes about one entity's behaviour: the month it fails (−1: not within the
/// horizon) and, for a withdrawing source, the month t0 after which it pays 1 − φ of each stream.
/// </summary>
/// <param name="FailMonth">The failure month, or −1.</param>
/// <param name="WithdrawMonth">t0 for a withdrawing entity, else −1.</param>
/// <param name="Fraction">φ, the share of each payment it stops after t0.</param>
internal readonly record struct RunwayAssumption(int FailMonth, int WithdrawMonth, double Fraction)
{
    public static RunwayAssumption Baseline(int failMonth) => new(failMonth, RunwayPlan.NoFailure, 0.0);

    /// <summary>The share of its month-k payments the entity makes: 0 once failed (before k), 1 − φ after t0, else 1 (the month loop's rule).</summary>
    public double Share(int k) => FailMonth >= 0 && FailMonth < k ? 0.0 : WithdrawMonth >= 0 && k > WithdrawMonth ? 1.0 - Fraction : 1.0;

    /// <summary>Whether the entity still pays in month k (it did not fail before k).</summary>
    public bool Alive(int k) => FailMonth < 0 || FailMonth >= k;
}

/// <summary>
/// One link's flows month by month under given assumptions about its payer and its recipient, computed exactly as the
/// month loop computes them: the stream's payments, the debt service back, the principal outstanding, and the
/// payer's loss increments when the recipient fails (claims). Reused buffers; not thread-safe.
/// </summary>
internal sealed class LinkPath(int length)
{
    public double[] Paid { get; } = new double[length];

    public double[] DebtService { get; } = new double[length];

    /// <summary>Principal outstanding (paid in) at the end of each month; index 0 is month 0.</summary>
    public double[] Outstanding { get; } = new double[length];

    public double[] LossIncrement { get; } = new double[length];

    public void Compute(RunwayPlan plan, int l, ReadOnlySpan<double> due, int months, RunwayAssumption payer, RunwayAssumption recipient)
    {
        var claim = plan.Index.Kind[l].IsClaim();
        var serviced = plan.IsServiced[l];
        var rate = serviced ? plan.MonthlyRate(l) : 0.0;
        var maturity = serviced ? plan.Maturity(l) : RunwayPlan.Never;
        var outstanding = claim ? plan.Outstanding0[l] : 0.0;
        Outstanding[0] = outstanding;
        Paid[0] = 0;
        DebtService[0] = 0;
        for (var k = 1; k <= months; k++)
        {
            var alive = recipient.Alive(k);
            var service = 0.0;
            if (serviced && alive && k <= maturity)
            {
                service = rate * outstanding;
            }

            var paid = due[k] == 0 ? 0.0 : due[k] * payer.Share(k);
            Paid[k] = paid;
            if (claim && paid != 0)
            {
                outstanding += paid;
            }

            if (serviced && alive && k == maturity && outstanding != 0)
            {
                service += outstanding;
                outstanding = 0;
            }

            DebtService[k] = service;
            Outstanding[k] = outstanding;
        }

        Array.Clear(LossIncrement, 0, months + 1);
        var failed = recipient.FailMonth;
        if (claim && failed >= 0 && failed <= months)
        {
            var lossGivenDefault = plan.LossGivenDefault[l];
            LossIncrement[failed] = lossGivenDefault * Outstanding[failed];
            for (var k = failed + 1; k <= months; k++)
            {
                LossIncrement[k] = Paid[k] == 0 ? 0.0 : lossGivenDefault * Paid[k];
            }
        }
    }
}
