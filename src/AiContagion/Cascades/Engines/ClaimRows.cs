using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The claim links into each entity (loans, bonds, credit facilities, vendor financing, equity stakes and SPV
/// contributions held by their funders), in the index's in-link order, as compact rows: row j is
/// <c>Start[j] .. Start[j + 1] − 1</c>. Built once per prepared model; the threshold engine marks a failed entity's
/// row down, and the loss kernels read it.
/// </summary>
/// <param name="Start">Row starts, length n + 1.</param>
/// <param name="Link">The link of each entry.</param>
/// <param name="Amount">The link's amount.</param>
internal sealed record ClaimRows(int[] Start, int[] Link, double[] Amount)
{
    /// <summary>Builds the rows of a network in two passes over its in-links. O(n + m).</summary>
    /// <param name="index">The network's index.</param>
    /// <returns>The rows.</returns>
    public static ClaimRows Build(NetworkIndex index)
    {
        var n = index.EntityCount;
        var start = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            var claims = 0;
            foreach (var l in index.LinksInto(v))
            {
                claims += index.Kind[l].IsClaim() ? 1 : 0;
            }

            start[v + 1] = start[v] + claims;
        }

        var link = new int[start[n]];
        var amount = new double[start[n]];
        var c = 0;
        for (var v = 0; v < n; v++)
        {
            foreach (var l in index.LinksInto(v))
            {
                if (index.Kind[l].IsClaim())
                {
                    link[c] = l;
                    amount[c] = index.Amount[l];
                    c++;
                }
            }
        }

        return new ClaimRows(start, link, amount);
    }
}
