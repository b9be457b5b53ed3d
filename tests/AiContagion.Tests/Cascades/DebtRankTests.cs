using System.Collections.Immutable;
using AiContagion.Cascades;
using AiContagion.Model;

namespace AiContagion.Tests.Cascades;

[TestClass]
public sealed class DebtRankTests
{
    private static readonly ImmutableDictionary<string, double> PublishedWeights =
        ImmutableDictionary.CreateRange<string, double>([new("a", 10.0), new("b", 100.0), new("c", 30.0)]);

    public static IEnumerable<object[]> WeightSources =>
    [
        ["total assets (external assets 9, 87, 25 + claims 1, 13, 5)", new DebtRankOptions()],
        ["given (10, 100, 30)", new DebtRankOptions { EconomicWeights = PublishedWeights }],
    ];

    // Published case C5 (Battiston et al. 2012; NetworkRiskMeasures README): each entity fully distressed alone,
    // additional weighted stress / additional defaults / final h.
    [TestMethod]
    [DynamicData(nameof(WeightSources))]
    public void Run_C5EachEntityAlone_PublishedStressDefaultsAndDistress(string weights, DebtRankOptions options)
    {
        var network = Textbook.Load("c5-debtrank.json");
        var model = new SingleHitDebtRank(options);
        var cases = new (string Id, double Stress, int Defaults, double[] H)[]
        {
            ("a", 0.9285714, 2, [1, 1, 1]),
            ("b", 0.25, 1, [0.5, 1, 1]),
            ("c", 0.6642857, 0, [0.3, 0.9, 1]),
        };

        foreach (var (id, stress, defaults, h) in cases)
        {
            var result = model.Run(network, CascadeShock.Fail(id));

            Assert.AreEqual(stress, result.DebtRank!.Value, 1e-6, $"{weights}, {id}");
            Assert.AreEqual(defaults, result.CascadeFailures, $"{weights}, {id}");
            EisenbergNoeClearingTests.AssertVector(h, result.Entities.Select(e => e.Distress!.Value), $"{weights}, {id}");
        }
    }

    // Published case C5: 10 % initial distress on every entity: final h (0.15, 0.26, 0.30), additional stress 0.1607143.
    [TestMethod]
    [DynamicData(nameof(WeightSources))]
    public void Run_C5TenPercentEverywhere_PublishedDistress(string weights, DebtRankOptions options)
    {
        var network = Textbook.Load("c5-debtrank.json");
        var result = new SingleHitDebtRank(options).Run(network, CascadeShock.DistressAll(network, 0.1));

        EisenbergNoeClearingTests.AssertVector([0.15, 0.26, 0.30], result.Entities.Select(e => e.Distress!.Value), weights);
        Assert.AreEqual(0.1607143, result.DebtRank!.Value, 1e-6, weights);
        Assert.AreEqual(0.1, result.InitialStress!.Value, 1e-12, weights);
        Assert.AreEqual(0, result.EntitiesFailed);
    }

    // C5 rounds by hand for c alone: round 1 b reaches 0.6; round 2 a 0.3 and c capped; round 3 b 0.9. Entity c is
    // failed in round 0 (h = 1); nobody else reaches 1.
    [TestMethod]
    public void Run_C5EntityC_RoundsAndLinks()
    {
        var result = new SingleHitDebtRank().Run(Textbook.Load("c5-debtrank.json"), CascadeShock.Fail("c"));

        Assert.AreEqual(3, result.Rounds);
        Assert.AreEqual(0, result.Entity("c").Round);
        Assert.AreEqual(1, result.EntitiesFailed);
        // c's links: c → a (3), c → b (2) out; b → c (3) is a claim on c.
        Assert.AreEqual(3, result.LinksDown);
        Assert.AreEqual(2, result.LinksDownBy(LinkDownCause.PayerFailed));
        Assert.AreEqual(1, result.LinksDownBy(LinkDownCause.RecipientFailed));
    }

