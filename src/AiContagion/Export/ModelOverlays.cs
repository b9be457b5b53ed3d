using System.Globalization;
using AiContagion.Cascades;
using AiContagion.Centrality;
using AiContagion.Flow;
using AiContagion.Model;
using AiContagion.Ranking;

namespace AiContagion.Export;

/// <summary>
/// Adapters from model results to diagram overlays and chart rows, so drawing a model's answer is one call:
/// <c>ModelOverlays.Cascade(result)</c>, <c>ModelOverlays.RankingRows(ranking)</c>.
/// </summary>
/// <remarks>Pure functions of immutable results; thread-safe.</remarks>
public static class ModelOverlays
{
    /// <summary>
    /// The cascade overlay of a model run: every failed entity with the round it failed in, the shocked
    /// (withdrawn or initially failed) entities, and every link down with its cause and round.
    /// </summary>
    /// <param name="result">The cascade result.</param>
    /// <returns>The overlay, captioned with the model's name.</returns>
    public static CascadeOverlay Cascade(CascadeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var failed = result.Entities
            .Where(e => e.Failed && !e.Shocked)
            .Select(e => new KeyValuePair<string, int>(e.Id, e.Round ?? 0));
        var down = result.DownLinks
            .Select(l => new KeyValuePair<int, CascadeLinkDown>(l.Index, new CascadeLinkDown(l.Cause.ToString(), l.Round ?? 0)));
        return new CascadeOverlay(failed, result.Shocked, down, result.ModelName);
    }

    /// <summary>
    /// The cascade overlay of a model run whose rounds have a unit of their own, e.g. months
    /// (<see cref="RoundUnit.Months"/>): the same overlay as <see cref="Cascade(CascadeResult)"/>, labelled in that unit.
    /// </summary>
    /// <param name="result">The cascade result.</param>
    /// <param name="unit">What the rounds are.</param>
    /// <returns>The overlay.</returns>
    public static CascadeOverlay Cascade(CascadeResult result, RoundUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new CascadeOverlay(Cascade(result).FailureRounds, result.Shocked, Cascade(result).LinksDown, result.ModelName) { Unit = unit };
    }

    /// <summary>The chart rows of a withdrawal ranking, in rank order: label, direct links and cascade links.</summary>
    /// <param name="ranking">The ranking.</param>
    /// <param name="top">At most this many rows (default: all).</param>
    /// <returns>The rows for <see cref="Chart.Ranking"/>.</returns>
    public static IReadOnlyList<RankingChartRow> RankingRows(RankingResult ranking, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (top is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(top));
        }

        return [.. ranking.Entries.Take(top ?? int.MaxValue).Select(e => new RankingChartRow(e.Label, e.DirectLinks, e.CascadeLinks))];
    }

    /// <summary>The ranking as a chart, titled with the model's name.</summary>
    /// <param name="ranking">The ranking.</param>
    /// <param name="top">At most this many bars (default 20).</param>
    /// <returns>The chart; call <c>Save(path)</c>.</returns>
    public static Chart RankingChart(RankingResult ranking, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var title = string.Create(CultureInfo.InvariantCulture, $"Withdrawal ranking ({ranking.ModelName}): links brought down");
        return Chart.Ranking(RankingRows(ranking, top), new ChartOptions { Title = title });
    }

    /// <summary>The cut overlay of a maximum flow: its minimum-cut links (bold), source side and value.</summary>
    /// <param name="flow">The flow result.</param>
    /// <param name="description">Caption, e.g. <c>funding sources → NVIDIA</c>; <see langword="null"/> for the result's own.</param>
    /// <returns>The overlay.</returns>
    public static CutOverlay Cut(FlowResult flow, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return new CutOverlay(flow.CutLinkIndices, flow.SourceSide, flow.Value,
            description ?? string.Join(",", flow.Sources.Take(3)) + (flow.Sources.Length > 3 ? ",…" : "") + " → " + string.Join(",", flow.Sinks));
    }

    /// <summary>
    /// The dominator overlay for a target: the entities every funding path to it passes through (for a sector,
    /// to every reachable member of it), with the immediate dominator of each entity on those chains.
    /// </summary>
    /// <param name="tree">The dominator tree.</param>
    /// <param name="targets">The target entity ids (one entity, or a sector's members).</param>
    /// <param name="caption">Caption naming the target.</param>
    /// <returns>The overlay.</returns>
    public static DominatorOverlay Dominators(DominatorTree tree, IReadOnlyList<string> targets, string caption)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(targets);
        HashSet<string>? common = null;
        var idoms = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in targets.Where(tree.IsReachable))
        {
            var chain = tree.DominatorsOf(target).Where(d => d != target).ToList();
            common = common is null ? [.. chain] : [.. common.Intersect(chain)];
            foreach (var id in chain.Append(target))
            {
                if (tree.ImmediateDominator(id) is { } idom && !idoms.ContainsKey(id))
                {
                    idoms[id] = idom;
                }
            }
        }

        return new DominatorOverlay((IEnumerable<string>?)common?.Order(StringComparer.Ordinal) ?? [], idoms, caption);
    }

    /// <summary>The centrality overlay of a score set (node size by score).</summary>
    /// <param name="scores">The scores.</param>
    /// <returns>The overlay.</returns>
    public static CentralityOverlay Centrality(CentralityScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return new CentralityOverlay(scores.Measure, scores.Ranking().Select(s => KeyValuePair.Create(s.Id, s.Score)));
    }
}
