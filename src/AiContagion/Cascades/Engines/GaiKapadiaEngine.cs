using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The engine behind <see cref="GaiKapadiaCascade"/>: a threshold cascade on counterparties. Each entity's
/// interbank assets are spread evenly over its distinct debtors; it fails when the share of its debtors that have
/// failed, times its interbank assets and the loss given default, breaks its capital.
/// </summary>
internal sealed class GaiKapadiaEngine : CascadeEngine
{
    private readonly NetworkIndex _index;
    private readonly FailureRule _rule;
    private readonly double[] _capital;
    private readonly double[] _lossPerDebtor;
    private readonly int[] _holderStart;
    private readonly int[] _holder;
    private readonly int[] _insolventAtStart;
    private readonly Pool<Workspace> _pool;

    public GaiKapadiaEngine(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings, GaiKapadiaOptions options)
        : base(model, network, settings)
    {
        _index = network.Index;
        _rule = options.Rule;
        var n = _index.EntityCount;
        _capital = BalanceSheet.Capital(_index, options.Capital);

        // Interbank assets A_i and distinct debtors j_i of each holder i (claim links i → j with a positive amount).
        var assets = new double[n];
        var debtors = new int[n];
        var holders = new List<int>();
        _holderStart = new int[n + 1];
        var seen = new HashSet<int>();
        for (var j = 0; j < n; j++)
        {
            seen.Clear();
            foreach (var l in _index.LinksInto(j))
            {
                if (_index.Kind[l].IsClaim() && _index.Amount[l] > 0)
                {
                    var i = _index.LinkFrom[l];
                    assets[i] += _index.Amount[l];
                    if (seen.Add(i))
                    {
                        debtors[i]++;
                    }
                }
            }

            holders.AddRange(seen.Order());
            _holderStart[j + 1] = holders.Count;
        }

        _holder = [.. holders];
        _lossPerDebtor = new double[n];
        for (var i = 0; i < n; i++)
        {
            _lossPerDebtor[i] = debtors[i] > 0 ? (1.0 - options.Recovery) * assets[i] / debtors[i] : 0.0;
        }

        _insolventAtStart = [.. Enumerable.Range(0, n).Where(v => BalanceSheet.Breaks(_rule, 0.0, _capital[v]))];
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

    private CascadeResult RunIn(Workspace ws, ResolvedShock shock, CancellationToken cancellationToken)
    {
        ws.Ledger.ApplyWithdrawals(shock);
        for (var i = 0; i < shock.ExternallyHit.Length; i++)
        {
            var v = shock.ExternallyHit[i];
            ws.AddLoss(v, shock.ExternalFractions[i] * BalanceSheet.OrZero(_index.ExternalAssets[v]));
        }

        foreach (var v in shock.Failed)
        {
            Fail(ws, v, 0);
        }

        foreach (var v in _insolventAtStart)
        {
            ws.AddLoss(v, 0.0);
        }

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
                if (ws.FailRound[v] < 0 && BalanceSheet.Breaks(_rule, ws.Loss[v], _capital[v]))
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

        var figures = new EntityFigures { CreditLoss = SparseValues.Collect(ws.Touched, ws.Loss), Capital = _capital };
        return Result(shock, round, iterations, ws.FailedOrder, ws.FailRound, ws.Ledger, figures);
    }

    /// <summary>Entity j fails: each distinct holder of a claim on j loses one debtor's share of its interbank assets.</summary>
    private void Fail(Workspace ws, int j, int round)
    {
        ws.FailRound[j] = round;
        ws.FailedOrder.Add(j);
        ws.Touch(j);
        ws.Ledger.ApplyFailure(j, round);
        for (var c = _holderStart[j]; c < _holderStart[j + 1]; c++)
        {
            var i = _holder[c];
            ws.AddLoss(i, _lossPerDebtor[i]);
        }
    }

    private sealed class Workspace
    {
        public Workspace(NetworkIndex index)
        {
            var n = index.EntityCount;
            Loss = new double[n];
            FailRound = new int[n];
            Array.Fill(FailRound, -1);
            IsTouched = new bool[n];
            IsCandidate = new bool[n];
            Ledger = new LinkLedger(index);
        }

        public double[] Loss { get; }

        public int[] FailRound { get; }

        public bool[] IsTouched { get; }

        public bool[] IsCandidate { get; }

        public List<int> Touched { get; } = [];

        public List<int> Candidates { get; } = [];

        public List<int> FailedOrder { get; } = [];

        public LinkLedger Ledger { get; }

        public void Touch(int v)
        {
            if (!IsTouched[v])
            {
                IsTouched[v] = true;
                Touched.Add(v);
            }
        }

        public void AddLoss(int v, double amount)
        {
            Touch(v);
            Loss[v] += amount;
            if (!IsCandidate[v])
            {
                IsCandidate[v] = true;
                Candidates.Add(v);
            }
        }

        public void Reset()
        {
            foreach (var v in Touched)
            {
                Loss[v] = 0;
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
