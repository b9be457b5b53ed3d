using AiContagion.Model;

namespace AiContagion.Export;

/// <summary>
/// The columns of the tiered chain diagram, in the order money flows down the AI chain: funding sources →
/// application start-ups → model labs → hyperscalers → GPU clouds → data-centre vehicles → chip makers.
/// </summary>
public enum ChainTier
{
    /// <summary>Entities that are funding sources (<see cref="Entity.IsFundingSource"/>): venture, private equity and credit, banks, bond and equity markets, sovereigns, conglomerates.</summary>
    FundingSources,

    /// <summary>Application start-ups (<see cref="Sector.AppStartup"/>) and other customers of the labs.</summary>
    AppStartups,

    /// <summary>Model labs (<see cref="Sector.ModelLab"/>).</summary>
    ModelLabs,

    /// <summary>Hyperscalers (<see cref="Sector.Hyperscaler"/>).</summary>
    Hyperscalers,

    /// <summary>GPU clouds (<see cref="Sector.Neocloud"/>).</summary>
    GpuClouds,

    /// <summary>Data-centre vehicles (<see cref="Sector.DataCentreVehicle"/>).</summary>
    DataCentreVehicles,

    /// <summary>Chip makers (<see cref="Sector.ChipMaker"/>).</summary>
    ChipMakers,
}

/// <summary>Which <see cref="ChainTier"/> an entity is drawn in, and the tiers' names.</summary>
/// <remarks>Pure functions; thread-safe.</remarks>
public static class ChainTiers
{
    /// <summary>Every tier, left to right.</summary>
    public static IReadOnlyList<ChainTier> All { get; } = Enum.GetValues<ChainTier>();

    /// <summary>
    /// The tier of every entity, by entity index. A funding source is in <see cref="ChainTier.FundingSources"/>
    /// whatever its sector; the chain sectors map to their tier. An entity of sector <see cref="Sector.Other"/>
    /// that is not a funding source goes to the tier from <see cref="ChainTier.AppStartups"/> to
    /// <see cref="ChainTier.ChipMakers"/> that makes the least of its money run against the chain (the amount of its
    /// links whose payer would sit right of the recipient), the leftmost on a tie: a customer sits left of its
    /// suppliers, a supplier right of its customers.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <returns>One tier per entity, in network order.</returns>
    /// <remarks>O(n + m).</remarks>
    public static IReadOnlyList<ChainTier> Assign(FinancingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var tiers = new ChainTier[network.EntityCount];
        var others = new List<int>();
        for (var v = 0; v < tiers.Length; v++)
        {
            var entity = network.Entities[v];
            if (entity.IsFundingSource)
            {
                tiers[v] = ChainTier.FundingSources;
            }
            else if (Of(entity.Sector) is { } tier)
            {
                tiers[v] = tier;
            }
            else
            {
                others.Add(v);
            }
        }

        var index = network.Index;
        foreach (var v in others)
        {
            var best = ChainTier.AppStartups;
            var bestAgainst = double.PositiveInfinity;
            for (var t = ChainTier.AppStartups; t <= ChainTier.ChipMakers; t++)
            {
                var against = 0.0;
                foreach (var l in index.LinksOutOf(v))
                {
                    var to = index.LinkTo[l];
                    if (!others.Contains(to) && tiers[to] < t)
                    {
                        against += index.Amount[l];
                    }
                }

                foreach (var l in index.LinksInto(v))
                {
                    var from = index.LinkFrom[l];
                    if (!others.Contains(from) && tiers[from] > t)
                    {
                        against += index.Amount[l];
                    }
                }

                if (against < bestAgainst)
                {
                    best = t;
                    bestAgainst = against;
                }
            }

            tiers[v] = best;
        }

        return tiers;
    }

    /// <summary>The tier a sector's entities are drawn in when they are not funding sources; <see langword="null"/> for <see cref="Sector.Other"/>.</summary>
    /// <param name="sector">The sector.</param>
    /// <returns>The tier, or <see langword="null"/>.</returns>
    public static ChainTier? Of(Sector sector) => sector switch
    {
        Sector.AppStartup => ChainTier.AppStartups,
        Sector.ModelLab => ChainTier.ModelLabs,
        Sector.Hyperscaler => ChainTier.Hyperscalers,
        Sector.Neocloud => ChainTier.GpuClouds,
        Sector.DataCentreVehicle => ChainTier.DataCentreVehicles,
        Sector.ChipMaker => ChainTier.ChipMakers,
        Sector.Other => null,
        _ => ChainTier.FundingSources,
    };

    /// <summary>The tier's heading, e.g. <c>FUNDING SOURCES</c>, <c>GPU CLOUDS</c>.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The heading in capitals.</returns>
    public static string Heading(this ChainTier tier) => tier switch
    {
        ChainTier.FundingSources => "FUNDING SOURCES",
        ChainTier.AppStartups => "APP START-UPS",
        ChainTier.ModelLabs => "MODEL LABS",
        ChainTier.Hyperscalers => "HYPERSCALERS",
        ChainTier.GpuClouds => "GPU CLOUDS",
        ChainTier.DataCentreVehicles => "DATA-CENTRE VEHICLES",
        ChainTier.ChipMakers => "CHIP MAKERS",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>The tier's name in running text, e.g. <c>model labs</c>.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The name, lower case.</returns>
    public static string Name(this ChainTier tier) => tier switch
    {
        ChainTier.FundingSources => "funding sources",
        ChainTier.AppStartups => "app start-ups",
        ChainTier.ModelLabs => "model labs",
        ChainTier.Hyperscalers => "hyperscalers",
        ChainTier.GpuClouds => "GPU clouds",
        ChainTier.DataCentreVehicles => "data-centre vehicles",
        ChainTier.ChipMakers => "chip makers",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>The fill colour of a tier's nodes (pastel; reds are kept for failures).</summary>
    internal static string Fill(ChainTier tier) => tier switch
    {
        ChainTier.FundingSources => "#e8eef7",
        ChainTier.AppStartups => "#fff6cc",
        ChainTier.ModelLabs => "#f3e1f5",
        ChainTier.Hyperscalers => "#dcefe0",
        ChainTier.GpuClouds => "#d7e9f7",
        ChainTier.DataCentreVehicles => "#e6e3f3",
        _ => "#fdf0c4",
    };

    /// <summary>A short CSS class name for a tier (<c>tier-labs</c>).</summary>
    internal static string CssClass(ChainTier tier) => tier switch
    {
        ChainTier.FundingSources => "tier-funders",
        ChainTier.AppStartups => "tier-apps",
        ChainTier.ModelLabs => "tier-labs",
        ChainTier.Hyperscalers => "tier-hyperscalers",
        ChainTier.GpuClouds => "tier-clouds",
        ChainTier.DataCentreVehicles => "tier-datacentres",
        _ => "tier-chips",
    };
}
