using System.Buffers;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The plain term streams of the <see cref="RunwayPlan"/> — links paid evenly over their months, without a schedule,
/// debt service or a channel — handled as monthly <em>levels</em> instead of link by link: the month loop's cost then
/// follows the events (a stream starts, ends, or is cut by a withdrawal or a failure), not links × months.
/// </summary>
/// <remarks>
/// <para><b>Why it is the same model.</b> A plain term stream pays r = amount / T in months First..Last − 1 and
/// d(Last) (r, or the fractional remainder) in month Last (<see cref="RunwayPlan.TermDue"/>). Its recipient's inflow in
/// month k is σ(k) · d(k), where σ is the payer's share — 1, then 1 − φ after the withdrawal month t0, then 0 after the
/// payer's failure month. Summed over the streams into an entity, the inflow is a step function of k: it changes only
/// at a stream's first month, at its last (fractional) month and the month after, and at the month after a cut. The
/// plan keeps the uncut streams' steps once (<see cref="RunwayStreams"/>); a run adds the cuts' steps as they happen
/// (<see cref="StreamRun"/>). Everything the link-by-link loop derived from each payment is derived from the same
/// d(k) and σ(k): the payer's outflow, the flow stopped and the recipient's lost inflow (σ's cuts times the stream's
/// remaining dues, <see cref="Sum"/>), the principal a claim has paid in (the closed form
/// Outstanding₀ + Σ σ(j) d(j)), and the loss a lender books on payments into a failed recipient ((1 − recovery) × σ(k) d(k)
/// from the month after the failure).</para>
/// <para>The sums are grouped differently from a link-by-link loop (a level is a running sum of steps), so cash may
/// differ from it in the last bits; the model's cash and loss tests carry a rounding slack of 10⁻⁹ of the entity's
/// gross flows (<see cref="RunwayPlan.Slack"/>), far above that.</para>
/// <para>With a channel on (stakes, margin calls, collateral sales) no link is a plain stream: the channels read
/// every loan's principal month by month and may close a loan, so the link-by-link loop runs as before.</para>
/// </remarks>
internal sealed class RunwayStreams
{
    // The uncut streams' steps, summed per month and entity: month k's inflow steps are
    // (_inEntity, _inDelta)[_inStart[k] .. _inStart[k + 1]], its outflow steps likewise.
    private readonly int[] _inStart;
    private readonly int[] _inEntity;
    private readonly double[] _inDelta;
    private readonly int[] _outStart;
    private readonly int[] _outEntity;
    private readonly double[] _outDelta;

    public RunwayStreams(RunwayPlan plan, bool anyChannel)
    {
        Plan = plan;
        var index = plan.Index;
        var m = index.LinkCount;
        var h = plan.Months;
        Shapes = new StreamShape[m];
        var perLink = new List<int>();
        var count = new int[h + 3];
        Span<(int Month, double Delta)> steps = stackalloc (int, double)[3];
        for (var l = 0; l < m; l++)
        {
            if (plan.IsSchedule(l))
            {
                LinkByLinkClaims |= index.Kind[l].IsClaim();
                continue;
            }

            if (anyChannel || plan.IsServiced[l])
            {
                LinkByLinkClaims |= index.Kind[l].IsClaim();
                if (plan.First[l] <= plan.Last[l])
                {
                    perLink.Add(l);
                }

                continue;
            }

            Shapes[l] = Shape(l);
            var c = Steps(Shapes[l], 1, 1.0, steps);
            for (var i = 0; i < c; i++)
            {
                count[steps[i].Month + 1]++;
            }
        }

        PerLinkTerms = [.. perLink];
        for (var k = 1; k < count.Length; k++)
        {
            count[k] += count[k - 1];
        }

        // The links with a step in each month (a rented scratch list), then each month's steps summed per entity.
        var byMonth = ArrayPool<int>.Shared.Rent(Math.Max(1, count[^1]));
        var next = (int[])count.Clone();
        for (var l = 0; l < m; l++)
        {
            if (Shapes[l].IsStream)
            {
                var c = Steps(Shapes[l], 1, 1.0, steps);
                for (var i = 0; i < c; i++)
                {
                    byMonth[next[steps[i].Month]++] = l;
                }
            }
        }

        var n = index.EntityCount;
        var inSum = new double[n];
        var outSum = new double[n];
        var inSeen = new bool[n];
        var outSeen = new bool[n];
        var inTouched = new List<int>();
        var outTouched = new List<int>();
        var inEntity = new List<int>();
        var inDelta = new List<double>();
        var outEntity = new List<int>();
        var outDelta = new List<double>();
        _inStart = new int[h + 3];
        _outStart = new int[h + 3];
        for (var k = 0; k <= h + 1; k++)
        {
            for (var i = count[k]; i < count[k + 1]; i++)
            {
                var l = byMonth[i];
                var c = Steps(Shapes[l], 1, 1.0, steps);
                for (var j = 0; j < c; j++)
                {
                    if (steps[j].Month == k)
                    {
                        Touch(index.LinkTo[l], steps[j].Delta, inSum, inSeen, inTouched);
                        Touch(index.LinkFrom[l], steps[j].Delta, outSum, outSeen, outTouched);
                    }
                }
            }

            Flush(inSum, inSeen, inTouched, inEntity, inDelta);
            Flush(outSum, outSeen, outTouched, outEntity, outDelta);
            _inStart[k + 1] = inEntity.Count;
            _outStart[k + 1] = outEntity.Count;
        }

        ArrayPool<int>.Shared.Return(byMonth);
        _inEntity = [.. inEntity];
        _inDelta = [.. inDelta];
        _outEntity = [.. outEntity];
        _outDelta = [.. outDelta];

        static void Touch(int v, double delta, double[] sum, bool[] seen, List<int> touched)
        {
            if (!seen[v])
            {
                seen[v] = true;
                touched.Add(v);
            }

            sum[v] += delta;
        }

        static void Flush(double[] sum, bool[] seen, List<int> touched, List<int> entities, List<double> deltas)
        {
            foreach (var v in touched)
            {
                entities.Add(v);
                deltas.Add(sum[v]);
                sum[v] = 0;
                seen[v] = false;
            }

            touched.Clear();
        }
    }

