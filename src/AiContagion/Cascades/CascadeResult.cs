using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// The outcome of one model run: which entities failed and in which round, which links are down and why, the
/// amounts down, and each model's figures (payments, equity, distress). One shape for every model.
/// </summary>
/// <remarks>
/// <para><b>Rounds.</b> Round 0 is the shock itself (withdrawals, initial failures); round r ≥ 1 holds what the
/// losses of round r − 1 brought down (for clearing models, the fictitious-default round). <see cref="Rounds"/>
/// is the last round in which anything failed or went down.</para>
/// <para><b>Cost.</b> The result keeps only what the run reached (failed entities, down links, touched figures);
/// <see cref="Entities"/> and <see cref="Links"/> are built on first use, in O(n) and O(m).</para>
/// <para>Immutable and thread-safe; the network is never changed.</para>
/// </remarks>
public sealed class CascadeResult
{
    private readonly int[] _failedOrder;
    private readonly int[] _failedRounds;
    private readonly int[] _downLinks;
    private readonly LinkDownCause[] _downCauses;
    private readonly int[] _downRounds;
    private readonly double[] _downAmounts;
    private readonly bool[]? _downDirect;
    private readonly int[] _shocked;
    private readonly EntityFigures _figures;
    private ImmutableArray<EntityOutcome> _entities;
    private EntityFlagArrays? _entityFlags;
    private ImmutableArray<LinkOutcome> _links;
    private ImmutableArray<CascadeRound> _history;

    internal CascadeResult(
        FinancingNetwork network,
        ICascadeModel model,
        ImmutableSortedDictionary<string, string> settings,
        int rounds,
        int iterations,
        int[] shocked,
        int[] failedOrder,
        int[] failedRounds,
        DownLinks links,
        EntityFigures figures)
    {
        Network = network;
        ModelName = model.Name;
        ModelKind = model.Kind;
        Settings = settings;
        Iterations = iterations;
        _shocked = shocked;
        _failedOrder = failedOrder;
        _failedRounds = failedRounds;
        _downLinks = links.Links;
        _downCauses = links.Causes;
        _downRounds = links.Rounds;
        _downAmounts = links.Amounts;
        _downDirect = links.Direct;
        _figures = figures;
        var last = rounds;
        foreach (var r in failedRounds)
        {
            last = Math.Max(last, r);
        }

        foreach (var r in _downRounds)
        {
            last = Math.Max(last, r);
        }

        Rounds = last;
        AmountDown = links.Amount;
        DirectLinksDown = links.DirectCount;
        DirectAmountDown = links.DirectAmount;
        CascadeFailures = failedRounds.Count(r => r > 0);
        Shocked = [.. shocked.Select(v => network.Entities[v].Id)];
    }

    /// <summary>The network the model ran on (unchanged).</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The model's command-line name (<c>funding</c>, <c>eisenberg-noe</c>, ...).</summary>
    public string ModelName { get; }

    /// <summary>The model.</summary>
    public CascadeModelKind ModelKind { get; }

    /// <summary>The options the model ran with, by name (e.g. <c>seniority = PariPassu</c>), sorted.</summary>
    public ImmutableSortedDictionary<string, string> Settings { get; }

    /// <summary>
    /// Whether the model reached its end: always for the round-based models (they end when a round adds nobody);
    /// for the iterative ones (clearing, linear DebtRank) whether they met their tolerance within their iteration
    /// limit. Only <see cref="PreparedCascade.TryRun"/> returns a result that did not converge;
    /// <see cref="PreparedCascade.Run(CascadeShock, CancellationToken)"/> throws <see cref="CascadeConvergenceException"/> instead.
    /// </summary>
    public bool Converged { get; internal init; } = true;

    /// <summary>
    /// For a result that did not converge, how far it was from the fixed point when the iteration limit stopped it
    /// (clearing: the largest gap between a payment and what the clearing map gives it; linear DebtRank: the largest
    /// pending increment of distress); 0 for a converged result.
    /// </summary>
    public double Residual { get; internal init; }

