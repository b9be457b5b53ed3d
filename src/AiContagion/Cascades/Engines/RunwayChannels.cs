using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The runway's optional channels bound to one network (<see cref="RunwayOptions.StakeLosses"/>,
/// <see cref="RunwayOptions.MarginCalls"/>, <see cref="RunwayOptions.CollateralSales"/>): each stake's value, the
/// collateralised loans and their collateral, the holdings by asset. Built only when a channel is on; immutable.
/// </summary>
/// <remarks>
/// <para><b>Issuer value.</b> An entity's equity value for valuing stakes in it: its <c>valuation</c>, else its book
/// equity (the <c>capital</c> figure), else unknown — the same basis as <c>AiContagion.Valuation.EquityStakes</c>
/// with the capital figure as the book equity (the runway has no valuation run of its own). Values are those at asOf:
/// the runway marks a stake down only when its issuer fails (to nothing).</para>
/// </remarks>
internal sealed class RunwayChannels
{
    public RunwayChannels(RunwayPlan plan, RunwayOptions options)
    {
        var network = plan.Network;
        var index = plan.Index;
        var n = index.EntityCount;
        var m = index.LinkCount;
        StakeLosses = options.StakeLosses;
        MarginCalls = options.MarginCalls;
        CollateralSales = options.CollateralSales;
        var valuation = index.EntityTerms.Valuation;
        IssuerValue = new double[n];
        for (var v = 0; v < n; v++)
        {
            IssuerValue[v] = !double.IsNaN(valuation[v]) ? valuation[v] : double.IsNaN(index.Capital[v]) ? double.NaN : Math.Max(0, index.Capital[v]);
        }

        // Stakes: share × the issuer's value per Equity link with a share (0 when either is unknown).
        StakeValue = new double[m];
        var shares = index.Terms.Share;
        for (var l = 0; shares is not null && l < m; l++)
        {
            var issuer = index.LinkTo[l];
            if (index.Kind[l] == LinkKind.Equity && !double.IsNaN(shares[l]) && !double.IsNaN(IssuerValue[issuer]))
            {
                StakeValue[l] = shares[l] * IssuerValue[issuer];
            }
        }

        // The holdings layer, by asset: (holder, amount, slot) rows.
        var holdings = network.HoldingIndex;
        AssetCount = holdings.AssetCount;
        Impact = new double[AssetCount];
        for (var a = 0; a < AssetCount; a++)
        {
            Impact[a] = double.IsNaN(holdings.Impact[a]) ? 0.0 : holdings.Impact[a];
        }

        var byAsset = new List<(int Holder, double Amount, int Slot)>[AssetCount];
        for (var a = 0; a < AssetCount; a++)
        {
            byAsset[a] = [];
        }

        for (var v = 0; v < n; v++)
        {
            for (var s = holdings.Start[v]; s < holdings.Start[v + 1]; s++)
            {
                byAsset[holdings.Asset[s]].Add((v, holdings.Amount[s], s));
            }
        }

        Holders = [.. byAsset.Select(list => list.ToArray())];
        SlotAmount = holdings.Amount;

        // Collateralised debt links: collateral an entity (a stake of the borrower in it) or an asset (its holding).
        var collateral = index.Terms.Collateral;
        var maxLtv = index.Terms.MaxLtv;
        var loans = new List<CollateralisedLoan>();
        for (var l = 0; l < m; l++)
        {
            if (!index.Kind[l].IsDebt() || network.Links[l].Collateral is not { } id)
            {
                continue;
            }

            var borrower = index.LinkTo[l];
            var ltv = maxLtv is null ? double.NaN : maxLtv[l];
            var entity = collateral is null ? -1 : collateral[l];
            if (entity >= 0)
            {
                var value = 0.0;
                foreach (var s in index.LinksOutOf(borrower))
                {
                    if (index.LinkTo[s] == entity)
                    {
                        value += StakeValue[s];
                    }
                }

                loans.Add(new CollateralisedLoan(l, borrower, entity, -1, -1, value, ltv));
            }
            else if (network.AssetIndexOf(id) is var asset and >= 0)
            {
                var slot = -1;
                for (var s = holdings.Start[borrower]; s < holdings.Start[borrower + 1]; s++)
                {
                    slot = holdings.Asset[s] == asset ? s : slot;
                }

                loans.Add(new CollateralisedLoan(l, borrower, -1, asset, slot, slot >= 0 ? holdings.Amount[slot] : 0.0, ltv));
            }
        }

        Loans = [.. loans];
        LoansByIssuer = Group(n, Loans, loan => loan.Issuer);
        LoansByAsset = Group(AssetCount, Loans, loan => loan.Asset);
        LoansByBorrower = Group(n, Loans, loan => loan.Borrower);
    }

