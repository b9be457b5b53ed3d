namespace AiContagion.Cascades;

/// <summary>
/// What a shock adds to the no-shock baseline of the same model (what the ranking against the baseline keeps): the links
/// down that the baseline does not have down, their amount (in the result's order: round, then link index), the entities
/// failed that the baseline does not fail, those it fails but later, and the first round of any of those failures. The
/// entities the shock fails outright are not counted.
/// </summary>
internal readonly record struct BaselineDifference(
    int LinksDown,
    int DirectLinks,
    double AmountDown,
    double DirectAmount,
    int EntitiesFailed,
    int EarlierFailures,
    int? FirstFailureRound)
{
    /// <summary>The difference of two full results of one model (the general path, and the runway's oracle in the tests).</summary>
    public static BaselineDifference Between(CascadeResult result, CascadeResult baseline, ResolvedShock shock)
    {
        var network = result.Network;
        var baselineDown = new bool[network.LinkCount];
        foreach (var l in baseline.DownLinkIndices)
        {
            baselineDown[l] = true;
        }

        int links = 0, direct = 0;
        double amount = 0, directAmount = 0;
        var indices = result.DownLinkIndices;
        for (var i = 0; i < indices.Length; i++)
        {
            var l = indices[i];
            if (baselineDown[l])
            {
                continue;
            }

            var down = result.DownAmountAt(i);
            links++;
            amount += down;
            if (result.IsDirectDownAt(i))
            {
                direct++;
                directAmount += down;
            }
        }

        var baselineRound = new int[network.EntityCount];
        Array.Fill(baselineRound, -1);
        foreach (var e in baseline.FailedEntities)
        {
            baselineRound[network.IndexOf(e.Id)] = e.Round!.Value;
        }

        var shocked = new HashSet<int>(shock.Failed);
        int failed = 0, earlier = 0;
        int? first = null;
        foreach (var e in result.FailedEntities)
        {
            var v = network.IndexOf(e.Id);
            var round = e.Round!.Value;
            if (shocked.Contains(v))
            {
                continue;
            }

            if (baselineRound[v] < 0)
            {
                failed++;
            }
            else if (round < baselineRound[v])
            {
                earlier++;
            }
            else
            {
                continue;
            }

            first = first is { } f ? Math.Min(f, round) : round;
        }

        return new BaselineDifference(links, direct, amount, directAmount, failed, earlier, first);
    }
}
