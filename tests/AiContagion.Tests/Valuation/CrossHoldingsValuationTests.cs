using AiContagion.Model;
using AiContagion.Valuation;

namespace AiContagion.Tests.Valuation;

[TestClass]
public sealed class CrossHoldingsValuationTests
{
    private const double Exact = 1e-12;

    // V1, Suzuki (2002) / Fischer (2014) as FinNetValu replicates it (test/models/test_xos.jl, examples/replications.jmd):
    // all four firms solvent, debt paid at par 0.8. Equity re-derived exactly (research note §4.2, sympy):
    // s = (I − Mˢ)⁻¹ (a + Mᵈ d − d) = (13747/10335, 734/10335, 29/265, 107/3445); V = s + d.
    [TestMethod]
    public void Value_Suzuki_EquityValueAndDebtToTheExactFractions()
    {
        var result = new CrossHoldingsValuation(ValuationCases.Suzuki()).Value();

        double[] equity = [13747.0 / 10335, 734.0 / 10335, 29.0 / 265, 107.0 / 3445];
        for (var i = 0; i < 4; i++)
        {
            var row = result.Entities[i];
            Assert.AreEqual(equity[i], row.Equity, Exact, row.Id);
            Assert.AreEqual(equity[i], row.NetWorth, Exact, row.Id);
            Assert.AreEqual(equity[i] + 0.8, row.Value, Exact, row.Id);
            Assert.AreEqual(0.8, row.DebtPaid, Exact, row.Id);
            Assert.AreEqual(0.8, row.DebtOwed, Exact, row.Id);
            Assert.IsFalse(row.Defaulted, row.Id);
        }

        Assert.AreEqual(0, result.DefaultedCount);
        CollectionAssert.AreEqual(new[] { "debt" }, result.Layers.ToArray());
        Assert.IsTrue(result.Convergence.Exact, result.Convergence.ToString());
        Assert.IsLessThanOrEqualTo(1e-14, result.Convergence.Residual);
    }

    // The same equities as a replication prints them, to 4 decimals (1.3301, 0.0710, 0.1094, 0.0311: the fixed point is
    // unique, column sums of Mˢ ≤ 0.6, so any correct replication prints these).
    [TestMethod]
    public void Value_Suzuki_EquityToFourDecimals()
    {
        var result = new CrossHoldingsValuation(ValuationCases.Suzuki()).Value();

        CollectionAssert.AreEqual(new[] { 1.3301, 0.0710, 0.1094, 0.0311 }, result.Entities.Select(e => Math.Round(e.Equity, 4)).ToArray());
    }

    // FinNetValu's test asserts the first Picard step from zero, valuation(net, zeros(8), a) == [1.2, 0, 0, 0 | 0.8, 0.5,
    // 0.6, 0.6] as [s; r]: from V = 0, Φ(0) = a (no one pays, no equity), so s = max(0, a − d), r = min(d, a).
    [TestMethod]
    public void Map_SuzukiFromZero_IsFinNetValusFirstPicardStep()
    {
        var model = new CrossHoldingsValuation(ValuationCases.Suzuki());
        var zero = new double[4];
        var a = model.Engine.ExternalAssets;

        var v = Enumerable.Range(0, 4).Select(i => model.Engine.Map(i, zero, a)).ToArray();

        CollectionAssert.AreEqual(new[] { 1.2, 0, 0, 0 }, v.Select(x => Math.Round(Math.Max(0, x - 0.8), 12)).ToArray());
        CollectionAssert.AreEqual(new[] { 0.8, 0.5, 0.6, 0.6 }, v.Select(x => Math.Round(Math.Min(0.8, x), 12)).ToArray());
    }

