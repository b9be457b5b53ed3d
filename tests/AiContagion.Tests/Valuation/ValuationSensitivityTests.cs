using AiContagion.Model;
using AiContagion.Valuation;

namespace AiContagion.Tests.Valuation;

/// <summary>
/// The systemic greeks against the exact matrices of the research note (§6.2: derived by hand, each checked there
/// against central differences with h = 1e-6) and against our own central finite differences wherever no firm changes
/// regime between a − h and a + h (relative 1e-6, the acceptance rule).
/// </summary>
[TestClass]
public sealed class ValuationSensitivityTests
{
    private const double Exact = 1e-10;

    // G1: Suzuki at a = (2, .5, .6, .6), all solvent: ds/da = (I − Mˢ)⁻¹ (row = firm i, column = a_j), dr/da = 0.
    [TestMethod]
    public void Sensitivities_SuzukiAllSolvent_InverseOfIMinusMs()
    {
        var model = new CrossHoldingsValuation(ValuationCases.Suzuki());
        var result = model.Value();

        var greeks = model.Sensitivities(result);

        double[][] expected =
        [
            [1555.0 / 1378, 610.0 / 2067, 45.0 / 106, 1115.0 / 4134],
            [385.0 / 1378, 2300.0 / 2067, 35.0 / 106, 985.0 / 4134],
            [10.0 / 53, 10.0 / 53, 60.0 / 53, 20.0 / 53],
            [110.0 / 689, 110.0 / 689, 10.0 / 53, 750.0 / 689],
        ];
        AssertMatrix(expected, greeks, (column, id) => column.Equity(id));
        AssertMatrix(expected, greeks, (column, id) => column.Value(id));
        AssertMatrix(Zero(4), greeks, (column, id) => column.DebtValue(id));
        Assert.AreEqual(1.128447024673, greeks.Column("f1").Equity("f1"), 1e-12, "the note's decimals");
        Assert.AreEqual(0.031059506531, greeks.RegimeMargin, 1e-9, "firm 4's equity is the nearest boundary");
        Assert.IsEmpty(greeks.BoundaryEntities);
        Assert.AreEqual("dense-lu", greeks.Method);
    }

