using AiContagion.Model;

namespace AiContagion.Tests.FireSales;

/// <summary>
/// The hand-sized fire-sale examples of the research for issue 20 (typed here, not read from peer data), as networks:
/// firms are entities with a capital and external assets (their non-tradable assets), common assets and holdings.
/// </summary>
internal static class FireSaleCases
{
    /// <summary>
    /// GLT's three banks and two assets: holdings (60, 40), (20, 30), (0, 25); equity 10, 10, 5; ℓ per USD bn as given.
    /// Total assets are the holdings (no external assets, no links), so b = (9, 4, 4).
    /// </summary>
    public static FinancingNetwork Glt(double impact1 = 0.0005, double impact2 = 0.001) => Build(
        [("b1", 10, 0), ("b2", 10, 0), ("b3", 5, 0)],
        [("a1", impact1), ("a2", impact2)],
        [("b1", "a1", 60), ("b1", "a2", 40), ("b2", "a1", 20), ("b2", "a2", 30), ("b3", "a2", 25)]);

    /// <summary>
    /// FinNetValu's csmodel8 (develop_firesales @3153ab8, test_csmodel.jl): two banks, one tradable asset (90, 70),
    /// illiquid assets 10 and 20, capital 4 and 4.5; market depth D = c·ADV/σ·√τ = 0.4 · 50 / 0.02 · √20.
    /// </summary>
    public static FinancingNetwork FinNetValu() => Build(
        [("bank1", 4, 10), ("bank2", 4.5, 20)],
        [("asset", 1 / (0.4 * 50 / 0.02 * Math.Sqrt(20)))],
        [("bank1", "asset", 90), ("bank2", "asset", 70)]);

    /// <summary>The research note's three-bank, two-asset Cont–Schaanning example: holdings (60, 30), (20, 40), (0, 50); illiquid 10, 40, 50; capital 8, 5, 10; depths as given.</summary>
    public static FinancingNetwork ContSchaanning(double depth1, double depth2) => Build(
        [("b1", 8, 10), ("b2", 5, 40), ("b3", 10, 50)],
        [("a1", 1 / depth1), ("a2", 1 / depth2)],
        [("b1", "a1", 60), ("b1", "a2", 30), ("b2", "a1", 20), ("b2", "a2", 40), ("b3", "a2", 50)]);

    public static FinancingNetwork Build((string Id, double Capital, double External)[] firms, (string Id, double Impact)[] assets, (string Firm, string Asset, double Amount)[] holdings)
    {
        var builder = FinancingNetwork.CreateBuilder();
        foreach (var (id, capital, external) in firms)
        {
            builder.AddEntity(new Entity(id, Sector.Bank) { Capital = capital, ExternalAssets = external });
        }

        foreach (var (id, impact) in assets)
        {
            builder.AddAsset(new Asset(id) { PriceImpact = impact });
        }

        foreach (var (firm, asset, amount) in holdings)
        {
            builder.AddHolding(new Holding(firm, asset, amount));
        }

        return builder.Build();
    }

    public static void AssertVector(double[] expected, IEnumerable<double> actual, double tolerance, string what)
    {
        var values = actual.ToArray();
        Assert.HasCount(expected.Length, values, what);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], values[i], tolerance * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}]: expected {string.Join(", ", expected)}; got {string.Join(", ", values)}");
        }
    }
}
