using System.Globalization;
using AiContagion.Model;
using AiContagion.Numerics;

namespace AiContagion.Generators;

/// <summary>
/// Seeded synthetic financing networks shaped like the AI chain, at any size (10³ to 10⁶ links and beyond): the
/// benchmarks, stress tests and peer comparisons run on them.
/// </summary>
/// <remarks>
/// <para><b>Shape.</b> Entities fall into tiers (funders, app start-ups, model labs, clouds, data-centre vehicles,
/// hyperscalers, chipmakers, others). Links follow the chain, the way money moves: funders → start-ups, labs,
/// clouds and vehicles (equity, loans, bonds, credit facilities, SPV contributions); start-ups → labs (API
/// spend); labs → clouds and hyperscalers (compute contracts); clouds, vehicles, hyperscalers → chipmakers (GPU
/// purchases); chipmakers → clouds (vendor financing); clouds → vehicles (leases); others trade services both
/// ways. Within a tier, recipients and payers are chosen preferentially (an earlier pick is copied with
/// probability 0.7), giving heavy-tailed degrees; amounts are log-normal.</para>
/// <para><b>Balance sheets.</b> Outside revenue is log-normal; cash is τ × inflow with τ ~ U(0.05, 0.6), so the
/// derived liquidity tolerance is spread out; capital is U(0.05, 0.4) × (claims held + revenue); external
/// assets and liabilities make Eisenberg–Noe clearing non-trivial. Funders hold twice their outflows in cash.</para>
/// <para>Deterministic for a seed (xoshiro256**); O(n + m). Thread-safe.</para>
/// </remarks>
public static class SyntheticFinancingNetwork
{
    private static readonly (Sector Sector, double Share)[] Tiers =
    [
        (Sector.VentureCapital, 0.004), (Sector.PrivateCredit, 0.002), (Sector.Bank, 0.002), (Sector.PublicMarkets, 0.001),
        (Sector.Sovereign, 0.001), (Sector.AppStartup, 0.40), (Sector.ModelLab, 0.08), (Sector.Neocloud, 0.15),
        (Sector.DataCentreVehicle, 0.05), (Sector.Hyperscaler, 0.01), (Sector.ChipMaker, 0.01), (Sector.Other, 0.29),
    ];

    /// <summary>Creates a synthetic financing network.</summary>
    /// <param name="entities">Number of entities, at least 100.</param>
    /// <param name="links">Number of links, at least 1.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>The network (ids <c>e0</c> …; about 1 % of entities are funding sources).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 100 entities or no links.</exception>
    public static FinancingNetwork Create(int entities, int links, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entities, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(links, 1);
        var random = new SeededRandom(seed);

        // Tier membership: contiguous index ranges, every tier non-empty.
        var tierOf = new Sector[entities];
        var members = new Dictionary<Sector, List<int>>();
        var next = 0;
        for (var t = 0; t < Tiers.Length; t++)
        {
            var count = t == Tiers.Length - 1 ? entities - next : Math.Max(1, (int)Math.Round(Tiers[t].Share * entities));
            count = Math.Min(count, entities - next - (Tiers.Length - 1 - t));
            var list = new List<int>(count);
            for (var i = 0; i < count; i++)
            {
                tierOf[next] = Tiers[t].Sector;
                list.Add(next++);
            }

            members[Tiers[t].Sector] = list;
        }

        int[] funders = [.. members[Sector.VentureCapital], .. members[Sector.PrivateCredit], .. members[Sector.Bank], .. members[Sector.PublicMarkets], .. members[Sector.Sovereign]];
        int[] clouds = [.. members[Sector.Neocloud], .. members[Sector.Hyperscaler]];
        int[] builders = [.. members[Sector.Neocloud], .. members[Sector.Hyperscaler], .. members[Sector.DataCentreVehicle]];
        int[] fundees = [.. members[Sector.AppStartup], .. members[Sector.ModelLab], .. members[Sector.Neocloud], .. members[Sector.DataCentreVehicle]];
        var pickers = new Dictionary<int[], PreferentialPicker>(ReferenceEqualityComparer.Instance);
        PreferentialPicker Picker(int[] pool) => pickers.TryGetValue(pool, out var p) ? p : pickers[pool] = new PreferentialPicker(pool, links / 4);
        int[] startups = [.. members[Sector.AppStartup]];
        int[] labs = [.. members[Sector.ModelLab]];
        int[] chips = [.. members[Sector.ChipMaker]];
        int[] vehicles = [.. members[Sector.DataCentreVehicle]];
        int[] everyone = [.. Enumerable.Range(0, entities)];
        LinkKind[] financing = [LinkKind.Equity, LinkKind.Equity, LinkKind.Loan, LinkKind.Bond, LinkKind.CreditFacility, LinkKind.SpvContribution];

        var from = new int[links];
        var to = new int[links];
        var kind = new LinkKind[links];
        var amount = new double[links];
        for (var l = 0; l < links; l++)
        {
            var roll = random.NextDouble();
            int f, t;
            LinkKind k;
            double mu;
            if (roll < 0.25)
            {
                (f, t, k, mu) = (Picker(funders).Pick(random), Picker(fundees).Pick(random), financing[random.Next(financing.Length)], 0.5);
            }
            else if (roll < 0.45)
            {
                (f, t, k, mu) = (Picker(startups).Pick(random), Picker(labs).Pick(random), LinkKind.ApiSpend, -1.5);
            }
            else if (roll < 0.60)
            {
                (f, t, k, mu) = (Picker(labs).Pick(random), Picker(clouds).Pick(random), LinkKind.ComputeContract, 0.0);
            }
            else if (roll < 0.70)
            {
                (f, t, k, mu) = (Picker(builders).Pick(random), Picker(chips).Pick(random), LinkKind.GpuPurchase, 0.5);
            }
            else if (roll < 0.73)
            {
                (f, t, k, mu) = (Picker(chips).Pick(random), Picker(clouds).Pick(random), LinkKind.VendorFinancing, -0.5);
            }
            else if (roll < 0.78)
            {
                (f, t, k, mu) = (Picker(clouds).Pick(random), Picker(vehicles).Pick(random), LinkKind.Lease, -0.5);
            }
            else
            {
                (f, t, k, mu) = (Picker(everyone).Pick(random), Picker(everyone).Pick(random), random.NextDouble() < 0.8 ? LinkKind.Services : LinkKind.RevenueShare, -2.0);
            }

            while (t == f)
            {
                t = random.Next(entities);
            }

            (from[l], to[l], kind[l], amount[l]) = (f, t, k, Math.Round(random.NextLogNormal(mu, 1.2), 4));
        }

        return Assemble(entities, links, seed, random, tierOf, from, to, kind, amount);
    }

