using System.Globalization;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// The overlays' results as extra GraphML columns, so Gephi, yEd or NetworkX users get the analysis with the
/// graph: per entity <c>failureRound</c> (int), <c>withdrawn</c>, <c>cutSourceSide</c>,
/// <c>singlePointOfFailure</c> (booleans), <c>immediateDominator</c> (string) and <c>centrality_&lt;measure&gt;</c>
/// (double); per link <c>down</c> (boolean), <c>downCause</c> (string), <c>downRound</c> (int) and <c>cut</c>
/// (boolean). Only the columns of the overlays given are present.
/// </summary>
/// <remarks>
/// Values are in network order and invariant culture; an entity or link an overlay does not mention gets no
/// value for a string or number column and <c>false</c> for a boolean column of that overlay. GraphML keeps
/// every entity and link: the diagram filters (<see cref="DotOptions.MinimumAmount"/>, <see cref="DotOptions.TopLinks"/>)
/// do not apply. O(n + m). Thread-safe.
/// </remarks>
internal sealed class GraphMlOverlayColumns
{
    private GraphMlOverlayColumns(IReadOnlyList<GraphMlColumn> nodeColumns, IReadOnlyList<GraphMlColumn> edgeColumns)
    {
        NodeColumns = nodeColumns;
        EdgeColumns = edgeColumns;
    }

    /// <summary>The per-entity columns, in a fixed order (cascade, cut, dominators, centrality).</summary>
    public IReadOnlyList<GraphMlColumn> NodeColumns { get; }

    /// <summary>The per-link columns, in a fixed order (cascade, cut).</summary>
    public IReadOnlyList<GraphMlColumn> EdgeColumns { get; }

    /// <summary>Builds the columns of the given overlays for a network.</summary>
    /// <param name="network">The network.</param>
    /// <param name="overlays">The overlays.</param>
    /// <returns>The columns, ready for <see cref="GraphMlNetworkWriter.Write"/>.</returns>
    /// <exception cref="ArgumentException">An overlay names an entity or link the network lacks.</exception>
    public static GraphMlOverlayColumns Create(FinancingNetwork network, DiagramOverlays overlays)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(overlays);
        overlays.ValidateFor(network);
        var nodes = new List<GraphMlColumn>();
        var edges = new List<GraphMlColumn>();
        string?[] ForEntities(Func<Entity, string?> value) => [.. network.Entities.Select(value)];
        string?[] ForLinks(Func<int, string?> value) => [.. Enumerable.Range(0, network.LinkCount).Select(value)];
        static string Bool(bool value) => value ? "true" : "false";

        if (overlays.Cascade is { } cascade)
        {
            nodes.Add(new GraphMlColumn("failureRound", "int",
                ForEntities(e => cascade.FailureRounds.TryGetValue(e.Id, out var r) ? r.ToString(CultureInfo.InvariantCulture) : null)));
            nodes.Add(new GraphMlColumn("withdrawn", "boolean", ForEntities(e => Bool(cascade.Withdrawn.Contains(e.Id)))));
            edges.Add(new GraphMlColumn("down", "boolean", ForLinks(l => Bool(cascade.LinksDown.ContainsKey(l)))));
            edges.Add(new GraphMlColumn("downCause", "string", ForLinks(l => cascade.LinksDown.TryGetValue(l, out var d) ? d.Cause : null)));
            edges.Add(new GraphMlColumn("downRound", "int",
                ForLinks(l => cascade.LinksDown.TryGetValue(l, out var d) ? d.Round.ToString(CultureInfo.InvariantCulture) : null)));
        }

        if (overlays.Cut is { } cut)
        {
            nodes.Add(new GraphMlColumn("cutSourceSide", "boolean", ForEntities(e => Bool(cut.SourceSide.Contains(e.Id)))));
            edges.Add(new GraphMlColumn("cut", "boolean", ForLinks(l => Bool(cut.CutLinks.Contains(l)))));
        }

        if (overlays.Dominators is { } dominators)
        {
            nodes.Add(new GraphMlColumn("singlePointOfFailure", "boolean", ForEntities(e => Bool(dominators.SinglePointsOfFailure.Contains(e.Id)))));
            if (!dominators.ImmediateDominators.IsEmpty)
            {
                nodes.Add(new GraphMlColumn("immediateDominator", "string",
                    ForEntities(e => dominators.ImmediateDominators.TryGetValue(e.Id, out var idom) ? idom : null)));
            }
        }

        if (overlays.Centrality is { } centrality)
        {
            nodes.Add(new GraphMlColumn("centrality_" + centrality.Measure, "double",
                ForEntities(e => centrality.Scores.TryGetValue(e.Id, out var s) ? s.ToString("R", CultureInfo.InvariantCulture) : null)));
        }

        return new GraphMlOverlayColumns(nodes, edges);
    }

    /// <summary>Writes the network as GraphML with the overlays' columns, whole or not at all.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The target file.</param>
    /// <param name="overlays">The overlays.</param>
    /// <exception cref="ArgumentException">An overlay names an entity or link the network lacks, or a column name clashes with an attribute of the network.</exception>
    /// <exception cref="IOException">The file could not be written; an existing file is left as it was.</exception>
    public static void WriteFile(FinancingNetwork network, string path, DiagramOverlays overlays)
    {
        var columns = Create(network, overlays);
        GraphMlNetworkWriter.WriteFile(network, path, columns.NodeColumns, columns.EdgeColumns);
    }
}