    // V2, Elsinger (2009) two-layer example, NetworkValuation's Algorithms/Elsinger 2009/Example.pdf: calcPayments prints
    // Equity [-20; -2.3333; 60], Defaulted [1; 1; 0]. By hand (research note §5.3): bank 3 pays in full; bank 1 has
    // 5 + 10 + 10 = 25 < 30 senior, pays 25 pro rata and nothing junior; bank 2 has 50 + 50/3, pays 45 senior and 65/3 of
    // its 24 junior; bank 3 has 10 + 25/3 + 40 + 65/3 = 80. The cross-held equities are worthless.
    [TestMethod]
    public void Value_Elsinger_NetWorthDefaultsAndLayerPayments()
    {
        var result = new CrossHoldingsValuation(ValuationCases.Elsinger()).Value();

        AssertVector([-20, -7.0 / 3, 60], result.Entities.Select(e => e.NetWorth));
        CollectionAssert.AreEqual(new[] { -20, -2.3333, 60 }, result.Entities.Select(e => Math.Round(e.NetWorth, 4)).ToArray(), "the printed digits");
        CollectionAssert.AreEqual(new[] { true, true, false }, result.Entities.Select(e => e.Defaulted).ToArray());
        AssertVector([25, 200.0 / 3, 80], result.Entities.Select(e => e.Value));
        AssertVector([0, 0, 60], result.Entities.Select(e => e.Equity));
        CollectionAssert.AreEqual(new[] { "senior", "junior" }, result.Layers.ToArray());
        AssertVector([25, 0], result.Entity("b1").PaidByLayer);
        AssertVector([45, 65.0 / 3], result.Entity("b2").PaidByLayer);
        AssertVector([10, 10], result.Entity("b3").PaidByLayer);
        Assert.AreEqual(2, result.DefaultedCount);
    }

    // V3: the Elsinger network with other external assets, where the stakes bite (research note §5.3, derived, not
    // published). (30, 50, 10): everyone pays; bank 2's net worth 2 = 50 + 20 + 10 % of bank 1's 10 − 69 + 1... i.e.
    // V2 = 50 + 20 + 0.1 × 10 = 71; bank 3 = 10 + 25 + 64 + 0.15 × 2 = 99.3 (79.3 net; NetworkValuation's one-pass
    // equity prints 79.15, the fixed point is 79.3).
    [TestMethod]
    [DataRow(30, 50, 10, new double[] { 55, 71, 99.3 }, new double[] { 10, 2, 79.3 }, new[] { false, false, false })]
    [DataRow(0, 70, 10, new double[] { 25, 86.666666666667, 84.983333333333 }, new double[] { -20, 17.666666666667, 64.983333333333 }, new[] { true, false, false })]
    [DataRow(20, 60, 10, new double[] { 45, 80, 100.65 }, new double[] { 0, 11, 80.65 }, new[] { false, false, false })]
    public void Value_ElsingerVariants_StakesBite(double e1, double e2, double e3, double[] value, double[] netWorth, bool[] defaulted)
    {
        var network = ValuationCases.WithExternalAssets(ValuationCases.Elsinger(), e1, e2, e3);

        var result = new CrossHoldingsValuation(network).Value();

        AssertVector(value, result.Entities.Select(e => e.Value), 1e-9);
        AssertVector(netWorth, result.Entities.Select(e => e.NetWorth), 1e-9);
        CollectionAssert.AreEqual(defaulted, result.Entities.Select(e => e.Defaulted).ToArray());
    }

    // Published case C1 (Eisenberg–Noe): p* = (270/11, 290/11, 10), V = (270/11, 290/11, 40), net worth (−60/11, −29/11,
    // 30). No stakes and one layer, so the default options and the Eisenberg–Noe options agree.
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Value_C1_IsTheEisenbergNoeClearingVector(bool eisenbergNoe)
    {
        var model = new CrossHoldingsValuation(ValuationCases.C1(), eisenbergNoe ? ValuationOptions.EisenbergNoe : null);

        var result = model.Value();

        AssertVector([270.0 / 11, 290.0 / 11, 10], result.Entities.Select(e => e.DebtPaid));
        AssertVector([270.0 / 11, 290.0 / 11, 40], result.Entities.Select(e => e.Value));
        AssertVector([-60.0 / 11, -29.0 / 11, 30], result.Entities.Select(e => e.NetWorth));
        CollectionAssert.AreEqual(new[] { true, true, false }, result.Entities.Select(e => e.Defaulted).ToArray());
    }

