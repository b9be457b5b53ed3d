using System.Globalization;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Generators;

/// <summary>
/// Core–periphery random networks: a small, densely linked core of large entities and a periphery whose
/// entities each deal with a few core entities only (Craig &amp; von Peter 2014, "Interbank tiering and money
/// center banks", J. Financial Intermediation 23(3), doi:10.1016/j.jfi.2014.02.003).
/// </summary>
/// <remarks>
/// Core pairs are linked independently with probability <c>coreDensity</c> in each direction; each periphery
/// entity gets <c>peripheryLinks</c> links to distinct random core entities, each lending to or borrowing from
/// it with equal probability. Amounts are log-normal with σ = 1; core–core amounts are scaled by
/// <c>coreScale</c>. O(c² + n·k); deterministic for a seed; thread-safe. Entities <c>e0</c> … <c>e{c−1}</c> are the core.
/// </remarks>
public static class CorePeripheryNetwork
{
    /// <summary>Creates a core–periphery network.</summary>
    /// <param name="entities">n ≥ 2.</param>
    /// <param name="core">Core size c in [1, n].</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="coreDensity">Probability of each directed core–core link, in [0, 1] (default 0.8).</param>
    /// <param name="peripheryLinks">Links per periphery entity, in [1, c] (default 2).</param>
    /// <param name="coreScale">Amount multiplier for core–core links (default 10).</param>
    /// <param name="kind">Kind of every link (default <see cref="LinkKind.Loan"/>).</param>
    /// <returns>The network; core entities have sector <see cref="Sector.Bank"/>, periphery <see cref="Sector.Other"/>.</returns>
    public static FinancingNetwork Create(
        int entities, int core, int seed, double coreDensity = 0.8, int peripheryLinks = 2, double coreScale = 10, LinkKind kind = LinkKind.Loan)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entities, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(core, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(core, entities);
        if (!(coreDensity >= 0 && coreDensity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(coreDensity), coreDensity, "The core density must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(peripheryLinks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(peripheryLinks, core);
        ArgumentOutOfRangeException.ThrowIfNegative(coreScale);
        var random = new SeededRandom(seed);
        var ids = GeneratorIds.Create(entities);
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Core-periphery n={entities} core={core} seed={seed}"),
            Unit = "units",
        });
        for (var i = 0; i < entities; i++)
        {
            builder.AddEntity(new Entity(ids[i], i < core ? Sector.Bank : Sector.Other));
        }

        for (var i = 0; i < core; i++)
        {
            for (var j = 0; j < core; j++)
            {
                if (i != j && random.NextDouble() < coreDensity)
                {
                    builder.AddLink(new Link(ids[i], ids[j], kind, Math.Round(coreScale * random.NextLogNormal(0, 1), 6)));
                }
            }
        }

        var chosen = new HashSet<int>();
        for (var p = core; p < entities; p++)
        {
            chosen.Clear();
            while (chosen.Count < peripheryLinks)
            {
                chosen.Add(random.Next(core));
            }

            foreach (var c in chosen.Order())
            {
                var amount = Math.Round(random.NextLogNormal(0, 1), 6);
                builder.AddLink(random.NextDouble() < 0.5 ? new Link(ids[p], ids[c], kind, amount) : new Link(ids[c], ids[p], kind, amount));
            }
        }

        return builder.Build();
    }
}
