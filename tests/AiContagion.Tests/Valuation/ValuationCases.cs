using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Valuation;

/// <summary>The valuation's published cases (graphs/textbook/v1-*.json, v2-*.json) and small networks built in code.</summary>
internal static class ValuationCases
{
    /// <summary>V1: Suzuki (2002) as replicated by Fischer (2014) / FinNetValu; four firms, external assets (2, .5, .6, .6).</summary>
    public static FinancingNetwork Suzuki() => FinancingNetworkFile.Load(Repo.Path("graphs", "textbook", "v1-suzuki-fischer.json"));

    /// <summary>V2: Elsinger (2009) / NetworkValuation's two-layer example, external assets (0, 50, 10).</summary>
    public static FinancingNetwork Elsinger() => FinancingNetworkFile.Load(Repo.Path("graphs", "textbook", "v2-elsinger.json"));

    /// <summary>Published case C1 (Eisenberg–Noe, three banks).</summary>
    public static FinancingNetwork C1() => FinancingNetworkFile.Load(Repo.Path("graphs", "textbook", "c1-eisenberg-noe.json"));

    /// <summary>Published case C4 (systemicrisk's default_clearing example).</summary>
    public static FinancingNetwork C4() => FinancingNetworkFile.Load(Repo.Path("graphs", "textbook", "c4-systemicrisk.json"));

    /// <summary>The same network with other external assets, by network order.</summary>
    public static FinancingNetwork WithExternalAssets(FinancingNetwork network, params double[] assets)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
        for (var i = 0; i < network.EntityCount; i++)
        {
            builder.AddEntity(network.Entities[i] with { ExternalAssets = assets[i] });
        }

        foreach (var link in network.Links)
        {
            builder.AddLink(link);
        }

        return builder.Build();
    }

    /// <summary>Builds a network from entities (id, external assets, external liabilities) and links.</summary>
    public static FinancingNetwork Build(IEnumerable<(string Id, double Assets, double Liabilities)> entities, params Link[] links)
    {
        var builder = FinancingNetwork.CreateBuilder();
        foreach (var (id, assets, liabilities) in entities)
        {
            builder.AddEntity(new Entity(id, Sector.Bank) { ExternalAssets = assets, ExternalLiabilities = liabilities });
        }

        foreach (var link in links)
        {
            builder.AddLink(link);
        }

        return builder.Build();
    }
}