    // Published case C4 (systemicrisk's default_clearing help page): EN clearing vector (165/112, 159/112, 1.5) =
    // (1.473214, 1.419643, 1.5), defaults (1, 1, 0); external liabilities pari passu.
    [TestMethod]
    public void Value_C4_IsTheSystemicriskClearingVector()
    {
        var result = new CrossHoldingsValuation(ValuationCases.C4(), ValuationOptions.EisenbergNoe).Value();

        AssertVector([165.0 / 112, 159.0 / 112, 1.5], result.Entities.Select(e => e.DebtPaid));
        CollectionAssert.AreEqual(new[] { true, true, false }, result.Entities.Select(e => e.Defaulted).ToArray());
    }

    // Hand case: a has external assets 10 and owes its bank b 8 (senior loan) and outside creditors 6 (D = 14, V = 10).
    // Pari passu with senior: b gets 8 × 10/14 = 40/7. External first: 10 − 6 = 4 for b. External with junior: b's senior
    // loan is paid in full, 8, the outside creditors get the remaining 2.
    [TestMethod]
    [DataRow(ExternalLiabilityRank.WithSenior, 40.0 / 7, new[] { "debt" })]
    [DataRow(ExternalLiabilityRank.First, 4.0, new[] { "external", "debt" })]
    [DataRow(ExternalLiabilityRank.WithJunior, 8.0, new[] { "senior", "junior" })]
    public void Value_ExternalLiabilityRank_DecidesWhatTheBankGets(ExternalLiabilityRank rank, double bankGets, string[] layers)
    {
        var network = ValuationCases.Build([("a", 10, 6), ("b", 0, 0)], new Link("b", "a", LinkKind.Loan, 8));

        var result = new CrossHoldingsValuation(network, new ValuationOptions { ExternalLiabilities = rank }).Value();

        Assert.AreEqual(bankGets, result.Entity("b").Value, Exact);
        Assert.AreEqual(10, result.Entity("a").DebtPaid, Exact);
        Assert.AreEqual(-4, result.Entity("a").NetWorth, Exact);
        CollectionAssert.AreEqual(layers, result.Layers.ToArray());
    }

    // Hand case, seniority: a (assets 10) owes b 6 senior and c 6 junior: b gets 6, c the remaining 4. Without layers
    // the two loans share pro rata: 5 each. The junior layer comes after the external one when the rank says WithJunior.
    [TestMethod]
    public void Value_JuniorDebt_PaidAfterSenior()
    {
        var network = ValuationCases.Build(
            [("a", 10, 0), ("b", 0, 0), ("c", 0, 0)],
            new Link("b", "a", LinkKind.Loan, 6),
            new Link("c", "a", LinkKind.Bond, 6) { Seniority = DebtSeniority.Junior });

        var layered = new CrossHoldingsValuation(network).Value();
        var flat = new CrossHoldingsValuation(network, new ValuationOptions { SeniorityLayers = false }).Value();

        Assert.AreEqual(6, layered.Entity("b").Value, Exact);
        Assert.AreEqual(4, layered.Entity("c").Value, Exact);
        AssertVector([6, 4], layered.Entity("a").PaidByLayer);
        Assert.AreEqual(5, flat.Entity("b").Value, Exact);
        Assert.AreEqual(5, flat.Entity("c").Value, Exact);
    }

    // Hand case, stakes: h holds 50 % of k (assets 20, owes outside 12: equity 8) → h's value 3 + 4 = 7. With k's
    // assets halved (shock 0.5: 10 < 12), k defaults, its equity is worth nothing, h is left with 3. A commercial
    // obligation (h buys 2 of services from k) adds 2 to k's value and is owed by h.
    [TestMethod]
    public void Value_Stake_WorthShareOfEquityAndNothingInDefault()
    {
        var network = ValuationCases.Build(
            [("h", 3, 0), ("k", 20, 12)],
            new Link("h", "k", LinkKind.Equity, 5) { Share = 0.5 });
        var model = new CrossHoldingsValuation(network);

        Assert.AreEqual(7, model.Value().Entity("h").Value, Exact);
        Assert.AreEqual(3, model.Value(new Dictionary<string, double> { ["k"] = 0.5 }).Entity("h").Value, Exact);
        Assert.AreEqual(1, model.StakeCount);
        Assert.AreEqual(0, model.EquityLinksWithoutShare);

        var withServices = ValuationCases.Build(
            [("h", 3, 0), ("k", 20, 12)],
            new Link("h", "k", LinkKind.Equity, 5) { Share = 0.5 },
            new Link("h", "k", LinkKind.Services, 2));
        var result = new CrossHoldingsValuation(withServices).Value();
        Assert.AreEqual(22, result.Entity("k").Value, Exact);
        Assert.AreEqual(3 + 5 - 2, result.Entity("h").NetWorth, Exact);
    }