    /// <summary>The last round in which an entity failed or a link went down (0 when only the shock acted).</summary>
    public int Rounds { get; }

    /// <summary>The passes the algorithm made (rounds checked, linear solves and fixed-point steps).</summary>
    public int Iterations { get; }

    /// <summary>Ids of the entities the shock named, in network order.</summary>
    public ImmutableArray<string> Shocked { get; }

    /// <summary>Number of links down.</summary>
    public int LinksDown => _downLinks.Length;

    /// <summary>Total amount down (see <see cref="LinkOutcome.AmountDown"/>), summed in the order links went down.</summary>
    public double AmountDown { get; }

    /// <summary>
    /// Links down by the shock itself: in round 0 (the shocked entities' own links); for the runway, whose shock acts in
    /// month t0, the links whose first cause is the shock (a withdrawal, or an entity the shock failed).
    /// </summary>
    public int DirectLinksDown { get; }

    /// <summary>Amount of the links down in round 0.</summary>
    public double DirectAmountDown { get; }

    /// <summary>Links down in rounds ≥ 1 (the runway: not by the shock itself): what the cascade added to the shock.</summary>
    public int CascadeLinksDown => LinksDown - DirectLinksDown;

    /// <summary>Amount of the links down in rounds ≥ 1 (the runway: not by the shock itself).</summary>
    public double CascadeAmountDown => AmountDown - DirectAmountDown;

    /// <summary>Number of failed entities, including those the shock failed outright.</summary>
    public int EntitiesFailed => _failedOrder.Length;

    /// <summary>Number of entities that failed in rounds ≥ 1 (the cascade's failures, not the shock's; the runway: not failed by the shock).</summary>
    public int CascadeFailures { get; internal init; }

    /// <summary>DebtRank models: the DebtRank R, the weighted distress added by the cascade <c>Σ v_i h_i(T) − Σ v_i h_i(1)</c>; otherwise <see langword="null"/>.</summary>
    public double? DebtRank { get; internal init; }

    /// <summary>DebtRank models: the weighted initial distress <c>Σ v_i h_i(1)</c>; otherwise <see langword="null"/>.</summary>
    public double? InitialStress { get; internal init; }

    /// <summary>
    /// The runway model (<see cref="RunwayCascade"/>): the cash paths, the no-shock baseline, failure causes, the flow
    /// stopped per month and the assumptions the run relied on (undated links, entities without a cash figure);
    /// <see langword="null"/> for every other model.
    /// </summary>
    public RunwayResult? Runway { get; internal init; }

    /// <summary>The counts and amounts of this result (what a ranking or a stress run keeps).</summary>
    public CascadeSummary Summary => new(Rounds, EntitiesFailed, CascadeFailures, LinksDown, DirectLinksDown, AmountDown, DirectAmountDown, DebtRank);

    /// <summary>Indices (into <see cref="FinancingNetwork.Entities"/>) of the failed entities, by round then network order.</summary>
    public ImmutableArray<int> FailedEntityIndices => [.. _failedOrder];

    /// <summary>Indices (into <see cref="FinancingNetwork.Links"/>) of the down links, by round then network order.</summary>
    public ImmutableArray<int> DownLinkIndices => [.. _downLinks];

