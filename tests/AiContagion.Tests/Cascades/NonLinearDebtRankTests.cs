using System.Collections.Immutable;
using AiContagion.Cascades;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// Non-linear DebtRank (Bardoscia et al. 2016) with the authors' <c>p(h) = h e^(α(h − 1))</c>: the research note's two
/// examples (§4.2; recomputed with numpy in both the difference and the level form, and with NEVA's fixed point with
/// that p plugged in: agreement ≤ 1e-15), the limits α = 0 (linear DebtRank) and α → ∞ (the Furfine cascade) as
/// property tests, and the ordering in α.
/// </summary>
[TestClass]
public sealed class NonLinearDebtRankTests
{
    // Example A: A_ij (i's claim on j) rows (0,3,0,1), (2,0,2,0), (0,1,0,3), (1,0,2,0); E = (10, 8, 6, 5); ρ(Λ) = 0.5617.
    private static FinancingNetwork StableFour()
    {
        double[,] claims = { { 0, 3, 0, 1 }, { 2, 0, 2, 0 }, { 0, 1, 0, 3 }, { 1, 0, 2, 0 } };
        double[] equity = [10, 8, 6, 5];
        return Build(claims, equity);
    }

    // Example B (paolobarucca/debtrank Exercise4.m): i owes j [[0,4,0],[0,0,3],[2,0,0]], E = (1, 3, 3); ρ(Λ) = (8/3)^(1/3) > 1.
    private static FinancingNetwork UnstableCycle()
    {
        double[,] claims = { { 0, 0, 2 }, { 4, 0, 0 }, { 0, 3, 0 } };
        return Build(claims, [1, 3, 3]);
    }

    private static FinancingNetwork Build(double[,] claims, double[] equity)
    {
        var builder = FinancingNetwork.CreateBuilder();
        for (var i = 0; i < equity.Length; i++)
        {
            builder.AddEntity(new Entity($"b{i + 1}", Sector.Bank) { Capital = equity[i] });
        }

        for (var i = 0; i < equity.Length; i++)
        {
            for (var j = 0; j < equity.Length; j++)
            {
                if (claims[i, j] > 0)
                {
                    builder.AddLink($"b{i + 1}", $"b{j + 1}", LinkKind.Loan, claims[i, j]);
                }
            }
        }

        return builder.Build();
    }

    private static double[] Distress(FinancingNetwork network, CascadeShock shock, double alpha, int maxIterations = 100_000) =>
        Distress(new NonLinearDebtRank(new DebtRankOptions { Alpha = alpha, Tolerance = 1e-16, MaxIterations = maxIterations }), network, shock);

    private static double[] Distress(ICascadeModel model, FinancingNetwork network, CascadeShock shock)
    {
        model.Prepare(network).TryRun(shock, out var result);
        return [.. result.Entities.Select(e => e.Distress!.Value)];
    }

    private static CascadeShock Shock(params (string Id, double H)[] distress) => new() { Distress = [.. distress.Select(d => new EntityShock(d.Id, d.H))] };

    [TestMethod]
    [DataRow(0.0, new[] { 455.0 / 804, 45.0 / 268, 85.0 / 804, 125.0 / 804 })]
    [DataRow(1.0, new[] { 0.512184092613423, 0.08032299780909298, 0.01822634977035455, 0.06562408412090144 })]
    [DataRow(2.0, new[] { 0.5026221319472003, 0.04660144813443218, 0.00388012865697361, 0.0373870003508876 })]
    [DataRow(5.0, new[] { 0.5000276008876393, 0.010262676415449645, 4.0950741605600469e-05, 0.0082101963284454665 })]
    [DataRow(10.0, new[] { 0.50000001464806854, 8.4224352318027808e-04, 2.1825393123837505e-08, 6.7379481874239682e-04 })]
    [DataRow(double.PositiveInfinity, new[] { 0.5, 0, 0, 0 })]
    public void StableFour_HalfTheFirstBanksEquity_NoteValues(double alpha, double[] expected)
    {
        var h = Distress(StableFour(), Shock(("b1", 0.5)), alpha);

        for (var i = 0; i < 4; i++)
        {
            Assert.AreEqual(expected[i], h[i], 1e-14, $"α = {alpha}, h{i + 1}");
        }
    }

