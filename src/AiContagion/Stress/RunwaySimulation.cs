using System.Collections.Immutable;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Stress;

/// <summary>
/// The runway timeline: a month-by-month cash simulation that answers "how long does it hold, and in what order does it
/// break" when sources withdraw at month t0. Each entity's cash moves with its inflows and outflows; an entity whose
/// cash falls below zero fails and stops paying.
/// </summary>
/// <remarks>
/// <para><b>Flows.</b> Link l (amount a, term T years, <see cref="RunwayOptions.DefaultTermYears"/> when absent) pays
/// its recipient <c>r = a / (12T)</c> per month, evenly over its term: in month k (the interval (k − 1, k]) it pays
/// <c>r · |(k − 1, k] ∩ (0, 12T]|</c>, so the whole amount over the first 12T months, then nothing
/// (<see cref="RunwayOptions.RecurringLinks"/>: r every month). Revenue and costs are yearly figures paid evenly,
/// revenue / 12 and costs / 12 a month. With <c>in_v(k)</c> the payments reaching v in month k and <c>out_v(k)</c> those
/// v makes: <c>c_v(k) = c_v(k − 1) + in_v(k) + revenue_v / 12 − out_v(k) − costs_v / 12</c>.</para>
/// <para><b>Direction.</b> Money moves along links, from <c>From</c> to <c>To</c> (DESIGN.md §2): outflows are links out
/// of v, inflows links into v.</para>
/// <para><b>Cash at the start.</b> The entity's cash figure; without one, funding sources have unlimited cash (they are
/// the outside money) and other entities follow <see cref="RunwayOptions.UnknownCash"/> (default: τ × the first
/// year's scheduled inflow, the buffer of the funding-withdrawal cascade; unlimited when the entity has no inflow or
/// revenue at all, since it then pays with outside money). Entities with unlimited cash never fail.</para>
/// <para><b>Shock.</b> A withdrawing source with fraction φ pays <c>(1 − φ)</c> of every payment from month t0 + 1
/// (<see cref="RunwayOptions.WithdrawalMonth"/>). <b>Failure.</b> An entity fails in month k when
/// <c>c_v(k) &lt; 0</c> (beyond a rounding slack of 10⁻⁹ of its gross yearly flows and cash); that month it paid in
/// full (the shortfall is its negative cash), from month k + 1 it pays nothing. Payments into a failed entity go on
/// (a recipient's failure does not release its payers, as in the cascade models). All failures of a month happen
/// together, so the order within a month does not matter; lists are by month, then network order.</para>
/// <para><b>Links down</b> (DESIGN.md §3): a link goes down in the month its payer withdraws or fails, if payments
/// were still due after that month (a fully paid link is not brought down by its payer's later failure), and a claim
/// link goes down in the month its recipient fails.</para>
/// <para><b>Baseline.</b> The same simulation runs without the shock, so entities that burn through their cash on
/// their own are told apart from those the withdrawal sinks (<see cref="RunwayOutcome"/>).</para>
/// <para><b>Complexity.</b> O(H · (n + m)) time for H months, O(n · H) memory for the cash paths. Thread-safe
/// (immutable; each run has its own arrays).</para>
/// </remarks>
public sealed class RunwaySimulation
{
    /// <summary>Creates a simulation.</summary>
    /// <param name="options">Options; <see langword="null"/> for the defaults (24 months, withdrawal at month 0, one-year default term).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RunwaySimulation(RunwayOptions? options = null)
    {
        Options = options ?? new RunwayOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public RunwayOptions Options { get; }

    /// <summary>Runs the simulation with the given sources withdrawing in full.</summary>
    /// <param name="network">The network (not changed).</param>
    /// <param name="withdrawn">The withdrawing entities (any entity; none for the baseline alone).</param>
    /// <param name="cancellationToken">Cancels between months.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">An id is unknown or repeated.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RunwayResult Run(FinancingNetwork network, IEnumerable<string> withdrawn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        return Run(network, withdrawn.Select(id => new Withdrawal(id)), cancellationToken);
    }

    /// <summary>Runs the simulation with the given withdrawals (each with its fraction).</summary>
    /// <param name="network">The network (not changed).</param>
    /// <param name="withdrawals">The withdrawals.</param>
    /// <param name="cancellationToken">Cancels between months.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">An id is unknown or repeated, or a fraction is outside (0, 1].</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RunwayResult Run(FinancingNetwork network, IEnumerable<Withdrawal> withdrawals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(withdrawals);
        var list = withdrawals.ToImmutableArray();
        var fraction = new double[network.EntityCount];
        foreach (var w in list)
        {
            var v = w.Id is null ? -1 : network.IndexOf(w.Id);
            if (v < 0)
            {
                throw new ArgumentException($"The withdrawal names '{w.Id}', which is not an entity of the network.", nameof(withdrawals));
            }

            if (!double.IsFinite(w.Fraction) || w.Fraction <= 0 || w.Fraction > 1)
            {
                throw new ArgumentException($"The withdrawal fraction of '{w.Id}' must lie in (0, 1].", nameof(withdrawals));
            }

            if (fraction[v] > 0)
            {
                throw new ArgumentException($"The withdrawal names '{w.Id}' twice.", nameof(withdrawals));
            }

            fraction[v] = w.Fraction;
        }

        var plan = new RunwayPlan(network, Options);
        var shocked = plan.Simulate(fraction, cancellationToken);
        var baseline = list.IsEmpty ? shocked : plan.Simulate(new double[network.EntityCount], cancellationToken);
        return RunwayResult.Create(network, Options, list, plan, shocked, baseline);
    }
}
