using System.Collections.Immutable;
using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Stress;
using AiContagion.Tests.Support;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;

namespace AiContagion.Tests.Stress;

[TestClass]
public sealed class StressTestTests
{
    private static readonly ICascadeModel Funding = CascadeModels.Create(CascadeModelKind.Funding);

    [TestMethod]
    public void Run_OneThreadOrMany_IdenticalResults()
    {
        var network = Networks.ToyChain();
        var options = new StressOptions { Trials = 3000, Seed = 42, DefaultProbability = 0.3, Correlation = 0.4 };

        var one = new StressTest(Funding, options with { MaxDegreeOfParallelism = 1 }).Run(network);
        var many = new StressTest(Funding, options with { MaxDegreeOfParallelism = 8 }).Run(network);

        foreach (var measure in Enum.GetValues<StressMeasure>())
        {
            CollectionAssert.AreEqual(one.Values(measure).ToArray(), many.Values(measure).ToArray(), measure.ToString());
            Assert.AreEqual(one.Statistics(measure), many.Statistics(measure));
        }

        CollectionAssert.AreEqual(one.Entities.ToArray(), many.Entities.ToArray());
        Assert.IsGreaterThan(0.0, one.LinksDown.Mean);
    }

    [TestMethod]
    public void Run_OtherSeed_OtherDraws()
    {
        var network = StressNetworks.Funds(10);
        var a = new StressTest(Funding, new StressOptions { Trials = 500, Seed = 1, DefaultProbability = 0.3 }).Run(network);
        var b = new StressTest(Funding, new StressOptions { Trials = 500, Seed = 2, DefaultProbability = 0.3 }).Run(network);

        Assert.IsFalse(a.Values(StressMeasure.EntitiesDrawn).SequenceEqual(b.Values(StressMeasure.EntitiesDrawn)));
    }

    // ρ = 0: the k = 10 sources are drawn independently with p = 0.3, so the number drawn per trial is Binomial(10, 0.3).
    // Pearson's chi-square over 20,000 trials (bins merged to expect ≥ 5) against the 99.9 % point of χ²(bins − 1): a
    // correct sampler fails it with probability 0.1 %; the seed is fixed, so the outcome is too. Each source's own draw
    // frequency is within 5 standard errors (√(0.3 · 0.7 / 20,000) = 0.00324) of 0.3.
    [TestMethod]
    public void Run_Independent_CountIsBinomial()
    {
        const int k = 10, trials = 20_000;
        var result = new StressTest(Funding, new StressOptions { Trials = trials, Seed = 7, DefaultProbability = 0.3 }).Run(StressNetworks.Funds(k));

        var observed = Counts(result, k);
        var (statistic, critical, bins) = StressNetworks.ChiSquare(observed, [.. Enumerable.Range(0, k + 1).Select(j => Binomial.PMF(0.3, k, j))], trials);

        Assert.IsLessThan(critical, statistic, $"χ² = {statistic} over {bins} bins");
        Assert.IsGreaterThanOrEqualTo(8, bins);
        foreach (var source in result.Entities.Where(e => e.Id.StartsWith("vc", StringComparison.Ordinal)))
        {
            Assert.AreEqual(0.3, source.DrawFrequency, 5 * 0.00324, source.Id);
        }
    }

    // ρ = 0.5, k = 5 sources with p = 0.2: given the factor M = m each source is drawn with probability
    // q(m) = Φ((Φ⁻¹(0.2) − √ρ m) / √(1 − ρ)), independently, so P(count = j) = ∫ φ(m) C(5, j) q^j (1 − q)^(5 − j) dm
    // (Vasicek 2002), integrated here with 200-point Gauss–Legendre on [−10, 10]. Chi-square as above.
    [TestMethod]
    public void Run_Correlated_CountFollowsTheOneFactorModel()
    {
        const int k = 5, trials = 20_000;
        const double p = 0.2, rho = 0.5;
        var result = new StressTest(Funding, new StressOptions { Trials = trials, Seed = 8, DefaultProbability = p, Correlation = rho }).Run(StressNetworks.Funds(k));
        var threshold = Normal.InvCDF(0, 1, p);
        double Q(double m) => Normal.CDF(0, 1, (threshold - (Math.Sqrt(rho) * m)) / Math.Sqrt(1 - rho));
        var expected = Enumerable.Range(0, k + 1)
            .Select(j => GaussLegendreRule.Integrate(m => Normal.PDF(0, 1, m) * Binomial.PMF(Q(m), k, j), -10, 10, 200))
            .ToArray();

        var (statistic, critical, bins) = StressNetworks.ChiSquare(Counts(result, k), expected, trials);

        Assert.AreEqual(1.0, expected.Sum(), 1e-9);
        Assert.IsLessThan(critical, statistic, $"χ² = {statistic} over {bins} bins");
        // All five together is far likelier than under independence (0.2⁵ = 0.00032).
        Assert.IsGreaterThan(0.01, expected[k]);
    }

