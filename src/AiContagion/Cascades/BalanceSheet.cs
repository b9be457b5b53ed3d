using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>Per-entity figures the models derive from the network once (docs/concepts.md, sections "Links" and "A link is down"), shared by every run.</summary>
internal static class BalanceSheet
{
    /// <summary>Relative slack of every threshold comparison: values within 1e-12 of each other (relative) are equal.</summary>
    public const double RelativeSlack = 1e-12;

    /// <summary>Yearly inflow: links into the entity (money in) plus outside revenue (0 when unknown).</summary>
    public static double[] Inflow(NetworkIndex index)
    {
        var inflow = index.InStrength();
        for (var v = 0; v < inflow.Length; v++)
        {
            if (!double.IsNaN(index.Revenue[v]))
            {
                inflow[v] += index.Revenue[v];
            }
        }

        return inflow;
    }

    /// <summary>Liquidity tolerance τ: the tolerance figure, else cash / inflow capped to [0, 1], else the default.</summary>
    public static double[] Tolerance(NetworkIndex index, double[] inflow, LiquidityOptions options)
    {
        var tolerance = new double[index.EntityCount];
        for (var v = 0; v < tolerance.Length; v++)
        {
            tolerance[v] = !double.IsNaN(index.Tolerance[v]) ? index.Tolerance[v]
                : !double.IsNaN(index.Cash[v]) ? (inflow[v] > 0 ? Math.Clamp(index.Cash[v] / inflow[v], 0.0, 1.0) : 1.0)
                : options.DefaultTolerance;
        }

        return tolerance;
    }

    /// <summary>
    /// Capital per entity: the capital figure; else (when allowed and external assets are known) the net worth
    /// <c>external assets + claims funded + commercial receivables − external liabilities − debt borrowed − commercial payables</c>;
    /// else the default.
    /// </summary>
    public static double[] Capital(NetworkIndex index, CapitalOptions options)
    {
        var capital = new double[index.EntityCount];
        for (var v = 0; v < capital.Length; v++)
        {
            capital[v] = !double.IsNaN(index.Capital[v]) ? index.Capital[v]
                : options.DeriveFromBalanceSheet && !double.IsNaN(index.ExternalAssets[v]) ? NetWorth(index, v)
                : options.Default;
        }

        return capital;
    }

    /// <summary>Balance-sheet net worth of one entity (links read by docs/concepts.md#links).</summary>
    public static double NetWorth(NetworkIndex index, int v)
    {
        var worth = OrZero(index.ExternalAssets[v]) - OrZero(index.ExternalLiabilities[v]);
        foreach (var l in index.LinksOutOf(v))
        {
            var kind = index.Kind[l];
            if (kind.IsClaim())
            {
                worth += index.Amount[l]; // a loan made or a stake held
            }
            else
            {
                worth -= index.Amount[l]; // a commercial payable: v owes the supplier
            }
        }

        foreach (var l in index.LinksInto(v))
        {
            var kind = index.Kind[l];
            if (kind.IsDebt())
            {
                worth -= index.Amount[l]; // borrowed: v owes the lender
            }
            else if (!kind.IsClaim())
            {
                worth += index.Amount[l]; // a commercial receivable: the customer owes v
            }
        }

        return worth;
    }

    /// <summary>Total assets: external assets (0 when unknown) + claim links funded + commercial links into the entity.</summary>
    public static double[] TotalAssets(NetworkIndex index)
    {
        var assets = new double[index.EntityCount];
        for (var v = 0; v < assets.Length; v++)
        {
            assets[v] = OrZero(index.ExternalAssets[v]);
        }

        for (var l = 0; l < index.LinkCount; l++)
        {
            if (index.Kind[l].IsClaim())
            {
                assets[index.LinkFrom[l]] += index.Amount[l];
            }
            else
            {
                assets[index.LinkTo[l]] += index.Amount[l];
            }
        }

        return assets;
    }

    public static double OrZero(double value) => double.IsNaN(value) ? 0.0 : value;

    /// <summary>Whether <paramref name="loss"/> exceeds <paramref name="buffer"/> beyond the relative slack (strict rule).</summary>
    public static bool Exceeds(double loss, double buffer)
    {
        if (double.IsPositiveInfinity(buffer))
        {
            return false;
        }

        return loss - buffer > RelativeSlack * Math.Max(Math.Abs(loss), Math.Abs(buffer));
    }

    /// <summary>Whether <paramref name="loss"/> reaches <paramref name="buffer"/> within the relative slack (non-strict rule).</summary>
    public static bool Reaches(double loss, double buffer)
    {
        if (double.IsPositiveInfinity(buffer))
        {
            return false;
        }

        return loss - buffer >= -RelativeSlack * Math.Max(Math.Abs(loss), Math.Abs(buffer));
    }

    public static bool Breaks(FailureRule rule, double loss, double buffer) =>
        rule == FailureRule.LossExceedsCapital ? Exceeds(loss, buffer) : Reaches(loss, buffer);
}
