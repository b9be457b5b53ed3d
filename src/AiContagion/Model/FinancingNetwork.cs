using System.Collections.Frozen;
using System.Collections.Immutable;
using QuikGraph;

namespace AiContagion.Model;

/// <summary>
/// A directed weighted financing multigraph: entities (firms, funds, vehicles, markets) and links that point
/// the way money moves (funder to recipient, customer to supplier). Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>Build one with <see cref="CreateBuilder"/> (or read one with <c>AiContagion.Io.NetworkFile</c>); the
/// builder validates everything and reports every problem at once, so an instance is always valid: ids are
/// unique and non-empty, every link joins two distinct known entities, every amount and figure is finite and
/// non-negative.</para>
/// <para><b>Direction.</b> <see cref="LinksFrom"/> gives the links that take money out of an entity (it pays
/// them); <see cref="LinksTo"/> gives the links that bring money in. Liquidity distress runs along links,
/// credit losses against claim links (<see cref="LinkKindFacts"/>).</para>
/// </remarks>
public sealed class FinancingNetwork
{
    // Filled once by the builder and never written again (concurrent reads of an unchanged Dictionary are safe); not
    // frozen: freezing 10^5 ids cost more (≈ 40 ms) than every look-up a command makes saves.
    private readonly Dictionary<string, int> _indexById;
    private readonly FrozenDictionary<string, int> _assetIndexById;
    private HoldingIndex? _holdingIndex;

    internal FinancingNetwork(
        NetworkMetadata metadata,
        ImmutableArray<Entity> entities,
        ImmutableArray<Link> links,
        Dictionary<string, int> indexById,
        NetworkIndex index,
        ImmutableArray<Asset> assets,
        ImmutableArray<Holding> holdings,
        FrozenDictionary<string, int> assetIndexById)
    {
        Metadata = metadata;
        Entities = entities;
        Links = links;
        _indexById = indexById;
        Index = index;
        Assets = assets;
        Holdings = holdings;
        _assetIndexById = assetIndexById;
    }

    /// <summary>Title, unit, date, sources and annotations.</summary>
    public NetworkMetadata Metadata { get; }

    /// <summary>The unit of every amount (e.g. <c>USD bn</c>).</summary>
    public string Unit => Metadata.Unit;

    /// <summary>The entities, in the order they were added.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>The links, in the order they were added. A link's index here is its identity in every result.</summary>
    public ImmutableArray<Link> Links { get; }

    /// <summary>Number of entities.</summary>
    public int EntityCount => Entities.Length;

    /// <summary>Number of links.</summary>
    public int LinkCount => Links.Length;

    /// <summary>The compact index (CSR arrays) the models run on.</summary>
    internal NetworkIndex Index { get; }

    /// <summary>
    /// The assets of the holdings layer (<see cref="Asset"/>: GPU collateral, listed stakes, bond classes), in the order
    /// they were added; empty when the network has no holdings layer.
    /// </summary>
    public ImmutableArray<Asset> Assets { get; }

    /// <summary>
    /// The holdings layer: which entity holds how much of which asset (market value at the network's <c>asOf</c>), in
    /// the order they were added; empty when the network has none. At most one holding per (entity, asset) pair.
    /// </summary>
    public ImmutableArray<Holding> Holdings { get; }

    /// <summary>Number of assets.</summary>
    public int AssetCount => Assets.Length;

    /// <summary>The holdings layer as compact rows by holder (the fire-sale models' hot loops), built on first use.</summary>
    internal HoldingIndex HoldingIndex => _holdingIndex ?? Interlocked.CompareExchange(ref _holdingIndex, HoldingIndex.Build(this), null) ?? _holdingIndex;

    /// <summary>The entity with the given id.</summary>
    /// <param name="id">The entity id.</param>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public Entity this[string id] => Entities[IndexOfRequired(id)];

