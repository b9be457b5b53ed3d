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
    public void Prices_NeverRise_RoundsDynamicsStayAboveTheFloor() => Case.Sample(PricesNeverRise, iter: 200);

    // Found by the property above at 30,000 draws: GLT's closed-form fixed point landed 2e-15 above the last iterate's
    // price of an asset with near-zero sales (0.999999999999998 -> 1). The closed form now never lifts a price.
    [TestMethod]
    public void Prices_NeverRise_ClosedFormNeverAboveTheLastIterate() => Case.Sample(PricesNeverRise, seed: "0K7M2UBMbrS2");

    private static void PricesNeverRise((FinancingNetwork Network, double[] Falls) c)
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
        // The total loss (direct + fire sale) and each firm's fire-sale loss never fall with a larger shock — for the
        // closed forms (GLT one round and linear), where losses are linear in the shock. Not for the rounds dynamics:
        // there a firm sells a capped share Γ ≤ 1 and its equity is floored at 0, so a larger shock can make a firm sell
        // out in round 1 and stop bearing the later rounds' price falls, losing less in all than the partial seller that
        // stays exposed (CsCheck found one for leverage targeting: seed 2oMqNqvJqXn3, total 5.066 against 5.110).
        Case.Select(Gen.Double[1, 3]).Sample((c, more) =>
        {
            foreach (var dynamics in new[] { FireSaleDynamics.GreenwoodOneRound, FireSaleDynamics.GreenwoodLinear })
            {
                var options = Options(dynamics);
                var small = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), options);
                var large = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls, more), options);
                if (!small.Converged || !large.Converged)
                {
                    continue;
                }

                Assert.IsGreaterThanOrEqualTo(small.TotalDirectLoss + small.TotalFireSaleLoss - 1e-9, large.TotalDirectLoss + large.TotalFireSaleLoss, dynamics.ToString());
                for (var v = 0; v < c.Network.EntityCount; v++)
                {
                    Assert.IsGreaterThanOrEqualTo(small.Entities[v].FireSaleLoss - 1e-9, large.Entities[v].FireSaleLoss, $"{dynamics} firm {v}");
                }
            }
        }, iter: 200);
    }

    [TestMethod]
    public void EntityOrder_Irrelevant_OutputsPermuted()
    {
        // Note §7 case 10: relabelling (here: reordering) the firms permutes every output and changes nothing else.
        Case.Select(Gen.Int).Sample((c, seed) =>
        {
            var order = Enumerable.Range(0, c.Network.EntityCount).ToArray();
            new Random(seed).Shuffle(order);
            var builder = FinancingNetwork.CreateBuilder();
            foreach (var v in order)
            {
                builder.AddEntity(c.Network.Entities[v]);
            }

            foreach (var a in c.Network.Assets)
            {
                builder.AddAsset(a);
            }

            foreach (var v in order)
            {
                foreach (var h in c.Network.HoldingsOf(c.Network.Entities[v].Id))
                {
                    builder.AddHolding(h);
                }
            }

            var shuffled = builder.Build();
            foreach (var dynamics in All)
            {
                var first = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), Options(dynamics));
                var second = FireSaleSimulation.Run(shuffled, Shock(shuffled, c.Falls), Options(dynamics));
                Assert.AreEqual(first.Converged, second.Converged, dynamics.ToString());
                if (!first.Converged)
                {
                    continue;
                }

                Assert.AreEqual(first.AggregateVulnerability, second.AggregateVulnerability, 1e-9 * Math.Max(1, first.AggregateVulnerability), dynamics.ToString());
                foreach (var e in first.Entities)
                {
                    var other = second.Entity(e.Id);
                    var scale = 1e-9 * Math.Max(1, e.FireSaleLoss + e.Sold);
                    Assert.AreEqual(e.FireSaleLoss, other.FireSaleLoss, scale, $"{dynamics} {e.Id}: fire-sale loss");
                    Assert.AreEqual(e.Sold, other.Sold, scale, $"{dynamics} {e.Id}: sold");
                    Assert.AreEqual(e.Systemicness, other.Systemicness, 1e-9 * Math.Max(1, e.Systemicness), $"{dynamics} {e.Id}: systemicness");
                    Assert.AreEqual(e.Failed, other.Failed, $"{dynamics} {e.Id}: failed");
                }

                for (var a = 0; a < first.Assets.Length; a++)
                {
                    Assert.AreEqual(first.Assets[a].FinalPrice, second.Assets[a].FinalPrice, 1e-9, $"{dynamics} {first.Assets[a].Id}: final price");
                }
            }
        }, iter: 150);
    }

    [TestMethod]
    public void Glt_LinearInThePriceImpact()
    {
        // Note §7 case 4: AV, S, IV and every loss are linear in ℓ (double every impact, double each of them).
        Case.Sample(c =>
        {
            var doubled = RebuildWithImpact(c.Network, c.Network.Assets.Select(a => 2 * a.PriceImpact!.Value).ToArray());
            var options = Options(FireSaleDynamics.GreenwoodOneRound);
            var once = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), options);
            var twice = FireSaleSimulation.Run(doubled, Shock(doubled, c.Falls), options);
            Assert.AreEqual(2 * once.AggregateVulnerability, twice.AggregateVulnerability, 1e-12 * Math.Max(1, twice.AggregateVulnerability));
            for (var v = 0; v < c.Network.EntityCount; v++)
            {
                var (a, b) = (once.Entities[v], twice.Entities[v]);
                Assert.AreEqual(2 * a.FireSaleLoss, b.FireSaleLoss, 1e-9 * Math.Max(1, b.FireSaleLoss), $"firm {v}: loss");
                Assert.AreEqual(2 * a.Systemicness, b.Systemicness, 1e-9 * Math.Max(1, b.Systemicness), $"firm {v}: S");
                Assert.AreEqual(a.Sold, b.Sold, 1e-9 * Math.Max(1, b.Sold), $"firm {v}: sales do not depend on ℓ");
            }
        }, iter: 200);
    }

    [TestMethod]
    public void Glt_Unlevered_NoFireSale()
    {
        // Note §7 case 4: with every b = (a − E)/E = 0 (equity = total assets) nobody sells, so AV = 0 in both closed forms.
        Case.Sample(c =>
        {
            var builder = FinancingNetwork.CreateBuilder();
            foreach (var e in c.Network.Entities)
            {
                var held = c.Network.HoldingsOf(e.Id).Sum(h => h.Amount);
                builder.AddEntity(e with { Capital = held + (e.ExternalAssets ?? 0) is > 0 and var total ? total : null });
            }

            foreach (var a in c.Network.Assets)
            {
                builder.AddAsset(a);
            }

            foreach (var h in c.Network.Holdings)
            {
                builder.AddHolding(h);
            }

            var unlevered = builder.Build();
            foreach (var dynamics in new[] { FireSaleDynamics.GreenwoodOneRound, FireSaleDynamics.GreenwoodLinear })
            {
                var result = FireSaleSimulation.Run(unlevered, Shock(unlevered, c.Falls), Options(dynamics));
                Assert.AreEqual(0, result.AggregateVulnerability, 1e-15, $"{dynamics}: {result}");
                Assert.IsTrue(result.Entities.All(e => Math.Abs(e.Sold) <= 1e-12 && Math.Abs(e.FireSaleLoss) <= 1e-12), dynamics.ToString());
            }
        }, iter: 200);
    }

    [TestMethod]
    public void RoundsDynamics_NobodyAboveTheLimit_NoSales()
    {
        // Note §7 case 10: no sales (hence no fire-sale loss, prices only shocked) when every leverage stays at most λ_max.
        // A firm the shock leaves with no equity has λ = ∞; it would sell everything unless insolvent firms keep still.
        Case.Sample(c =>
        {
            var options = Options(FireSaleDynamics.ThresholdDeleveraging) with { MaxLeverage = 1e12, InsolventSell = false };
            var result = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), options);
            Assert.IsTrue(result.Entities.All(e => e.Sold == 0 && e.FireSaleLoss == 0), result.ToString());
            Assert.AreEqual(0, result.Rounds);
            for (var a = 0; a < c.Network.AssetCount; a++)
            {
                Assert.AreEqual(1 - c.Falls[a], result.Assets[a].FinalPrice, 1e-15);
            }
        }, iter: 200);
    }

    [TestMethod]
    public void GltLinear_FirstRound_IsTheOneRoundFormula()
    {
        // Note §7 case 4: the linear iteration's round 1 is GLT's one-round loss, prices and AV numerator.
        Case.Sample(c =>
        {
            var one = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), Options(FireSaleDynamics.GreenwoodOneRound));
            var linear = FireSaleSimulation.Run(c.Network, Shock(c.Network, c.Falls), Options(FireSaleDynamics.GreenwoodLinear));
            if (linear.History.IsEmpty)
            {
                Assert.AreEqual(0, one.TotalFireSaleLoss, 1e-12);
                return;
            }

            Assert.AreEqual(one.TotalFireSaleLoss, linear.History[0].Loss, 1e-9 * Math.Max(1, one.TotalFireSaleLoss));
            for (var a = 0; a < c.Network.AssetCount; a++)
            {
                Assert.AreEqual(one.Assets[a].FinalPrice, linear.Assets[a].Prices[1], 1e-12, $"asset {a}: round-1 price");
            }
        }, iter: 200);
    }

    private static FinancingNetwork RebuildWithImpact(FinancingNetwork network, double[] impacts)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
        foreach (var e in network.Entities)
        {
            builder.AddEntity(e);
        }

        for (var a = 0; a < network.AssetCount; a++)
        {
            builder.AddAsset(network.Assets[a] with { PriceImpact = impacts[a] });
        }

        foreach (var h in network.Holdings)
        {
            builder.AddHolding(h);
        }

        return builder.Build();
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
