using System.Numerics;
using System.Runtime.InteropServices;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// Which links are down, why, since which round and for how much, during one run. One 24-byte state per link (one
/// cache line touched per link), reused between runs: <see cref="Reset"/> clears only the links the run touched, so
/// a run costs what it reaches.
/// </summary>
/// <remarks>Not thread-safe: one ledger per running thread (the models pool them).</remarks>
internal sealed class LinkLedger
{
    private readonly NetworkIndex _index;
    private readonly LinkState[] _state;
    private readonly List<int> _touched = [];
    private double _amount;
    private double _directAmount;
    private int _directCount;

    public LinkLedger(NetworkIndex index)
    {
        _index = index;
        _state = new LinkState[index.LinkCount];
    }

    public int Count => _touched.Count;

    /// <summary>Total amount down, summed in the order links went down (so every reader of a run sees the same total).</summary>
    public double Amount => _amount;

    /// <summary>Links down in round 0.</summary>
    public int DirectCount => _directCount;

    /// <summary>Amount down in round 0.</summary>
    public double DirectAmount => _directAmount;

    public bool IsDown(int link) => _state[link].Cause != LinkDownCause.None;

    /// <summary>
    /// Stops a fraction of a link's flow (its payer withdrew or failed) and marks it down; returns the flow newly
    /// stopped (what the recipient loses now), 0 when that fraction was already stopped.
    /// </summary>
    public double StopFlow(int link, LinkDownCause cause, int round, double fraction) =>
        StopFlow(link, _index.Amount[link], cause, round, fraction);

    /// <summary><see cref="StopFlow(int, LinkDownCause, int, double)"/> with the link's amount already at hand.</summary>
    public double StopFlow(int link, double amount, LinkDownCause cause, int round, double fraction)
    {
        var target = fraction >= 1.0 ? amount : fraction * amount;
        ref var state = ref _state[link];
        MarkDown(ref state, link, cause, round, target);
        var delta = target - state.FlowStopped;
        if (delta <= 0)
        {
            return 0.0;
        }

        state.FlowStopped = target;
        return delta;
    }

    /// <summary>Marks a link down (first cause wins) and raises its amount down to at least <paramref name="amountDown"/>.</summary>
    public void MarkDown(int link, LinkDownCause cause, int round, double amountDown) =>
        MarkDown(ref _state[link], link, cause, round, amountDown);

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
    /// The links a failure brings down (docs/concepts.md#a-link-is-down): every link out of the entity (its payments stop) and every
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

    /// <summary>
    /// Applies many failures at once, for models that know every failed entity and its round only at the end (the
    /// clearing engine): the same link states as <see cref="ApplyFailure"/> called for each failed entity in
    /// (round, index) order — a link whose payer and recipient both fail takes the cause of the one first in that
    /// order — computed in two sequential passes over the links instead of chasing each failed entity's links.
    /// Links newly marked down are recorded, and their amounts summed, in (round, link index) order.
    /// </summary>
    /// <param name="roundOf">Per entity, the round it failed in, or −1 when it did not fail.</param>
    /// <param name="maxRound">The largest round in <paramref name="roundOf"/>.</param>
    public void ApplyFailuresInLinkOrder(int[] roundOf, int maxRound)
    {
        var from = _index.LinkFrom;
        var to = _index.LinkTo;
        var kind = _index.Kind;
        var m = _state.Length;

        // Pass 1: the round each link goes down in (−1: not by a failure), counted per round.
        var downRound = new int[m];
        var count = new int[maxRound + 2];
        for (var l = 0; l < m; l++)
        {
            var r = LinkFailureRound(roundOf, from[l], to[l], kind[l]);
            downRound[l] = r;
            if (r >= 0)
            {
                count[r + 1]++;
            }
        }

        for (var r = 1; r < count.Length; r++)
        {
            count[r] += count[r - 1];
        }

        var order = new int[count[^1]];
        for (var l = 0; l < m; l++)
        {
            var r = downRound[l];
            if (r >= 0)
            {
                order[count[r]++] = l;
            }
        }

        // Pass 2, in (round, link index) order: the first cause as ApplyFailure's entity order would give it, then the other.
        foreach (var l in order)
        {
            int u = from[l], v = to[l];
            var ru = roundOf[u];
            var rv = kind[l].IsClaim() ? roundOf[v] : -1;
            var payerFirst = ru >= 0 && (rv < 0 || ru < rv || (ru == rv && u < v));
            if (payerFirst)
            {
                StopFlow(l, LinkDownCause.PayerFailed, ru, 1.0);
                if (rv >= 0)
                {
                    MarkDown(l, LinkDownCause.RecipientFailed, rv, _index.Amount[l]);
                }
            }
            else
            {
                MarkDown(l, LinkDownCause.RecipientFailed, rv, _index.Amount[l]);
                if (ru >= 0)
                {
                    StopFlow(l, LinkDownCause.PayerFailed, ru, 1.0);
                }
            }
        }
    }