    private static FinancingNetwork Assemble(
        int entities, int links, int seed, SeededRandom random, Sector[] tierOf, int[] from, int[] to, LinkKind[] kind, double[] amount)
    {
        var inflow = new double[entities];
        var outflow = new double[entities];
        var claimsHeld = new double[entities];
        for (var l = 0; l < links; l++)
        {
            inflow[to[l]] += amount[l];
            outflow[from[l]] += amount[l];
            if (kind[l].IsClaim())
            {
                claimsHeld[from[l]] += amount[l];
            }
        }

        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Synthetic financing network n={entities} m={links} seed={seed}"),
            Unit = "USD bn",
            Description = "Generated by AiContagion.Generators.SyntheticFinancingNetwork; not data about real firms.",
        });
        var ids = GeneratorIds.Create(entities);
        for (var v = 0; v < entities; v++)
        {
            var funder = tierOf[v].IsFunderSector();
            var revenue = funder ? 0 : Math.Round(random.NextLogNormal(-1, 1.5), 4);
            var tolerance = 0.05 + (0.55 * random.NextDouble());
            var cash = funder ? 2 * outflow[v] : tolerance * (inflow[v] + revenue);
            var capital = ((0.05 + (0.35 * random.NextDouble())) * (claimsHeld[v] + revenue)) + 0.01;
            var externalAssets = Math.Round(random.NextLogNormal(0, 1) + (0.5 * (inflow[v] + revenue)), 4);
            var externalLiabilities = Math.Round((0.2 + (0.7 * random.NextDouble())) * externalAssets, 4);
            builder.AddEntity(new Entity(ids[v], tierOf[v])
            {
                Cash = Math.Round(cash, 4),
                Revenue = funder ? null : revenue,
                Capital = Math.Round(capital, 4),
                ExternalAssets = externalAssets,
                ExternalLiabilities = externalLiabilities,
            });
        }

        for (var l = 0; l < links; l++)
        {
            builder.AddLink(new Link(ids[from[l]], ids[to[l]], kind[l], amount[l]));
        }

        return builder.Build();
    }

    /// <summary>Chooses members of a pool, copying an earlier choice with probability 0.7 (rich get richer).</summary>
    private sealed class PreferentialPicker(int[] pool, int capacity)
    {
        private readonly List<int> _history = new(Math.Min(capacity, 1 << 20));

        public int Pick(SeededRandom random)
        {
            var choice = _history.Count > 0 && random.NextDouble() < 0.7
                ? _history[random.Next(_history.Count)]
                : pool[random.Next(pool.Length)];
            _history.Add(choice);
            return choice;
        }
    }
}