    // An Equity link without a share, and an SPV contribution, carry no stake; IncludeStakes = false ignores shares.
    [TestMethod]
    public void Value_EquityWithoutShare_NoStake()
    {
        var network = ValuationCases.Build(
            [("h", 3, 0), ("k", 20, 12)],
            new Link("h", "k", LinkKind.Equity, 5),
            new Link("h", "k", LinkKind.SpvContribution, 5),
            new Link("k", "h", LinkKind.Equity, 1) { Share = 0.25 });

        var model = new CrossHoldingsValuation(network);
        var ignoring = new CrossHoldingsValuation(network, new ValuationOptions { IncludeStakes = false });

        Assert.AreEqual(3, model.Value().Entity("h").Value, Exact);
        Assert.AreEqual(20 + 0.75, model.Value().Entity("k").Value, Exact);
        Assert.AreEqual(1, model.StakeCount);
        Assert.AreEqual(1, model.EquityLinksWithoutShare);
        Assert.AreEqual(20, ignoring.Value().Entity("k").Value, Exact);
        Assert.AreEqual(0, ignoring.StakeCount);
    }

    // The greatest fixed point, not another: a and b owe each other 10 and own nothing else. Every t in [0, 10] with
    // p_a = p_b = t is a fixed point; the greatest is 10 (both pay in full, net worth exactly 0, not defaulted).
    [TestMethod]
    public void Value_MutualDebtWithoutAssets_GreatestFixedPoint()
    {
        var network = ValuationCases.Build([("a", 0, 0), ("b", 0, 0)], new Link("a", "b", LinkKind.Loan, 10), new Link("b", "a", LinkKind.Loan, 10));

        var result = new CrossHoldingsValuation(network).Value();

        AssertVector([10, 10], result.Entities.Select(e => e.DebtPaid));
        Assert.AreEqual(0, result.DefaultedCount);
    }

    // A closed junior loop that loses value every round: a (assets 1 − 1e-7, owes outside creditors 1, senior) and b
    // (no assets) owe each other 10, junior. From above, each round a passes on 1e-7 less than it got: plain iteration
    // would fall by 1e-7 a sweep, 10^8 sweeps to the fixed point. The regime is singular; the leap finds the last
    // iterate inside it, and the exact step then gives the greatest fixed point: the loop pays nothing, a pays its outside
    // creditors all it has.
    [TestMethod]
    public void Value_ClosedJuniorLoopLosingValue_LeapsInsteadOfCrawling()
    {
        var network = ValuationCases.Build(
            [("a", 1 - 1e-7, 1), ("b", 0, 0)],
            new Link("b", "a", LinkKind.Loan, 10) { Seniority = DebtSeniority.Junior },
            new Link("a", "b", LinkKind.Loan, 10) { Seniority = DebtSeniority.Junior });

        var result = new CrossHoldingsValuation(network).Value();

        AssertVector([1 - 1e-7, 0], result.Entities.Select(e => e.Value));
        AssertVector([1 - 1e-7, 0], result.Entity("a").PaidByLayer);
        Assert.AreEqual(2, result.DefaultedCount);
        StringAssert.Contains(result.Convergence.Method, "+regime-leap");
        Assert.IsLessThan(20, result.Convergence.Iterations, result.Convergence.ToString());
        Assert.ThrowsExactly<ValuationConvergenceException>(() => new CrossHoldingsValuation(network, new ValuationOptions { DenseSolveLimit = 0 }).Value());
    }