    /// <summary>
    /// The down links that <see cref="ApplyFailuresInLinkOrder"/> on a clear ledger followed by <see cref="TakeSnapshot"/>
    /// gives — the same links in the same (round, link index) order, the same causes, rounds and amounts, the totals
    /// summed in the same order — made straight into the snapshot's arrays, without a ledger to fill, read and clear
    /// (one 24-byte state per link, plus the touched list and the pass's own arrays): two sequential passes over the
    /// links. For a run whose only down links come from failures (no withdrawal).
    /// </summary>
    /// <param name="index">The network's index.</param>
    /// <param name="roundOf">Per entity, the round it failed in, or −1 when it did not fail.</param>
    /// <param name="maxRound">The largest round in <paramref name="roundOf"/>.</param>
    /// <returns>The down links, by round then link index.</returns>
    public static DownLinks FailuresInLinkOrder(NetworkIndex index, int[] roundOf, int maxRound)
    {
        var from = index.LinkFrom;
        var to = index.LinkTo;
        var kind = index.Kind;
        var amount = index.Amount;
        var m = index.LinkCount;
        var next = new int[maxRound + 2];
        for (var l = 0; l < m; l++)
        {
            var r = LinkFailureRound(roundOf, from[l], to[l], kind[l]);
            if (r >= 0)
            {
                next[r + 1]++;
            }
        }

        for (var r = 1; r < next.Length; r++)
        {
            next[r] += next[r - 1];
        }

        var count = next[^1];
        var links = new int[count];
        var causes = new LinkDownCause[count];
        var rounds = new int[count];
        var amounts = new double[count];
        for (var l = 0; l < m; l++)
        {
            int u = from[l], v = to[l];
            var ru = roundOf[u];
            var rv = kind[l].IsClaim() ? roundOf[v] : -1;
            if (ru < 0 && rv < 0)
            {
                continue;
            }

            // The first cause, as ApplyFailuresInLinkOrder's pass 2 decides it; the amount down is the link's amount either way.
            var payerFirst = ru >= 0 && (rv < 0 || ru < rv || (ru == rv && u < v));
            var r = payerFirst ? ru : rv;
            var at = next[r]++;
            links[at] = l;
            causes[at] = payerFirst ? LinkDownCause.PayerFailed : LinkDownCause.RecipientFailed;
            rounds[at] = r;
            amounts[at] = amount[l];
        }

        var total = 0.0;
        var directCount = 0;
        var directAmount = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += amounts[i];
            if (rounds[i] == 0)
            {
                directCount++;
                directAmount += amounts[i];
            }
        }

        return new DownLinks(links, causes, rounds, amounts, total, directCount, directAmount);
    }

    /// <summary>The round a failure brings link u → v down in: the earlier of its payer's failure and, for a claim, its recipient's; −1 if neither failed.</summary>
    private static int LinkFailureRound(int[] roundOf, int u, int v, LinkKind kind)
    {
        var ru = roundOf[u];
        var rv = kind.IsClaim() ? roundOf[v] : -1;
        return ru < 0 ? rv : rv < 0 ? ru : Math.Min(ru, rv);
    }

    /// <summary>The down links, ordered by round then link index.</summary>
    public DownLinks TakeSnapshot()
    {
        // Links go down in non-decreasing round order (every model applies round r before round r + 1), so the touched
        // list is a run of links per round, and sorting each run by index is enough. When most links are down in a
        // few rounds, one pass over every link in index order, dropping each down link into its round's place, is
        // cheaper than sorting (O(m) against O(k log k)); both give the same order.
        var links = _touched.ToArray();
        var runRounds = new List<int>();
        var runStarts = new List<int>();
        for (var start = 0; start < links.Length;)
        {
            var end = start + 1;
            while (end < links.Length && _state[links[end]].Round == _state[links[start]].Round)
            {
                end++;
            }

            runRounds.Add(_state[links[start]].Round);
            runStarts.Add(start);
            start = end;
        }

        if (runRounds.Count <= 64 && (long)_state.Length < (long)links.Length * Math.Max(1, BitOperations.Log2((uint)links.Length)) / 2)
        {
            var next = runStarts.ToArray();
            var roundOf = runRounds.ToArray();
            for (var l = 0; l < _state.Length; l++)
            {
                ref readonly var state = ref _state[l];
                if (state.Cause != LinkDownCause.None)
                {
                    links[next[roundOf.AsSpan().BinarySearch(state.Round)]++] = l;
                }
            }
        }
        else
        {
            for (var r = 0; r < runStarts.Count; r++)
            {
                var start = runStarts[r];
                var end = r + 1 < runStarts.Count ? runStarts[r + 1] : links.Length;
                Array.Sort(links, start, end - start);
            }
        }

        var rounds = new int[links.Length];
        var causes = new LinkDownCause[links.Length];
        var amounts = new double[links.Length];
        for (var i = 0; i < links.Length; i++)
        {
            ref readonly var state = ref _state[links[i]];
            rounds[i] = state.Round;
            causes[i] = state.Cause;
            amounts[i] = state.AmountDown;
        }

        return new DownLinks(links, causes, rounds, amounts, _amount, _directCount, _directAmount);
    }

    /// <summary>Clears the links this run touched.</summary>
    public void Reset()
    {
        if (_touched.Count > _state.Length / 8)
        {
            Array.Clear(_state); // most links touched: one sequential clear beats scattered ones
        }
        else
        {
            foreach (var l in CollectionsMarshal.AsSpan(_touched))
            {
                _state[l] = default;
            }
        }

        _touched.Clear();
        _amount = 0;
        _directAmount = 0;
        _directCount = 0;
    }

    private void MarkDown(ref LinkState state, int link, LinkDownCause cause, int round, double amountDown)
    {
        if (state.Cause == LinkDownCause.None)
        {
            state.Cause = cause;
            state.Round = round;
            state.AmountDown = amountDown;
            _touched.Add(link);
            _amount += amountDown;
            if (round == 0)
            {
                _directCount++;
                _directAmount += amountDown;
            }
        }
        else if (amountDown > state.AmountDown)
        {
            var raise = amountDown - state.AmountDown;
            state.AmountDown = amountDown;
            _amount += raise;
            if (state.Round == 0)
            {
                _directAmount += raise;
            }
        }
    }

    private struct LinkState
    {
        public double AmountDown;
        public double FlowStopped;
        public int Round;
        public LinkDownCause Cause;
    }
}
