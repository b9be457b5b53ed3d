using AiContagion.Cascades;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

[TestClass]
public sealed class EisenbergNoeClearingTests
{
    private const double Tolerance = 1e-6;

    public static IEnumerable<object[]> C1 => Textbook.BothEncodings("c1-eisenberg-noe.json");

    public static IEnumerable<object[]> C3 => Textbook.BothEncodings("c3-seniority.json");

    public static IEnumerable<object[]> C4 => Textbook.BothEncodings("c4-systemicrisk.json");

    // Published case C1 (siebenbrunner/NetworkValuation): p* = [270/11, 290/11, 10], b1 and b2 default,
    // equity e + Πᵀp − p̄ = [−5.454545, −2.636364, 30].
    [TestMethod]
    [DynamicData(nameof(C1))]
    public void Run_C1_ClearingVectorEquityAndDefaults(string encoding, FinancingNetwork network)
    {
        var result = new EisenbergNoeClearing().Run(network, CascadeShock.None);

        AssertVector([270.0 / 11, 290.0 / 11, 10], result.Entities.Select(e => e.Payment!.Value), encoding);
        AssertVector([-5.454545, -2.636364, 30], result.Entities.Select(e => e.Equity!.Value), encoding);
        CollectionAssert.AreEqual(new[] { true, true, false }, result.Entities.Select(e => e.Failed).ToArray(), encoding);
        Assert.AreEqual("PariPassu", result.Settings["seniority"]);
    }

    // C1 by hand: at p = p̄ = [30, 29, 10], b1 receives 5 + 10 = 15 and has 10 → 25 < 30; b2 receives 20 → 30 ≥ 29;
    // so round 1 = {b1}. Solving b1 alone gives p1 = 10 + 5 + 10 = 25 → b2 receives 20·25/30 = 16.67, 26.67 < 29:
    // round 2 = {b2}.
    [TestMethod]
    public void Run_C1_DefaultRoundsFollowTheFictitiousDefaultAlgorithm()
    {
        var result = new EisenbergNoeClearing().Run(Textbook.Load("c1-eisenberg-noe.json"), CascadeShock.None);

        Assert.AreEqual(1, result.Entity("b1").Round);
        Assert.AreEqual(2, result.Entity("b2").Round);
        Assert.IsNull(result.Entity("b3").Round);
        Assert.AreEqual(2, result.Rounds);
    }

    // Published case C3, senior external liabilities: final equity [−1, 0, 2]; b1 pays b2 3 of 4 (recovery 0.75);
    // b2 ends at exactly 0 and does not default.
    [TestMethod]
    [DynamicData(nameof(C3))]
    public void Run_C3Senior_EquityAndRecovery(string encoding, FinancingNetwork network)
    {
        var model = new EisenbergNoeClearing(new ClearingOptions { Seniority = ExternalLiabilitySeniority.Senior });
        var result = model.Run(network, CascadeShock.ExternalAssetsLostByAll(network, 0.1));

        AssertVector([-1, 0, 2], result.Entities.Select(e => e.Equity!.Value), encoding);
        Assert.AreEqual(3.0, result.Entity("b1").NetworkPayment!.Value, Tolerance, encoding);
        Assert.AreEqual(20.0, result.Entity("b1").Payment!.Value, Tolerance, "17 to external creditors, then 3");
        CollectionAssert.AreEqual(new[] { true, false, false }, result.Entities.Select(e => e.Failed).ToArray(), encoding);
        Assert.AreEqual("Senior", result.Settings["seniority"]);
    }

    // Published case C3, pari passu: final equity [−1, 0.809524, 2]; b1's recovery 20/21.
    [TestMethod]
    [DynamicData(nameof(C3))]
    public void Run_C3PariPassu_EquityAndRecovery(string encoding, FinancingNetwork network)
    {
        var result = new EisenbergNoeClearing().Run(network, CascadeShock.ExternalAssetsLostByAll(network, 0.1));

        AssertVector([-1, 0.809524, 2], result.Entities.Select(e => e.Equity!.Value), encoding);
        Assert.AreEqual(20.0 / 21, result.Entity("b1").Payment!.Value / 21, Tolerance, encoding);
        Assert.AreEqual(4 * 20.0 / 21, result.Entity("b1").NetworkPayment!.Value, Tolerance, encoding);
    }

