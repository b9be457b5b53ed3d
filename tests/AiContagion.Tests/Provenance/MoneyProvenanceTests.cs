using AiContagion.Model;
using AiContagion.Provenance;
using AiContagion.Tests.Centrality;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Provenance;

[TestClass]
public sealed class MoneyProvenanceTests
{
    [TestMethod]
    public void Trace_ToyChain_HandDerivedShares()
    {
        // graphs/toy-chain.json. app-startup: inflow vc 2 + revenue 0.5 = 2.5 → vc 0.8, revenue:app-startup 0.2.
        // model-lab: vc 10 + bank 2 + app-startup 1.5 + revenue 3 = 16.5 →
        //   vc (10 + 1.5·0.8)/16.5 = 11.2/16.5, bank 2/16.5, revenue:model-lab 3/16.5, revenue:app-startup 0.3/16.5.
        var result = MoneyProvenance.Trace(Networks.ToyChain());

        var app = result["app-startup"];
        Assert.AreEqual(0.8, app.ShareOf("vc-fund"), 1e-15);
        Assert.AreEqual(0.2, app.ShareOf("revenue:app-startup"), 1e-15);
        var lab = result["model-lab"];
        Assert.AreEqual(16.5, lab.Inflow, 1e-12);
        Assert.AreEqual(11.2 / 16.5, lab.ShareOf("vc-fund"), 1e-15);
        Assert.AreEqual(2 / 16.5, lab.ShareOf("bank"), 1e-15);
        Assert.AreEqual(3 / 16.5, lab.ShareOf("revenue:model-lab"), 1e-15);
        Assert.AreEqual(0.3 / 16.5, lab.ShareOf("revenue:app-startup"), 1e-15);
        Assert.AreEqual("vc-fund", lab.Origins[0].Origin);
        Assert.AreEqual(11.2, lab.Origins[0].Amount, 1e-12);
        Assert.IsFalse(result["vc-fund"].HasInflow);
        Assert.IsEmpty(result["vc-fund"].Origins);
        Assert.AreEqual(OriginKind.FundingSource, result["vc-fund"].ActsAsOrigin);
    }

    [TestMethod]
    public void Trace_ToyChainLoop_SolvesNeocloudAndChipmakerTogether()
    {
        // neocloud and chipmaker pay each other (a loop). Hand derivation with n = neocloud, c = chipmaker mixes:
        // I_n = 8 + 3 + 9 + 1 = 21, I_c = 12 + 60 = 72;
        // y_n = (8 δ_bank + 3 y_c + 9 y_lab + 1 δ_rev:n) / 21,  y_c = (12 y_n + 60 δ_rev:c) / 72.
        // Revenue of the chipmaker, r = share of rev:c in y_n: r = 3/21 · (12/72 · r + 60/72) = r/42 + 5/42, so r = 5/41.
        var result = MoneyProvenance.Trace(Networks.ToyChain());

        Assert.AreEqual(5.0 / 41, result["neocloud"].ShareOf("revenue:chipmaker"), 1e-14);
        Assert.AreEqual((12.0 / 72 * 5 / 41) + (60.0 / 72), result["chipmaker"].ShareOf("revenue:chipmaker"), 1e-14);
        Assert.AreEqual(1, result.Loops);
        Assert.AreEqual(2, result.LargestLoop);
    }

    [TestMethod]
    [DynamicData(nameof(PeerCases.Names), typeof(PeerCases))]
    public void Trace_PeerGraphs_MatchIndependentDenseSolve(string name)
    {
        // tests/peers/structure_expected.py solves the same absorbing chain as one dense numpy system.
        var peer = PeerCases.Get(name);

        var result = MoneyProvenance.Trace(peer.Network);

        foreach (var entity in peer.Element("provenance", "shares").EnumerateObject())
        {
            var id = PeerCase.Id(int.Parse(entity.Name, System.Globalization.CultureInfo.InvariantCulture));
            var traced = result[id];
            var expected = entity.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            Assert.AreEqual(expected.Count == 0, !traced.HasInflow, id);
            foreach (var (origin, share) in expected)
            {
                Assert.AreEqual(share, traced.ShareOf(origin), 1e-12, $"{id} from {origin}");
            }

            Assert.AreEqual(expected.Count, traced.Origins.Count(o => o.Share > 1e-13), $"{id}: origin count");
        }

        foreach (var untraced in peer.Element("provenance", "untraced").EnumerateArray())
        {
            Assert.AreEqual(OriginKind.Untraced, result[PeerCase.Id(untraced.GetInt32())].ActsAsOrigin);
        }
    }

