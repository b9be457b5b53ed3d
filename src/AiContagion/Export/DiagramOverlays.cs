using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// The analysis results drawn on top of a network diagram; any combination may be given. Used by
/// <see cref="DotWriter"/> (styles) and, for <c>.graphml</c> files, <see cref="DiagramFile"/> (extra GraphML columns for Gephi).
/// </summary>
/// <remarks>Immutable; change one with a <c>with</c> expression. Thread-safe.</remarks>
public sealed record DiagramOverlays
{
    /// <summary>No overlay.</summary>
    public static DiagramOverlays None { get; } = new();

    /// <summary>A cascade: failed entities by round, links down with their cause, withdrawn sources. Default: none.</summary>
    public CascadeOverlay? Cascade { get; init; }

    /// <summary>A minimum cut: cut links and the source side. Default: none.</summary>
    public CutOverlay? Cut { get; init; }

    /// <summary>Dominators: single points of failure. Default: none.</summary>
    public DominatorOverlay? Dominators { get; init; }

    /// <summary>A centrality: node size by score. Default: none.</summary>
    public CentralityOverlay? Centrality { get; init; }

    /// <summary>Whether no overlay is set.</summary>
    public bool IsEmpty => Cascade is null && Cut is null && Dominators is null && Centrality is null;

    /// <summary>
    /// Checks that every entity id and link index the overlays name exists in <paramref name="network"/>.
    /// Immediate dominators are not checked (they may name a virtual super-source).
    /// </summary>
    /// <param name="network">The network the overlays will be drawn on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id or index is unknown; the message lists every one (up to ten).</exception>
    public void ValidateFor(FinancingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var problems = new List<string>();
        void Entities(string overlay, IEnumerable<string> ids)
        {
            foreach (var id in ids)
            {
                if (!network.Contains(id))
                {
                    problems.Add($"{overlay} names unknown entity '{id}'");
                }
            }
        }

        void Links(string overlay, IEnumerable<int> indices)
        {
            foreach (var index in indices)
            {
                if (index >= network.LinkCount)
                {
                    problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{overlay} names link #{index}; the network has {network.LinkCount} links"));
                }
            }
        }

        if (Cascade is { } cascade)
        {
            Entities("the cascade overlay", cascade.FailureRounds.Keys);
            Entities("the cascade overlay", cascade.Withdrawn);
            Links("the cascade overlay", cascade.LinksDown.Keys);
        }

        if (Cut is { } cut)
        {
            Links("the cut overlay", cut.CutLinks);
            Entities("the cut overlay", cut.SourceSide);
        }

        if (Dominators is { } dominators)
        {
            Entities("the dominator overlay", dominators.SinglePointsOfFailure);
            Entities("the dominator overlay", dominators.ImmediateDominators.Keys);
        }

        if (Centrality is { } centrality)
        {
            Entities("the centrality overlay", centrality.Scores.Keys);
        }

        if (problems.Count > 0)
        {
            var shown = string.Join("; ", problems.Take(10));
            var more = problems.Count > 10 ? $"; and {problems.Count - 10} more" : "";
            throw new ArgumentException($"The overlays do not match the network: {shown}{more}.", nameof(network));
        }
    }
}