    // G2: Suzuki's network at a = (1.0, 0.3, 0.6, 0.5): only firm 1 solvent; s₁ = 0.276453161712, r = (0.8,
    // 0.412176933292, 0.764531617121, 0.5688630095); ds₁/da and dr/da rows 2–4 as the note gives them.
    [TestMethod]
    public void Sensitivities_SuzukiOnlyFirm1Solvent()
    {
        var model = new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Suzuki(), 1.0, 0.3, 0.6, 0.5));
        var result = model.Value();

        CrossHoldingsValuationTests.AssertVector([0.276453161712, 0, 0, 0], result.Entities.Select(e => e.Equity), 1e-11);
        CrossHoldingsValuationTests.AssertVector([0.8, 0.412176933292, 0.764531617121, 0.5688630095], result.Entities.Select(e => e.DebtPaid), 1e-10);
        var greeks = model.Sensitivities(result);
        double[][] equity =
        [
            [1.011339258351, 0.001021554806, 0.101133925835, 0.010215548064],
            [0, 0, 0, 0],
            [0, 0, 0, 0],
            [0, 0, 0, 0],
        ];
        double[][] debt =
        [
            [0, 0, 0, 0],
            [0.214526509347, 1.010317703545, 0.021452650935, 0.103177035448],
            [0.113392583512, 0.010215548064, 1.011339258351, 0.102155480642],
            [0.12258657677, 0.101133925835, 0.012258657677, 1.011339258351],
        ];
        AssertMatrix(equity, greeks, (column, id) => column.Equity(id), 1e-10);
        AssertMatrix(debt, greeks, (column, id) => column.DebtValue(id), 1e-10);
    }

    // G2: a = (0.5, 0.4, 0.3, 0.9): only firm 4 solvent, s₄ = 0.149494949495.
    [TestMethod]
    public void Sensitivities_SuzukiOnlyFirm4Solvent()
    {
        var model = new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Suzuki(), 0.5, 0.4, 0.3, 0.9));
        var result = model.Value();

        Assert.AreEqual(0.149494949495, result.Entity("f4").Equity, 1e-11);
        var greeks = model.Sensitivities(result);
        double[][] equity = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0.10101010101, 0, 1.010101010101]];
        double[][] debt =
        [
            [1.010101010101, 0.013263952658, 0.10101010101, 0.132639526579],
            [0, 1.010101010101, 0, 0.10101010101],
            [0.10101010101, 0.031629425569, 1.010101010101, 0.316294255688],
            [0, 0, 0, 0],
        ];
        AssertMatrix(equity, greeks, (column, id) => column.Equity(id), 1e-10);
        AssertMatrix(debt, greeks, (column, id) => column.DebtValue(id), 1e-10);
    }

    // G3: C1 (Eisenberg–Noe; banks 1 and 2 default): dp/de = [[87/77, 15/77, 0], [58/77, 87/77, 0], [0, 0, 0]]; the net
    // worth moves as p for the defaulters and one-for-one for bank 3: dN/de row 3 = (1, 1, 1) = dE/de row 3.
    [TestMethod]
    public void Sensitivities_C1_EisenbergNoeJacobian()
    {
        var model = new CrossHoldingsValuation(ValuationCases.C1(), ValuationOptions.EisenbergNoe);

        var greeks = model.Sensitivities(model.Value(), ["b1", "b2", "b3"]);

        double[][] dp = [[87.0 / 77, 15.0 / 77, 0], [58.0 / 77, 87.0 / 77, 0], [0, 0, 0]];
        double[][] dE = [[0, 0, 0], [0, 0, 0], [1, 1, 1]];
        double[][] dN = [dp[0], dp[1], [1, 1, 1]];
        AssertMatrix(dp, greeks, (column, id) => column.DebtValue(id), Exact, "b");
        AssertMatrix(dE, greeks, (column, id) => column.Equity(id), Exact, "b");
        AssertMatrix(dN, greeks, (column, id) => column.Value(id), Exact, "b");
    }

    // G4: the Elsinger network at e = (0, 50, 10) (the published point): dE/de only row 3 = (1, 1, 1);
    // d debtPaid/de = [[1, 0, 0], [2/3, 1, 0], [0, 0, 0]].
    [TestMethod]
    public void Sensitivities_ElsingerPublishedPoint()
    {
        var model = new CrossHoldingsValuation(ValuationCases.Elsinger());

        var greeks = model.Sensitivities(model.Value());

        AssertMatrix([[0, 0, 0], [0, 0, 0], [1, 1, 1]], greeks, (column, id) => column.Equity(id), Exact, "b");
        AssertMatrix([[1, 0, 0], [2.0 / 3, 1, 0], [0, 0, 0]], greeks, (column, id) => column.DebtValue(id), Exact, "b");
    }

    // G4: e = (30, 50, 10), all solvent and the stakes bite: dE/de = [[1, 0, 0], [0.1, 1, 0], [0.015, 0.15, 1]], no debt
    // moves. e = (0, 70, 10): dE/de rows 2, 3 = (2/3, 1, 0), (0.433333333333, 0.15, 1); d debtPaid₁/de₁ = 1.
    [TestMethod]
    public void Sensitivities_ElsingerVariants()
    {
        var solvent = new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Elsinger(), 30, 50, 10));
        var greeks = solvent.Sensitivities(solvent.Value());
        AssertMatrix([[1, 0, 0], [0.1, 1, 0], [0.015, 0.15, 1]], greeks, (column, id) => column.Equity(id), Exact, "b");
        AssertMatrix(Zero(3), greeks, (column, id) => column.DebtValue(id), Exact, "b");

        var partly = new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Elsinger(), 0, 70, 10));
        greeks = partly.Sensitivities(partly.Value());
        AssertMatrix([[0, 0, 0], [2.0 / 3, 1, 0], [0.433333333333, 0.15, 1]], greeks, (column, id) => column.Equity(id), 1e-11, "b");
        Assert.AreEqual(1, greeks.Column("b1").DebtValue("b1"), Exact);
        Assert.AreEqual(0, greeks.Column("b2").DebtValue("b1"), Exact);
    }

    // (20, 60, 10) puts bank 1 exactly on its default boundary (net worth 0): it is listed, and the column is the right
    // derivative (an increase of its assets raises its equity, as a solvent firm's).
    [TestMethod]
    public void Sensitivities_OnABoundary_ListedAndRightDerivative()
    {
        var model = new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Elsinger(), 20, 60, 10));
        var result = model.Value();

        var greeks = model.Sensitivities(result, ["b1"]);

        CollectionAssert.AreEqual(new[] { "b1" }, greeks.BoundaryEntities.ToArray());
        Assert.AreEqual(0, greeks.RegimeMargin, 1e-9);
        var up = model.ValueAt([20.001, 60, 10]);
        Assert.AreEqual((up.Entity("b1").Equity - result.Entity("b1").Equity) / 0.001, greeks.Column("b1").Equity("b1"), 1e-6);
    }

    // The acceptance rule on the published points and their variants: central differences, relative 1e-6.
    [TestMethod]
    public void Sensitivities_PublishedPoints_AgreeWithCentralDifferences()
    {
        var cases = new[]
        {
            (new CrossHoldingsValuation(ValuationCases.Suzuki()), "Suzuki"),
            (new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Suzuki(), 1.0, 0.3, 0.6, 0.5)), "Suzuki firm 1"),
            (new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Suzuki(), 0.5, 0.4, 0.3, 0.9)), "Suzuki firm 4"),
            (new CrossHoldingsValuation(ValuationCases.C1(), ValuationOptions.EisenbergNoe), "C1"),
            (new CrossHoldingsValuation(ValuationCases.C4(), ValuationOptions.EisenbergNoe), "C4"),
            (new CrossHoldingsValuation(ValuationCases.Elsinger()), "Elsinger"),
            (new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Elsinger(), 30, 50, 10)), "Elsinger 30"),
            (new CrossHoldingsValuation(ValuationCases.WithExternalAssets(ValuationCases.Elsinger(), 0, 70, 10)), "Elsinger 70"),
        };
        foreach (var (model, name) in cases)
        {
            var checkedColumns = FiniteDifferences.Check(model, model.Value(), name);
            Assert.AreEqual(model.Network.EntityCount, checkedColumns, name + ": every column is away from a boundary");
        }
    }

    // A singular regime: a and b owe each other 10 and own nothing else. Every p_a = p_b = t in [0, 10] clears; the
    // greatest (t = 10) has both at their boundary, where the right derivative exists. At t = 5 (a fixed point, not the
    // greatest) both pay part of their only layer to each other: I − A = [[1, −1], [−1, 1]] is singular, the derivative
    // infinite; both the dense and the Gauss–Seidel path say undefined.
    [TestMethod]
    [DataRow(500)]
    [DataRow(0)]
    public void Sensitivities_SingularRegime_Undefined(int denseSolveLimit)
    {
        var network = ValuationCases.Build([("a", 0, 0), ("b", 0, 0)], new Link("a", "b", LinkKind.Loan, 10), new Link("b", "a", LinkKind.Loan, 10));
        var model = new CrossHoldingsValuation(network, new ValuationOptions { DenseSolveLimit = denseSolveLimit, MaxIterations = 200 });
        var greatest = model.Value();
        var middle = new ValuationResult(model, [0, 0], [5, 5], greatest.Convergence);

        var atGreatest = model.Sensitivities(greatest);
        var atMiddle = model.Sensitivities(middle);

        CollectionAssert.AreEqual(new[] { "a", "b" }, atGreatest.BoundaryEntities.ToArray());
        Assert.IsTrue(atGreatest.Column("a").IsDefined);
        Assert.AreEqual(1, atGreatest.Column("a").Equity("a"), 1e-12, "an increase of a's assets is a's equity");
        Assert.IsFalse(atMiddle.Column("a").IsDefined, atMiddle.Column("a").ToString());
        Assert.IsTrue(double.IsNaN(atMiddle.Column("a").Value("b")));
        StringAssert.Contains(atMiddle.Column("a").ToString(), "undefined");
        Assert.HasCount(2, atMiddle.Column("a").Entries);
    }

    // Gauss–Seidel columns (the path of large networks) equal the dense ones.
    [TestMethod]
    public void Sensitivities_GaussSeidel_EqualsDense()
    {
        var network = ValuationCases.WithExternalAssets(ValuationCases.Suzuki(), 1.0, 0.3, 0.6, 0.5);
        var dense = new CrossHoldingsValuation(network);
        var iterated = new CrossHoldingsValuation(network, new ValuationOptions { DenseSolveLimit = 0 });

        var a = dense.Sensitivities(dense.Value());
        var b = iterated.Sensitivities(iterated.Value());

        Assert.AreEqual("gauss-seidel", b.Method);
        foreach (var column in a.Columns)
        {
            foreach (var row in column.Entries)
            {
                Assert.AreEqual(row.Value, b.Column(column.WithRespectTo).Value(row.Id), 1e-9, $"{row.Id} / {column.WithRespectTo}");
            }

            Assert.IsGreaterThan(0, b.Column(column.WithRespectTo).Iterations);
        }
    }

    [TestMethod]
    public void Column_EntriesAreTheNonZeroRows()
    {
        var model = new CrossHoldingsValuation(ValuationCases.C1(), ValuationOptions.EisenbergNoe);

        var column = model.Sensitivities(model.Value(), ["b3"]).Column("b3");

        CollectionAssert.AreEqual(new[] { "b3" }, column.Entries.Select(e => e.Id).ToArray(), "b3 pays in full: its assets move only itself");
        Assert.AreEqual(new EntitySensitivity("b3", 1, 1, 0), column.Entries[0]);
        StringAssert.Contains(column.ToString(), "1 entities move");
        Assert.ThrowsExactly<ArgumentException>(() => column.Value("nobody"));
        Assert.ThrowsExactly<ArgumentException>(() => model.Sensitivities(model.Value(), ["b3"]).Column("b1"));
    }

    internal static double[][] Zero(int n) => [.. Enumerable.Range(0, n).Select(_ => new double[n])];

    private static void AssertMatrix(double[][] expected, ValuationSensitivities greeks, Func<SensitivityColumn, string, double> figure, double tolerance = Exact, string prefix = "f")
    {
        for (var i = 0; i < expected.Length; i++)
        {
            for (var j = 0; j < expected.Length; j++)
            {
                var got = figure(greeks.Column($"{prefix}{j + 1}"), $"{prefix}{i + 1}");
                Assert.AreEqual(expected[i][j], got, tolerance, $"∂[{prefix}{i + 1}]/∂a[{prefix}{j + 1}]");
            }
        }
    }
}

