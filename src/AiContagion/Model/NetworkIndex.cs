namespace AiContagion.Model;

/// <summary>
/// The compact, immutable index every model's hot loop runs on: struct-of-arrays of ints and doubles, with
/// compressed-sparse-row adjacency in both directions. Built once per <see cref="FinancingNetwork"/>
/// (<see cref="FinancingNetwork.Index"/>), shared by every model and thread.
/// </summary>
/// <remarks>
/// <para><b>Direction.</b> Link <c>l</c> runs from entity <c>LinkFrom[l]</c> to <c>LinkTo[l]</c>: the way money
/// moves. <c>OutLinks[OutStart[v] .. OutStart[v+1]]</c> are the links that take money <b>out of</b> v (v pays);
/// <c>InLinks[InStart[v] .. InStart[v+1]]</c> are the links that bring money <b>into</b> v (v is paid). Within a
/// row, links keep their network order, so every walk is deterministic.</para>
/// <para><b>Memory.</b> 25 bytes per link (from, to, amount, kind, one slot in each adjacency) plus 8 bytes per
/// entity per row array and figure.</para>
/// <para>Entity figures that are unknown are stored as <see cref="double.NaN"/>; models apply their own
/// documented defaults.</para>
/// <para>The dated cash-flow, range and stake terms of the links (<see cref="Terms"/>) and the valuation and growth
/// figures of the entities (<see cref="EntityTerms"/>) are built on first use, so networks that do not use them keep
/// the memory figure above.</para>
/// </remarks>
internal sealed class NetworkIndex
{
    private readonly IReadOnlyList<Entity> _entities;
    private readonly IReadOnlyList<Link> _links;
    private readonly string? _asOf;
    private LinkTerms? _terms;
    private EntityTerms? _entityTerms;

    private NetworkIndex(int entityCount, int linkCount, IReadOnlyList<Entity> entities, IReadOnlyList<Link> links, int[] from, int[] to, string? asOf)
    {
        _entities = entities;
        _links = links;
        _asOf = asOf;
        EntityCount = entityCount;
        LinkCount = linkCount;
        LinkFrom = from;
        LinkTo = to;
        Amount = new double[linkCount];
        Kind = new LinkKind[linkCount];
        OutStart = new int[entityCount + 1];
        OutLinks = new int[linkCount];
        InStart = new int[entityCount + 1];
        InLinks = new int[linkCount];
        Cash = new double[entityCount];
        Revenue = new double[entityCount];
        Costs = new double[entityCount];
        Capital = new double[entityCount];
        ExternalAssets = new double[entityCount];
        ExternalLiabilities = new double[entityCount];
        Tolerance = new double[entityCount];
        IsFundingSource = new bool[entityCount];
        Sector = new Sector[entityCount];
    }

    // A copy of `source` for other links with other amounts (AmountDraws): every other array is shared, read-only.
    private NetworkIndex(NetworkIndex source, IReadOnlyList<Link> links, double[] amounts)
    {
        _entities = source._entities;
        _links = links;
        _asOf = source._asOf;
        _entityTerms = source._entityTerms;
        EntityCount = source.EntityCount;
        LinkCount = source.LinkCount;
        LinkFrom = source.LinkFrom;
        LinkTo = source.LinkTo;
        Amount = amounts;
        Kind = source.Kind;
        OutStart = source.OutStart;
        OutLinks = source.OutLinks;
        InStart = source.InStart;
        InLinks = source.InLinks;
        Cash = source.Cash;
        Revenue = source.Revenue;
        Costs = source.Costs;
        Capital = source.Capital;
        ExternalAssets = source.ExternalAssets;
        ExternalLiabilities = source.ExternalLiabilities;
        Tolerance = source.Tolerance;
        IsFundingSource = source.IsFundingSource;
        Sector = source.Sector;
    }

    /// <summary>Number of entities, n.</summary>
    public int EntityCount { get; }

    /// <summary>Number of links, m.</summary>
    public int LinkCount { get; }

    /// <summary>Payer (money leaves) of each link.</summary>
    public int[] LinkFrom { get; }

    /// <summary>Recipient (money arrives) of each link.</summary>
    public int[] LinkTo { get; }

    /// <summary>Amount of each link.</summary>
    public double[] Amount { get; }

    /// <summary>Kind of each link.</summary>
    public LinkKind[] Kind { get; }

    /// <summary>Row starts of the outgoing adjacency (length n + 1).</summary>
    public int[] OutStart { get; }

    /// <summary>Link indices grouped by payer.</summary>
    public int[] OutLinks { get; }

    /// <summary>Row starts of the incoming adjacency (length n + 1).</summary>
    public int[] InStart { get; }

    /// <summary>Link indices grouped by recipient.</summary>
    public int[] InLinks { get; }

    /// <summary>Cash per entity, NaN when unknown.</summary>
    public double[] Cash { get; }

    /// <summary>Outside revenue per entity, NaN when unknown.</summary>
    public double[] Revenue { get; }

    /// <summary>Outside costs per entity, NaN when unknown.</summary>
    public double[] Costs { get; }

    /// <summary>Capital per entity, NaN when unknown.</summary>
    public double[] Capital { get; }

    /// <summary>External assets per entity, NaN when unknown.</summary>
    public double[] ExternalAssets { get; }

