using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// The network as the chain diagrams see it: one node per entity (or per group of anonymous funders), each in its
/// <see cref="ChainTier"/>, and the links summed per (payer node, recipient node, <see cref="DealClass"/>, marker)
/// into flows with their deal count. The marker separates links an overlay singles out (down in a cascade, in a
/// cut) from the rest, so a flow is either all highlighted or not at all.
/// </summary>
/// <remarks>O(n + m log m). Immutable once built; thread-safe to read.</remarks>
internal sealed class ChainGraph
{
    private ChainGraph(FinancingNetwork network, IReadOnlyList<ChainTier> tiers, List<ChainNode> nodes, ChainNode[] nodeOfEntity, List<ChainFlow> flows)
    {
        Network = network;
        Tiers = tiers;
        Nodes = nodes;
        NodeOfEntity = nodeOfEntity;
        Flows = flows;
    }

    public FinancingNetwork Network { get; }

    /// <summary>The tier of each entity, by entity index.</summary>
    public IReadOnlyList<ChainTier> Tiers { get; }

    /// <summary>Every node, entities in network order then groups.</summary>
    public IReadOnlyList<ChainNode> Nodes { get; }

    /// <summary>The node drawing each entity, by entity index.</summary>
    public IReadOnlyList<ChainNode> NodeOfEntity { get; }

    /// <summary>The flows: links summed per (from node, to node, deal class, marker), largest first.</summary>
    public IReadOnlyList<ChainFlow> Flows { get; }

    /// <summary>
    /// Builds the graph of every link.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="groupFunders">Whether anonymous funders (<see cref="IsAnonymousFunder"/>) are drawn as one node per <see cref="FunderGroup"/>.</param>
    /// <param name="keepEntity">Entities never grouped (the focus, a cascade's source); may be <see langword="null"/>.</param>
    /// <param name="marker">A small number per link that keeps links apart in the sum (0 for plain links); may be <see langword="null"/>.</param>
    public static ChainGraph Build(FinancingNetwork network, bool groupFunders, Func<int, bool>? keepEntity = null, Func<int, int>? marker = null)
    {
        var tiers = ChainTiers.Assign(network);
        var nodes = new List<ChainNode>();
        var nodeOfEntity = new ChainNode[network.EntityCount];
        var groups = new Dictionary<FunderGroup, ChainNode>();
        var index = network.Index;
        var totals = new double[network.EntityCount];
        for (var l = 0; l < network.LinkCount; l++)
        {
            totals[index.LinkFrom[l]] += index.Amount[l];
            totals[index.LinkTo[l]] += index.Amount[l];
        }

        for (var v = 0; v < network.EntityCount; v++)
        {
            var entity = network.Entities[v];
            if (groupFunders && IsAnonymousFunder(entity) && keepEntity?.Invoke(v) != true)
            {
                var group = GroupOf(entity.Sector);
                if (!groups.TryGetValue(group, out var node))
                {
                    node = new ChainNode(GroupKey(network, group), GroupName(group), ChainTier.FundingSources, null, group);
                    groups.Add(group, node);
                }

                node.Members.Add(v);
                node.TotalFlow += totals[v];
                nodeOfEntity[v] = node;
            }
            else
            {
                var node = new ChainNode(entity.Id, entity.Name, tiers[v], v, null) { TotalFlow = totals[v] };
                node.Members.Add(v);
                nodes.Add(node);
                nodeOfEntity[v] = node;
            }
        }

        nodes.AddRange(groups.OrderBy(g => g.Key).Select(g => g.Value));
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i].Number = i;
        }

        var sums = new Dictionary<(int From, int To, DealClass Deal, int Marker), ChainFlow>();
        for (var l = 0; l < network.LinkCount; l++)
        {
            var from = nodeOfEntity[index.LinkFrom[l]];
            var to = nodeOfEntity[index.LinkTo[l]];
            if (from == to)
            {
                continue;
            }

            var key = (from.Number, to.Number, DealClasses.Of(index.Kind[l]), marker?.Invoke(l) ?? 0);
            if (!sums.TryGetValue(key, out var flow))
            {
                flow = new ChainFlow(from, to, key.Item3, key.Item4);
                sums.Add(key, flow);
            }

            flow.Links.Add(l);
            flow.Amount += index.Amount[l];
        }

        var flows = sums.Values.ToList();
        flows.Sort((a, b) =>
        {
            var byAmount = b.Amount.CompareTo(a.Amount);
            if (byAmount != 0)
            {
                return byAmount;
            }

            var byFrom = string.CompareOrdinal(a.From.Key, b.From.Key);
            if (byFrom != 0)
            {
                return byFrom;
            }

            var byTo = string.CompareOrdinal(a.To.Key, b.To.Key);
            return byTo != 0 ? byTo : a.Deal != b.Deal ? a.Deal.CompareTo(b.Deal) : a.Marker.CompareTo(b.Marker);
        });
        return new ChainGraph(network, tiers, nodes, nodeOfEntity, flows);
    }

    /// <summary>
    /// Whether an entity is an anonymous funder: a funding source that is a market (<see cref="Sector.PublicMarkets"/>),
    /// a syndicate (it has a <c>members</c> attribute), or whose id names a crowd (ends in <c>-investors</c>,
    /// <c>-lenders</c> or <c>-banks</c>). Named firms (SoftBank, Blue Owl, JPMorgan) are not.
    /// </summary>
    public static bool IsAnonymousFunder(Entity entity) => entity.IsFundingSource
        && (entity.Sector == Sector.PublicMarkets || entity.Attributes.ContainsKey("members")
            || entity.Id.EndsWith("-investors", StringComparison.Ordinal) || entity.Id.EndsWith("-lenders", StringComparison.Ordinal)
            || entity.Id.EndsWith("-banks", StringComparison.Ordinal));

    public static FunderGroup GroupOf(Sector sector) => sector switch
    {
        Sector.VentureCapital or Sector.PrivateEquity => FunderGroup.Venture,
        Sector.Bank => FunderGroup.Banks,
        Sector.PrivateCredit => FunderGroup.PrivateCredit,
        Sector.PublicMarkets => FunderGroup.Markets,
        _ => FunderGroup.Other,
    };

    public static string GroupName(FunderGroup group) => group switch
    {
        FunderGroup.Venture => "VC & growth investors",
        FunderGroup.Banks => "Bank syndicates",
        FunderGroup.PrivateCredit => "Private-credit lenders",
        FunderGroup.Markets => "Bond & equity investors",
        _ => "Other investors",
    };

    private static string GroupKey(FinancingNetwork network, FunderGroup group)
    {
        var key = "group:" + group.ToString().ToLowerInvariant();
        while (network.Contains(key))
        {
            key += "_";
        }

        return key;
    }
}