    /// <summary>Every entity's outcome, indexed like <see cref="FinancingNetwork.Entities"/>.</summary>
    public ImmutableArray<EntityOutcome> Entities
    {
        get
        {
            if (_entities.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _entities, BuildEntities());
            }

            return _entities;
        }
    }

    /// <summary>Every link's outcome, indexed like <see cref="FinancingNetwork.Links"/>.</summary>
    public ImmutableArray<LinkOutcome> Links
    {
        get
        {
            if (_links.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _links, BuildLinks());
            }

            return _links;
        }
    }

    /// <summary>
    /// The round-by-round history: round 0, then every round in which an entity failed or a link went down, in order
    /// (a round where only distress or losses grew has no entry).
    /// </summary>
    public ImmutableArray<CascadeRound> History
    {
        get
        {
            if (_history.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _history, BuildHistory());
            }

            return _history;
        }
    }

    /// <summary>The failed entities' outcomes, by round then network order.</summary>
    public ImmutableArray<EntityOutcome> FailedEntities => [.. _failedOrder.Select(v => Entities[v])];

    /// <summary>The down links' outcomes, by round then network order.</summary>
    public ImmutableArray<LinkOutcome> DownLinks => [.. _downLinks.Select(l => Links[l])];

    /// <summary>The outcome of one entity.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>Its outcome.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public EntityOutcome Entity(string id) => Entities[Network.IndexOfRequired(id)];

    /// <summary>Whether an entity failed.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns><see langword="true"/> if it failed.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public bool IsFailed(string id) => Array.IndexOf(_failedOrder, Network.IndexOfRequired(id)) >= 0;

    /// <summary>Number of links down for a cause.</summary>
    /// <param name="cause">The cause.</param>
    /// <returns>The count (for <see cref="LinkDownCause.None"/>: the links that are up).</returns>
    public int LinksDownBy(LinkDownCause cause) =>
        cause == LinkDownCause.None ? Network.LinkCount - LinksDown : _downCauses.Count(c => c == cause);

    /// <summary>Amount down for a cause.</summary>
    /// <param name="cause">The cause (not <see cref="LinkDownCause.None"/>).</param>
    /// <returns>The amount.</returns>
    public double AmountDownBy(LinkDownCause cause)
    {
        var total = 0.0;
        for (var i = 0; i < _downLinks.Length; i++)
        {
            if (_downCauses[i] == cause)
            {
                total += _downAmounts[i];
            }
        }

        return total;
    }

    /// <summary>A one-line summary, e.g. <c>funding: 3 entities failed, 7 links down (21.5), 2 rounds</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ModelName}: {EntitiesFailed} entities failed, {LinksDown} links down ({AmountDown:0.######}), {Rounds} rounds{(DebtRank is { } r ? $", DebtRank {r:0.######}" : string.Empty)}");

    internal bool IsFailedIndex(int entity) => Array.IndexOf(_failedOrder, entity) >= 0;

    /// <summary>
    /// The outcome of the i-th down link (in <see cref="DownLinkIndices"/> order), made on its own: a summary's top rows
    /// without the 10⁶ outcomes of <see cref="Links"/>.
    /// </summary>
    internal LinkOutcome DownLinkOutcomeAt(int i) =>
        new(_downLinks[i], true, _downCauses[i], _downRounds[i]) { AmountDown = _downAmounts[i] };

    /// <summary>The link index of the i-th down link (in <see cref="DownLinkIndices"/> order), without copying them all.</summary>
    internal int DownLinkAt(int i) => _downLinks[i];

    /// <summary>The cause of the i-th down link (in <see cref="DownLinkIndices"/> order).</summary>
    internal LinkDownCause DownCauseAt(int i) => _downCauses[i];

    /// <summary>The round of the i-th down link (in <see cref="DownLinkIndices"/> order).</summary>
    internal int DownRoundAt(int i) => _downRounds[i];

    /// <summary>The amount down of the i-th down link (in <see cref="DownLinkIndices"/> order).</summary>
    internal double DownAmountAt(int i) => _downAmounts[i];

    /// <summary>Whether the shock itself brought the i-th down link down (see <see cref="DirectLinksDown"/>).</summary>
    internal bool IsDirectDownAt(int i) => _downDirect?[i] ?? _downRounds[i] == 0;

    /// <summary>
    /// The outcome of entity <paramref name="entity"/> (by index), equal to <see cref="Entities"/> at that index, made on
    /// its own: a summary's top rows without the 10⁵ outcomes of <see cref="Entities"/>.
    /// </summary>
    internal EntityOutcome EntityOutcomeAt(int entity)
    {
        if (!_entities.IsDefault)
        {
            return _entities[entity];
        }

        var (round, shocked) = EntityFlags();
        var failed = round[entity] >= 0;
        return _figures.Outcome(Network.Entities[entity].Id, entity, failed, failed ? round[entity] : null, shocked[entity]);
    }

    /// <summary>Whether entity <paramref name="entity"/> failed (by index, in O(1)).</summary>
    internal bool FailedAt(int entity) => EntityFlags().Round[entity] >= 0;

    /// <summary>
    /// Whether the run touched entity <paramref name="entity"/>, read from the figures as from its outcome: shocked, some
    /// distress, lost inflow or credit loss, or a clearing payment (every entity of a clearing model).
    /// </summary>
    internal bool TouchedAt(int entity) =>
        EntityFlags().Shocked[entity]
        || (_figures.Distress?[entity] ?? 0) > 0
        || (_figures.LostInflow?[entity] ?? 0) > 0
        || (_figures.CreditLoss?[entity] ?? 0) > 0
        || _figures.Payment is not null;

    /// <summary>Whether some entity's outcome has an <see cref="EntityOutcome.Equity"/> (as <see cref="Entities"/> would show).</summary>
    internal bool HasEquity =>
        _figures.Equity is not null
        || (_figures.Capital is { } capital && _figures.CreditLoss is not null && capital.Any(double.IsFinite));

    private (int[] Round, bool[] Shocked) EntityFlags()
    {
        if (Volatile.Read(ref _entityFlags) is { } flags)
        {
            return (flags.Round, flags.Shocked);
        }

        var n = Network.EntityCount;
        var round = new int[n];
        Array.Fill(round, -1);
        for (var i = 0; i < _failedOrder.Length; i++)
        {
            round[_failedOrder[i]] = _failedRounds[i];
        }

        var shocked = new bool[n];
        foreach (var v in _shocked)
        {
            shocked[v] = true;
        }

        Volatile.Write(ref _entityFlags, new EntityFlagArrays(round, shocked)); // a race only builds equal arrays twice
        return (round, shocked);
    }

    /// <summary>Per entity, the round it failed in (−1: did not) and whether the shock named it.</summary>
    private sealed record EntityFlagArrays(int[] Round, bool[] Shocked);

    private ImmutableArray<EntityOutcome> BuildEntities()
    {
        var n = Network.EntityCount;
        var (round, shocked) = EntityFlags();
        var builder = ImmutableArray.CreateBuilder<EntityOutcome>(n);
        for (var v = 0; v < n; v++)
        {
            var failed = round[v] >= 0;
            builder.Add(_figures.Outcome(Network.Entities[v].Id, v, failed, failed ? round[v] : null, shocked[v]));
        }

        return builder.MoveToImmutable();
    }

    private ImmutableArray<LinkOutcome> BuildLinks()
    {
        var m = Network.LinkCount;
        var outcomes = new LinkOutcome[m];
        for (var i = 0; i < _downLinks.Length; i++)
        {
            var l = _downLinks[i];
            outcomes[l] = new LinkOutcome(l, true, _downCauses[i], _downRounds[i]) { AmountDown = _downAmounts[i] };
        }

        for (var l = 0; l < m; l++)
        {
            outcomes[l] ??= new LinkOutcome(l, false, LinkDownCause.None, null);
        }

        return [.. outcomes];
    }

    private ImmutableArray<CascadeRound> BuildHistory()
    {
        // Failures and down links are both sorted by round: merge them round by round.
        var builder = ImmutableArray.CreateBuilder<CascadeRound>();
        var f = 0;
        var l = 0;
        var round = 0;
        while (true)
        {
            var failed = ImmutableArray.CreateBuilder<string>();
            while (f < _failedOrder.Length && _failedRounds[f] == round)
            {
                failed.Add(Network.Entities[_failedOrder[f++]].Id);
            }

            var count = 0;
            var amount = 0.0;
            while (l < _downLinks.Length && _downRounds[l] == round)
            {
                count++;
                amount += _downAmounts[l++];
            }

            builder.Add(new CascadeRound(round, failed.ToImmutable(), count, amount));
            if (f == _failedOrder.Length && l == _downLinks.Length)
            {
                break;
            }

            round = Math.Min(f < _failedOrder.Length ? _failedRounds[f] : int.MaxValue, l < _downLinks.Length ? _downRounds[l] : int.MaxValue);
        }

        return builder.ToImmutable();
    }
}
