using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The round-by-round engine behind the funding-withdrawal, credit-loss and chain cascades: a liquidity channel
/// (lost inflow against τ × inflow, along links) and a solvency channel (losses on claims against capital, against
/// claim links), either or both.
/// </summary>
/// <remarks>
/// <para>Event-driven: only entities whose lost inflow or losses changed in a round are tested in the next, and
/// every work array is pooled and cleared only where the run wrote, so a run costs O(entities and links reached).</para>
/// <para>Deterministic: the shock is applied in entity order, each round's failures are processed in entity order,
/// and each entity's links in network order.</para>
/// </remarks>
internal sealed class ThresholdCascadeEngine : CascadeEngine
{
    private readonly NetworkIndex _index;
    private readonly bool _liquidity;
    private readonly bool _solvency;
    private readonly double[] _liquidityThreshold = [];
    private readonly double[] _inflow = [];
    private readonly double[] _capital = [];
    private readonly double[] _lossGivenDefault = [];
    private readonly FailureRule _rule;
    private readonly int[] _insolventAtStart = [];
    private readonly Pool<Workspace> _pool;

    // Row-ordered copies of the link data the hot loop reads, so a failing entity's links are read sequentially:
    // out-rows (link, recipient, amount) as in OutLinks; in-rows of claim links only (link, funder, amount, loss).
    private readonly int[] _outTo;
    private readonly double[] _outAmount;
    private readonly int[] _claimStart;
    private readonly int[] _claimLink;
    private readonly int[] _claimFrom;
    private readonly double[] _claimAmount;
    private readonly double[] _claimLoss;

    public ThresholdCascadeEngine(
        ICascadeModel model,
        FinancingNetwork network,
        ImmutableSortedDictionary<string, string> settings,
        LiquidityOptions? liquidity,
        SolvencyOptions? solvency)
        : base(model, network, settings)
    {
        _index = network.Index;
        if (liquidity is not null)
        {
            _liquidity = true;
            _inflow = BalanceSheet.Inflow(_index);
            var tolerance = BalanceSheet.Tolerance(_index, _inflow, liquidity);
            _liquidityThreshold = new double[_inflow.Length];
            for (var v = 0; v < _inflow.Length; v++)
            {
                _liquidityThreshold[v] = tolerance[v] * _inflow[v];
            }
        }

        if (solvency is not null)
        {
            _solvency = true;
            _capital = BalanceSheet.Capital(_index, solvency.Capital);
            _lossGivenDefault = solvency.Recovery.LossGivenDefault();
            _rule = solvency.Rule;
            _insolventAtStart = [.. Enumerable.Range(0, _index.EntityCount).Where(v => BalanceSheet.Breaks(_rule, 0.0, _capital[v]))];
        }

        var m = _index.LinkCount;
        _outTo = new int[m];
        _outAmount = new double[m];
        for (var k = 0; k < m; k++)
        {
            var l = _index.OutLinks[k];
            _outTo[k] = _index.LinkTo[l];
            _outAmount[k] = _index.Amount[l];
        }

        var n = _index.EntityCount;
        _claimStart = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            var claims = 0;
            foreach (var l in _index.LinksInto(v))
            {
                claims += _index.Kind[l].IsClaim() ? 1 : 0;
            }

            _claimStart[v + 1] = _claimStart[v] + claims;
        }

        var claimCount = _claimStart[n];
        _claimLink = new int[claimCount];
        _claimFrom = new int[claimCount];
        _claimAmount = new double[claimCount];
        _claimLoss = new double[claimCount];
        var c = 0;
        for (var v = 0; v < n; v++)
        {
            foreach (var l in _index.LinksInto(v))
            {
                var kind = _index.Kind[l];
                if (kind.IsClaim())
                {
                    var amount = _index.Amount[l];
                    _claimLink[c] = l;
                    _claimFrom[c] = _index.LinkFrom[l];
                    _claimAmount[c] = amount;
                    _claimLoss[c] = _solvency ? _lossGivenDefault[(int)kind] * amount : 0.0;
                    c++;
                }
            }
        }

