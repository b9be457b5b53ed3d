using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>Argument checks shared by the centrality options.</summary>
internal static class Check
{
    public static void Probability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1].");
        }
    }

    public static void PositiveFinite(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite.");
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite.");
        }
    }

    public static void Parallelism(int value, string name)
    {
        if (value is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be −1 (all cores) or at least 1.");
        }
    }

    /// <summary>
    /// A per-entity vector from an id → weight map (missing ids 0), normalised to sum 1; or uniform 1/n when the
    /// map is <see langword="null"/>.
    /// </summary>
    public static double[] Distribution(FinancingNetwork network, IReadOnlyDictionary<string, double>? weights, string name)
    {
        var n = network.EntityCount;
        var vector = new double[n];
        if (weights is null)
        {
            Array.Fill(vector, 1.0 / n);
            return vector;
        }

        var total = 0.0;
        foreach (var (id, weight) in weights)
        {
            var index = network.IndexOf(id);
            if (index < 0)
            {
                throw new ArgumentException($"{name} names entity '{id}', which is not in the network.", name);
            }

            if (!(weight >= 0 && double.IsFinite(weight)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} weight of '{id}' is {weight}; weights must be finite and non-negative."), name);
            }

            vector[index] += weight;
        }

        foreach (var value in vector)
        {
            total += value;
        }

        if (!(total > 0))
        {
            throw new ArgumentException($"{name} weights sum to zero; at least one must be positive.", name);
        }

        for (var v = 0; v < n; v++)
        {
            vector[v] /= total;
        }

        return vector;
    }
}