    [TestMethod]
    public void Trace_ClosedLoop_MembersBecomeUntracedOrigins()
    {
        // a and b only pay each other (no revenue, no outside payer); b also pays c. The loop's money has no origin
        // beyond itself: a's inflow is 100 % from b, b's 100 % from a, c's 100 % from b.
        var network = PageRankTests.Chain(("a", "b", 5), ("b", "a", 5), ("b", "c", 2));

        var result = MoneyProvenance.Trace(network);

        Assert.AreEqual(1, result["a"].ShareOf("b"));
        Assert.AreEqual(1, result["b"].ShareOf("a"));
        Assert.AreEqual(1, result["c"].ShareOf("b"));
        Assert.AreEqual(OriginKind.Untraced, result["c"].Origins[0].Kind);
        Assert.AreEqual(OriginKind.Untraced, result["a"].ActsAsOrigin);
        Assert.IsNull(result["c"].ActsAsOrigin);
    }

    [TestMethod]
    public void Trace_PayerWithoutInflow_IsUntracedOrigin()
    {
        // x receives nothing and pays y: the money y gets is attributed to x.
        var network = PageRankTests.Chain(("x", "y", 4));

        var result = MoneyProvenance.Trace(network);

        Assert.IsFalse(result["x"].HasInflow);
        Assert.AreEqual(OriginKind.Untraced, result["x"].ActsAsOrigin);
        Assert.AreEqual(new OriginShare("x", OriginKind.Untraced, "x", 1, 4), result["y"].Origins.Single());
    }

    [TestMethod]
    public void Trace_LoopTooLargeToTraceWhole_ClearErrorNamingTheTargetedTrace_TargetStillTraced()
    {
        // A ring of 8,000 labs, each with revenue, funded by one VC: the whole trace would need 8,000 × 8,001 shares
        // (above the 5·10⁷ it holds at once) and stops with a message naming the way out; the targeted trace works.
        const int k = 8000;
        var builder = FinancingNetwork.CreateBuilder().AddEntity(new Entity("vc", Sector.VentureCapital));
        for (var i = 0; i < k; i++)
        {
            builder.AddEntity(new Entity($"lab{i}", Sector.ModelLab) { Revenue = 1 });
        }

        builder.AddLink(new Link("vc", "lab0", LinkKind.Equity, 5));
        for (var i = 0; i < k; i++)
        {
            builder.AddLink(new Link($"lab{i}", $"lab{(i + 1) % k}", LinkKind.Services, 1));
        }

        var network = builder.Build();

        var error = Assert.Throws<ProvenanceSolveException>(() => MoneyProvenance.Trace(network));
        StringAssert.Contains(error.Message, "8,000 entities");
        StringAssert.Contains(error.Message, "Targets");
        var one = MoneyProvenance.Trace(network, new ProvenanceOptions { Targets = ["lab0"] });
        Assert.AreEqual(1.0, one["lab0"].Origins.Sum(o => o.Share), 1e-9);
        Assert.IsGreaterThan(0.0, one["lab0"].ShareOf("vc"));
    }

    [TestMethod]
    public void Trace_FundingSourceReceivingMoney_TracesItsOwnReceiptsButPassesItsOwnMoney()
    {
        // bank (funding source) receives 2 from lab (revenue 10) and pays lab 8: bank's receipts come from the lab's
        // mix; the lab's receipts from bank originate with bank. lab: I = 8 + 10 → bank 8/18, revenue:lab 10/18.
        var builder = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("bank", Sector.Bank))
            .AddEntity(new Entity("lab", Sector.ModelLab) { Revenue = 10 });
        builder.AddLink(new Link("bank", "lab", LinkKind.Loan, 8)).AddLink(new Link("lab", "bank", LinkKind.Services, 2));

        var result = MoneyProvenance.Trace(builder.Build());

