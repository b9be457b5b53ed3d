using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Model;

/// <summary>
/// The mutable builder of an immutable <see cref="FinancingNetwork"/>. It accepts anything and checks
/// everything at <see cref="Build"/>, reporting <b>all</b> problems at once: empty or duplicate ids, links to
/// unknown entities, self-links, negative / NaN / infinite amounts and figures, undefined kinds or sectors, attribute
/// names that clash with fields, and every constraint of the optional fields (tolerances in [0, 1]; dated terms,
/// ranges and stakes that fit the link's kind and amount; schedules that sum to the amount; the shares of one
/// recipient at most 1; ...).
/// </summary>
/// <remarks>
/// Parallel links between the same pair are allowed. Readers pass a <see cref="SourceLocation"/> with each
/// item, so a problem points at the file line or JSON path to fix. The optional fields' constraints come from the one
/// field schema that the readers and writers also use. Not thread-safe.
/// </remarks>
public sealed class FinancingNetworkBuilder
{
    /// <summary>Field names an entity attribute may not take (they are the entity's own fields).</summary>
    public static readonly FrozenSet<string> ReservedEntityFields = FieldSchema.Entities.ReservedNames;

    /// <summary>
    /// Field names a link attribute may not take (they are the link's own fields, or GraphML's edge id). The one
    /// exception is <c>confidence</c>: data files written before that field existed use it as an attribute name.
    /// </summary>
    public static readonly FrozenSet<string> ReservedLinkFields = FieldSchema.Links.ReservedNames;

    private readonly List<Entity> _entities = [];
    private readonly LocationTable _entityLocations = new("entities");
    private readonly List<Link> _links = [];
    private readonly LocationTable _linkLocations = new("links");
    private readonly List<NetworkProblem> _earlyProblems = [];
    private readonly List<Asset> _assets = [];
    private readonly LocationTable _assetLocations = new("assets");
    private readonly List<Holding> _holdings = [];
    private readonly LocationTable _holdingLocations = new("holdings");

    // Endpoint indices a reader already resolved (−1: not resolved), kept only once a reader passes them; Check trusts
    // a hint only when the entity ids are unique and the hinted entity's id is the very string the link holds.
    private List<int>? _fromHints;
    private List<int>? _toHints;
    private NetworkMetadata _metadata = NetworkMetadata.Empty;

    /// <summary>Number of entities added so far.</summary>
    public int EntityCount => _entities.Count;

    /// <summary>Number of links added so far.</summary>
    public int LinkCount => _links.Count;

    /// <summary>Number of assets (holdings layer) added so far.</summary>
    public int AssetCount => _assets.Count;

    /// <summary>Number of holdings added so far.</summary>
    public int HoldingCount => _holdings.Count;