    public bool StakeLosses { get; }

    public bool MarginCalls { get; }

    public bool CollateralSales { get; }

    /// <summary>Each entity's equity value at asOf: valuation, else capital, else NaN.</summary>
    public double[] IssuerValue { get; }

    /// <summary>Per link: share × the issuer's value (Equity links with a share and a known value; else 0).</summary>
    public double[] StakeValue { get; }

    public int AssetCount { get; }

    /// <summary>The amount of each holding slot at asOf (units at price 1).</summary>
    public double[] SlotAmount { get; }

    /// <summary>Each asset's price impact ℓ per unit sold (0 when not given).</summary>
    public double[] Impact { get; }

    /// <summary>Each asset's holders: (holder, amount at asOf, holding slot), by holder index.</summary>
    public (int Holder, double Amount, int Slot)[][] Holders { get; }

    /// <summary>The collateralised debt links, in link order.</summary>
    public CollateralisedLoan[] Loans { get; }

    /// <summary>Per issuer: the loans its stakes secure.</summary>
    public int[][] LoansByIssuer { get; }

    /// <summary>Per asset: the loans it secures.</summary>
    public int[][] LoansByAsset { get; }

    /// <summary>Per borrower: its collateralised loans.</summary>
    public int[][] LoansByBorrower { get; }

    /// <summary>The extra loss a stake adds to the claim loss charged when its issuer fails: max(0, share × value − charged).</summary>
    public double StakeExtra(int l, double charged) => StakeLosses && StakeValue[l] > charged ? StakeValue[l] - charged : 0.0;

    private static int[][] Group(int count, CollateralisedLoan[] loans, Func<CollateralisedLoan, int> key)
    {
        var lists = new List<int>[count];
        for (var i = 0; i < loans.Length; i++)
        {
            var k = key(loans[i]);
            if (k >= 0)
            {
                (lists[k] ??= []).Add(i);
            }
        }

        return [.. lists.Select(list => list is null ? Array.Empty<int>() : list.ToArray())];
    }
}

/// <summary>A debt link secured by collateral.</summary>
/// <param name="Link">The debt link (From = lender, To = borrower).</param>
/// <param name="Borrower">The borrower's index.</param>
/// <param name="Issuer">The entity whose equity (held by the borrower) secures it, or −1.</param>
/// <param name="Asset">The asset that secures it, or −1.</param>
/// <param name="Slot">The borrower's holding slot of the asset, or −1 (none held).</param>
/// <param name="Value">The collateral's value at asOf: Σ share × issuer value over the borrower's stakes in the issuer, or the borrower's holding of the asset (price 1).</param>
/// <param name="MaxLtv">The maximum loan-to-value, or NaN (no margin call: the loan only marks the collateral for seizure).</param>
internal readonly record struct CollateralisedLoan(int Link, int Borrower, int Issuer, int Asset, int Slot, double Value, double MaxLtv)
{
    /// <summary>Whether a fall in the collateral's value can call the loan: a maxLtv and a positive value at asOf.</summary>
    public bool Callable => !double.IsNaN(MaxLtv) && Value > 0;
}

/// <summary>
/// The channels' state in one run of the month loop: asset prices, the loans called, the holdings seized, the sales
/// due next month. Created per <see cref="RunwayPlan.Simulate"/>.
/// </summary>
internal sealed class ChannelState
{
    private readonly double[] _pending;
    private readonly List<int> _pendingAssets = [];
    private readonly List<int> _fell = [];
    private readonly bool[] _sold;
    private int _issuersChecked;

    public ChannelState(RunwayChannels plan)
    {
        Plan = plan;
        Price = new double[plan.AssetCount];
        Array.Fill(Price, 1.0);
        _pending = new double[plan.AssetCount];
        _sold = new bool[plan.SlotAmount.Length];
        Called = new bool[plan.StakeValue.Length];
    }

    public RunwayChannels Plan { get; }