/// <summary>The buckets anonymous funders are grouped into.</summary>
internal enum FunderGroup
{
    Venture,
    Banks,
    PrivateCredit,
    Markets,
    Other,
}

/// <summary>A node of a chain diagram: one entity, or a group of anonymous funders.</summary>
internal sealed class ChainNode(string key, string name, ChainTier tier, int? entity, FunderGroup? group)
{
    /// <summary>The DOT node name: the entity id, or <c>group:…</c>.</summary>
    public string Key { get; } = key;

    public string Name { get; } = name;

    public ChainTier Tier { get; } = tier;

    /// <summary>The entity index, or <see langword="null"/> for a group.</summary>
    public int? Entity { get; } = entity;

    public FunderGroup? Group { get; } = group;

    /// <summary>Entity indices drawn by this node.</summary>
    public List<int> Members { get; } = [];

    /// <summary>The amount of every link in or out of the members (including links hidden by a threshold).</summary>
    public double TotalFlow { get; set; }

    /// <summary>Position in <see cref="ChainGraph.Nodes"/>; gives the SVG id <c>n{Number}</c>.</summary>
    public int Number { get; set; }

    public string SvgId => "n" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The links from one node to another of one deal class (and one marker), summed.</summary>
internal sealed class ChainFlow(ChainNode from, ChainNode to, DealClass deal, int marker)
{
    public ChainNode From { get; } = from;

    public ChainNode To { get; } = to;

    public DealClass Deal { get; } = deal;

    public int Marker { get; } = marker;

    public List<int> Links { get; } = [];

    public double Amount { get; set; }

    /// <summary>Money flowing against the chain: the payer's tier is right of the recipient's.</summary>
    public bool Back => From.Tier > To.Tier;

    /// <summary>Payer and recipient in the same tier.</summary>
    public bool Flat => From.Tier == To.Tier;
}
