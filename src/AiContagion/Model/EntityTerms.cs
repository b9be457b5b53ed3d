namespace AiContagion.Model;

/// <summary>
/// The valuation and growth figures of every entity, as compact arrays (NaN when not given), built on first use from the
/// network (<see cref="NetworkIndex.EntityTerms"/>) so that the index of a network that never asks stays as small as
/// before. Immutable once built; safe to share between threads.
/// </summary>
internal sealed class EntityTerms
{
    private EntityTerms(int entityCount)
    {
        Valuation = new double[entityCount];
        RevenueGrowth = new double[entityCount];
        CostsGrowth = new double[entityCount];
    }

    /// <summary>Market value of each entity's equity, NaN when not given.</summary>
    public double[] Valuation { get; }

    /// <summary>Yearly growth of each entity's outside revenue (above −1), NaN when not given (flat).</summary>
    public double[] RevenueGrowth { get; }

    /// <summary>Yearly growth of each entity's outside costs (above −1), NaN when not given (flat).</summary>
    public double[] CostsGrowth { get; }

    /// <summary>Builds the figures of validated entities, in network order; O(n).</summary>
    public static EntityTerms Build(IReadOnlyList<Entity> entities)
    {
        var terms = new EntityTerms(entities.Count);
        for (var v = 0; v < entities.Count; v++)
        {
            var entity = entities[v];
            terms.Valuation[v] = entity.Valuation ?? double.NaN;
            terms.RevenueGrowth[v] = entity.RevenueGrowth ?? double.NaN;
            terms.CostsGrowth[v] = entity.CostsGrowth ?? double.NaN;
        }

        return terms;
    }
}
