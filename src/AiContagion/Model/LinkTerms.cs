namespace AiContagion.Model;

/// <summary>
/// The dated cash-flow, range and stake terms of every link, as compact arrays for the engines' monthly loops: built on
/// first use from the network (<see cref="NetworkIndex.Terms"/>), so a network that never runs a dated model pays nothing
/// for them, and an array is allocated only when some link uses its field (<see langword="null"/> otherwise).
/// </summary>
/// <remarks>
/// <para><b>Months.</b> Months are numbered from the <see cref="Origin"/> month, which is month 1 (the runway's
/// convention: the state at <c>asOf</c> is month 0, the asOf month itself is month 1, the next month is month 2; a
/// payment dated before the origin has a number ≤ 0). The origin is the network's <c>asOf</c> when it reads as a month
/// (<c>YYYY-MM</c> or <c>YYYY-MM-DD</c>); otherwise the earliest month any link states (start, date, schedule,
/// maturity); when no month is known at all, <see cref="Origin"/> is <see langword="null"/> and every month is
/// <see cref="NoMonth"/>.</para>
/// <para><b>Direction.</b> Payments of link <c>l</c> run from <c>LinkFrom[l]</c> to <c>LinkTo[l]</c>, the way money
/// moves; a debt link's service (interest at <see cref="Rate"/>, principal at <see cref="Maturity"/>) runs back, from
/// <c>LinkTo[l]</c> to <c>LinkFrom[l]</c>.</para>
/// <para>Built in O(m + payments); immutable once built and safe to share between threads.</para>
/// </remarks>
internal sealed class LinkTerms
{
    /// <summary>The month number of a month that is not known.</summary>
    public const int NoMonth = int.MinValue;

    // Allocated when the first link with the field is seen (Build).
    private double[]? _rate;
    private double[]? _low;
    private double[]? _high;
    private double[]? _share;
    private double[]? _maxLtv;
    private int[]? _maturity;
    private DebtSeniority[]? _seniority;
    private AmountConfidence?[]? _confidence;
    private int[]? _collateral;

    private LinkTerms(int linkCount, CalendarMonth? origin)
    {
        Origin = origin;
        Start = new int[linkCount];
        TermMonths = new int[linkCount];
    }

    /// <summary>The month numbered 1, or <see langword="null"/> when the network states no month at all.</summary>
    public CalendarMonth? Origin { get; }

    /// <summary>
    /// The month number of each link's first payment: its <c>start</c>, else its <c>date</c> when that reads as a month,
    /// else the network's <c>asOf</c> (<see cref="FieldSchema.StartOf"/>), else the <see cref="Origin"/>;
    /// <see cref="NoMonth"/> when no month is known.
    /// </summary>
    public int[] Start { get; }

    /// <summary>Months over which each link's amount is paid evenly: <c>max(1, round(12 × termYears))</c>; 0 without a term.</summary>
    public int[] TermMonths { get; }

    /// <summary>Annual interest rate per link (NaN when absent); <see langword="null"/> when no link has one.</summary>
    public double[]? Rate => _rate;

    /// <summary>Month number of each link's maturity (<see cref="NoMonth"/> when absent); <see langword="null"/> when no link has one.</summary>
    public int[]? Maturity => _maturity;

    /// <summary>
    /// Row starts of the schedules (length m + 1): link <c>l</c>'s payments are
    /// <c>PaymentMonth/PaymentAmount[ScheduleStart[l] .. ScheduleStart[l+1]]</c>, in increasing months;
    /// <see langword="null"/> when no link has a schedule.
    /// </summary>
    public int[]? ScheduleStart { get; private set; }

    /// <summary>The month number of every scheduled payment, grouped by link.</summary>
    public int[]? PaymentMonth { get; private set; }

    /// <summary>The amount of every scheduled payment, grouped by link.</summary>
    public double[]? PaymentAmount { get; private set; }

    /// <summary>Lowest plausible amount per link (NaN when absent); <see langword="null"/> when no link has one.</summary>
    public double[]? Low => _low;

    /// <summary>Highest plausible amount per link (NaN when absent); <see langword="null"/> when no link has one.</summary>
    public double[]? High => _high;

    /// <summary>Confidence per link (<see langword="null"/> entries when not stated); <see langword="null"/> when no link states one.</summary>
    public AmountConfidence?[]? Confidence => _confidence;

    /// <summary>Share of the recipient's equity per Equity link (NaN when absent); <see langword="null"/> when no link has one.</summary>
    public double[]? Share => _share;

    /// <summary>Seniority per link (<see cref="DebtSeniority.Senior"/> when not stated); <see langword="null"/> when no link states one.</summary>
    public DebtSeniority[]? Seniority => _seniority;

    /// <summary>Entity index of each link's collateral (−1 when absent); <see langword="null"/> when no link has one.</summary>
    public int[]? Collateral => _collateral;

    /// <summary>Maximum loan-to-value per link (NaN when absent); <see langword="null"/> when no link has one.</summary>
    public double[]? MaxLtv => _maxLtv;

