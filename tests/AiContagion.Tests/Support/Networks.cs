using AiContagion.Model;

namespace AiContagion.Tests.Support;

/// <summary>Small networks shared by tests.</summary>
internal static class Networks
{
    public static FinancingNetwork ToyChain() => AiContagion.Io.FinancingNetworkFile.Load(Repo.Graph("toy-chain.json"));

    /// <summary>
    /// A seeded random network with every field and kind in use: n entities, m links (parallel links allowed,
    /// no self-links), optional figures present about half the time, a few attributes.
    /// </summary>
    public static FinancingNetwork Random(int entities, int links, int seed, bool withOptional = true)
    {
        var random = new Random(seed);
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata
        {
            Title = $"random {entities}/{links} seed {seed}",
            AsOf = "2026-01-01",
            Sources = ["generated"],
        });
        var sectors = SectorFacts.All;
        var kinds = LinkKindFacts.All;
        double? Maybe(double scale) => withOptional && random.NextDouble() < 0.5 ? Math.Round(random.NextDouble() * scale, 3) : null;
        for (var i = 0; i < entities; i++)
        {
            var entity = new Entity($"e{i}", sectors[random.Next(sectors.Count)], withOptional && random.NextDouble() < 0.5 ? $"Entity \"{i}\", Inc." : null)
            {
                Cash = Maybe(100),
                Revenue = Maybe(50),
                Capital = Maybe(30),
                ExternalAssets = Maybe(200),
                ExternalLiabilities = Maybe(150),
                Tolerance = Maybe(1),
                Note = withOptional && random.NextDouble() < 0.1 ? "line one\nline, two" : null,
            };
            if (withOptional && random.NextDouble() < 0.1)
            {
                entity = entity with { Attributes = entity.Attributes.Add("country", random.NextDouble() < 0.5 ? "US" : "FR") };
            }

            builder.AddEntity(entity);
        }

        for (var l = 0; l < links; l++)
        {
            var from = random.Next(entities);
            var to = random.Next(entities - 1);
            if (to >= from)
            {
                to++;
            }

            builder.AddLink(new Link($"e{from}", $"e{to}", kinds[random.Next(kinds.Count)], Math.Round(random.NextDouble() * 10, 4))
            {
                TermYears = withOptional && random.NextDouble() < 0.3 ? 1 + random.Next(10) : null,
                Date = withOptional && random.NextDouble() < 0.3 ? "2025-0" + (1 + random.Next(9)) : null,
            });
        }

        return builder.Build();
    }
}
