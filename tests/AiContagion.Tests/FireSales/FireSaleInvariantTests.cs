using AiContagion.FireSales;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.FireSales;

/// <summary>
/// Invariants of every fire-sale dynamics on random small networks with a holdings layer: no impact, no fire-sale
/// loss; prices never rise and stay above the floor; systemicness sums to AV and indirect vulnerabilities to E·AV; losses
/// capped at equity on the rounds dynamics; GLT linear in the shock; more shock, more loss.
/// </summary>
[TestClass]
public sealed class FireSaleInvariantTests
{
    private static readonly FireSaleDynamics[] All = Enum.GetValues<FireSaleDynamics>();

    /// <summary>1–8 firms (equity known and positive, or unknown), 1–4 assets, random holdings, external assets and impacts.</summary>
    internal static readonly Gen<(FinancingNetwork Network, double[] Falls)> Case =
        from n in Gen.Int[1, 8]
        from k in Gen.Int[1, 4]
        from capital in Gen.Frequency((5, Gen.Double[0.5, 20].Select(c => (double?)c)), (1, Gen.Const((double?)null))).Array[n]
        from external in Gen.Double[0, 50].Array[n]
        from holdings in Gen.Frequency((1, Gen.Const(0.0)), (2, Gen.Double[0, 40])).Array[n * k]
        from impacts in Gen.Double[0, 0.004].Array[k]
        from falls in Gen.Frequency((1, Gen.Const(0.0)), (2, Gen.Double[0, 0.3])).Array[k]
        select (Network(n, k, capital, external, holdings, impacts), falls);

    private static FinancingNetwork Network(int n, int k, double?[] capital, double[] external, double[] holdings, double[] impacts)
    {
        var builder = FinancingNetwork.CreateBuilder();
        for (var v = 0; v < n; v++)
        {
            builder.AddEntity(new Entity($"f{v}", Sector.Bank) { Capital = capital[v], ExternalAssets = external[v] });
        }

        for (var a = 0; a < k; a++)
        {
            builder.AddAsset(new Asset($"a{a}") { PriceImpact = impacts[a] });
        }

        for (var v = 0; v < n; v++)
        {
            for (var a = 0; a < k; a++)
            {
                if (holdings[(v * k) + a] > 0)
                {
                    builder.AddHolding(new Holding($"f{v}", $"a{a}", holdings[(v * k) + a]));
                }
            }
        }

        return builder.Build();
    }

    private static FireSaleShock Shock(FinancingNetwork network, double[] falls, double scale = 1) =>
        FireSaleShock.PriceFalls(network.Assets.Select((a, i) => (a.Id, Math.Min(1, falls[i] * scale))));

    private static FireSaleOptions Options(FireSaleDynamics dynamics) => new() { Dynamics = dynamics, MaxLeverage = 8, PriceFloor = 0.2 };

    [TestMethod]
    public void ZeroImpact_NoFireSaleLoss_PricesOnlyShocked()
    {
        Case.Sample(c =>
        {
            var network = RebuildWithImpact(c.Network, 0);
            foreach (var dynamics in All)
            {
                var result = FireSaleSimulation.Run(network, Shock(network, c.Falls), Options(dynamics));
                Assert.IsTrue(result.Entities.All(e => e.FireSaleLoss == 0), $"{dynamics}: {result}");
                for (var a = 0; a < network.AssetCount; a++)
                {
                    Assert.IsTrue(result.Assets[a].Prices.All(p => p == 1 - c.Falls[a]), dynamics.ToString());
                }
            }
        }, iter: 200);
    }