    // Published case C4 (systemicrisk): clearing vector [165/112, 159/112, 1.5], defaults (1, 1, 0).
    [TestMethod]
    [DynamicData(nameof(C4))]
    public void Run_C4_ClearingVector(string encoding, FinancingNetwork network)
    {
        var result = new EisenbergNoeClearing().Run(network, CascadeShock.None);

        AssertVector([165.0 / 112, 159.0 / 112, 1.5], result.Entities.Select(e => e.Payment!.Value), encoding);
        CollectionAssert.AreEqual(new[] { true, true, false }, result.Entities.Select(e => e.Failed).ToArray(), encoding);
    }

    // A failure shock: b3 of C1 pays nothing. By hand: b1 then has 10 + 5·p2/29 and owes 30; b2 has 10 + 20·p1/30
    // and owes 29. Both default: p1 = 10 + 5p2/29, p2 = 10 + 2p1/3 → p1 = (10 + 50/29) / (1 − 10/87) = 1020/77.
    [TestMethod]
    public void Run_FailureShock_FailedEntityPaysNothing()
    {
        var result = new EisenbergNoeClearing().Run(Textbook.Load("c1-eisenberg-noe.json"), CascadeShock.Fail("b3"));

        Assert.AreEqual(0.0, result.Entity("b3").Payment!.Value);
        Assert.AreEqual(0, result.Entity("b3").Round);
        Assert.AreEqual(1020.0 / 77, result.Entity("b1").Payment!.Value, 1e-9);
        Assert.AreEqual(10 + (2 * 1020.0 / 77 / 3), result.Entity("b2").Payment!.Value, 1e-9);
    }

    // Links down by docs/concepts.md#a-link-is-down: a defaulter's outgoing links (PayerFailed) and the claim links into it
    // (RecipientFailed). In the Loan encoding of C1 every link touches b1 or b2, so all five are down.
    [TestMethod]
    public void Run_C1_LinksOfDefaultersAreDown()
    {
        var network = Textbook.Load("c1-eisenberg-noe.json");
        var result = new EisenbergNoeClearing().Run(network, CascadeShock.None);

        Assert.AreEqual(5, result.LinksDown);
        Assert.AreEqual(network.TotalAmount, result.AmountDown, 1e-12);
        var b3ToB1 = network.Links.IndexOf(network.Links.Single(l => l.From == "b3" && l.To == "b1"));
        Assert.AreEqual(LinkDownCause.RecipientFailed, result.Links[b3ToB1].Cause, "b3 lent to b1, which defaulted in round 1");
        Assert.AreEqual(1, result.Links[b3ToB1].Round);
    }

