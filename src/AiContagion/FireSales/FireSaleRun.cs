using System.Collections.Immutable;

namespace AiContagion.FireSales;

/// <summary>What a fire-sale engine fills in; <see cref="ToResult"/> turns it into the public <see cref="FireSaleResult"/>.</summary>
internal sealed class FireSaleRun
{
    public FireSaleRun(int entities, int assets, double[] directLoss, double[] falls)
    {
        DirectLoss = directLoss;
        FireSaleLoss = new double[entities];
        Sold = new double[entities];
        Systemicness = new double[entities];
        FailRound = new int[entities];
        Array.Fill(FailRound, -1);
        Illiquid = new bool[entities];
        AssetSold = new double[assets];
        Falls = falls;
        var start = new double[assets];
        for (var k = 0; k < assets; k++)
        {
            start[k] = 1 - falls[k];
        }

        Prices.Add(start);
    }

    public double[] DirectLoss { get; }

    public double[] FireSaleLoss { get; }

    public double[] Sold { get; }

    /// <summary>The loss each firm's sales inflict on the firms of known equity (divided by E when the result is built).</summary>
    public double[] Systemicness { get; }

    public int[] FailRound { get; }

    public bool[] Illiquid { get; }

    public double[] AssetSold { get; }

    public double[] Falls { get; }

    /// <summary>Prices after the shock (round 0) and after each round.</summary>
    public List<double[]> Prices { get; } = [];

    public List<(int Sellers, double Sold, double Loss)> Rounds { get; } = [];

    public bool Converged { get; set; } = true;

    public double Residual { get; set; }

    public double? SpectralRadius { get; set; }

    public FireSaleResult ToResult(FireSaleBook book, FireSaleOptions options)
    {
        var network = book.Network;
        var e = book.SystemEquity;
        var entities = ImmutableArray.CreateBuilder<EntityFireSaleOutcome>(network.EntityCount);
        for (var v = 0; v < network.EntityCount; v++)
        {
            var equity = book.Equity[v];
            entities.Add(new EntityFireSaleOutcome(
                network.Entities[v].Id,
                double.IsNaN(equity) ? null : equity,
                book.Assets[v],
                DirectLoss[v],
                FireSaleLoss[v],
                Sold[v],
                FailRound[v] >= 0,
                FailRound[v] >= 0 ? FailRound[v] : null,
                Illiquid[v])
            {
                Systemicness = e > 0 ? Systemicness[v] / e : 0.0,
            });
        }

        var held = new double[network.AssetCount];
        var holdings = book.Holdings;
        for (var s = 0; s < holdings.HoldingCount; s++)
        {
            held[holdings.Asset[s]] += holdings.Amount[s];
        }

        var assets = ImmutableArray.CreateBuilder<AssetPricePath>(network.AssetCount);
        for (var k = 0; k < network.AssetCount; k++)
        {
            var path = ImmutableArray.CreateBuilder<double>(Prices.Count);
            foreach (var round in Prices)
            {
                path.Add(round[k]);
            }

            assets.Add(new AssetPricePath(network.Assets[k].Id, held[k], Falls[k], path.MoveToImmutable(), AssetSold[k]));
        }

        var history = ImmutableArray.CreateBuilder<FireSaleRound>(Rounds.Count);
        for (var r = 0; r < Rounds.Count; r++)
        {
            var failed = ImmutableArray.CreateBuilder<string>();
            for (var v = 0; v < network.EntityCount; v++)
            {
                if (FailRound[v] == r + 1)
                {
                    failed.Add(network.Entities[v].Id);
                }
            }

            var (sellers, sold, loss) = Rounds[r];
            history.Add(new FireSaleRound(r + 1, sellers, sold, loss, failed.ToImmutable()));
        }

        return new FireSaleResult(network, options, entities.MoveToImmutable(), assets.MoveToImmutable(), history.MoveToImmutable(), Converged, Residual, SpectralRadius);
    }
}