    /// <summary>External liabilities per entity, NaN when unknown.</summary>
    public double[] ExternalLiabilities { get; }

    /// <summary>Explicit tolerance per entity, NaN when not given.</summary>
    public double[] Tolerance { get; }

    /// <summary>Whether each entity is a funding source.</summary>
    public bool[] IsFundingSource { get; }

    /// <summary>Sector of each entity.</summary>
    public Sector[] Sector { get; }

    /// <summary>The dated cash-flow, range and stake terms of every link, built on first use (thread-safe; O(m)).</summary>
    public LinkTerms Terms
    {
        get
        {
            if (Volatile.Read(ref _terms) is { } terms)
            {
                return terms;
            }

            Interlocked.CompareExchange(ref _terms, LinkTerms.Build(_links, _entities, _asOf), null);
            return _terms;
        }
    }

    /// <summary>The valuation and growth figures of every entity, built on first use (thread-safe; O(n)).</summary>
    public EntityTerms EntityTerms
    {
        get
        {
            if (Volatile.Read(ref _entityTerms) is { } terms)
            {
                return terms;
            }

            Interlocked.CompareExchange(ref _entityTerms, EntityTerms.Build(_entities), null);
            return _entityTerms;
        }
    }

    /// <summary>The links that take money out of entity <paramref name="entity"/>.</summary>
    public ReadOnlySpan<int> LinksOutOf(int entity) => OutLinks.AsSpan(OutStart[entity], OutStart[entity + 1] - OutStart[entity]);

    /// <summary>The links that bring money into entity <paramref name="entity"/>.</summary>
    public ReadOnlySpan<int> LinksInto(int entity) => InLinks.AsSpan(InStart[entity], InStart[entity + 1] - InStart[entity]);

    /// <summary>Total amount of the links into each entity (the in-strength), a fresh array.</summary>
    public double[] InStrength()
    {
        var strength = new double[EntityCount];
        for (var l = 0; l < LinkCount; l++)
        {
            strength[LinkTo[l]] += Amount[l];
        }

        return strength;
    }

    /// <summary>Total amount of the links out of each entity (the out-strength), a fresh array.</summary>
    public double[] OutStrength()
    {
        var strength = new double[EntityCount];
        for (var l = 0; l < LinkCount; l++)
        {
            strength[LinkFrom[l]] += Amount[l];
        }

        return strength;
    }

    /// <summary>
    /// The index of the same network with other link amounts (the same endpoints, kinds and entities): shares every
    /// array but <see cref="Amount"/>; the link terms are built afresh on first use from <paramref name="links"/>.
    /// </summary>
    /// <param name="links">The links, in network order, each with its amount in <paramref name="amounts"/>.</param>
    /// <param name="amounts">The amount of each link (kept, not copied).</param>
    public NetworkIndex WithAmounts(IReadOnlyList<Link> links, double[] amounts) => new(this, links, amounts);

    /// <summary>Builds the index from validated entities and links whose endpoints are resolved to indices.</summary>
    /// <param name="entities">The entities, in network order.</param>
    /// <param name="links">The links, in network order.</param>
    /// <param name="from">Payer index of each link: kept as <see cref="LinkFrom"/>, not copied (the caller hands it over and never writes it again).</param>
    /// <param name="to">Recipient index of each link: kept as <see cref="LinkTo"/>, not copied.</param>
    /// <param name="asOf">The network's <c>asOf</c> (month 1 of the dated terms, when it reads as a month).</param>
    public static NetworkIndex Build(IReadOnlyList<Entity> entities, IReadOnlyList<Link> links, int[] from, int[] to, string? asOf = null)
    {
        var n = entities.Count;
        var m = links.Count;
        if (from.Length != m || to.Length != m)
        {
            throw new ArgumentException("One payer and one recipient per link.", nameof(from));
        }

        var index = new NetworkIndex(n, m, entities, links, from, to, asOf);
        for (var v = 0; v < n; v++)
        {
            var e = entities[v];
            index.Cash[v] = e.Cash ?? double.NaN;
            index.Revenue[v] = e.Revenue ?? double.NaN;
            index.Costs[v] = e.Costs ?? double.NaN;
            index.Capital[v] = e.Capital ?? double.NaN;
            index.ExternalAssets[v] = e.ExternalAssets ?? double.NaN;
            index.ExternalLiabilities[v] = e.ExternalLiabilities ?? double.NaN;
            index.Tolerance[v] = e.Tolerance ?? double.NaN;
            index.IsFundingSource[v] = e.IsFundingSource;
            index.Sector[v] = e.Sector;
        }

        for (var l = 0; l < m; l++)
        {
            var link = links[l];
            index.Amount[l] = link.Amount;
            index.Kind[l] = link.Kind;
            index.OutStart[from[l] + 1]++;
            index.InStart[to[l] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            index.OutStart[v + 1] += index.OutStart[v];
            index.InStart[v + 1] += index.InStart[v];
        }

        // Counting sort: stable, so each row keeps network order.
        var outNext = index.OutStart.AsSpan(0, n).ToArray();
        var inNext = index.InStart.AsSpan(0, n).ToArray();
        for (var l = 0; l < m; l++)
        {
            index.OutLinks[outNext[from[l]]++] = l;
            index.InLinks[inNext[to[l]]++] = l;
        }

        return index;
    }
}