    // ρ = 1: every latent variable is the common factor, so sources with the same p withdraw all together or not at
    // all; all of them in a share p of trials (within 5 s.e., √(0.3 · 0.7 / 5,000) = 0.00648). As ρ → 1 the share of
    // trials with some but not all sources drawn shrinks towards 0.
    [TestMethod]
    public void Run_FullCorrelation_AllOrNothing()
    {
        const int k = 8;
        var network = StressNetworks.Funds(k);
        var full = new StressTest(Funding, new StressOptions { Trials = 5000, Seed = 9, DefaultProbability = 0.3, Correlation = 1 }).Run(network);

        var counts = full.Values(StressMeasure.EntitiesDrawn);
        Assert.IsTrue(counts.All(c => c is 0 or k), "all or nothing");
        Assert.AreEqual(0.3, counts.Count(c => c == k) / 5000.0, 5 * 0.00648);

        var partial = new[] { 0.0, 0.5, 0.9, 0.99, 0.9999 }
            .Select(rho => new StressTest(Funding, new StressOptions { Trials = 5000, Seed = 9, DefaultProbability = 0.3, Correlation = rho }).Run(network))
            .Select(r => r.Values(StressMeasure.EntitiesDrawn).Count(c => c is > 0 and < k) / 5000.0)
            .ToArray();
        for (var i = 1; i < partial.Length; i++)
        {
            Assert.IsLessThan(partial[i - 1], partial[i], string.Join(", ", partial));
        }

        Assert.IsLessThan(0.02, partial[^1]);
    }

    // On the chain vc → startup → lab, the start-up fails exactly when the fund withdraws (it loses all of its inflow,
    // τ = 0.5), bringing down its own link to the lab: 2 links down and 1 entity failed in those trials, 0 otherwise.
    [TestMethod]
    public void Run_Chain_FailuresMatchDrawsExactly()
    {
        var result = new StressTest(Funding, new StressOptions { Trials = 4000, Seed = 3, DefaultProbability = 0.25 }).Run(StressNetworks.Chain());

        var vc = result.Entities.Single(e => e.Id == "vc");
        var startup = result.Entities.Single(e => e.Id == "startup");
        Assert.AreEqual(0.25, vc.Probability);
        Assert.AreEqual(vc.Draws, startup.Failures);
        Assert.AreEqual(0, result.Entities.Single(e => e.Id == "lab").Failures);
        Assert.AreEqual(2.0 * vc.Draws / 4000, result.LinksDown.Mean, 1e-12);
        Assert.AreEqual(12.0 * vc.Draws / 4000, result.AmountDown.Mean, 1e-12);
        Assert.IsTrue(result.Values(StressMeasure.LinksDown).All(x => x is 0 or 2));
        CollectionAssert.AreEqual(new[] { "vc" }, result.AtRisk.ToArray());
        Assert.AreEqual(startup.FailureProbability, result.ByFailureProbability[0].FailureProbability);
        Assert.AreEqual(4000, result.Histogram(StressMeasure.LinksDown).Counts.Sum());
    }

    // Precedence: entity entry, then sector entry, then the default for funding sources; other entities are not at risk.
    [TestMethod]
    public void Run_Probabilities_MostSpecificWins()
    {
        var options = new StressOptions
        {
            Trials = 10,
            DefaultProbability = 0.1,
            SectorProbabilities = ImmutableDictionary<Sector, double>.Empty.Add(Sector.VentureCapital, 0.2).Add(Sector.AppStartup, 0.05),
            EntityProbabilities = ImmutableDictionary<string, double>.Empty.Add("vc1", 0.7).Add("s2", 0.0),
        };

        var result = new StressTest(Funding, options).Run(StressNetworks.Funds(3));
        var p = result.Entities.ToDictionary(e => e.Id, e => e.Probability);

        Assert.AreEqual(0.2, p["vc0"]);
        Assert.AreEqual(0.7, p["vc1"]);
        Assert.AreEqual(0.05, p["s0"]);
        Assert.AreEqual(0.0, p["s2"]);
        CollectionAssert.AreEqual(new[] { "vc0", "s0", "vc1", "s1", "vc2" }, result.AtRisk.ToArray());
    }