        _pool = new Pool<Workspace>(() => new Workspace(_index));
    }

    internal override CascadeResult Run(ResolvedShock shock, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ws = _pool.Rent();
        try
        {
            return RunIn(ws, shock, cancellationToken);
        }
        finally
        {
            ws.Reset();
            _pool.Return(ws);
        }
    }

    internal override CascadeSummary Summarize(ResolvedShock shock, List<int>? failed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ws = _pool.Rent();
        try
        {
            var (rounds, _) = Execute(ws, shock, cancellationToken);
            var cascadeFailures = 0;
            foreach (var v in ws.FailedOrder)
            {
                cascadeFailures += ws.FailRound[v] > 0 ? 1 : 0;
            }

            failed?.AddRange(ws.FailedOrder);
            var ledger = ws.Ledger;
            return new CascadeSummary(Math.Max(rounds, ws.LastLinkRound), ws.FailedOrder.Count, cascadeFailures, ledger.Count, ledger.DirectCount, ledger.Amount, ledger.DirectAmount, null);
        }
        finally
        {
            ws.Reset();
            _pool.Return(ws);
        }
    }

    private CascadeResult RunIn(Workspace ws, ResolvedShock shock, CancellationToken cancellationToken)
    {
        var (round, iterations) = Execute(ws, shock, cancellationToken);
        var figures = new EntityFigures
        {
            LostInflow = _liquidity ? SparseValues.Collect(ws.Touched, ws.LostInflow) : null,
            CreditLoss = _solvency ? SparseValues.Collect(ws.Touched, ws.CreditLoss) : null,
            Capital = _solvency ? _capital : null,
        };
        return Result(shock, round, iterations, ws.FailedOrder, ws.FailRound, ws.Ledger, figures);
    }

    /// <summary>Runs the cascade, leaving its state in the workspace; returns the last failure round and the rounds checked.</summary>
    private (int Round, int Iterations) Execute(Workspace ws, ResolvedShock shock, CancellationToken cancellationToken)
    {
        // Round 0: the shock. Withdrawn entities stop (part of) their outgoing links; external-asset losses hit
        // capital; failed entities fail now.
        for (var i = 0; i < shock.Withdrawn.Length; i++)
        {
            foreach (var l in _index.LinksOutOf(shock.Withdrawn[i]))
            {
                var stopped = ws.Ledger.StopFlow(l, LinkDownCause.Withdrawn, 0, shock.WithdrawnFractions[i]);
                if (_liquidity && stopped > 0)
                {
                    ws.AddLostInflow(_index.LinkTo[l], stopped);
                }
            }
        }

        for (var i = 0; i < shock.ExternallyHit.Length; i++)
        {
            var v = shock.ExternallyHit[i];
            ws.AddCreditLoss(v, shock.ExternalFractions[i] * BalanceSheet.OrZero(_index.ExternalAssets[v]));
        }

        foreach (var v in shock.Failed)
        {
            Fail(ws, v, 0);
        }

        foreach (var v in _insolventAtStart)
        {
            ws.Nominate(v);
        }

        // Rounds 1, 2, ...: whoever the previous round pushed over its buffer fails.
        var round = 0;
        var iterations = 0;
        var next = new List<int>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            next.Clear();
            foreach (var v in ws.Candidates)
            {
                ws.IsCandidate[v] = false;
                if (ws.FailRound[v] < 0 && Breaks(ws, v))
                {
                    next.Add(v);
                }
            }

            ws.Candidates.Clear();
            if (next.Count == 0)
            {
                break;
            }

            round++;
            next.Sort();
            foreach (var v in next)
            {
                Fail(ws, v, round);
            }
        }

        return (round, iterations);
    }

    private bool Breaks(Workspace ws, int v) =>
        (_liquidity && _inflow[v] > 0 && BalanceSheet.Exceeds(ws.LostInflow[v], _liquidityThreshold[v]))
        || (_solvency && BalanceSheet.Breaks(_rule, ws.CreditLoss[v], _capital[v]));

    /// <summary>
    /// Entity <paramref name="v"/> fails: it stops paying along every link out of it (liquidity: each recipient
    /// loses the flow) and every claim link into it is impaired (solvency: each funder loses (1 − recovery) × amount).
    /// </summary>
    private void Fail(Workspace ws, int v, int round)
    {
        ws.FailRound[v] = round;
        ws.FailedOrder.Add(v);
        ws.Touch(v);
        var ledger = ws.Ledger;
        var outLinks = _index.OutLinks;
        for (var k = _index.OutStart[v]; k < _index.OutStart[v + 1]; k++)
        {
            var stopped = ledger.StopFlow(outLinks[k], _outAmount[k], LinkDownCause.PayerFailed, round, 1.0);
            if (_liquidity && stopped > 0)
            {
                ws.AddLostInflow(_outTo[k], stopped);
            }
        }

        for (var k = _claimStart[v]; k < _claimStart[v + 1]; k++)
        {
            ledger.MarkDown(_claimLink[k], LinkDownCause.RecipientFailed, round, _claimAmount[k]);
            if (_solvency)
            {
                ws.AddCreditLoss(_claimFrom[k], _claimLoss[k]);
            }
        }
    }

    /// <summary>The pooled work arrays of one run.</summary>
    private sealed class Workspace
    {
        public Workspace(NetworkIndex index)
        {
            var n = index.EntityCount;
            LostInflow = new double[n];
            CreditLoss = new double[n];
            FailRound = new int[n];
            Array.Fill(FailRound, -1);
            IsTouched = new bool[n];
            IsCandidate = new bool[n];
            Ledger = new LinkLedger(index);
        }

        public double[] LostInflow { get; }

        public double[] CreditLoss { get; }

        public int[] FailRound { get; }

        public bool[] IsTouched { get; }

        public bool[] IsCandidate { get; }

        public List<int> Touched { get; } = [];

        public List<int> Candidates { get; } = [];

        public List<int> FailedOrder { get; } = [];

        public LinkLedger Ledger { get; }

        /// <summary>The round of the last failure (links go down only when an entity fails or withdraws).</summary>
        public int LastLinkRound => FailedOrder.Count == 0 ? 0 : FailRound[FailedOrder[^1]];

        public void Touch(int v)
        {
            if (!IsTouched[v])
            {
                IsTouched[v] = true;
                Touched.Add(v);
            }
        }

        public void Nominate(int v)
        {
            Touch(v);
            if (!IsCandidate[v])
            {
                IsCandidate[v] = true;
                Candidates.Add(v);
            }
        }

        public void AddLostInflow(int v, double amount)
        {
            LostInflow[v] += amount;
            Nominate(v);
        }

        public void AddCreditLoss(int v, double amount)
        {
            CreditLoss[v] += amount;
            Nominate(v);
        }

        public void Reset()
        {
            foreach (var v in Touched)
            {
                LostInflow[v] = 0;
                CreditLoss[v] = 0;
                FailRound[v] = -1;
                IsTouched[v] = false;
                IsCandidate[v] = false;
            }

            Touched.Clear();
            Candidates.Clear();
            FailedOrder.Clear();
            Ledger.Reset();
        }
    }
}