        Assert.AreEqual(8.0 / 18, result["lab"].ShareOf("bank"), 1e-15);
        Assert.AreEqual(8.0 / 18, result["bank"].ShareOf("bank"), 1e-15);
        Assert.AreEqual(10.0 / 18, result["bank"].ShareOf("revenue:lab"), 1e-15);
        Assert.AreEqual(8.0 / 18, result["bank"].ShareOf(OriginKind.FundingSource), 1e-15);
    }

    [TestMethod]
    public void Trace_RandomNetworks_SharesNonNegativeAndSumToOne() =>
        Gen.Select(Gen.Int[2, 40], Gen.Int[0, 150], Gen.Int).Sample((n, m, seed) =>
        {
            var network = Networks.Random(n, m, seed);

            var result = MoneyProvenance.Trace(network);

            Assert.HasCount(n, result.Entities);
            foreach (var entity in result.Entities)
            {
                Assert.IsTrue(entity.Origins.All(o => o.Share > 0 && o.Share <= 1 + 1e-12), entity.Id);
                if (entity.HasInflow)
                {
                    Assert.AreEqual(1, entity.Origins.Sum(o => o.Share), 1e-12, entity.Id);
                    Assert.AreEqual(entity.Inflow, entity.Origins.Sum(o => o.Amount), 1e-9 * Math.Max(1, entity.Inflow), entity.Id);
                }
                else
                {
                    Assert.IsEmpty(entity.Origins, entity.Id);
                }
            }
        }, iter: 120);

    [TestMethod]
    public void Trace_SparseLoopSolve_AgreesWithDense() =>
        Gen.Select(Gen.Int[5, 60], Gen.Int).Sample((n, seed) =>
        {
            // 4 links per entity: large loops; DenseLoopLimit = 0 forces MathNet's BiCGStab + ILU(0).
            var network = Networks.Random(n, 4 * n, seed);

            var dense = MoneyProvenance.Trace(network);
            var sparse = MoneyProvenance.Trace(network, new ProvenanceOptions { DenseLoopLimit = 0 });

            foreach (var entity in dense.Entities)
            {
                var other = sparse[entity.Id];
                foreach (var origin in entity.Origins)
                {
                    Assert.AreEqual(origin.Share, other.ShareOf(origin.Origin), 1e-10, $"{entity.Id} from {origin.Origin}");
                }

                Assert.AreEqual(entity.HasInflow ? 1 : 0, other.Origins.Sum(o => o.Share), 1e-10);
            }
        }, iter: 40);

    [TestMethod]
    public void Trace_Targets_SameRowsAsFullTrace()
    {
        var network = Networks.Random(80, 300, 12);
        var full = MoneyProvenance.Trace(network);
        var targets = new[] { "e3", "e40", "e77" };

        var partial = MoneyProvenance.Trace(network, new ProvenanceOptions { Targets = targets });

        CollectionAssert.AreEqual(targets, partial.Entities.Select(e => e.Id).ToArray());
        foreach (var id in targets)
        {
            CollectionAssert.AreEqual(full[id].Origins.ToArray(), partial[id].Origins.ToArray(), id);
        }
    }

    [TestMethod]
    public void Trace_TargetsBehindLargeLoop_BackwardSolveAgreesWithFullTrace() =>
        Gen.Select(Gen.Int[5, 60], Gen.Int).Sample((n, seed) =>
        {
            // DenseLoopLimit = 0 makes every loop "large", so targets take the backward (adjoint) solve; the full trace
            // (dense LU per loop) is the reference. Shares agree to rounding, and the same origins appear.
            // The reference traces the same targets (so counts the same loops: those upstream of a target).
            var network = Networks.Random(n, 4 * n, seed);
            var targets = network.Entities.Where((_, i) => i % 3 == 0).Select(e => e.Id).ToArray();
            var full = MoneyProvenance.Trace(network, new ProvenanceOptions { Targets = targets });

            var backward = MoneyProvenance.Trace(network, new ProvenanceOptions { Targets = targets, DenseLoopLimit = 0 });

            Assert.AreEqual(full.Loops, backward.Loops);
            Assert.AreEqual(full.LargestLoop, backward.LargestLoop);
            foreach (var id in targets)
            {
                var expected = full[id];
                var actual = backward[id];
                Assert.AreEqual(expected.ActsAsOrigin, actual.ActsAsOrigin, id);
                foreach (var origin in expected.Origins.Where(o => o.Share > 1e-12))
                {
                    Assert.AreEqual(origin.Share, actual.ShareOf(origin.Origin), 1e-12, $"{id} from {origin.Origin}");
                }

                Assert.AreEqual(expected.HasInflow ? 1 : 0, actual.Origins.Sum(o => o.Share), 1e-12, id);
            }
        }, iter: 60);

    [TestMethod]
    public void Trace_BadOptions_Throw()
    {
        Assert.ThrowsExactly<KeyNotFoundException>(() => MoneyProvenance.Trace(Networks.ToyChain(), new ProvenanceOptions { Targets = ["nope"] }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MoneyProvenance.Trace(Networks.ToyChain(), new ProvenanceOptions { DenseLoopLimit = -1 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MoneyProvenance.Trace(Networks.ToyChain(), new ProvenanceOptions { SolverTolerance = 0 }));
    }
}