    /// <summary>Creates an empty builder.</summary>
    /// <returns>A new builder.</returns>
    public static FinancingNetworkBuilder CreateBuilder() => new();

    /// <summary>Creates a builder that starts from this network's metadata, entities and links.</summary>
    /// <returns>A new builder; changing it does not change this network.</returns>
    public FinancingNetworkBuilder ToBuilder()
    {
        var builder = new FinancingNetworkBuilder().WithMetadata(Metadata);
        foreach (var entity in Entities)
        {
            builder.AddEntity(entity);
        }

        foreach (var link in Links)
        {
            builder.AddLink(link);
        }

        foreach (var asset in Assets)
        {
            builder.AddAsset(asset);
        }

        foreach (var holding in Holdings)
        {
            builder.AddHolding(holding);
        }

        return builder;
    }

    /// <summary>Whether an entity has the given id.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns><see langword="true"/> if the network holds the entity.</returns>
    public bool Contains(string id) => _indexById.ContainsKey(id);

    /// <summary>The position of an entity in <see cref="Entities"/>, or −1.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The index, or −1 when absent.</returns>
    public int IndexOf(string id) => _indexById.TryGetValue(id, out var index) ? index : -1;

    /// <summary>The position of an asset in <see cref="Assets"/>, or −1.</summary>
    /// <param name="id">The asset id.</param>
    /// <returns>The index, or −1 when absent.</returns>
    public int AssetIndexOf(string id) => _assetIndexById.TryGetValue(id, out var index) ? index : -1;

    /// <summary>Looks an asset of the holdings layer up by id.</summary>
    /// <param name="id">The asset id.</param>
    /// <param name="asset">The asset, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetAsset(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Asset? asset)
    {
        if (_assetIndexById.TryGetValue(id, out var index))
        {
            asset = Assets[index];
            return true;
        }

        asset = null;
        return false;
    }

    /// <summary>The holdings of an entity, in network order (empty when it holds nothing).</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>Its holdings.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public IReadOnlyList<Holding> HoldingsOf(string id)
    {
        var v = IndexOfRequired(id);
        var index = HoldingIndex;
        var result = new Holding[index.Start[v + 1] - index.Start[v]];
        for (var s = 0; s < result.Length; s++)
        {
            result[s] = Holdings[index.Holding[index.Start[v] + s]];
        }

        return result;
    }

    /// <summary>Looks an entity up by id.</summary>
    /// <param name="id">The entity id.</param>
    /// <param name="entity">The entity, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetEntity(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Entity? entity)
    {
        if (_indexById.TryGetValue(id, out var index))
        {
            entity = Entities[index];
            return true;
        }

        entity = null;
        return false;
    }

    /// <summary>The links that take money <b>out of</b> an entity (it is the payer), in network order.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The outgoing links.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public IReadOnlyList<Link> LinksFrom(string id) => Select(Index.LinksOutOf(IndexOfRequired(id)));

    /// <summary>The links that bring money <b>into</b> an entity (it is the recipient), in network order.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The incoming links.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public IReadOnlyList<Link> LinksTo(string id) => Select(Index.LinksInto(IndexOfRequired(id)));

    /// <summary>The funding sources (<see cref="Entity.IsFundingSource"/>), in network order.</summary>
    public IReadOnlyList<Entity> FundingSources => [.. Entities.Where(e => e.IsFundingSource)];

    /// <summary>The entities of a sector, in network order.</summary>
    /// <param name="sector">The sector.</param>
    /// <returns>The entities.</returns>
    public IReadOnlyList<Entity> EntitiesIn(Sector sector) => [.. Entities.Where(e => e.Sector == sector)];

    /// <summary>The sum of every link amount.</summary>
    public double TotalAmount
    {
        get
        {
            var total = 0.0;
            foreach (var amount in Index.Amount)
            {
                total += amount;
            }

            return total;
        }
    }

