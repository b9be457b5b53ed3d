using AiContagion.Model;

namespace AiContagion.FireSales;

/// <summary>
/// The pre-shock balance sheets a fire sale runs on, computed once per network and options: each firm's equity,
/// total assets and holdings, each asset's price impact and depth (docs/fire-sales.md, "From a network to balance sheets").
/// </summary>
internal sealed class FireSaleBook
{
    public FireSaleBook(FinancingNetwork network, FireSaleOptions options)
    {
        Network = network;
        Holdings = network.HoldingIndex;
        var index = network.Index;
        var n = network.EntityCount;
        var k = network.AssetCount;
        Held = new double[n];
        for (var v = 0; v < n; v++)
        {
            for (var s = Holdings.Start[v]; s < Holdings.Start[v + 1]; s++)
            {
                Held[v] += Holdings.Amount[s];
                TotalHeld += Holdings.Amount[s];
            }
        }

        // Total assets: holdings + external assets + claims funded + commercial receivables; liabilities: external
        // liabilities + debt borrowed + commercial payables (the balance sheet of docs/concepts.md, plus the holdings).
        External = new double[n];
        Assets = new double[n];
        var liabilities = new double[n];
        for (var v = 0; v < n; v++)
        {
            External[v] = OrZero(index.ExternalAssets[v]);
            Assets[v] = Held[v] + External[v];
            liabilities[v] = OrZero(index.ExternalLiabilities[v]);
        }

        for (var l = 0; l < index.LinkCount; l++)
        {
            var kind = index.Kind[l];
            if (kind.IsClaim())
            {
                Assets[index.LinkFrom[l]] += index.Amount[l];
                if (kind.IsDebt())
                {
                    liabilities[index.LinkTo[l]] += index.Amount[l];
                }
            }
            else
            {
                Assets[index.LinkTo[l]] += index.Amount[l];
                liabilities[index.LinkFrom[l]] += index.Amount[l];
            }
        }

        Equity = new double[n];
        for (var v = 0; v < n; v++)
        {
            Equity[v] = !double.IsNaN(index.Capital[v]) ? index.Capital[v]
                : options.CapitalFromBalanceSheet && (!double.IsNaN(index.ExternalAssets[v]) || Holdings.Start[v + 1] > Holdings.Start[v]) ? Assets[v] - liabilities[v]
                : double.NaN;
            if (!double.IsNaN(Equity[v]))
            {
                SystemEquity += Equity[v];
            }
        }

        Impact = new double[k];
        for (var a = 0; a < k; a++)
        {
            Impact[a] = double.IsNaN(Holdings.Impact[a]) ? options.DefaultPriceImpact : Holdings.Impact[a];
        }

        // Debt/equity over assets, b_i / a_i (GLT's B A⁻¹), for firms of positive equity; others never sell in GLT.
        LeverageOverAssets = new double[n];
        for (var v = 0; v < n; v++)
        {
            if (Equity[v] > 0 && Assets[v] > 0)
            {
                LeverageOverAssets[v] = Math.Max(0.0, Assets[v] - Equity[v]) / (Equity[v] * Assets[v]);
            }
        }
    }

    public FinancingNetwork Network { get; }

    public HoldingIndex Holdings { get; }

    /// <summary>Σ_k X_ik: the value of each firm's holdings.</summary>
    public double[] Held { get; }

    /// <summary>The value of all holdings.</summary>
    public double TotalHeld { get; }

    /// <summary>External assets (0 when unknown).</summary>
    public double[] External { get; }

    /// <summary>Total assets a_i.</summary>
    public double[] Assets { get; }

    /// <summary>Equity E_i; NaN when unknown.</summary>
    public double[] Equity { get; }

    /// <summary>Σ E_i over the firms of known equity.</summary>
    public double SystemEquity { get; }

    /// <summary>Price impact ℓ_k per unit of net sales.</summary>
    public double[] Impact { get; }

    /// <summary>b_i / a_i, with b_i = (a_i − E_i) / E_i; 0 for firms of unknown or non-positive equity.</summary>
    public double[] LeverageOverAssets { get; }

    public int EntityCount => Network.EntityCount;

    public int AssetCount => Network.AssetCount;

    public static double OrZero(double value) => double.IsNaN(value) ? 0.0 : value;

    /// <summary>
    /// The shock's own loss per firm: price falls on its holdings, lost external assets, lost equity; a failed firm
    /// loses at least all its equity.
    /// </summary>
    public double[] DirectLoss(FireSaleInputs inputs)
    {
        var loss = new double[EntityCount];
        for (var v = 0; v < EntityCount; v++)
        {
            for (var s = Holdings.Start[v]; s < Holdings.Start[v + 1]; s++)
            {
                loss[v] += Holdings.Amount[s] * inputs.AssetFalls[Holdings.Asset[s]];
            }
        }

        for (var i = 0; i < inputs.ExternallyHit.Length; i++)
        {
            loss[inputs.ExternallyHit[i]] += inputs.ExternalFractions[i] * External[inputs.ExternallyHit[i]];
        }

        for (var i = 0; i < inputs.EquityHit.Length; i++)
        {
            var v = inputs.EquityHit[i];
            if (Equity[v] > 0)
            {
                loss[v] += inputs.EquityFractions[i] * Equity[v];
            }
        }

        foreach (var v in inputs.Failed)
        {
            if (Equity[v] > 0)
            {
                loss[v] = Math.Max(loss[v], Equity[v]);
            }
        }

        return loss;
    }

    /// <summary>Whether a loss reaches an equity (relative slack 1e-12, as the cascade models' failure test).</summary>
    public static bool Reaches(double loss, double equity) =>
        loss - equity >= -1e-12 * Math.Max(Math.Abs(loss), Math.Abs(equity));
}