/// <summary>Central finite differences of a valuation (forward ones at a_j near 0), compared with its sensitivities where no firm changes regime.</summary>
internal static class FiniteDifferences
{
    /// <summary>Checks every column whose ±h neighbourhood keeps every firm's regime; returns how many were checked.</summary>
    public static int Check(CrossHoldingsValuation model, ValuationResult at, string what)
    {
        var greeks = model.Sensitivities(at);
        var e = at.Entities.Select(r => r.ExternalAssets).ToArray();
        var engine = model.Engine;
        var n = e.Length;
        var checkedColumns = 0;
        for (var j = 0; j < n; j++)
        {
            // Central differences; forward ones (the right derivative) where a − h would be negative.
            var h = 1e-6 * Math.Max(1, Math.Abs(e[j]));
            var central = e[j] >= h;
            var up = (double[])e.Clone();
            var down = (double[])e.Clone();
            up[j] += h;
            down[j] -= central ? h : 0;
            var plus = model.ValueAt(up);
            var minus = model.ValueAt(down);
            var span = central ? 2 * h : h;
            var sameRegime = Enumerable.Range(0, n).All(i =>
                engine.Regime(i, plus.Entities[i].Value) == engine.Regime(i, at.Entities[i].Value)
                && engine.Regime(i, minus.Entities[i].Value) == engine.Regime(i, at.Entities[i].Value));
            if (!sameRegime)
            {
                continue;
            }

            var column = greeks.Columns[j];
            Assert.IsTrue(column.IsDefined, $"{what}: column {column.WithRespectTo}");
            for (var i = 0; i < n; i++)
            {
                var id = at.Entities[i].Id;
                Compare(column.Value(id), (plus.Entities[i].Value - minus.Entities[i].Value) / span, $"{what}: ∂V[{id}]/∂a[{column.WithRespectTo}]");
                Compare(column.Equity(id), (plus.Entities[i].Equity - minus.Entities[i].Equity) / span, $"{what}: ∂E[{id}]/∂a[{column.WithRespectTo}]");
                Compare(column.DebtValue(id), (plus.Entities[i].DebtPaid - minus.Entities[i].DebtPaid) / span, $"{what}: ∂debt[{id}]/∂a[{column.WithRespectTo}]");
            }

            checkedColumns++;
        }

        return checkedColumns;
    }

    private static void Compare(double ift, double fd, string what) =>
        Assert.AreEqual(ift, fd, 1e-6 * Math.Max(1, Math.Abs(ift)), what);
}