    [TestMethod]
    public void StableFour_AlphaTwo_FirstRoundsAsInTheNote()
    {
        // p(0.5) = 0.5/e; h(2) = (0.5, 0.0459849301464303, 0, 0.03678794411714424); h(3), h(4) as listed.
        var rounds = new[]
        {
            new[] { 0.5, 0, 0, 0 },
            [0.5, 0.0459849301464303, 0, 0.03678794411714424],
            [0.5025827511631724, 0.0459849301464303, 0.0038165649478192646, 0.03678794411714424],
            [0.5025827511631724, 0.046591963793539616, 0.0038165649478192646, 0.037377665758196114],
        };
        for (var t = 2; t <= 4; t++)
        {
            // The iteration limit stops the run after t − 1 rounds: the state is h(t).
            var h = Distress(StableFour(), Shock(("b1", 0.5)), 2, maxIterations: t - 1);
            for (var i = 0; i < 4; i++)
            {
                Assert.AreEqual(rounds[t - 1][i], h[i], 1e-15, $"h({t})[{i + 1}]");
            }
        }
    }

    [TestMethod]
    [DataRow(0.0, new[] { 1, 27.0 / 91, 17.0 / 91, 25.0 / 91 })]
    [DataRow(2.0, new[] { 1, 0.251069752642337, 0.02978912959557539, 0.20171160422773926 })]
    [DataRow(10.0, new[] { 1, 0.2500000006426755, 5.659144560451693e-05, 0.2000000010282808 })]
    [DataRow(1000.0, new[] { 1, 0.25, 0, 0.2 })]
    public void StableFour_FirstBankDefaults_FromLinearToFurfine(double alpha, double[] expected)
    {
        var h = Distress(StableFour(), CascadeShock.Fail("b1"), alpha);

        for (var i = 0; i < 4; i++)
        {
            Assert.AreEqual(expected[i], h[i], 1e-14, $"α = {alpha}, h{i + 1}");
        }
    }

    [TestMethod]
    [DataRow(0.0, new[] { 1.0, 1, 1 })]
    [DataRow(0.5, new[] { 1.0, 1, 1 })]
    [DataRow(1.0, new[] { 1.0, 1, 1 })]
    [DataRow(2.0, new[] { 0.2167839317987525, 0.12701607161891126, 0.05549459445030154 })]
    [DataRow(4.0, new[] { 0.2014879663206214, 0.07768283009484488, 0.03527464832932121 })]
    [DataRow(8.0, new[] { 0.20002924152556978, 0.0671099170665549, 0.0333718452009624 })]
    [DataRow(64.0, new[] { 0.2, 1.0 / 15, 1.0 / 30 })]
    public void UnstableCycle_OnePercentShock_AmplificationGivesWayAsAlphaGrows(double alpha, double[] expected)
    {
        // A 1 % fall of external assets (20, 20, 10) against equity (1, 3, 3): h(1) = (0.2, 1/15, 1/30).
        var h = Distress(UnstableCycle(), Shock(("b1", 0.2), ("b2", 1.0 / 15), ("b3", 1.0 / 30)), alpha);

        for (var i = 0; i < 3; i++)
        {
            Assert.AreEqual(expected[i], h[i], 1e-12, $"α = {alpha}, h{i + 1}");
        }
    }