    // A loss of external assets is the same as valuing the shocked assets directly.
    [TestMethod]
    public void Value_Losses_EqualValueAtTheShockedAssets()
    {
        var model = new CrossHoldingsValuation(ValuationCases.Elsinger());

        var shocked = model.Value(new Dictionary<string, double> { ["b2"] = 0.4, ["b3"] = 1 });
        var direct = model.ValueAt([0, 30, 0]);

        AssertVector(direct.Entities.Select(e => e.Value).ToArray(), shocked.Entities.Select(e => e.Value));
        AssertVector([0, 30, 0], shocked.Entities.Select(e => e.ExternalAssets));
    }

    // Without the exact step the iteration from above still reaches the same point, to its tolerance.
    [TestMethod]
    public void Value_IterationOnly_SameFixedPoint()
    {
        var exact = new CrossHoldingsValuation(ValuationCases.Suzuki()).Value();
        var iterated = new CrossHoldingsValuation(ValuationCases.Suzuki(), new ValuationOptions { DenseSolveLimit = 0 }).Value();

        Assert.AreEqual("gauss-seidel-from-above", iterated.Convergence.Method);
        Assert.IsFalse(iterated.Convergence.Exact);
        Assert.IsGreaterThan(5, iterated.Convergence.Iterations);
        AssertVector(exact.Entities.Select(e => e.Value).ToArray(), iterated.Entities.Select(e => e.Value), 1e-10);
        Assert.IsLessThanOrEqualTo(1e-11, iterated.Convergence.Residual);
    }

    [TestMethod]
    public void Value_IterationCapReached_ThrowsTheConvergenceException()
    {
        var model = new CrossHoldingsValuation(ValuationCases.Suzuki(), new ValuationOptions { DenseSolveLimit = 0, MaxIterations = 3 });

        var error = Assert.ThrowsExactly<ValuationConvergenceException>(() => model.Value());

        Assert.AreEqual("value", error.Algorithm);
        Assert.AreEqual(3, error.Iterations);
        Assert.IsGreaterThan(0, error.Residual);
        StringAssert.Contains(error.Message, "did not converge in 3 sweeps");
    }

    [TestMethod]
    public void Value_BadArguments_LocatedErrors()
    {
        var model = new CrossHoldingsValuation(ValuationCases.Elsinger());

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.Value(new Dictionary<string, double> { ["ghost"] = 0.1 })).Message, "'ghost'");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Value(new Dictionary<string, double> { ["b1"] = 1.5 })).Message, "'b1'");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.ValueAt([1, 2])).Message, "Expected 3");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.ValueAt([1, -2, 3])).Message, "'b2'");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.ValueAt([1, double.NaN, 3])).Message, "'b2'");
        var other = new CrossHoldingsValuation(ValuationCases.Elsinger()).Value();
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.Sensitivities(other)).Message, "another valuation");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.Sensitivities(model.Value(), ["b1", "b1"])).Message, "twice");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.Sensitivities(model.Value(), ["nobody"])).Message, "'nobody'");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.Value().Entity("nobody")).Message, "'nobody'");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CrossHoldingsValuation(ValuationCases.Elsinger(), new ValuationOptions { Tolerance = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CrossHoldingsValuation(ValuationCases.Elsinger(), new ValuationOptions { MaxIterations = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CrossHoldingsValuation(ValuationCases.Elsinger(), new ValuationOptions { DenseSolveLimit = -1 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CrossHoldingsValuation(ValuationCases.Elsinger(), new ValuationOptions { ExternalLiabilities = (ExternalLiabilityRank)7 }));
    }

    [TestMethod]
    public void Result_RowsAndDescriptions()
    {
        var result = new CrossHoldingsValuation(ValuationCases.Elsinger()).Value();

        Assert.AreEqual("b1: value 25, equity 0, net worth -20, defaulted, debt paid 25 of 45", result.Entity("b1").ToString());
        StringAssert.StartsWith(result.Convergence.ToString(), "gauss-seidel-from-above+exact-regime, ");
    }

    internal static void AssertVector(IReadOnlyList<double> expected, IEnumerable<double> actual, double tolerance = Exact)
    {
        var got = actual.ToArray();
        Assert.HasCount(expected.Count, got);
        for (var i = 0; i < got.Length; i++)
        {
            Assert.AreEqual(expected[i], got[i], tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected ({string.Join(", ", expected)}), got ({string.Join(", ", got)})");
        }
    }
}
