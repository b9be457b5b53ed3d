using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Flow;

/// <summary>
/// The fewest (or cheapest) entities whose failure cuts every money path from a set of sources to a set of
/// sinks: a minimum vertex cut by node splitting and Dinic's maximum flow.
/// </summary>
/// <remarks>
/// <para><b>Model.</b> Each entity v becomes two nodes v_in → v_out joined by an arc whose capacity is v's cost
/// (<see cref="EntityCutCost"/>: 1, or its inflow; overridable per entity); sources and sinks are not cuttable
/// (infinite). Each link <c>u → v</c> that carries money becomes an infinite arc u_out → v_in; a virtual
/// super-source feeds every source and every sink drains to a virtual super-sink. A minimum cut of this network
/// crosses only entity arcs, and those entities are the answer (Menger's theorem, weighted). When a source pays a
/// sink directly (or a path of uncuttable entities joins them) no entity cut exists: an
/// <see cref="UnboundedFlowException"/> names that path.</para>
/// <para><b>Direction.</b> Paths follow the money: over the links out of each entity, payer to recipient.</para>
/// <para><b>Complexity.</b> Dinic on 2n + 2 nodes and n + m arcs; memory O(n + m). The network is never
/// modified. Stateless; safe to call concurrently.</para>
/// <para>References: K. Menger (1927), "Zur allgemeinen Kurventheorie", Fundamenta Mathematicae 10:96–115;
/// E. A. Dinic (1970), Soviet Mathematics Doklady 11:1277–1280; node splitting as in L. R. Ford, D. R. Fulkerson
/// (1962), Flows in Networks, Princeton University Press.</para>
/// </remarks>
public static class MinimumEntityCut
{
    /// <summary>Computes a minimum entity cut.</summary>
    /// <param name="network">The network; not modified.</param>
    /// <param name="from">The sources (never cut).</param>
    /// <param name="to">The sinks (never cut).</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="EntityCutOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between phases.</param>
    /// <returns>The cut entities and their total cost.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">A selection or cost override names an unknown entity.</exception>
    /// <exception cref="ArgumentException">A selection selects nothing, or a cost override is negative or NaN.</exception>
    /// <exception cref="UnboundedFlowException">No entity cut exists (an entity is both source and sink, a source
    /// pays a sink directly, or uncuttable entities join them).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static EntityCutResult Compute(FinancingNetwork network, EntitySelection from, EntitySelection to, EntityCutOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= EntityCutOptions.Default;
        options.Validate();
        var ends = FlowEnds.Resolve(network, from, to);
        cancellationToken.ThrowIfCancellationRequested();
        var index = network.Index;
        var n = index.EntityCount;
        var m = index.LinkCount;
        var costs = Costs(network, options);
        var superSource = 2 * n;
        var superSink = (2 * n) + 1;
        var residual = new ResidualNetwork((2 * n) + 2, n + m + ends.Sources.Length + ends.Sinks.Length);
        var entityPair = new int[n];
        for (var v = 0; v < n; v++)
        {
            var capacity = ends.IsSource[v] || ends.IsSink[v] ? double.PositiveInfinity : costs[v];
            entityPair[v] = residual.AddArc(v, n + v, capacity);
        }

        for (var l = 0; l < m; l++)
        {
            if (index.Amount[l] > 0)
            {
                residual.AddArc(n + index.LinkFrom[l], index.LinkTo[l], double.PositiveInfinity);
            }
        }

        foreach (var s in ends.Sources)
        {
            residual.AddArc(superSource, s, double.PositiveInfinity);
        }

        foreach (var t in ends.Sinks)
        {
            residual.AddArc(n + t, superSink, double.PositiveInfinity);
        }

        residual.Freeze();
        if (residual.InfinitePath(superSource, superSink) is { } path)
        {
            var entities = path.Where(node => node < 2 * n).Select(node => node % n).Distinct().Select(v => network.Entities[v].Id);
            throw new UnboundedFlowException(
                $"No entity cut separates '{from}' from '{to}': the money path {string.Join(" → ", entities)} has no cuttable entity (sources, sinks and entities of infinite cost cannot be cut).");
        }

        residual.MaximumFlow(superSource, superSink, cancellationToken);
        var reachable = residual.Reachable(superSource);
        var cut = ImmutableArray.CreateBuilder<string>();
        var total = 0.0;
        for (var v = 0; v < n; v++)
        {
            if (reachable[v] && !reachable[n + v])
            {
                cut.Add(network.Entities[v].Id);
                total += costs[v];
            }
        }

        // The flow value equals this total up to rounding; the total of the entities named is reported.
        return new EntityCutResult(total, cut.ToImmutable(), [.. ends.SourceIds(network)], [.. ends.SinkIds(network)], options.Cost);
    }

    private static double[] Costs(FinancingNetwork network, EntityCutOptions options)
    {
        var index = network.Index;
        var n = index.EntityCount;
        var costs = new double[n];
        if (options.Cost == EntityCutCost.Count)
        {
            Array.Fill(costs, 1.0);
        }
        else
        {
            var inStrength = index.InStrength();
            for (var v = 0; v < n; v++)
            {
                costs[v] = inStrength[v] + (double.IsNaN(index.Revenue[v]) ? 0 : index.Revenue[v]);
            }
        }

        if (options.CostOverrides is { } overrides)
        {
            foreach (var (id, cost) in overrides)
            {
                if (double.IsNaN(cost) || cost < 0)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"The cost of entity '{id}' is {cost}; costs must be non-negative (or +∞ for uncuttable)."),
                        nameof(options));
                }

                costs[network.IndexOfRequired(id)] = cost;
            }
        }

        return costs;
    }
}
