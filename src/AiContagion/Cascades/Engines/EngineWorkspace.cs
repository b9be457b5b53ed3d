using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The work arrays of one engine run, shared by every engine: who failed and when, which entities the run touched,
/// a queue of entities to look at next, per-entity accumulators and a small per-entity state, and the link ledger.
/// Pooled (<see cref="WorkspacePool"/>) and cleared only where the run wrote (<see cref="Reset"/>), so a run costs
/// what the shock reaches, not O(entities).
/// </summary>
/// <remarks>
/// <para>Invariant between runs: every accumulator and <see cref="State"/> is 0, <see cref="FailRound"/> is −1,
/// the lists are empty and the ledger is clear. An engine that writes an entity's accumulator, state or failure round
/// must <see cref="Touch"/> it (the helpers here do), so that <see cref="Reset"/> finds it.</para>
/// <para>Not thread-safe: one workspace per running thread.</para>
/// </remarks>
internal sealed class EngineWorkspace
{
    private readonly double[][] _values;
    private readonly NetworkIndex _index;
    private LinkLedger? _ledger;

    /// <summary>Creates a workspace for a network.</summary>
    /// <param name="index">The network's index.</param>
    /// <param name="accumulators">How many per-entity accumulators the engine uses (e.g. lost inflow and credit loss).</param>
    public EngineWorkspace(NetworkIndex index, int accumulators)
    {
        var n = index.EntityCount;
        _values = new double[accumulators][];
        for (var i = 0; i < accumulators; i++)
        {
            _values[i] = new double[n];
        }

        FailRound = new int[n];
        Array.Fill(FailRound, -1);
        State = new byte[n];
        IsTouched = new bool[n];
        IsQueued = new bool[n];
        _index = index;
    }

    /// <summary>Per entity, the round it failed in, or −1.</summary>
    public int[] FailRound { get; }

    /// <summary>The failed entities in the order they failed.</summary>
    public List<int> FailedOrder { get; } = [];

    /// <summary>A small per-entity state for the engine's own use (0 at rest).</summary>
    public byte[] State { get; }

    /// <summary>Whether the run wrote anything about an entity.</summary>
    public bool[] IsTouched { get; }

    /// <summary>The touched entities, in the order first touched.</summary>
    public List<int> Touched { get; } = [];

    /// <summary>Whether an entity is in <see cref="Queue"/>.</summary>
    public bool[] IsQueued { get; }

    /// <summary>Entities to look at next (each at most once until the engine dequeues it): candidates to fail, receivers of distress.</summary>
    public List<int> Queue { get; } = [];

    /// <summary>
    /// The down links of the run. Allocated on first use (one state per link: 24 MB on 10⁶ links), so an engine that
    /// needs it only at the end of a run allocates it after the run's own arrays, and one that never needs it never does.
    /// </summary>
    public LinkLedger Ledger => _ledger ??= new LinkLedger(_index);

    /// <summary>The round of the last failure (0 when nobody failed).</summary>
    public int LastFailureRound => FailedOrder.Count == 0 ? 0 : FailRound[FailedOrder[^1]];

    /// <summary>Per-entity accumulator <paramref name="slot"/> (0 except at touched entities).</summary>
    /// <param name="slot">0 to the count given to the constructor − 1.</param>
    /// <returns>The array, indexed by entity.</returns>
    public double[] Accumulator(int slot) => _values[slot];

    /// <summary>Records that the run wrote something about <paramref name="v"/>.</summary>
    public void Touch(int v)
    {
        if (!IsTouched[v])
        {
            IsTouched[v] = true;
            Touched.Add(v);
        }
    }

    /// <summary>Touches <paramref name="v"/> and queues it unless already queued.</summary>
    public void Enqueue(int v)
    {
        Touch(v);
        if (!IsQueued[v])
        {
            IsQueued[v] = true;
            Queue.Add(v);
        }
    }

    /// <summary>Entity <paramref name="v"/> fails in <paramref name="round"/> (the links it brings down are the engine's to mark).</summary>
    public void Fail(int v, int round)
    {
        Touch(v);
        FailRound[v] = round;
        FailedOrder.Add(v);
    }

    /// <summary>Restores the between-runs invariant, clearing only what the run touched.</summary>
    public void Reset()
    {
        foreach (var v in Touched)
        {
            foreach (var values in _values)
            {
                values[v] = 0;
            }

            FailRound[v] = -1;
            State[v] = 0;
            IsTouched[v] = false;
            IsQueued[v] = false;
        }

        Touched.Clear();
        Queue.Clear();
        FailedOrder.Clear();
        _ledger?.Reset();
    }
}
