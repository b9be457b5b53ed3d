using System.Globalization;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Generators;

/// <summary>
/// Directed scale-free random networks by preferential attachment on both ends, with heavy-tailed (log-normal)
/// amounts — the shape of real interbank and supply networks, where a few hubs carry most links and money.
/// </summary>
/// <remarks>
/// <para>Each of the m links picks its payer uniformly with probability <c>uniformShare</c>, otherwise the payer of
/// a uniformly chosen earlier link (so in proportion to out-degree); likewise its recipient in proportion to
/// in-degree. This is the copying form of the Bollobás, Borgs, Chayes &amp; Riordan (2003) "Directed scale-free
/// graphs" model (SODA '03), giving power-law in- and out-degrees. Self-links are redrawn. Amount =
/// exp(μ + σZ). O(m) time; deterministic for a seed; thread-safe.</para>
/// </remarks>
public static class ScaleFreeNetwork
{
    /// <summary>Creates a scale-free network with entities <c>e0</c> … and <paramref name="links"/> links.</summary>
    /// <param name="entities">n ≥ 2.</param>
    /// <param name="links">m ≥ 0.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="uniformShare">Probability of a uniform (not preferential) choice of each end, in (0, 1]; default 0.2.</param>
    /// <param name="amountMu">μ of the log-normal amount (default 0).</param>
    /// <param name="amountSigma">σ of the log-normal amount (default 1.5: heavy-tailed).</param>
    /// <param name="kind">Kind of every link (default <see cref="LinkKind.Loan"/>).</param>
    /// <param name="sector">Sector of every entity (default <see cref="Sector.Bank"/>).</param>
    /// <returns>The network.</returns>
    public static FinancingNetwork Create(
        int entities, int links, int seed, double uniformShare = 0.2, double amountMu = 0, double amountSigma = 1.5,
        LinkKind kind = LinkKind.Loan, Sector sector = Sector.Bank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entities, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(links);
        if (!(uniformShare > 0 && uniformShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(uniformShare), uniformShare, "The uniform share must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amountSigma);
        var random = new SeededRandom(seed);
        var from = new int[links];
        var to = new int[links];
        for (var l = 0; l < links; l++)
        {
            from[l] = l == 0 || random.NextDouble() < uniformShare ? random.Next(entities) : from[random.Next(l)];
            do
            {
                to[l] = l == 0 || random.NextDouble() < uniformShare ? random.Next(entities) : to[random.Next(l)];
            }
            while (to[l] == from[l]);
        }

        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Scale-free directed n={entities} m={links} seed={seed}"),
            Unit = "units",
        });
        var ids = GeneratorIds.Create(entities);
        foreach (var id in ids)
        {
            builder.AddEntity(new Entity(id, sector));
        }

        for (var l = 0; l < links; l++)
        {
            builder.AddLink(new Link(ids[from[l]], ids[to[l]], kind, Math.Round(random.NextLogNormal(amountMu, amountSigma), 6)));
        }

        return builder.Build();
    }
}
