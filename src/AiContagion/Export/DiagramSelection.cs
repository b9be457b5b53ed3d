using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// Which entities and links a diagram shows, after <see cref="DotOptions.MinimumAmount"/>,
/// <see cref="DotOptions.TopLinks"/> and <see cref="DotOptions.KeepHighlightedLinks"/>.
/// </summary>
/// <remarks>
/// A link is shown when its amount reaches the minimum and it is among the top N (ties broken by payer id,
/// recipient id, kind, then by its rendered statement, so the choice does not depend on the order links were
/// added), or when an overlay highlights it and highlighted links are kept. An entity is shown when one of its
/// links is shown, when it has no link at all, or when an overlay marks it (withdrawn, failed, single point of
/// failure). O(m log m).
/// </remarks>
internal sealed class DiagramSelection
{
    private DiagramSelection(bool[] entityShown, bool[] linkShown)
    {
        EntityShown = entityShown;
        LinkShown = linkShown;
        EntitiesShown = entityShown.Count(shown => shown);
        LinksShown = linkShown.Count(shown => shown);
    }

    public bool[] EntityShown { get; }

    public bool[] LinkShown { get; }

    public int EntitiesShown { get; }

    public int LinksShown { get; }

    /// <summary>Selects what to show; <paramref name="statements"/> holds each link's rendered statement (the last tie-break).</summary>
    public static DiagramSelection Create(FinancingNetwork network, DotOptions options, IReadOnlyList<string> statements)
    {
        var index = network.Index;
        var overlays = options.Overlays;
        var highlighted = new bool[network.LinkCount];
        foreach (var l in overlays.Cascade?.LinksDown.Keys ?? [])
        {
            highlighted[l] = true;
        }

        foreach (var l in overlays.Cut?.CutLinks ?? [])
        {
            highlighted[l] = true;
        }

        var candidates = new List<int>(network.LinkCount);
        for (var l = 0; l < network.LinkCount; l++)
        {
            if (index.Amount[l] >= options.MinimumAmount && !(options.KeepHighlightedLinks && highlighted[l]))
            {
                candidates.Add(l);
            }
        }

        if (options.TopLinks is { } top && candidates.Count > top)
        {
            candidates.Sort((a, b) =>
            {
                var byAmount = index.Amount[b].CompareTo(index.Amount[a]);
                return byAmount != 0 ? byAmount : CompareLinks(network, statements, a, b);
            });
            candidates.RemoveRange(top, candidates.Count - top);
        }

        var linkShown = new bool[network.LinkCount];
        foreach (var l in candidates)
        {
            linkShown[l] = true;
        }

        if (options.KeepHighlightedLinks)
        {
            for (var l = 0; l < linkShown.Length; l++)
            {
                linkShown[l] |= highlighted[l];
            }
        }

        var entityShown = new bool[network.EntityCount];
        for (var v = 0; v < entityShown.Length; v++)
        {
            entityShown[v] = index.LinksOutOf(v).IsEmpty && index.LinksInto(v).IsEmpty;
        }

        for (var l = 0; l < linkShown.Length; l++)
        {
            if (linkShown[l])
            {
                entityShown[index.LinkFrom[l]] = true;
                entityShown[index.LinkTo[l]] = true;
            }
        }

        foreach (var id in Marked(overlays))
        {
            entityShown[network.IndexOf(id)] = true;
        }

        return new DiagramSelection(entityShown, linkShown);
    }

    /// <summary>The deterministic order of links: payer id, recipient id, kind, amount, then the rendered statement.</summary>
    public static int CompareLinks(FinancingNetwork network, IReadOnlyList<string> statements, int a, int b)
    {
        var x = network.Links[a];
        var y = network.Links[b];
        var order = string.CompareOrdinal(x.From, y.From);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.To, y.To);
        }

        if (order == 0)
        {
            order = x.Kind.CompareTo(y.Kind);
        }

        if (order == 0)
        {
            order = x.Amount.CompareTo(y.Amount);
        }

        return order != 0 ? order : string.CompareOrdinal(statements[a], statements[b]);
    }

    private static IEnumerable<string> Marked(DiagramOverlays overlays)
    {
        IEnumerable<string> marked = [];
        if (overlays.Cascade is { } cascade)
        {
            marked = marked.Concat(cascade.Withdrawn).Concat(cascade.FailureRounds.Keys);
        }

        if (overlays.Dominators is { } dominators)
        {
            marked = marked.Concat(dominators.SinglePointsOfFailure);
        }

        return marked;
    }
}