    // Withdrawal in a clearing model: the withdrawn entity stops paying along its outgoing links, so the
    // commercial obligations it owes on them shrink. Supplier s is owed 10 by customer c (Services c → s); s owes
    // its bank 9 (Loan bank → s) and has nothing else. c withdrawing half → s receives 5 < 9, defaults, pays 5.
    [TestMethod]
    public void Run_PartialWithdrawal_ShrinksTheWithdrawnEntitysCommercialObligations()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("c", Sector.AppStartup) { ExternalAssets = 20 })
            .AddEntity("s", Sector.ModelLab)
            .AddEntity("bank", Sector.Bank)
            .AddLink("c", "s", LinkKind.Services, 10)
            .AddLink("bank", "s", LinkKind.Loan, 9)
            .Build();

        var calm = new EisenbergNoeClearing().Run(network, CascadeShock.None);
        var result = new EisenbergNoeClearing().Run(network, CascadeShock.Withdraw(0.5, "c"));

        Assert.AreEqual(0, calm.EntitiesFailed);
        Assert.IsTrue(result.IsFailed("s"));
        Assert.AreEqual(5.0, result.Entity("s").Payment!.Value, 1e-12);
        Assert.AreEqual(5.0, result.Entity("c").Payment!.Value, 1e-12);
        Assert.AreEqual(LinkDownCause.Withdrawn, result.Links[0].Cause);
        Assert.AreEqual(5.0, result.Links[0].AmountDown, 1e-12);
    }

    [TestMethod]
    public void Run_DistressShock_IsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => new EisenbergNoeClearing().Run(
            Textbook.Load("c1-eisenberg-noe.json"), new CascadeShock { Distress = [new EntityShock("b1", 0.5)] }));

    // Equity and SPV links carry no obligation: a network of equity links alone clears at zero and nobody defaults.
    [TestMethod]
    public void Run_EquityLinksOnly_NoObligationsNoDefaults()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity("vc", Sector.VentureCapital)
            .AddEntity("lab", Sector.ModelLab)
            .AddLink("vc", "lab", LinkKind.Equity, 100)
            .AddLink("vc", "lab", LinkKind.SpvContribution, 50)
            .Build();

        var result = new EisenbergNoeClearing().Run(network, CascadeShock.None);

        Assert.AreEqual(0, result.EntitiesFailed);
        Assert.AreEqual(0, result.LinksDown);
        Assert.IsTrue(result.Entities.All(e => e.Payment == 0));
    }

    // The Gauss–Seidel path (used above DenseSolveLimit unknowns) gives the same C1 and C4 answers as dense LU.
    [TestMethod]
    [DataRow("c1-eisenberg-noe.json")]
    [DataRow("c4-systemicrisk.json")]
    public void Run_IterativeSolve_MatchesDenseSolve(string file)
    {
        var network = Textbook.Load(file);
        var dense = new EisenbergNoeClearing().Run(network, CascadeShock.None);
        var iterative = new EisenbergNoeClearing(new ClearingOptions { DenseSolveLimit = 0 }).Run(network, CascadeShock.None);

        AssertVector([.. dense.Entities.Select(e => e.Payment!.Value)], iterative.Entities.Select(e => e.Payment!.Value), file, 1e-12);
        CollectionAssert.AreEqual(dense.Entities.Select(e => e.Round).ToArray(), iterative.Entities.Select(e => e.Round).ToArray());
    }

    // Both solve paths build the defaulters' system as a compact CSR over creditor rows: on random networks and shocks
    // they agree, and the payments are a fixed point of p_i = min(p̄_i, max(0, e_i + Σ_j Π_ji p_j)) (no shock, pari
    // passu; obligations derived here from docs/concepts.md#links independently of the engine).
    [TestMethod]
    public void Run_RandomNetworks_IterativeMatchesDenseAndIsAFixedPoint() =>
        CascadeGen.WithSubsets.Sample(t =>
        {
            var (network, pick, _) = t;
            var shock = CascadeShock.Fail(network.Entities.Where((_, i) => pick[i] && i % 3 == 0).Select(e => e.Id));
            var dense = new EisenbergNoeClearing().Run(network, shock);
            var iterative = new EisenbergNoeClearing(new ClearingOptions { DenseSolveLimit = 0 }).Run(network, shock);
            AssertVector([.. dense.Entities.Select(e => e.Payment!.Value)], iterative.Entities.Select(e => e.Payment!.Value), "dense vs iterative", 1e-9);
            CollectionAssert.AreEqual(dense.FailedEntityIndices.ToArray(), iterative.FailedEntityIndices.ToArray());

            var clear = new EisenbergNoeClearing().Run(network, CascadeShock.None);
            var n = network.EntityCount;
            var owed = new double[n];
            foreach (var link in network.Links)
            {
                if (link.Debtor is { } debtor)
                {
                    owed[network.IndexOf(debtor)] += link.Amount;
                }
            }

            var p = clear.Entities.Select(e => e.Payment!.Value).ToArray();
            var pbar = new double[n];
            var inflow = new double[n];
            for (var i = 0; i < n; i++)
            {
                pbar[i] = owed[i] + (network.Entities[i].ExternalLiabilities ?? 0);
            }

            foreach (var link in network.Links)
            {
                if (link.Debtor is { } debtor && link.Creditor is { } creditor)
                {
                    var j = network.IndexOf(debtor);
                    inflow[network.IndexOf(creditor)] += pbar[j] > 0 ? link.Amount / pbar[j] * p[j] : 0;
                }
            }

            for (var i = 0; i < n; i++)
            {
                var expected = Math.Min(pbar[i], Math.Max(0, (network.Entities[i].ExternalAssets ?? 0) + inflow[i]));
                Assert.AreEqual(expected, p[i], 1e-9 * Math.Max(1, pbar[i]), $"entity {i}");
            }
        }, iter: 300);

    internal static void AssertVector(double[] expected, IEnumerable<double> actual, string message, double tolerance = Tolerance)
    {
        var values = actual.ToArray();
        Assert.HasCount(expected.Length, values, message);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], values[i], tolerance, $"{message}: component {i}");
        }
    }
}