    [TestMethod]
    public void Prices_NeverRise_RoundsDynamicsStayAboveTheFloor()
    {
        Case.Sample(c =>
        {
            foreach (var dynamics in All)
            {
                var result = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), Options(dynamics));
                if (!result.Converged)
                {
                    continue;
                }

                foreach (var asset in result.Assets)
                {
                    Assert.HasCount(result.Rounds + 1, asset.Prices, dynamics.ToString());
                    for (var r = 1; r < asset.Prices.Length; r++)
                    {
                        Assert.IsLessThanOrEqualTo(asset.Prices[r - 1] + 1e-15, asset.Prices[r], $"{dynamics} {asset.Id} round {r}");
                    }

                    if (dynamics is FireSaleDynamics.ThresholdDeleveraging or FireSaleDynamics.LeverageTargeting)
                    {
                        Assert.IsGreaterThanOrEqualTo(Math.Min(0.2, asset.Prices[0]) - 1e-12, asset.FinalPrice, $"{dynamics} {asset.Id}: floor");
                    }
                }
            }
        }, iter: 200);
    }

    [TestMethod]
    public void Systemicness_SumsToAggregateVulnerability_IndirectVulnerabilityToSystemLoss()
    {
        Case.Sample(c =>
        {
            foreach (var dynamics in All)
            {
                var result = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), Options(dynamics));
                if (!result.Converged)
                {
                    continue;
                }

                var scale = Math.Max(1e-12, result.AggregateVulnerability);
                Assert.AreEqual(result.AggregateVulnerability, result.Entities.Sum(e => e.Systemicness), 1e-9 * scale, $"{dynamics}: Σ S = AV");
                Assert.AreEqual(
                    result.SystemEquity * result.AggregateVulnerability,
                    result.Entities.Where(e => e.Equity is > 0).Sum(e => e.Equity!.Value * e.IndirectVulnerability!.Value),
                    1e-9 * Math.Max(1, result.SystemEquity * scale),
                    $"{dynamics}: Σ E·IV = E·AV");
                Assert.IsTrue(result.Entities.All(e => e.Systemicness >= 0 && e.FireSaleLoss >= 0), dynamics.ToString());
            }
        }, iter: 200);
    }

    [TestMethod]
    public void RoundsDynamics_LossesNeverExceedTheEquityLeft()
    {
        Case.Sample(c =>
        {
            foreach (var dynamics in new[] { FireSaleDynamics.ThresholdDeleveraging, FireSaleDynamics.LeverageTargeting })
            {
                var result = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), Options(dynamics));
                foreach (var e in result.Entities.Where(e => e.Equity is not null))
                {
                    Assert.IsLessThanOrEqualTo(Math.Max(0, e.Equity!.Value - e.DirectLoss) * (1 + 1e-12), e.FireSaleLoss, $"{dynamics} {e.Id}");
                    Assert.AreEqual(e.FireSaleLoss >= Math.Max(0, e.Equity!.Value - e.DirectLoss) * (1 - 1e-12), e.Failed, $"{dynamics} {e.Id}: failed iff no equity left");
                }
            }
        }, iter: 200);
    }

    [TestMethod]
    public void Glt_LinearInTheShock()
    {
        Case.Sample(c =>
        {
            var options = Options(FireSaleDynamics.GreenwoodOneRound);
            var once = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls, 0.5), options);
            var twice = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls, 1), options);
            Assert.AreEqual(2 * once.AggregateVulnerability, twice.AggregateVulnerability, 1e-12 * Math.Max(1, twice.AggregateVulnerability));
            for (var v = 0; v < c.Network.EntityCount; v++)
            {
                Assert.AreEqual(2 * once.Entities[v].FireSaleLoss, twice.Entities[v].FireSaleLoss, 1e-9 * Math.Max(1, twice.Entities[v].FireSaleLoss));
            }
        }, iter: 200);
    }

    [TestMethod]
    public void MoreShock_MoreLoss()
    {
        // Each firm's total loss (direct + fire sale) for the closed forms; the firms' total for the rounds dynamics.
        Case.Select(Gen.Double[1, 3]).Sample((c, more) =>
        {
            foreach (var dynamics in All)
            {
                var options = Options(dynamics);
                var small = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), options);
                var large = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls, more), options);
                if (!small.Converged || !large.Converged)
                {
                    continue;
                }

                Assert.IsGreaterThanOrEqualTo(small.TotalDirectLoss + small.TotalFireSaleLoss - 1e-9, large.TotalDirectLoss + large.TotalFireSaleLoss, dynamics.ToString());
                if (dynamics is FireSaleDynamics.GreenwoodOneRound or FireSaleDynamics.GreenwoodLinear)
                {
                    for (var v = 0; v < c.Network.EntityCount; v++)
                    {
                        Assert.IsGreaterThanOrEqualTo(small.Entities[v].FireSaleLoss - 1e-9, large.Entities[v].FireSaleLoss, $"{dynamics} firm {v}");
                    }
                }
            }
        }, iter: 200);
    }

    private static FinancingNetwork RebuildWithImpact(FinancingNetwork network, double impact)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
        foreach (var e in network.Entities)
        {
            builder.AddEntity(e);
        }

        foreach (var a in network.Assets)
        {
            builder.AddAsset(a with { PriceImpact = impact });
        }

        foreach (var h in network.Holdings)
        {
            builder.AddHolding(h);
        }

        return builder.Build();
    }
}
