using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>CsCheck generators of small random financing networks with every figure and kind in play.</summary>
internal static class CascadeGen
{
    private static readonly Gen<double?> Figure =
        Gen.Select(Gen.Int[0, 3], Gen.Double[0, 20], (present, value) => present == 0 ? (double?)null : Math.Round(value, 3));

    private static readonly Gen<double?> Tolerance =
        Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], (present, value) => present == 0 ? (double?)Math.Round(value, 3) : null);

    private static readonly Gen<Entity> EntityTemplate =
        Gen.Select(Figure, Figure, Figure, Figure, Figure, Tolerance, Gen.Int[0, SectorFacts.All.Count - 1],
            (cash, revenue, capital, externalAssets, externalLiabilities, tolerance, sector) =>
                new Entity("x", SectorFacts.All[sector])
                {
                    Cash = cash,
                    Revenue = revenue,
                    Capital = capital,
                    ExternalAssets = externalAssets,
                    ExternalLiabilities = externalLiabilities,
                    Tolerance = tolerance,
                });

    /// <summary>2 to 10 entities, 0 to 4n links of every kind (parallel links and zero amounts possible).</summary>
    public static readonly Gen<FinancingNetwork> Network =
        from n in Gen.Int[2, 10]
        from entities in EntityTemplate.Array[n]
        from links in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 2], Gen.Int[0, LinkKindFacts.All.Count - 1], Gen.Double[0, 10], Gen.Int[0, 9])
            .Array[0, 4 * n]
        select Build(entities, links);

    /// <summary>A network and a subset flag per entity (true = in the first shock set).</summary>
    public static Gen<(FinancingNetwork Network, bool[] Pick, bool[] More)> WithSubsets =>
        from network in Network
        from pick in Gen.Bool.Array[network.EntityCount]
        from more in Gen.Bool.Array[network.EntityCount]
        select (network, pick, more);

    private static FinancingNetwork Build(Entity[] templates, (int From, int To, int Kind, double Amount, int Zero)[] links)
    {
        var builder = FinancingNetwork.CreateBuilder();
        for (var i = 0; i < templates.Length; i++)
        {
            builder.AddEntity(templates[i] with { Id = $"e{i}", Name = $"e{i}" });
        }

        foreach (var (from, to, kind, amount, zero) in links)
        {
            var target = to >= from ? to + 1 : to;
            builder.AddLink($"e{from}", $"e{target}", LinkKindFacts.All[kind], zero == 0 ? 0 : Math.Round(amount, 3));
        }

        return builder.Build();
    }
}
