using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.FireSales;

/// <summary>
/// The outcome of one fire-sale run: every firm's direct and fire-sale loss, sales and failure; every asset's price
/// path; the rounds; and GLT's aggregate vulnerability, systemicness and indirect vulnerability.
/// </summary>
/// <remarks>
/// <para><b>Rounds.</b> Round 0 is the shock (asset price falls, failures, external-asset and equity losses); round r ≥ 1
/// is the r-th round of sales. For <see cref="FireSaleDynamics.GreenwoodOneRound"/> there is one round.</para>
/// <para>Immutable and thread-safe; entities in network order, assets in the order of <see cref="FinancingNetwork.Assets"/>.</para>
/// </remarks>
public sealed class FireSaleResult
{
    internal FireSaleResult(
        FinancingNetwork network,
        FireSaleOptions options,
        ImmutableArray<EntityFireSaleOutcome> entities,
        ImmutableArray<AssetPricePath> assets,
        ImmutableArray<FireSaleRound> history,
        bool converged,
        double residual,
        double? spectralRadius)
    {
        Network = network;
        Dynamics = options.Dynamics;
        Settings = options.ToSettings();
        Entities = entities;
        Assets = assets;
        History = history;
        Converged = converged;
        Residual = residual;
        SpectralRadius = spectralRadius;
        foreach (var e in entities)
        {
            TotalDirectLoss += e.DirectLoss;
            TotalFireSaleLoss += e.FireSaleLoss;
            if (e.Equity is { } equity)
            {
                SystemEquity += equity;
                KnownEquityFireSaleLoss += e.FireSaleLoss;
            }
        }

        AggregateVulnerability = SystemEquity > 0 ? KnownEquityFireSaleLoss / SystemEquity : 0.0;
    }

    /// <summary>The network (unchanged).</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The dynamics the run used.</summary>
    public FireSaleDynamics Dynamics { get; }

    /// <summary>The options, by name, sorted (<see cref="FireSaleOptions.ToSettings"/>).</summary>
    public ImmutableSortedDictionary<string, string> Settings { get; }

    /// <summary>Every firm, in network order.</summary>
    public ImmutableArray<EntityFireSaleOutcome> Entities { get; }

    /// <summary>Every asset's price path, in the order of <see cref="FinancingNetwork.Assets"/>.</summary>
    public ImmutableArray<AssetPricePath> Assets { get; }

    /// <summary>The rounds of sales, in order.</summary>
    public ImmutableArray<FireSaleRound> History { get; }

    /// <summary>The number of rounds of sales.</summary>
    public int Rounds => History.Length;

    /// <summary>
    /// Whether the run reached its end: the rounds dynamics, a round with no sales within <see cref="FireSaleOptions.MaxRounds"/>;
    /// the linear GLT, a spectral radius below 1. One round of GLT always converges.
    /// </summary>
    public bool Converged { get; }

    /// <summary>For an unconverged run: the last round's sales (rounds dynamics) or loss (linear GLT); 0 otherwise.</summary>
    public double Residual { get; }

    /// <summary>The linear GLT: the spectral radius ρ(K) of the round-to-round loss map (the fixed point exists iff it is below 1); otherwise <see langword="null"/>.</summary>
    public double? SpectralRadius { get; }

    /// <summary>E: the pre-shock equity of all firms whose equity is known.</summary>
    public double SystemEquity { get; }

    /// <summary>The shock's own losses, summed over all firms.</summary>
    public double TotalDirectLoss { get; }

    /// <summary>The fire-sale losses, summed over all firms (those of unknown equity included).</summary>
    public double TotalFireSaleLoss { get; }

    /// <summary>
    /// GLT's aggregate vulnerability <c>AV</c>: the fire-sale losses of the firms of known equity over their total equity
    /// (a fraction; GLT print it in percent). Equals the sum of the firms' <see cref="EntityFireSaleOutcome.Systemicness"/>.
    /// </summary>
    public double AggregateVulnerability { get; }

    /// <summary>The number of failed firms (by the shock or the fire sale).</summary>
    public int EntitiesFailed => Entities.Count(e => e.Failed);

    private double KnownEquityFireSaleLoss { get; }

    /// <summary>The outcome of one firm.</summary>
    /// <param name="id">The entity id.</param>
    /// <returns>Its outcome.</returns>
    /// <exception cref="KeyNotFoundException">No entity has that id.</exception>
    public EntityFireSaleOutcome Entity(string id)
    {
        var v = Network.IndexOf(id);
        return v >= 0 ? Entities[v] : throw new KeyNotFoundException($"The network has no entity with id '{id}'.");
    }

    /// <summary>The price path of one asset.</summary>
    /// <param name="id">The asset id.</param>
    /// <returns>Its path.</returns>
    /// <exception cref="KeyNotFoundException">No asset has that id.</exception>
    public AssetPricePath Asset(string id)
    {
        var k = Network.AssetIndexOf(id);
        return k >= 0 ? Assets[k] : throw new KeyNotFoundException($"The network has no asset with id '{id}'.");
    }

    /// <summary>A one-line summary, e.g. <c>fire sale (ThresholdDeleveraging): 3 rounds, loss 5.48, AV 0.22, 0 failed</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"fire sale ({Dynamics}): {Rounds} rounds, fire-sale loss {TotalFireSaleLoss:0.######}, AV {AggregateVulnerability:0.######}, {EntitiesFailed} failed{(Converged ? string.Empty : ", not converged")}");
}