    // Credit model, bank with external assets 100 and capital 10: it fails iff the fraction lost exceeds 0.1. With
    // Beta(2, 8), P(f > 0.1) = 1 − I_0.1(2, 8) = 0.77484; within 5 s.e. (√(0.775 · 0.225 / 4,000) = 0.0066). Common
    // scope: both banks fail together; per entity: each on its own, so some trials see exactly one failure.
    [TestMethod]
    public void Run_ExternalShock_BetaTail()
    {
        var credit = CascadeModels.Create(CascadeModelKind.Credit);
        var network = StressNetworks.Chain();
        var expected = 1 - Beta.CDF(2, 8, 0.1);
        var common = new StressTest(credit, new StressOptions { Trials = 4000, Seed = 4, DefaultProbability = 0, ExternalShock = ExternalAssetShock.Beta(2, 8) }).Run(network);
        var own = new StressTest(credit, new StressOptions { Trials = 4000, Seed = 4, DefaultProbability = 0, ExternalShock = ExternalAssetShock.Beta(2, 8, ExternalShockScope.PerEntity) }).Run(network);

        Assert.AreEqual(0.77484, expected, 5e-6);
        Assert.AreEqual(2, common.ExposedEntities);
        var bank1 = common.Entities.Single(e => e.Id == "bank1");
        Assert.AreEqual(expected, bank1.FailureProbability, 5 * 0.0066);
        Assert.AreEqual(bank1.Failures, common.Entities.Single(e => e.Id == "bank2").Failures);
        Assert.IsTrue(common.Values(StressMeasure.EntitiesFailed).All(x => x is 0 or 2));
        Assert.AreEqual(expected, own.Entities.Single(e => e.Id == "bank2").FailureProbability, 5 * 0.0066);
        Assert.IsTrue(own.Values(StressMeasure.EntitiesFailed).Any(x => x == 1));
    }

    // LogNormal(μ = ln 0.1, σ = 0.5) capped at 1: the bank fails iff e^(μ + σZ) > 0.1, i.e. Z > 0: probability 1/2.
    [TestMethod]
    public void Run_ExternalShock_LogNormal()
    {
        var credit = CascadeModels.Create(CascadeModelKind.Credit);
        var result = new StressTest(credit, new StressOptions { Trials = 4000, Seed = 5, DefaultProbability = 0, ExternalShock = ExternalAssetShock.LogNormal(Math.Log(0.1), 0.5) }).Run(StressNetworks.Chain());

        Assert.AreEqual(0.5, result.Entities.Single(e => e.Id == "bank1").FailureProbability, 5 * Math.Sqrt(0.25 / 4000));
    }

    [TestMethod]
    public void New_ModelThatCannotReadTheShock_ThrowsNamingTheModelsThatCan()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new StressTest(Funding, new StressOptions { ExternalShock = ExternalAssetShock.Beta(1, 9) }));

        Assert.Contains("funding model does not read external-asset shocks", error.Message);
        Assert.Contains("credit", error.Message);
    }

    [TestMethod]
    public void Run_UnknownEntity_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => new StressTest(Funding, new StressOptions { EntityProbabilities = ImmutableDictionary<string, double>.Empty.Add("nobody", 0.5) }).Run(Networks.ToyChain()));

    [TestMethod]
    [DataRow(0, 0.1, 0.0)]
    [DataRow(10, 1.5, 0.0)]
    [DataRow(10, 0.1, -0.1)]
    [DataRow(10, double.NaN, 0.0)]
    public void New_BadOptions_Throw(int trials, double p, double rho) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new StressTest(Funding, new StressOptions { Trials = trials, DefaultProbability = p, Correlation = rho }));

    [TestMethod]
    public void Run_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => new StressTest(Funding).Run(Networks.ToyChain(), null, cancellation.Token));
    }

    [TestMethod]
    public void Run_Progress_ReachesTheTotal()
    {
        var reports = new List<StressProgress>();
        new StressTest(Funding, new StressOptions { Trials = 777, MaxDegreeOfParallelism = 2 }).Run(Networks.ToyChain(), new SyncProgress<StressProgress>(reports.Add));

        Assert.AreEqual(777, reports.Max(r => r.Completed));
        Assert.IsTrue(reports.All(r => r.Total == 777));
    }

    // Fail instead of withdraw, with a solvency model: the toy chain's failures then come from credit losses.
    [TestMethod]
    public void Run_FailShock_CountsDrawnFailures()
    {
        var result = new StressTest(CascadeModels.Create(CascadeModelKind.Credit), new StressOptions { Trials = 2000, Shock = CandidateShock.Fail, DefaultProbability = 0.5 }).Run(StressNetworks.Funds(4));

        // A drawn fund fails outright, so each fund's failures are its draws (the start-ups hold no claims: no loss).
        foreach (var fund in result.Entities.Where(e => e.Id.StartsWith("vc", StringComparison.Ordinal)))
        {
            Assert.AreEqual(fund.Draws, fund.Failures);
        }

        CollectionAssert.AreEqual(result.Values(StressMeasure.EntitiesDrawn).ToArray(), result.Values(StressMeasure.EntitiesFailed).ToArray());
    }

    private static int[] Counts(StressResult result, int k)
    {
        var counts = new int[k + 1];
        foreach (var c in result.Values(StressMeasure.EntitiesDrawn))
        {
            counts[(int)c]++;
        }

        return counts;
    }
}