    /// <summary>Sets the metadata (title, unit, date, sources, annotations).</summary>
    /// <param name="metadata">The metadata.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder WithMetadata(NetworkMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _metadata = metadata;
        return this;
    }

    /// <summary>Changes the metadata with a function of the current one.</summary>
    /// <param name="change">Returns the new metadata from the old.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder WithMetadata(Func<NetworkMetadata, NetworkMetadata> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return WithMetadata(change(_metadata));
    }

    /// <summary>Adds an entity.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="location">Where it was read, for error messages.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder AddEntity(Entity entity, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        _entities.Add(entity);
        _entityLocations.Add(location);
        return this;
    }

    /// <summary>Sets the files that the compact locations of <see cref="AddEntityAt"/> and <c>AddLinkAt</c> refer to.</summary>
    internal void SetLocationFiles(string? entities, string? links)
    {
        _entityLocations.File = entities;
        _linkLocations.File = links;
    }

    /// <summary>Adds an entity read at a line (<paramref name="line"/> &gt; 0) or at a JSON array index (<paramref name="jsonIndex"/> ≥ 0).</summary>
    internal FinancingNetworkBuilder AddEntityAt(Entity entity, int line, int jsonIndex = -1)
    {
        _entities.Add(entity);
        if (jsonIndex >= 0)
        {
            _entityLocations.AddJsonIndex(jsonIndex);
        }
        else
        {
            _entityLocations.AddLine(line);
        }

        return this;
    }

    /// <summary>
    /// Adds a link read at a line whose endpoints the reader already resolved to entity positions (−1 when unknown);
    /// the link's <see cref="Link.From"/> and <see cref="Link.To"/> must then be the very id strings of those entities.
    /// </summary>
    internal FinancingNetworkBuilder AddLinkAt(Link link, int line, int fromIndex, int toIndex)
    {
        EnsureHints(_links.Capacity);
        _fromHints!.Add(fromIndex);
        _toHints!.Add(toIndex);
        _links.Add(link);
        _linkLocations.AddLine(line);
        return this;
    }

    // The endpoint hints start with the first link added by position: the links added by id before it get -1 (look up).
    private void EnsureHints(int capacity)
    {
        if (_fromHints is not null)
        {
            return;
        }

        _fromHints = new List<int>(Math.Max(16, capacity));
        _toHints = new List<int>(_fromHints.Capacity);
        for (var l = 0; l < _links.Count; l++)
        {
            _fromHints.Add(-1);
            _toHints.Add(-1);
        }
    }

    /// <summary>Makes room for <paramref name="count"/> entities in all (a reader that knows how many are coming).</summary>
    internal void ReserveEntities(int count)
    {
        _entities.EnsureCapacity(count);
        _entityLocations.Reserve(count);
    }

    /// <summary>Makes room for <paramref name="count"/> links in all (a reader that knows how many are coming).</summary>
    internal void ReserveLinks(int count)
    {
        _links.EnsureCapacity(count);
        _linkLocations.Reserve(count);
        _fromHints?.EnsureCapacity(count);
        _toHints?.EnsureCapacity(count);
    }

    /// <summary>
    /// <see cref="AddLinkAt(Link, int, int, int)"/> for many links at once: the links, the lines they were read at (all
    /// &gt; 0) and their resolved endpoints, in order.
    /// </summary>
    internal void AddLinksAt(List<Link> links, List<int> lines, List<int> from, List<int> to)
    {
        EnsureHints(Math.Max(_links.Capacity, _links.Count + links.Count));
        _fromHints!.AddRange(from);
        _toHints!.AddRange(to);
        _links.AddRange(links);
        _linkLocations.AddLines(lines);
    }

    /// <summary>Adds a link read at a line (<paramref name="line"/> &gt; 0) or at a JSON array index (<paramref name="jsonIndex"/> ≥ 0).</summary>
    internal FinancingNetworkBuilder AddLinkAt(Link link, int line, int jsonIndex = -1)
    {
        AddUnresolvedHint();
        _links.Add(link);
        if (jsonIndex >= 0)
        {
            _linkLocations.AddJsonIndex(jsonIndex);
        }
        else
        {
            _linkLocations.AddLine(line);
        }

        return this;
    }

    /// <summary>Adds an entity with an id, a sector and an optional name.</summary>
    /// <param name="id">The id.</param>
    /// <param name="sector">The sector.</param>
    /// <param name="name">The display name (defaults to the id).</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder AddEntity(string id, Sector sector, string? name = null) => AddEntity(new Entity(id, sector, name));

    /// <summary>Adds a link.</summary>
    /// <param name="link">The link.</param>
    /// <param name="location">Where it was read, for error messages.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder AddLink(Link link, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        AddUnresolvedHint();
        _links.Add(link);
        _linkLocations.Add(location);
        return this;
    }

    /// <summary>Adds a link: money moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The payer id.</param>
    /// <param name="to">The recipient id.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="amount">The amount, in the network's unit.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder AddLink(string from, string to, LinkKind kind, double amount) => AddLink(new Link(from, to, kind, amount));

    /// <summary>Adds an asset to the holdings layer.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="location">Where it was read, for error messages.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder AddAsset(Asset asset, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(asset);
        _assets.Add(asset);
        _assetLocations.Add(location);
        return this;
    }

    /// <summary>Adds a holding to the holdings layer.</summary>
    /// <param name="holding">The holding.</param>
    /// <param name="location">Where it was read, for error messages.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder AddHolding(Holding holding, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(holding);
        _holdings.Add(holding);
        _holdingLocations.Add(location);
        return this;
    }

    /// <summary>Sets the files that the compact locations of <see cref="AddAssetAt"/> and <see cref="AddHoldingAt"/> refer to.</summary>
    internal void SetHoldingLocationFiles(string? assets, string? holdings)
    {
        _assetLocations.File = assets;
        _holdingLocations.File = holdings;
    }

    /// <summary>Adds an asset read at a line (<paramref name="line"/> &gt; 0) or at a JSON array index (<paramref name="jsonIndex"/> ≥ 0).</summary>
    internal FinancingNetworkBuilder AddAssetAt(Asset asset, int line, int jsonIndex = -1)
    {
        _assets.Add(asset);
        Mark(_assetLocations, line, jsonIndex);
        return this;
    }

    /// <summary>Adds a holding read at a line (<paramref name="line"/> &gt; 0) or at a JSON array index (<paramref name="jsonIndex"/> ≥ 0).</summary>
    internal FinancingNetworkBuilder AddHoldingAt(Holding holding, int line, int jsonIndex = -1)
    {
        _holdings.Add(holding);
        Mark(_holdingLocations, line, jsonIndex);
        return this;
    }

    private static void Mark(LocationTable table, int line, int jsonIndex)
    {
        if (jsonIndex >= 0)
        {
            table.AddJsonIndex(jsonIndex);
        }
        else
        {
            table.AddLine(line);
        }
    }

    /// <summary>Adds an annotation: a sourced figure that is kept but not counted as a link.</summary>
    /// <param name="annotation">The annotation.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder AddAnnotation(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        _metadata = _metadata with { Annotations = _metadata.Annotations.Add(annotation) };
        return this;
    }

    /// <summary>
    /// Records a problem found while reading the input (e.g. a malformed number), so that <see cref="Build"/>
    /// reports it together with the validation problems. Readers use this to report everything at once.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <returns>This builder.</returns>
    public FinancingNetworkBuilder AddProblem(NetworkProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _earlyProblems.Add(problem);
        return this;
    }

    /// <summary>Checks the network without building it.</summary>
    /// <returns>Every problem, in input order (entities first, then links); empty when valid.</returns>
    public IReadOnlyList<NetworkProblem> Validate() => Check(out _, out _, out _, out _);

    /// <summary>Builds the immutable network.</summary>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkValidationException">The network is invalid; the exception lists every problem.</exception>
    public FinancingNetwork Build() =>
        TryBuild(out var network, out var problems) ? network : throw new NetworkValidationException(problems);

    /// <summary>Builds the network if it is valid.</summary>
    /// <param name="network">The network, when valid.</param>
    /// <param name="problems">Every problem found; empty when valid.</param>
    /// <returns>Whether the network is valid.</returns>
    public bool TryBuild(
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FinancingNetwork? network,
        out IReadOnlyList<NetworkProblem> problems)
    {
        problems = Check(out var indexById, out var from, out var to, out var assetIndexById);
        if (problems.Count > 0)
        {
            network = null;
            return false;
        }

        var entities = _entities.ToImmutableArray();
        var links = _links.ToImmutableArray();
        var index = NetworkIndex.Build(entities, links, from, to, _metadata.AsOf);
        network = new FinancingNetwork(
            _metadata, entities, links, indexById, index, [.. _assets], [.. _holdings], assetIndexById.ToFrozenDictionary(StringComparer.Ordinal));
        return true;
    }

    private List<NetworkProblem> Check(out Dictionary<string, int> indexById, out int[] from, out int[] to, out Dictionary<string, int> assetIndexById)
    {
        var problems = new List<NetworkProblem>(_earlyProblems);
        indexById = new Dictionary<string, int>(_entities.Count, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(_metadata.Unit))
        {
            problems.Add(new NetworkProblem(null, "network", "unit", "must not be empty (e.g. 'USD bn')"));
        }

        var entityContext = new FieldContext(null, indexById);
        var entityMessages = new List<string>();
        for (var i = 0; i < _entities.Count; i++)
        {
            CheckEntity(i, problems, indexById, entityContext, entityMessages);
        }

        // Hints are usable when every id is unique (each entity went into the map at its own position).
        var ids = _fromHints is not null && indexById.Count == _entities.Count ? new string[_entities.Count] : null;
        if (ids is not null)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = _entities[i].Id;
            }
        }

        assetIndexById = new Dictionary<string, int>(_assets.Count, StringComparer.Ordinal);
        for (var k = 0; k < _assets.Count; k++)
        {
            CheckAsset(k, problems, indexById, assetIndexById, messages: entityMessages);
        }

        from = new int[_links.Count];
        to = new int[_links.Count];
        var context = new FieldContext(CalendarMonth.TryParse(_metadata.AsOf, out var asOf) ? asOf : null, indexById, assetIndexById);
        var messages = new List<string>();
        for (var l = 0; l < _links.Count; l++)
        {
            CheckLink(l, problems, indexById, ids, context, messages, out from[l], out to[l]);
        }

        foreach (var field in FieldSchema.Links.WithChecksAcross)
        {
            foreach (var (l, message) in field.AcrossRecords!(_links))
            {
                problems.Add(new NetworkProblem(_linkLocations[l], LinkSubject(l), field.Name, message));
            }
        }

        if (_holdings.Count > 0)
        {
            var pairs = new Dictionary<(int Entity, int Asset), int>(_holdings.Count);
            for (var h = 0; h < _holdings.Count; h++)
            {
                CheckHolding(h, problems, indexById, assetIndexById, pairs, entityContext, entityMessages);
            }
        }

        for (var a = 0; a < _metadata.Annotations.Length; a++)
        {
            var annotation = _metadata.Annotations[a];
            var subject = string.Create(CultureInfo.InvariantCulture, $"annotation #{a}");
            if (string.IsNullOrWhiteSpace(annotation.Reason))
            {
                problems.Add(new NetworkProblem(null, subject, "reason", "must say why the figure is not a link"));
            }

            CheckFigure(annotation.Amount, "amount", null, subject, problems);
        }

        return problems;
    }

    private void CheckEntity(int i, List<NetworkProblem> problems, Dictionary<string, int> indexById, FieldContext context, List<string> messages)
    {
        var entity = _entities[i];
        messages.Clear();
        if (IsPlainValid(entity, i, indexById, context, messages))
        {
            return;
        }

        var location = _entityLocations[i];
        var subject = string.IsNullOrWhiteSpace(entity.Id)
            ? string.Create(CultureInfo.InvariantCulture, $"entity #{i}")
            : $"entity '{entity.Id}'";
        if (string.IsNullOrWhiteSpace(entity.Id))
        {
            problems.Add(new NetworkProblem(location, subject, "id", "must not be empty"));
        }
        else if (entity.Id.Trim().Length != entity.Id.Length)
        {
            problems.Add(new NetworkProblem(location, subject, "id", "must not start or end with white space"));
        }
        else if (!indexById.TryAdd(entity.Id, i))
        {
            var first = _entityLocations[indexById[entity.Id]];
            var where = first is null
                ? string.Create(CultureInfo.InvariantCulture, $"entity #{indexById[entity.Id]}")
                : first.ToString();
            problems.Add(new NetworkProblem(location, subject, "id", $"duplicate id; first defined at {where}"));
        }

        if (entity.Name is null)
        {
            problems.Add(new NetworkProblem(location, subject, "name", "must not be null"));
        }

        if (!Enum.IsDefined(entity.Sector))
        {
            problems.Add(new NetworkProblem(location, subject, "sector", $"undefined sector; expected one of {SectorFacts.AllNames}"));
        }

        CheckFields(FieldSchema.Entities, entity, context, messages, location, subject, problems);
        CheckAttributes(entity.Attributes, ReservedEntityFields, location, subject, problems);
    }

    private void CheckLink(
        int l, List<NetworkProblem> problems, Dictionary<string, int> indexById, string[]? ids, FieldContext context, List<string> messages, out int from, out int to)
    {
        var link = _links[l];
        var plainEnds = ids is not null ? IsPlainValid(link, ids, _fromHints![l], _toHints![l], indexById, out from, out to) : IsPlainValid(link, indexById, out from, out to);
        messages.Clear();
        if (plainEnds && (!link.HasDetails || (FieldsValid(FieldSchema.Links, link, context, messages) && link.Attributes.IsEmpty)))
        {
            return;
        }

        var location = _linkLocations[l];
        var subject = LinkSubject(l);
        from = Resolve(link.From, "from", location, subject, problems, indexById);
        to = Resolve(link.To, "to", location, subject, problems, indexById);
        if (from >= 0 && from == to)
        {
            problems.Add(new NetworkProblem(location, subject, "to", "self-link: an entity cannot pay itself"));
        }

        if (!Enum.IsDefined(link.Kind))
        {
            problems.Add(new NetworkProblem(location, subject, "kind", $"undefined kind; expected one of {LinkKindFacts.AllNames}"));
        }

        if (double.IsNaN(link.Amount) || double.IsInfinity(link.Amount))
        {
            problems.Add(new NetworkProblem(location, subject, "amount", Invariant($"must be a finite number; got {link.Amount}")));
        }
        else if (link.Amount < 0)
        {
            problems.Add(new NetworkProblem(location, subject, "amount", Invariant($"must not be negative; got {link.Amount}")));
        }

        CheckFields(FieldSchema.Links, link, context, messages, location, subject, problems);
        CheckAttributes(link.Attributes, ReservedLinkFields, location, subject, problems);
    }

    private void CheckAsset(int k, List<NetworkProblem> problems, Dictionary<string, int> entityIds, Dictionary<string, int> assetIds, List<string> messages)
    {
        var asset = _assets[k];
        var location = _assetLocations[k];
        var subject = string.IsNullOrWhiteSpace(asset.Id) ? string.Create(CultureInfo.InvariantCulture, $"asset #{k}") : $"asset '{asset.Id}'";
        if (string.IsNullOrWhiteSpace(asset.Id))
        {
            problems.Add(new NetworkProblem(location, subject, "id", "must not be empty"));
        }
        else if (asset.Id.Trim().Length != asset.Id.Length)
        {
            problems.Add(new NetworkProblem(location, subject, "id", "must not start or end with white space"));
        }
        else if (entityIds.ContainsKey(asset.Id))
        {
            problems.Add(new NetworkProblem(location, subject, "id", "is also an entity's id; a collateral names an entity or an asset, so the two must differ"));
        }
        else if (!assetIds.TryAdd(asset.Id, k))
        {
            var first = _assetLocations[assetIds[asset.Id]];
            var where = first is null ? string.Create(CultureInfo.InvariantCulture, $"asset #{assetIds[asset.Id]}") : first.ToString();
            problems.Add(new NetworkProblem(location, subject, "id", $"duplicate asset id; first defined at {where}"));
        }

        if (asset.Name is null)
        {
            problems.Add(new NetworkProblem(location, subject, "name", "must not be null"));
        }

        CheckFields(FieldSchema.Assets, asset, new FieldContext(null, entityIds), messages, location, subject, problems);
    }

    private void CheckHolding(
        int h, List<NetworkProblem> problems, Dictionary<string, int> entityIds, Dictionary<string, int> assetIds, Dictionary<(int, int), int> pairs, FieldContext context, List<string> messages)
    {
        var holding = _holdings[h];
        var location = _holdingLocations[h];
        var subject = string.Create(CultureInfo.InvariantCulture, $"holding #{h} ({holding.Entity}, {holding.Asset})");
        var entity = -1;
        var asset = -1;
        if (string.IsNullOrWhiteSpace(holding.Entity))
        {
            problems.Add(new NetworkProblem(location, subject, "entity", "must name an entity; got an empty id"));
        }
        else if (!entityIds.TryGetValue(holding.Entity, out entity))
        {
            entity = -1;
            problems.Add(new NetworkProblem(location, subject, "entity", $"unknown entity '{holding.Entity}'"));
        }

        if (string.IsNullOrWhiteSpace(holding.Asset))
        {
            problems.Add(new NetworkProblem(location, subject, "asset", "must name an asset; got an empty id"));
        }
        else if (!assetIds.TryGetValue(holding.Asset, out asset))
        {
            asset = -1;
            problems.Add(new NetworkProblem(
                location, subject, "asset", $"unknown asset '{holding.Asset}'; {(assetIds.Count == 0 ? "the network defines no assets" : "define it in the assets")}"));
        }

        if (!double.IsFinite(holding.Amount))
        {
            problems.Add(new NetworkProblem(location, subject, "amount", Invariant($"must be a finite number; got {holding.Amount}")));
        }
        else if (holding.Amount < 0)
        {
            problems.Add(new NetworkProblem(location, subject, "amount", Invariant($"must not be negative; got {holding.Amount}")));
        }

        if (entity >= 0 && asset >= 0 && !pairs.TryAdd((entity, asset), h))
        {
            var first = _holdingLocations[pairs[(entity, asset)]];
            var where = first is null ? string.Create(CultureInfo.InvariantCulture, $"holding #{pairs[(entity, asset)]}") : first.ToString();
            problems.Add(new NetworkProblem(location, subject, "asset", $"'{holding.Entity}' already holds '{holding.Asset}' (first at {where}); give one holding per entity and asset, with the total"));
        }

        CheckFields(FieldSchema.Holdings, holding, context, messages, location, subject, problems);
    }

    private string LinkSubject(int l)
    {
        var link = _links[l];
        return string.Create(CultureInfo.InvariantCulture, $"link #{l} ({link.From} -> {link.To})");
    }

    /// <summary>Whether the record breaks no constraint of its optional fields; the messages of those it breaks are left in <paramref name="messages"/>.</summary>
    private static bool FieldsValid<TRecord>(RecordFields<TRecord> schema, TRecord record, FieldContext context, List<string> messages)
        where TRecord : class
    {
        foreach (var field in schema.Optional)
        {
            field.Check(record, context, messages);
        }

        return messages.Count == 0;
    }

    /// <summary>Reports every constraint of the record's optional fields that it breaks, each under its field's name.</summary>
    private static void CheckFields<TRecord>(
        RecordFields<TRecord> schema, TRecord record, FieldContext context, List<string> messages, SourceLocation? location, string subject, List<NetworkProblem> problems)
        where TRecord : class
    {
        foreach (var field in schema.Optional)
        {
            messages.Clear();
            field.Check(record, context, messages);
            foreach (var message in messages)
            {
                problems.Add(new NetworkProblem(location, subject, field.Name, message));
            }
        }
    }

    /// <summary>
    /// The fast path of validation for the common case: a well-formed entity with a new id is added to the id map
    /// and needs no problem text. Anything unusual falls through to the full check, which builds messages.
    /// </summary>
    private static bool IsPlainValid(Entity entity, int index, Dictionary<string, int> indexById, FieldContext context, List<string> messages)
    {
        var id = entity.Id;
        if (id is null || id.Length == 0 || char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]) || entity.Name is null || !Enum.IsDefined(entity.Sector)
            || entity.Attributes is not { IsEmpty: true } || !FieldsValid(FieldSchema.Entities, entity, context, messages))
        {
            return false;
        }

        return indexById.TryAdd(id, index);
    }

    /// <summary><see cref="IsPlainValid(Link, Dictionary{string, int}, out int, out int)"/> that takes a reader's resolved endpoints when they hold.</summary>
    private static bool IsPlainValid(Link link, string[] ids, int fromHint, int toHint, Dictionary<string, int> indexById, out int from, out int to)
    {
        if ((uint)fromHint < (uint)ids.Length && (uint)toHint < (uint)ids.Length
            && ReferenceEquals(ids[fromHint], link.From) && ReferenceEquals(ids[toHint], link.To))
        {
            from = fromHint;
            to = toHint;
            return from != to && double.IsFinite(link.Amount) && link.Amount >= 0 && (uint)link.Kind <= (uint)LinkKind.Services;
        }

        return IsPlainValid(link, indexById, out from, out to);
    }

    private static bool IsPlainValid(Link link, Dictionary<string, int> indexById, out int from, out int to)
    {
        from = -1;
        to = -1;
        if (link.From is null || link.To is null || !indexById.TryGetValue(link.From, out from) || !indexById.TryGetValue(link.To, out to) || from == to
            || !double.IsFinite(link.Amount) || link.Amount < 0 || (uint)link.Kind > (uint)LinkKind.Services)
        {
            return false;
        }

        return true;
    }

    private void AddUnresolvedHint()
    {
        _fromHints?.Add(-1);
        _toHints?.Add(-1);
    }

    private static int Resolve(
        string id, string field, SourceLocation? location, string subject, List<NetworkProblem> problems, Dictionary<string, int> indexById)
    {
        if (id is not null && indexById.TryGetValue(id, out var index))
        {
            return index;
        }

        problems.Add(new NetworkProblem(
            location, subject, field, string.IsNullOrWhiteSpace(id) ? "must name an entity; got an empty id" : $"unknown entity '{id}'"));
        return -1;
    }

    /// <summary>Checks an optional figure is finite and non-negative; returns whether it is present and valid.</summary>
    private static bool CheckFigure(double? value, string field, SourceLocation? location, string subject, List<NetworkProblem> problems)
    {
        if (value is not { } v)
        {
            return false;
        }

        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            problems.Add(new NetworkProblem(location, subject, field, Invariant($"must be a finite number; got {v}")));
            return false;
        }

        if (v < 0)
        {
            problems.Add(new NetworkProblem(location, subject, field, Invariant($"must not be negative; got {v}")));
            return false;
        }

        return true;
    }

    private static void CheckAttributes(
        ImmutableSortedDictionary<string, string> attributes, FrozenSet<string> reserved, SourceLocation? location, string subject, List<NetworkProblem> problems)
    {
        if (attributes is null)
        {
            // Only reachable through a `with { Attributes = null! }`; reported, not thrown, like every other problem.
            problems.Add(new NetworkProblem(location, subject, "attributes", "must not be null (use an empty dictionary)"));
            return;
        }

        foreach (var (key, value) in attributes)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add(new NetworkProblem(location, subject, "attributes", "an attribute name must not be empty"));
            }
            else if (reserved.Contains(key))
            {
                problems.Add(new NetworkProblem(location, subject, "attributes", $"'{key}' is a field, not an attribute name"));
            }

            if (value is null)
            {
                problems.Add(new NetworkProblem(location, subject, "attributes", $"attribute '{key}' must not be null"));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
