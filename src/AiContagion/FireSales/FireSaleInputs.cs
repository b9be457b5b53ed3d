using AiContagion.Model;

namespace AiContagion.FireSales;

/// <summary>
/// A fire-sale shock resolved against one network: per-asset price falls (the options' market shock combined with the
/// run's), and entity indices with their fractions, each part sorted by index. What a cascade model hands over too.
/// </summary>
internal sealed class FireSaleInputs
{
    public FireSaleInputs(double[] assetFalls, int[] failed, int[] externallyHit, double[] externalFractions, int[] equityHit, double[] equityFractions)
    {
        AssetFalls = assetFalls;
        Failed = failed;
        ExternallyHit = externallyHit;
        ExternalFractions = externalFractions;
        EquityHit = equityHit;
        EquityFractions = equityFractions;
    }

    /// <summary>Per asset, the fraction of its price lost before any sale.</summary>
    public double[] AssetFalls { get; }

    public int[] Failed { get; }

    public int[] ExternallyHit { get; }

    public double[] ExternalFractions { get; }

    public int[] EquityHit { get; }

    public double[] EquityFractions { get; }

    /// <summary>Every entity the shock names, sorted, distinct.</summary>
    public int[] Shocked => [.. Failed.Concat(ExternallyHit).Concat(EquityHit).Distinct().Order()];

    /// <summary>The options' asset shocks as per-asset falls; ids are checked.</summary>
    public static double[] OptionFalls(FinancingNetwork network, FireSaleOptions options)
    {
        var falls = new double[network.AssetCount];
        foreach (var (id, fall) in options.AssetShocks ?? System.Collections.Immutable.ImmutableSortedDictionary<string, double>.Empty)
        {
            var k = network.AssetIndexOf(id);
            if (k < 0)
            {
                throw new ArgumentException($"The fire-sale asset shock names '{id}', which is not an asset of the network{(network.AssetCount == 0 ? " (it has no holdings layer)" : string.Empty)}.");
            }

            falls[k] = fall;
        }

        return falls;
    }

    /// <summary>Resolves a public shock; combines its price falls with the options' (<c>1 − (1 − f₁)(1 − f₂)</c>).</summary>
    /// <exception cref="ArgumentException">An unknown id or a fraction outside [0, 1].</exception>
    public static FireSaleInputs Resolve(FinancingNetwork network, double[] optionFalls, FireSaleShock shock)
    {
        ArgumentNullException.ThrowIfNull(shock);
        var falls = (double[])optionFalls.Clone();
        foreach (var (id, fall) in shock.AssetPriceFalls)
        {
            var k = network.AssetIndexOf(id);
            if (k < 0)
            {
                throw new ArgumentException($"The shock's price fall names '{id}', which is not an asset of the network.", nameof(shock));
            }

            CheckFraction(fall, $"the price fall of '{id}'");
            falls[k] = 1 - ((1 - falls[k]) * (1 - fall));
        }

        var failed = shock.Failures.Select(id => Entity(network, id, "failure")).Order().ToArray();
        var (external, externalFractions) = Entities(network, shock.ExternalAssetLosses, "external-asset loss");
        var (equity, equityFractions) = Entities(network, shock.EquityLosses, "equity loss");
        return new FireSaleInputs(falls, failed, external, externalFractions, equity, equityFractions);
    }

    private static (int[], double[]) Entities(FinancingNetwork network, IEnumerable<KeyValuePair<string, double>> part, string what)
    {
        var pairs = part.Select(p =>
        {
            CheckFraction(p.Value, $"the {what} of '{p.Key}'");
            return (Index: Entity(network, p.Key, what), p.Value);
        }).OrderBy(p => p.Index).ToArray();
        return ([.. pairs.Select(p => p.Index)], [.. pairs.Select(p => p.Value)]);
    }

    private static int Entity(FinancingNetwork network, string id, string what)
    {
        var v = network.IndexOf(id);
        return v >= 0 ? v : throw new ArgumentException($"The shock's {what} names '{id}', which is not an entity of the network.");
    }

    private static void CheckFraction(double value, string what)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(what[0])}{what[1..]} must lie in [0, 1]; got {value}."));
        }
    }
}