    public RunwayPlan Plan { get; }

    /// <summary>Per link: its stream's shape (the default when it is paid link by link).</summary>
    public StreamShape[] Shapes { get; }

    /// <summary>Whether any claim is paid link by link (then runs keep every link's principal month by month).</summary>
    public bool LinkByLinkClaims { get; }

    /// <summary>The term links paid link by link (debt service, or every term link when a channel is on), in link order.</summary>
    public int[] PerLinkTerms { get; }

    /// <summary>
    /// The steps that add scale × d(k) to a level for every month k ≥ s of link l's stream (at most three: the level
    /// at its first month, the change to a fractional last month, the end after it; none after month H).
    /// </summary>
    public int Steps(in StreamShape term, int s, double scale, Span<(int Month, double Delta)> steps)
    {
        var first = Math.Max(s, term.First);
        var last = term.Last;
        if (first > last || scale == 0)
        {
            return 0;
        }

        var count = 0;
        var level = first < last ? term.Rate : term.End;
        steps[count++] = (first, scale * level);
        if (last > first && term.End != level)
        {
            steps[count++] = (last, scale * (term.End - level));
            level = term.End;
        }

        if (last < Plan.Months)
        {
            steps[count++] = (last + 1, -scale * level);
        }

        return count;
    }

    /// <summary>Σ d(k) over months a..b of a stream: Rate for every month before its last, End in its last.</summary>
    public static double Sum(in StreamShape term, int a, int b)
    {
        var lo = Math.Max(a, term.First);
        var hi = Math.Min(b, term.Last);
        if (lo > hi)
        {
            return 0.0;
        }

        return hi == term.Last ? ((hi - lo) * term.Rate) + term.End : (hi - lo + 1) * term.Rate;
    }

    /// <summary>
    /// A claim stream's principal paid in at the end of month k, plus what was outstanding at month 0: Outstanding₀ +
    /// Σ σ(j) d(j) over months 1..min(k, payer's failure month), σ = 1 − φ after t0.
    /// </summary>
    public double Outstanding(int l, int k, int payerFailed, double phi)
    {
        ref readonly var term = ref Shapes[l];
        var last = payerFailed >= 0 ? Math.Min(k, payerFailed) : k;
        var paid = Sum(term, 1, last);
        if (phi > 0 && last > Plan.WithdrawalMonth)
        {
            paid -= phi * Sum(term, Plan.WithdrawalMonth + 1, last);
        }

        return Plan.Outstanding0[l] + paid;
    }

    // A plain stream's shape from the plan's term (TermDue: the rate before the last month, the remainder in it).
    private StreamShape Shape(int l)
    {
        var first = Plan.First[l];
        var last = Plan.Last[l];
        var rate = first < last ? Plan.TermDue(l, first) : 0.0;
        var end = first <= last ? Plan.TermDue(l, last) : 0.0;
        return new StreamShape(first, last, rate, end);
    }

    /// <summary>Applies the uncut streams' steps of month k, summed per entity: to the recipients' inflow and the payers' outflow levels.</summary>
    public void ApplyPlanned(int k, double[] inLevel, double[] outLevel)
    {
        for (var i = _inStart[k]; i < _inStart[k + 1]; i++)
        {
            inLevel[_inEntity[i]] += _inDelta[i];
        }

        for (var i = _outStart[k]; i < _outStart[k + 1]; i++)
        {
            outLevel[_outEntity[i]] += _outDelta[i];
        }
    }
}

/// <summary>A plain term stream's shape: d(k) = Rate in months First..Last − 1 and End in month Last (nothing outside).</summary>
/// <param name="First">First month with a payment in the horizon (≥ 1; 0: not a plain stream).</param>
/// <param name="Last">Last month with a payment in the horizon (below First: none).</param>
/// <param name="Rate">The monthly due before the last month.</param>
/// <param name="End">The due in the last month (Rate, or a fractional remainder).</param>
internal readonly record struct StreamShape(int First, int Last, double Rate, double End)
{
    /// <summary>Whether the link is a plain stream (a link paid link by link keeps the default shape, First = 0: no steps, no sums).</summary>
    public bool IsStream => First != 0;
}