    /// <summary>The number of a month (1 = <see cref="Origin"/>), or <see cref="NoMonth"/> without an origin.</summary>
    public int MonthNumber(CalendarMonth month) => Origin is { } origin ? origin.MonthsUntil(month) + 1 : NoMonth;

    /// <summary>The months of link <paramref name="link"/>'s scheduled payments (empty without a schedule).</summary>
    public ReadOnlySpan<int> PaymentMonths(int link) =>
        ScheduleStart is null ? [] : PaymentMonth.AsSpan(ScheduleStart[link], ScheduleStart[link + 1] - ScheduleStart[link]);

    /// <summary>The amounts of link <paramref name="link"/>'s scheduled payments (empty without a schedule).</summary>
    public ReadOnlySpan<double> PaymentAmounts(int link) =>
        ScheduleStart is null ? [] : PaymentAmount.AsSpan(ScheduleStart[link], ScheduleStart[link + 1] - ScheduleStart[link]);

    /// <summary>Builds the terms of validated links.</summary>
    /// <param name="links">The links, in network order.</param>
    /// <param name="entities">The entities, in network order (to resolve collateral ids).</param>
    /// <param name="asOf">The network's <c>asOf</c> text.</param>
    public static LinkTerms Build(IReadOnlyList<Link> links, IReadOnlyList<Entity> entities, string? asOf)
    {
        var m = links.Count;
        var terms = new LinkTerms(m, FindOrigin(links, asOf));
        var asOfMonth = CalendarMonth.TryParse(asOf, out var parsed) ? parsed : (CalendarMonth?)null;
        var payments = 0;
        Dictionary<string, int>? entityIndex = null;
        for (var l = 0; l < m; l++)
        {
            var link = links[l];
            terms.Start[l] = FieldSchema.StartOf(link, asOfMonth ?? terms.Origin) is { } start ? terms.MonthNumber(start) : NoMonth;
            terms.TermMonths[l] = link.TermYears is { } years ? Math.Max(1, (int)Math.Round(12 * years, MidpointRounding.AwayFromZero)) : 0;
            if (!link.HasDetails)
            {
                continue;
            }

            payments += link.Schedule.Length;
            Set(ref terms._rate, m, l, link.Rate, double.NaN);
            Set(ref terms._low, m, l, link.Low, double.NaN);
            Set(ref terms._high, m, l, link.High, double.NaN);
            Set(ref terms._share, m, l, link.Share, double.NaN);
            Set(ref terms._maxLtv, m, l, link.MaxLtv, double.NaN);
            Set(ref terms._maturity, m, l, link.Maturity is { } maturity ? terms.MonthNumber(maturity) : null, NoMonth);
            Set(ref terms._seniority, m, l, link.Seniority, DebtSeniority.Senior);
            if (link.Confidence is not null)
            {
                (terms._confidence ??= new AmountConfidence?[m])[l] = link.Confidence;
            }

            if (link.Collateral is { } collateral)
            {
                entityIndex ??= Enumerable.Range(0, entities.Count).ToDictionary(v => entities[v].Id, StringComparer.Ordinal);
                Set(ref terms._collateral, m, l, entityIndex.TryGetValue(collateral, out var v) ? v : -1, -1);
            }
        }

        if (payments > 0)
        {
            terms.BuildSchedules(links, payments);
        }

        return terms;
    }

    private void BuildSchedules(IReadOnlyList<Link> links, int payments)
    {
        var rows = new int[links.Count + 1];
        var months = new int[payments];
        var amounts = new double[payments];
        var next = 0;
        for (var l = 0; l < links.Count; l++)
        {
            rows[l] = next;
            foreach (var payment in links[l].Schedule)
            {
                months[next] = MonthNumber(payment.Month);
                amounts[next] = payment.Amount;
                next++;
            }
        }

        rows[links.Count] = next;
        ScheduleStart = rows;
        PaymentMonth = months;
        PaymentAmount = amounts;
    }

    // Sets one link's entry, allocating the array (filled with the absent value) the first time a link has the field.
    private static void Set<T>(ref T[]? array, int count, int link, T? value, T absent)
        where T : struct
    {
        if (value is not { } given)
        {
            return;
        }

        if (array is null)
        {
            array = new T[count];
            Array.Fill(array, absent);
        }

        array[link] = given;
    }

    // The month numbered 1: asOf when it reads as a month, else the earliest month a link states.
    private static CalendarMonth? FindOrigin(IReadOnlyList<Link> links, string? asOf)
    {
        if (CalendarMonth.TryParse(asOf, out var month))
        {
            return month;
        }

        CalendarMonth? earliest = null;
        void Consider(CalendarMonth? candidate)
        {
            if (candidate is { } c && (earliest is null || c < earliest))
            {
                earliest = c;
            }
        }

        foreach (var link in links)
        {
            if (!link.HasDetails)
            {
                continue;
            }

            Consider(link.Start);
            Consider(CalendarMonth.TryParse(link.Date, out var date) ? date : null);
            Consider(link.Maturity);
            foreach (var payment in link.Schedule)
            {
                Consider(payment.Month);
            }
        }

        return earliest;
    }
}
