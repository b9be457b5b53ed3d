using System.Globalization;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Generators;

/// <summary>
/// Directed Erdős–Rényi random networks G(n, p): each ordered pair (i, j), i ≠ j, is linked independently with
/// probability p = z / (n − 1), so the mean in- and out-degree is z.
/// </summary>
/// <remarks>
/// <para>Sampling skips over non-links geometrically (Batagelj &amp; Brandes 2005, "Efficient generation of large
/// random networks", Phys. Rev. E 71, 036113, doi:10.1103/PhysRevE.71.036113): O(n + m) time. Links appear in
/// (i, j) order and run from i to j (the way money moves).</para>
/// <para>Every link has the same kind and amount; callers such as the Gai–Kapadia experiment set balance
/// sheets on top. Deterministic for a seed. Thread-safe (no shared state).</para>
/// </remarks>
public static class ErdosRenyiNetwork
{
    /// <summary>Creates a directed G(n, z / (n − 1)) network with entities <c>e0</c> … <c>e{n−1}</c>.</summary>
    /// <param name="entities">n ≥ 2.</param>
    /// <param name="meanDegree">z in [0, n − 1].</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="kind">Kind of every link (default <see cref="LinkKind.Loan"/>).</param>
    /// <param name="amount">Amount of every link (default 1).</param>
    /// <param name="sector">Sector of every entity (default <see cref="Sector.Bank"/>).</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 2, z outside [0, n − 1], or a negative or non-finite amount.</exception>
    public static FinancingNetwork Create(int entities, double meanDegree, int seed, LinkKind kind = LinkKind.Loan, double amount = 1.0, Sector sector = Sector.Bank)
    {
        var (from, to) = Sample(entities, meanDegree, seed);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (!double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be finite.");
        }

        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Erdős–Rényi directed n={entities} z={meanDegree} seed={seed}"),
            Unit = "units",
        });
        var ids = GeneratorIds.Create(entities);
        foreach (var id in ids)
        {
            builder.AddEntity(new Entity(id, sector));
        }

        for (var l = 0; l < from.Count; l++)
        {
            builder.AddLink(new Link(ids[from[l]], ids[to[l]], kind, amount));
        }

        return builder.Build();
    }

    /// <summary>The links of a directed G(n, z / (n − 1)) as (from, to) index lists, in (i, j) order.</summary>
    /// <param name="entities">n ≥ 2.</param>
    /// <param name="meanDegree">z in [0, n − 1].</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>Parallel lists of payer and recipient indices.</returns>
    public static (List<int> From, List<int> To) Sample(int entities, double meanDegree, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entities, 2);
        if (!(meanDegree >= 0 && meanDegree <= entities - 1))
        {
            throw new ArgumentOutOfRangeException(nameof(meanDegree), meanDegree, "The mean degree must be in [0, n - 1].");
        }

        var p = meanDegree / (entities - 1);
        var random = new SeededRandom(seed);
        var pairs = (long)entities * (entities - 1);
        var expected = (int)Math.Min(int.MaxValue / 2, (pairs * p) + (4 * Math.Sqrt(pairs * p)) + 16);
        var from = new List<int>(expected);
        var to = new List<int>(expected);
        if (p <= 0)
        {
            return (from, to);
        }

        var logQ = Math.Log(1 - p);
        var k = -1L;
        while (true)
        {
            if (p >= 1)
            {
                k++;
            }
            else
            {
                var r = 1 - random.NextDouble();
                k += 1 + (long)Math.Floor(Math.Log(r) / logQ);
            }

            if (k >= pairs)
            {
                break;
            }

            var i = (int)(k / (entities - 1));
            var j = (int)(k % (entities - 1));
            from.Add(i);
            to.Add(j >= i ? j + 1 : j);
        }

        return (from, to);
    }
}