    // Hand-derived two-entity cycle: a holds 1 on b and b holds 1 on a, both with capital 2 (impact 0.5 each way);
    // b starts at 0.4. Single-hit: a gets 0.2 (round 1), passes 0.1 back to the inactive b (round 2): h = (0.2, 0.5).
    // Linear: increments keep flowing, h_a = 0.2 (1 + 1/4 + 1/16 + ...) = 0.2666667, h_b = 0.4 + 0.1 · 4/3 = 0.5333333.
    [TestMethod]
    public void Run_Cycle_SingleHitPassesOnceLinearPassesEveryIncrement()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("a", Sector.Bank) { Capital = 2 })
            .AddEntity(new Entity("b", Sector.Bank) { Capital = 2 })
            .AddLink("a", "b", LinkKind.Loan, 1)
            .AddLink("b", "a", LinkKind.Loan, 1)
            .Build();
        var shock = new CascadeShock { Distress = [new EntityShock("b", 0.4)] };

        var single = new SingleHitDebtRank().Run(network, shock);
        var linear = new LinearDebtRank().Run(network, shock);

        EisenbergNoeClearingTests.AssertVector([0.2, 0.5], single.Entities.Select(e => e.Distress!.Value), "single-hit", 1e-12);
        EisenbergNoeClearingTests.AssertVector([0.8 / 3, 0.4 + (0.4 / 3)], linear.Entities.Select(e => e.Distress!.Value), "linear", 1e-10);
        Assert.AreEqual(0.5 * (0.2 + 0.1), single.DebtRank!.Value, 1e-12, "weights 1/2 each (equal total assets)");
    }

    // Impact above 1: holder capital 1, exposure 3. Single-hit caps W at 1; linear uses Λ = 3 unless asked to cap.
    [TestMethod]
    public void Run_ExposureAboveCapital_CappedOrNot()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("holder", Sector.Bank) { Capital = 1 })
            .AddEntity(new Entity("debtor", Sector.Bank) { Capital = 10 })
            .AddLink("holder", "debtor", LinkKind.Bond, 3)
            .Build();
        var shock = new CascadeShock { Distress = [new EntityShock("debtor", 0.2)] };

        Assert.AreEqual(0.2, new SingleHitDebtRank().Run(network, shock).Entity("holder").Distress!.Value, 1e-12);
        Assert.AreEqual(0.6, new LinearDebtRank().Run(network, shock).Entity("holder").Distress!.Value, 1e-12);
        Assert.AreEqual(0.2, new LinearDebtRank(new DebtRankOptions { CapImpactAtOne = true }).Run(network, shock).Entity("holder").Distress!.Value, 1e-12);
    }

    // External-asset shock as initial distress: lose 10 % of external assets 87 → 8.7 / capital 5 → capped at 1.
    // Entity c: 10 % of 25 = 2.5 / 2 → 1. Entity a: 10 % of 9 = 0.9 / 2 = 0.45.
    [TestMethod]
    public void Run_ExternalAssetShock_BecomesInitialDistress()
    {
        var network = Textbook.Load("c5-debtrank.json");
        var result = new SingleHitDebtRank().Run(network, new CascadeShock { ExternalAssetLosses = [new("a", 0.1)] });

        // a at 0.45: b gets 1 · 0.45 (round 1), c gets 1 · 0.45; round 2: b and c pass on to a (capped) and to each
        // other: c += 1 · 0.45 = 0.9, b += 0.6 · 0.45 = 0.72.
        EisenbergNoeClearingTests.AssertVector([0.45 + (0.5 * 0.45), 0.45 + (0.6 * 0.45), 0.9], result.Entities.Select(e => e.Distress!.Value), "h", 1e-12);
    }

    // Near-critical cycle: a and b (capital 1) hold 0.999 on each other, so Λ = 0.999 both ways; b starts at 0.001.
    // Closed form: h_b = 0.001 / (1 − 0.999²) = 0.5002501, h_a = 0.999 h_b = 0.4997499. Round by round the increments
    // shrink by 0.998 per two rounds (about 20,000 rounds to 1e-12); the closed-form finish ends it within 33.
    [TestMethod]
    public void RunLinear_NearCriticalCycle_FinishesInClosedForm()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("a", Sector.Bank) { Capital = 1 })
            .AddEntity(new Entity("b", Sector.Bank) { Capital = 1 })
            .AddLink("a", "b", LinkKind.Loan, 0.999)
            .AddLink("b", "a", LinkKind.Loan, 0.999)
            .Build();

        var result = new LinearDebtRank().Run(network, new CascadeShock { Distress = [new EntityShock("b", 0.001)] });

        var hb = 0.001 / (1 - (0.999 * 0.999));
        EisenbergNoeClearingTests.AssertVector([0.999 * hb, hb], result.Entities.Select(e => e.Distress!.Value), "h", 1e-12);
        Assert.IsLessThanOrEqualTo(40, result.Iterations);
    }

    // Critical cycle: a and b (capital 1) hold 1 on each other, so Λ = 1 both ways and increments never shrink;
    // b starts at 1e-6. Round by round, a gains 1e-6 in every odd round and b in every even one: a reaches 1 in round
    // 2·10⁶ − 1 and b in round 2·10⁶ (two million rounds, over the default cap of 100,000 passes). The closed-form
    // jump lands just before the first saturation, so both fail, in those rounds, after a few dozen passes.
    [TestMethod]
    public void RunLinear_CriticalCycle_JumpsToSaturation()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("a", Sector.Bank) { Capital = 1 })
            .AddEntity(new Entity("b", Sector.Bank) { Capital = 1 })
            .AddLink("a", "b", LinkKind.Loan, 1)
            .AddLink("b", "a", LinkKind.Loan, 1)
            .Build();

        var result = new LinearDebtRank().Run(network, new CascadeShock { Distress = [new EntityShock("b", 1e-6)] });

        EisenbergNoeClearingTests.AssertVector([1, 1], result.Entities.Select(e => e.Distress!.Value), "h", 1e-12);
        Assert.AreEqual(2_000_000 - 1, result.Entity("a").Round!.Value, 2.0);
        Assert.AreEqual(2_000_000, result.Entity("b").Round!.Value, 2.0);
        Assert.IsLessThanOrEqualTo(200, result.Iterations);
    }

    [TestMethod]
    public void Constructor_UnknownWeightId_ThrowsOnPrepare() =>
        Assert.ThrowsExactly<ArgumentException>(() => new SingleHitDebtRank(new DebtRankOptions { EconomicWeights = ImmutableDictionary.CreateRange([new KeyValuePair<string, double>("zz", 1)]) })
            .Run(Textbook.Load("c5-debtrank.json"), CascadeShock.Fail("a")));

    [TestMethod]
    public void Run_LinearNotConverging_ThrowsConvergenceException()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("a", Sector.Bank) { Capital = 2 })
            .AddEntity(new Entity("b", Sector.Bank) { Capital = 2 })
            .AddLink("a", "b", LinkKind.Loan, 1)
            .AddLink("b", "a", LinkKind.Loan, 1)
            .Build();
        var model = new LinearDebtRank(new DebtRankOptions { MaxIterations = 5, Tolerance = 1e-15 });

        var error = Assert.ThrowsExactly<CascadeConvergenceException>(() => model.Run(network, new CascadeShock { Distress = [new EntityShock("b", 0.4)] }));
        Assert.AreEqual("debtrank-linear", error.ModelName);
    }
}
