namespace AiContagion.Model;

/// <summary>
/// The compact holdings layer the fire-sale models run on: the holdings as compressed sparse rows by holder, and
/// each asset's price impact. Built once per network on first use (<see cref="FinancingNetwork.HoldingIndex"/>).
/// </summary>
/// <remarks>
/// <para>Row <c>v</c> is <c>Start[v] .. Start[v+1]</c>: slot <c>s</c> holds asset <c>Asset[s]</c> worth <c>Amount[s]</c>
/// and is the network's holding <c>Holding[s]</c>. Within a row, holdings keep their network order, so every pass is
/// deterministic. 20 bytes per holding, 12 per asset, 4 per entity.</para>
/// <para>Immutable and shared by every model and thread.</para>
/// </remarks>
internal sealed class HoldingIndex
{
    private HoldingIndex(int entityCount, int assetCount, int holdingCount)
    {
        EntityCount = entityCount;
        AssetCount = assetCount;
        Start = new int[entityCount + 1];
        Asset = new int[holdingCount];
        Amount = new double[holdingCount];
        Holding = new int[holdingCount];
        Impact = new double[assetCount];
        MarketSize = new double[assetCount];
    }

    /// <summary>Number of entities, n.</summary>
    public int EntityCount { get; }

    /// <summary>Number of assets, K.</summary>
    public int AssetCount { get; }

    /// <summary>Number of holdings.</summary>
    public int HoldingCount => Asset.Length;

    /// <summary>Row starts by holder (n + 1 entries).</summary>
    public int[] Start { get; }

    /// <summary>The asset of each slot.</summary>
    public int[] Asset { get; }

    /// <summary>The market value of each slot, at the network's <c>asOf</c>.</summary>
    public double[] Amount { get; }

    /// <summary>The index in <see cref="FinancingNetwork.Holdings"/> of each slot.</summary>
    public int[] Holding { get; }

    /// <summary>Each asset's price impact ℓ per unit of net sales (<see cref="Model.Asset.Impact"/>); NaN when not given.</summary>
    public double[] Impact { get; }

    /// <summary>Each asset's market depth D = 1 / ℓ (+∞ for ℓ = 0); NaN when not given.</summary>
    public double[] MarketSize { get; }

    /// <summary>The slots of one holder.</summary>
    public ReadOnlySpan<int> AssetsOf(int entity) => Asset.AsSpan(Start[entity], Start[entity + 1] - Start[entity]);

    /// <summary>Builds the index of a valid network's holdings layer.</summary>
    public static HoldingIndex Build(FinancingNetwork network)
    {
        var n = network.EntityCount;
        var assets = network.Assets;
        var holdings = network.Holdings;
        var index = new HoldingIndex(n, assets.Length, holdings.Length);
        for (var k = 0; k < assets.Length; k++)
        {
            var asset = assets[k];
            index.Impact[k] = asset.Impact ?? double.NaN;
            index.MarketSize[k] = asset.MarketSize ?? (asset.PriceImpact is { } impact ? (impact > 0 ? 1.0 / impact : double.PositiveInfinity) : double.NaN);
        }

        var holder = new int[holdings.Length];
        for (var h = 0; h < holdings.Length; h++)
        {
            holder[h] = network.IndexOf(holdings[h].Entity);
            index.Start[holder[h] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            index.Start[v + 1] += index.Start[v];
        }

        var next = index.Start[..n];
        for (var h = 0; h < holdings.Length; h++)
        {
            var slot = next[holder[h]]++;
            index.Asset[slot] = network.AssetIndexOf(holdings[h].Asset);
            index.Amount[slot] = holdings[h].Amount;
            index.Holding[slot] = h;
        }

        return index;
    }
}
