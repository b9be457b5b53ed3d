using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// Which links are down, why, since which round and for how much, during one run. Arrays sized to the network,
/// reused between runs: <see cref="Reset"/> clears only the links the run touched, so a run costs what it reaches.
/// </summary>
/// <remarks>Not thread-safe: one ledger per running thread (the models pool them).</remarks>
internal sealed class LinkLedger
{
    private readonly NetworkIndex _index;
    private readonly LinkDownCause[] _cause;
    private readonly int[] _round;
    private readonly double[] _amountDown;
    private readonly double[] _flowStopped;
    private readonly List<int> _touched = [];

    public LinkLedger(NetworkIndex index)
    {
        _index = index;
        var m = index.LinkCount;
        _cause = new LinkDownCause[m];
        _round = new int[m];
        _amountDown = new double[m];
        _flowStopped = new double[m];
    }

    public int Count => _touched.Count;

    public bool IsDown(int link) => _cause[link] != LinkDownCause.None;

    /// <summary>
    /// Stops a fraction of a link's flow (its payer withdrew or failed) and marks it down; returns the flow newly
    /// stopped (what the recipient loses now), 0 when that fraction was already stopped.
    /// </summary>
    public double StopFlow(int link, LinkDownCause cause, int round, double fraction)
    {
        var target = fraction >= 1.0 ? _index.Amount[link] : fraction * _index.Amount[link];
        MarkDown(link, cause, round, target);
        var delta = target - _flowStopped[link];
        if (delta <= 0)
        {
            return 0.0;
        }

        _flowStopped[link] = target;
        return delta;
    }

    /// <summary>Marks a link down (first cause wins) and raises its amount down to at least <paramref name="amountDown"/>.</summary>
    public void MarkDown(int link, LinkDownCause cause, int round, double amountDown)
    {
        if (_cause[link] == LinkDownCause.None)
        {
            _cause[link] = cause;
            _round[link] = round;
            _amountDown[link] = amountDown;
            _touched.Add(link);
        }
        else if (amountDown > _amountDown[link])
        {
            _amountDown[link] = amountDown;
        }
    }

    /// <summary>Round-0 withdrawals: every outgoing link of each withdrawn entity, in shock order.</summary>
    public void ApplyWithdrawals(ResolvedShock shock)
    {
        for (var i = 0; i < shock.Withdrawn.Length; i++)
        {
            foreach (var l in _index.LinksOutOf(shock.Withdrawn[i]))
            {
                StopFlow(l, LinkDownCause.Withdrawn, 0, shock.WithdrawnFractions[i]);
            }
        }
    }

    /// <summary>
    /// The links a failure brings down (DESIGN.md §3): every link out of the entity (its payments stop) and every
    /// claim link into it (its funders' claims are impaired).
    /// </summary>
    public void ApplyFailure(int entity, int round)
    {
        foreach (var l in _index.LinksOutOf(entity))
        {
            StopFlow(l, LinkDownCause.PayerFailed, round, 1.0);
        }

        foreach (var l in _index.LinksInto(entity))
        {
            if (_index.Kind[l].IsClaim())
            {
                MarkDown(l, LinkDownCause.RecipientFailed, round, _index.Amount[l]);
            }
        }
    }

    /// <summary>The down links, ordered by round then link index.</summary>
    public Snapshot TakeSnapshot()
    {
        var links = _touched.ToArray();
        Array.Sort(links, (a, b) => _round[a] != _round[b] ? _round[a].CompareTo(_round[b]) : a.CompareTo(b));
        var rounds = new int[links.Length];
        var causes = new LinkDownCause[links.Length];
        var amounts = new double[links.Length];
        for (var i = 0; i < links.Length; i++)
        {
            rounds[i] = _round[links[i]];
            causes[i] = _cause[links[i]];
            amounts[i] = _amountDown[links[i]];
        }

        return new Snapshot(links, causes, rounds, amounts);
    }

    /// <summary>Clears the links this run touched.</summary>
    public void Reset()
    {
        foreach (var l in _touched)
        {
            _cause[l] = LinkDownCause.None;
            _round[l] = 0;
            _amountDown[l] = 0;
            _flowStopped[l] = 0;
        }

        _touched.Clear();
    }

    /// <summary>The down links of a run, ordered by round then link index.</summary>
    internal sealed record Snapshot(int[] Links, LinkDownCause[] Causes, int[] Rounds, double[] Amounts);
}