    [TestMethod]
    public void Propagation_EndsFixedAndBelowIdentity()
    {
        foreach (var alpha in new[] { 0, 0.5, 2, 50, double.PositiveInfinity })
        {
            Assert.AreEqual(0, NonLinearDebtRank.Propagation(0, alpha));
            Assert.AreEqual(1, NonLinearDebtRank.Propagation(1, alpha));
        }

        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 100], Gen.Double[0, 100]).Sample((h, a, b) =>
        {
            var (low, high) = (Math.Min(a, b), Math.Max(a, b));
            Assert.IsLessThanOrEqualTo(h, NonLinearDebtRank.Propagation(h, low));
            Assert.IsLessThanOrEqualTo(NonLinearDebtRank.Propagation(h, low), NonLinearDebtRank.Propagation(h, high));
        });
        Assert.AreEqual(0.5 / Math.E, NonLinearDebtRank.Propagation(0.5, 2), 1e-17);
    }

    // Random claim networks with every capital known, and random initial distress.
    private static readonly Gen<(FinancingNetwork Network, CascadeShock Shock)> Case =
        from n in Gen.Int[2, 9]
        from capital in Gen.Double[0.5, 10].Array[n]
        from links in Gen.Select(Gen.Int[0, n - 1], Gen.Int[1, n - 1], Gen.Double[0, 6]).Array[0, 3 * n]
        from distress in Gen.Frequency((2, Gen.Const(0.0)), (1, Gen.Double[0, 1]), (1, Gen.Const(1.0))).Array[n]
        select Random(capital, links, distress);

    private static (FinancingNetwork, CascadeShock) Random(double[] capital, (int From, int Offset, double Amount)[] links, double[] distress)
    {
        var builder = FinancingNetwork.CreateBuilder();
        for (var i = 0; i < capital.Length; i++)
        {
            builder.AddEntity(new Entity($"e{i}", Sector.Bank) { Capital = capital[i] });
        }

        foreach (var (from, offset, amount) in links)
        {
            builder.AddLink($"e{from}", $"e{(from + offset) % capital.Length}", LinkKind.Loan, amount);
        }

        return (builder.Build(), new CascadeShock { Distress = [.. distress.Select((h, i) => new EntityShock($"e{i}", h)).Where(s => s.Value > 0)] });
    }

    [TestMethod]
    public void AlphaZero_IsLinearDebtRank()
    {
        Case.Sample(c =>
        {
            var options = new DebtRankOptions { Alpha = 0 };
            var linear = new LinearDebtRank(options).Run(c.Network, c.Shock);
            var nonLinear = new NonLinearDebtRank(options).Run(c.Network, c.Shock);
            for (var v = 0; v < c.Network.EntityCount; v++)
            {
                Assert.AreEqual(linear.Entities[v].Distress!.Value, nonLinear.Entities[v].Distress!.Value, 1e-9, $"entity {v}");
                Assert.AreEqual(linear.Entities[v].Failed, nonLinear.Entities[v].Failed, $"entity {v}");
            }

            Assert.AreEqual(linear.DebtRank!.Value, nonLinear.DebtRank!.Value, 1e-9);
        }, iter: 300);
    }

    [TestMethod]
    public void AlphaInfinite_IsTheFurfineCascade_AndLargeAlphaApproachesIt()
    {
        Case.Sample(c =>
        {
            var furfine = Furfine(c.Network, c.Shock);
            var infinite = Distress(new NonLinearDebtRank(new DebtRankOptions { Alpha = double.PositiveInfinity }), c.Network, c.Shock);
            var large = Distress(new NonLinearDebtRank(new DebtRankOptions { Alpha = 1e6 }), c.Network, c.Shock);
            for (var v = 0; v < furfine.Length; v++)
            {
                Assert.AreEqual(furfine[v], infinite[v], 1e-12, $"α = ∞, entity {v}");
                Assert.AreEqual(furfine[v], large[v], 1e-6, $"α = 10⁶, entity {v}");
            }
        }, iter: 300);
    }

    [TestMethod]
    public void Distress_NonIncreasingInAlpha_BetweenFurfineAndLinear()
    {
        Case.Select(Gen.Double[0, 8], Gen.Double[0, 8]).Sample((c, a, b) =>
        {
            var (low, high) = (Math.Min(a, b), Math.Max(a, b));
            var linear = Distress(new LinearDebtRank(), c.Network, c.Shock);
            var atLow = Distress(new NonLinearDebtRank(new DebtRankOptions { Alpha = low }), c.Network, c.Shock);
            var atHigh = Distress(new NonLinearDebtRank(new DebtRankOptions { Alpha = high }), c.Network, c.Shock);
            var furfine = Furfine(c.Network, c.Shock);
            for (var v = 0; v < linear.Length; v++)
            {
                Assert.IsLessThanOrEqualTo(linear[v] + 1e-9, atLow[v], $"linear ≥ α {low}, entity {v}");
                Assert.IsLessThanOrEqualTo(atLow[v] + 1e-9, atHigh[v], $"α {low} ≥ α {high}, entity {v}");
                Assert.IsLessThanOrEqualTo(atHigh[v] + 1e-9, furfine[v], $"α {high} ≥ Furfine, entity {v}");
            }
        }, iter: 300);
    }

    /// <summary>The Furfine (default-only) cascade with zero recovery, written out: h_i = min(1, h_i(1) + Σ_j Λ_ij 1[h_j = 1]).</summary>
    private static double[] Furfine(FinancingNetwork network, CascadeShock shock)
    {
        var n = network.EntityCount;
        var initial = new double[n];
        foreach (var d in shock.Distress)
        {
            initial[network.IndexOf(d.Id)] = d.Value;
        }

        var h = (double[])initial.Clone();
        bool changed;
        do
        {
            changed = false;
            var next = (double[])initial.Clone();
            foreach (var link in network.Links)
            {
                var holder = network.IndexOf(link.From);
                if (h[network.IndexOf(link.To)] >= 1)
                {
                    next[holder] += link.Amount / network.Entities[holder].Capital!.Value;
                }
            }

            for (var v = 0; v < n; v++)
            {
                next[v] = Math.Min(1, next[v]);
                changed |= next[v] != h[v];
            }

            h = next;
        }
        while (changed);
        return h;
    }
}