    /// <summary>Total amount by link kind (kinds with no link are absent), in kind order.</summary>
    /// <returns>A sorted map from kind to total amount.</returns>
    public ImmutableSortedDictionary<LinkKind, double> TotalsByKind()
    {
        var totals = new double[LinkKindFacts.All.Count];
        var seen = new bool[totals.Length];
        for (var l = 0; l < Index.LinkCount; l++)
        {
            totals[(int)Index.Kind[l]] += Index.Amount[l];
            seen[(int)Index.Kind[l]] = true;
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<LinkKind, double>();
        for (var k = 0; k < totals.Length; k++)
        {
            if (seen[k])
            {
                builder[(LinkKind)k] = totals[k];
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The yearly inflow of an entity: the sum of the links into it plus its outside revenue (0 when unknown).
    /// This is the denominator of the liquidity tolerance (docs/concepts.md#funding-withdrawal-liquidity-cascade).
    /// </summary>
    /// <param name="id">The entity id.</param>
    /// <returns>The inflow, in the network's unit.</returns>
    public double Inflow(string id)
    {
        var v = IndexOfRequired(id);
        var total = double.IsNaN(Index.Revenue[v]) ? 0.0 : Index.Revenue[v];
        foreach (var l in Index.LinksInto(v))
        {
            total += Index.Amount[l];
        }

        return total;
    }

    /// <summary>
    /// A QuikGraph copy of the network for interop: vertices are entity ids, each edge is tagged with its
    /// <see cref="Link"/> and runs the way money moves. The graph is immutable (an
    /// <see cref="ArrayBidirectionalGraph{TVertex, TEdge}"/>) and parallel edges are kept.
    /// </summary>
    /// <returns>A new immutable bidirectional graph; O(n + m).</returns>
    public IBidirectionalGraph<string, TaggedEdge<string, Link>> AsQuikGraph()
    {
        var graph = new BidirectionalGraph<string, TaggedEdge<string, Link>>(allowParallelEdges: true, EntityCount, EntityCount);
        foreach (var entity in Entities)
        {
            graph.AddVertex(entity.Id);
        }

        foreach (var link in Links)
        {
            graph.AddEdge(new TaggedEdge<string, Link>(Entities[IndexOf(link.From)].Id, Entities[IndexOf(link.To)].Id, link));
        }

        return new ArrayBidirectionalGraph<string, TaggedEdge<string, Link>>(graph);
    }

    /// <summary>A one-line summary: title, counts and total.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"FinancingNetwork '{Metadata.Title ?? "untitled"}': {EntityCount} entities, {LinkCount} links, total {TotalAmount:0.###} {Unit}{(Holdings.IsDefaultOrEmpty ? string.Empty : $", {AssetCount} assets, {Holdings.Length} holdings")}");

    /// <summary>
    /// This network with some links replaced by drawn copies (<see cref="AmountDraws"/>): the same entities, metadata
    /// and id map, <paramref name="links"/> in place of the links, and an index sharing every array but the amounts.
    /// Trusted: the caller guarantees each replaced link differs only in amount (and a schedule scaled to it) and still
    /// keeps every rule, so nothing is validated again. The holdings layer (assets, holdings, their compact rows) is
    /// shared as it is: it does not depend on the links. O(1) beyond the arrays given.
    /// </summary>
    internal FinancingNetwork WithDrawnAmounts(ImmutableArray<Link> links, double[] amounts) =>
        new(Metadata, Entities, links, _indexById, Index.WithAmounts(links, amounts), Assets, Holdings, _assetIndexById)
        {
            _holdingIndex = _holdingIndex,
        };

    internal int IndexOfRequired(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _indexById.TryGetValue(id, out var index)
            ? index
            : throw new KeyNotFoundException($"The network has no entity with id '{id}'.");
    }

    private Link[] Select(ReadOnlySpan<int> linkIndices)
    {
        var result = new Link[linkIndices.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Links[linkIndices[i]];
        }

        return result;
    }
}
