using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Flow;

/// <summary>
/// The result of <see cref="MaximumFlow"/>: the maximum flow value, the flow on every link, and a minimum cut
/// (the source side, and the links that cross from it to the sink side). Immutable.
/// </summary>
public sealed class FlowResult
{
    internal FlowResult(
        double value,
        ImmutableArray<string> sources,
        ImmutableArray<string> sinks,
        ImmutableArray<string> sourceSide,
        ImmutableArray<int> cutLinkIndices,
        ImmutableArray<Link> cutLinks,
        double cutCapacity,
        ImmutableArray<double> linkFlows,
        int entityCount)
    {
        Value = value;
        Sources = sources;
        Sinks = sinks;
        SourceSide = sourceSide;
        CutLinkIndices = cutLinkIndices;
        CutLinks = cutLinks;
        CutCapacity = cutCapacity;
        LinkFlows = linkFlows;
        EntityCount = entityCount;
    }

    /// <summary>The maximum flow from the sources to the sinks, in the network's unit.</summary>
    public double Value { get; }

    /// <summary>The source entities (joined to the virtual super-source), in network order.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>The sink entities (joined to the virtual super-sink), in network order.</summary>
    public ImmutableArray<string> Sinks { get; }

    /// <summary>
    /// The source side of the minimum cut, in network order: the entities still reachable from the sources over
    /// links with spare capacity. It is the cut closest to the sources; every source is in it, no sink is.
    /// </summary>
    public ImmutableArray<string> SourceSide { get; }

    /// <summary>Indices (in <see cref="FinancingNetwork.Links"/>) of the links from the source side to the other side that carry money, ascending.</summary>
    public ImmutableArray<int> CutLinkIndices { get; }

    /// <summary>The cut links (parallel to <see cref="CutLinkIndices"/>). Removing them leaves no money path from a source to a sink.</summary>
    public ImmutableArray<Link> CutLinks { get; }

    /// <summary>The total amount of the cut links; equals <see cref="Value"/> up to rounding (max-flow = min-cut).</summary>
    public double CutCapacity { get; }

    /// <summary>The flow on each link, by link index; 0 ≤ flow ≤ amount, conserved at every entity that is neither source nor sink.</summary>
    public ImmutableArray<double> LinkFlows { get; }

    /// <summary>Number of entities in the network (for the sink side's size).</summary>
    public int EntityCount { get; }

    /// <summary>An igraph-style one-line summary, e.g. <c>Maximum flow (3 cut links, 4 vs 2 entities, value=23.0000)</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Maximum flow ({CutLinks.Length} cut links, {SourceSide.Length} vs {EntityCount - SourceSide.Length} entities, value={Value:0.0000})");
}