    /// <summary>Each asset's price (1 at asOf).</summary>
    public double[] Price { get; }

    /// <summary>Per link: whether a margin call closed it.</summary>
    public bool[] Called { get; }

    /// <summary>The borrowers the last <see cref="CallMargins"/> made pay.</summary>
    public List<int> Drained { get; } = [];

    /// <summary>Start of the month: the collateral seized last month is sold; every other holder loses its holding × the fall.</summary>
    public void Sell(RunwayPlan runway, RunwayRun run, List<int> lossChanged, bool[] isLossChanged)
    {
        _issuersChecked = 0;
        _fell.Clear();
        foreach (var a in _pendingAssets)
        {
            var before = Price[a];
            var sold = _pending[a] * before;
            _pending[a] = 0;
            var after = before * (1.0 - Math.Min(1.0, Plan.Impact[a] * sold));
            var fall = before - after;
            if (!(fall > 0))
            {
                continue;
            }

            Price[a] = after;
            _fell.Add(a);
            foreach (var (holder, amount, slot) in Plan.Holders[a])
            {
                if (_sold[slot] || runway.LossIndex[holder] < 0 || amount == 0)
                {
                    continue;
                }

                run.Loss[holder] += amount * fall;
                if (!isLossChanged[holder])
                {
                    isLossChanged[holder] = true;
                    lossChanged.Add(holder);
                }
            }
        }

        _pendingAssets.Clear();
    }

    /// <summary>
    /// The margin calls of the month so far: loans secured by a stake in an issuer that failed this month (its value is
    /// now 0) or by an asset whose price fell this month, whose <c>outstanding / value</c> now exceeds maxLtv, with the
    /// borrower alive. Each is paid in full from the borrower's cash to the lender's, and closed.
    /// </summary>
    /// <returns>Whether any loan was called (then <see cref="Drained"/> lists the borrowers).</returns>
    public bool CallMargins(RunwayPlan runway, RunwayRun run, int k, double[] outstanding, List<int> newly)
    {
        Drained.Clear();
        if (!Plan.MarginCalls)
        {
            return false;
        }

        for (; _issuersChecked < newly.Count; _issuersChecked++)
        {
            foreach (var i in Plan.LoansByIssuer[newly[_issuersChecked]])
            {
                Consider(runway, run, outstanding, Plan.Loans[i], 0.0);
            }
        }

        foreach (var a in _fell)
        {
            foreach (var i in Plan.LoansByAsset[a])
            {
                var loan = Plan.Loans[i];
                Consider(runway, run, outstanding, loan, loan.Value * Price[a]);
            }
        }

        _fell.Clear();
        return Drained.Count > 0;
    }

    /// <summary>End of the month: the failed borrowers' asset collateral (still securing a loan with principal outstanding) is seized, for sale next month.</summary>
    public void Seize(RunwayPlan runway, int k, double[] outstanding, List<int> newly)
    {
        if (!Plan.CollateralSales)
        {
            return;
        }

        foreach (var b in newly)
        {
            foreach (var i in Plan.LoansByBorrower[b])
            {
                var loan = Plan.Loans[i];
                if (loan.Asset < 0 || loan.Slot < 0 || _sold[loan.Slot] || !(outstanding[loan.Link] > 0))
                {
                    continue;
                }

                _sold[loan.Slot] = true;
                if (_pending[loan.Asset] == 0)
                {
                    _pendingAssets.Add(loan.Asset);
                }

                _pending[loan.Asset] += Plan.SlotAmount[loan.Slot];
            }
        }

        _pendingAssets.Sort();
    }

    private void Consider(RunwayPlan runway, RunwayRun run, double[] outstanding, CollateralisedLoan loan, double value)
    {
        var l = loan.Link;
        var b = loan.Borrower;
        var principal = outstanding[l];
        if (!loan.Callable || Called[l] || run.FailMonth[b] >= 0 || !(principal > 0) || !(principal > loan.MaxLtv * value))
        {
            return;
        }

        var lender = runway.Index.LinkFrom[l];
        Called[l] = true;
        outstanding[l] = 0;
        run.Cash[b] -= principal;
        run.Cash[lender] += principal;
        run.Paid[b] += principal;
        run.DebtServicePaid[b] += principal;
        if (run.FailMonth[lender] < 0)
        {
            run.Received[lender] += principal;
        }

        Drained.Add(b);
    }
}
