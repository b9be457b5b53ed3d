using System.Collections.Immutable;
using AiContagion.Model;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Model;

[TestClass]
public sealed class AmountDrawsTests
{
    private static FinancingNetwork Ranged(Link ranged, params Link[] others)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { AsOf = "2026-01" })
            .AddEntity(new Entity("a", Sector.VentureCapital))
            .AddEntity(new Entity("b", Sector.ModelLab))
            .AddEntity(new Entity("c", Sector.Neocloud))
            .AddLink(ranged);
        foreach (var link in others)
        {
            builder.AddLink(link);
        }

        return builder.Build();
    }

    // Triangular(a, c, b) by its inverse CDF: F(c) = (c − a)/(b − a); below it x = a + √(u(b − a)(c − a)), above it
    // x = b − √((1 − u)(b − a)(b − c)). With a = 5, c = 8, b = 14: F(c) = 1/3; u = 1/3 → 8 (the mode); u = 0 → 5;
    // u = 1/12 → 5 + √(1/12 · 9 · 3) = 6.5; u = 0.5 → 14 − √(0.5 · 9 · 6) = 14 − √27. Uniform: a + u(b − a).
    [TestMethod]
    [DataRow(0.0, 5.0)]
    [DataRow(1.0 / 12, 6.5)]
    [DataRow(1.0 / 3, 8.0)]
    [DataRow(0.5, 8.803847577293368)]
    [DataRow(1.0, 14.0)]
    public void Quantile_Triangular_ByHand(double u, double expected)
    {
        Assert.AreEqual(expected, AmountDraws.Quantile(AmountDistribution.Triangular, 5, 8, 14, u), 1e-12);
        Assert.AreEqual(5 + (9 * u), AmountDraws.Quantile(AmountDistribution.Uniform, 5, 8, 14, u), 1e-12);
    }

    // The sample moments of 40,000 draws against the closed forms (a = 5, c = 8, b = 14):
    // triangular mean (a + b + c)/3 = 9, variance (a² + b² + c² − ab − ac − bc)/18 = (25 + 196 + 64 − 70 − 40 − 112)/18 = 3.5;
    // uniform mean 9.5, variance (b − a)²/12 = 6.75; PERT (λ = 4) mean (a + 4c + b)/6 = 8.5, variance (μ − a)(b − μ)/7 = 3.5 · 5.5 / 7 = 2.75.
    // Means within 4 standard errors (σ/√N), variances within 5 % (about 4 of their own standard errors at this N).
    [TestMethod]
    [DataRow(AmountDistribution.Triangular, 9.0, 3.5)]
    [DataRow(AmountDistribution.Uniform, 9.5, 6.75)]
    [DataRow(AmountDistribution.Pert, 8.5, 2.75)]
    public void Amount_Moments_MatchTheDistribution(AmountDistribution distribution, double mean, double variance)
    {
        var network = Ranged(new Link("a", "b", LinkKind.Equity, 8) { Low = 5, High = 14 });
        var draws = new AmountDraws(network, distribution, seed: 11);
        const int n = 40_000;
        var values = Enumerable.Range(0, n).Select(k => draws.Amount(k, 0)).ToArray();

        Assert.IsTrue(values.All(x => x is >= 5 and <= 14), "every draw lies in [low, high]");
        var sampleMean = values.Average();
        var sampleVariance = values.Sum(x => (x - sampleMean) * (x - sampleMean)) / (n - 1);
        Assert.AreEqual(mean, sampleMean, 4 * Math.Sqrt(variance / n), distribution.ToString());
        Assert.AreEqual(variance, sampleVariance, 0.05 * variance, distribution.ToString());
    }

    // PERT's mode: α = 1 + 4·3/9 = 7/3, β = 1 + 4·6/9 = 11/3; its CDF at 10 is I_{5/9}(7/3, 11/3) = 0.801858871221909
    // (mpmath betainc, 30 digits: P(X > 10) = 0.198141128778091). The share of 40,000 draws above 10 is within 4 SE.
    [TestMethod]
    public void Amount_Pert_TailMatchesTheIncompleteBeta()
    {
        var network = Ranged(new Link("a", "b", LinkKind.Equity, 8) { Low = 5, High = 14 });
        var draws = new AmountDraws(network, AmountDistribution.Pert, seed: 3);
        const int n = 40_000;
        const double p = 0.198141128778091;

        var share = Enumerable.Range(0, n).Count(k => draws.Amount(k, 0) > 10) / (double)n;

        Assert.AreEqual(p, share, 4 * Math.Sqrt(p * (1 - p) / n));
        Assert.AreEqual(p, 1 - MathNet.Numerics.SpecialFunctions.BetaRegularized(7.0 / 3, 11.0 / 3, 5.0 / 9), 1e-12);
    }

    [TestMethod]
    public void Draw_KeepsEverythingButTheDrawnAmounts()
    {
        var schedule = ImmutableArray.Create(new ScheduledPayment(new CalendarMonth(2026, 3), 6), new ScheduledPayment(new CalendarMonth(2026, 9), 4));
        var scheduled = new Link("a", "b", LinkKind.Loan, 10) { Low = 5, High = 20, Schedule = schedule, Rate = 0.1, Note = "scheduled" };
        var term = new Link("b", "c", LinkKind.ComputeContract, 30) { Low = 20, TermYears = 3, Source = "term" };
        var plain = new Link("a", "c", LinkKind.Equity, 7);
        var point = new Link("c", "b", LinkKind.Services, 2) { Low = 2, High = 2 };
        var network = Ranged(scheduled, term, plain, point);
        var draws = new AmountDraws(network, seed: 5);

        var drawn = draws.Draw(17);

        CollectionAssert.AreEqual(new[] { 0, 1 }, draws.RangedLinks.ToArray(), "a point range is not drawn");
        Assert.AreSame(network.Links[2], drawn.Links[2], "a link without a range is the same link");
        Assert.AreSame(network.Links[3], drawn.Links[3]);
        Assert.AreSame(network.Entities[0], drawn.Entities[0]);
        Assert.AreSame(network.Metadata, drawn.Metadata);
        var x = drawn.Links[0].Amount;
        Assert.AreEqual(draws.Amount(17, 0), x);
        Assert.AreNotEqual(10.0, x);
        Assert.AreEqual(scheduled with { Amount = x, Schedule = [schedule[0] with { Amount = 6 * x / 10 }, schedule[1] with { Amount = 4 * x / 10 }] }, drawn.Links[0]);
        var y = drawn.Links[1].Amount;
        Assert.IsTrue(y is >= 20 and <= 30, "only low given: the range is [low, amount]");
        Assert.AreEqual(term with { Amount = y }, drawn.Links[1]);

        // The compact index and the dated terms read the drawn amounts; the network is valid as built.
        CollectionAssert.AreEqual(new[] { x, y, 7, 2 }, drawn.Index.Amount);
        CollectionAssert.AreEqual(new[] { 0.6 * x, 0.4 * x }, drawn.Index.Terms.PaymentAmounts(0).ToArray(), new ToleranceComparer(1e-12));
        CollectionAssert.AreEqual(new[] { 10.0, 30, 7, 2 }, network.Index.Amount, "the given network is not changed");
        Assert.IsEmpty(drawn.ToBuilder().Validate());
        Assert.AreEqual(x + 2, drawn.Inflow("b"));
    }

    // The drawn index is a copy constructor of NetworkIndex: every field but the amounts, the links and the lazily built
    // link terms must be carried over. A field added to NetworkIndex and forgotten there fails here.
    [TestMethod]
    public void WithAmounts_CarriesEveryOtherFieldOfTheIndex()
    {
        var network = AiContagion.Io.FinancingNetworkFile.Load(Repo.TestData("Uncertainty", "ai-chain-ranged.json"));
        _ = network.Index.EntityTerms;
        var drawn = new AmountDraws(network).Draw(0);
        string[] differing = ["<Amount>k__BackingField", "_links", "_terms"];

        var fields = typeof(NetworkIndex).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public);

        Assert.IsGreaterThan(20, fields.Length);
        foreach (var field in fields)
        {
            var (before, after) = (field.GetValue(network.Index), field.GetValue(drawn.Index));
            if (differing.Contains(field.Name))
            {
                continue;
            }

            Assert.IsTrue(field.FieldType.IsValueType ? Equals(before, after) : ReferenceEquals(before, after), $"NetworkIndex.{field.Name} is not carried over by WithAmounts");
        }

        Assert.AreNotSame(network.Index.Amount, drawn.Index.Amount);
    }

    // A drawn network keeps the holdings layer (issue 20) as it is: the assets, the holdings and their compact rows, which
    // do not depend on the links; a fire sale on the drawn network sees the same holdings.
    [TestMethod]
    public void Draw_KeepsTheHoldingsLayer()
    {
        var network = Ranged(new Link("a", "b", LinkKind.Equity, 10) { Low = 5, High = 14 }).ToBuilder()
            .AddAsset(new Asset("gpu-collateral") { MarketSize = 100 })
            .AddHolding(new Holding("c", "gpu-collateral", 20))
            .Build();
        _ = network.HoldingIndex;

        var drawn = new AmountDraws(network).Draw(0);

        Assert.AreNotSame(network, drawn);
        Assert.AreEqual(network.Assets, drawn.Assets);
        Assert.AreEqual(network.Holdings, drawn.Holdings);
        Assert.AreEqual(0, drawn.AssetIndexOf("gpu-collateral"));
        Assert.AreSame(network.HoldingIndex, drawn.HoldingIndex);
        Assert.IsEmpty(drawn.ToBuilder().Validate());
    }

    [TestMethod]
    public void Draw_WithoutRanges_IsTheNetworkItself()
    {
        var network = Networks.ToyChain();

        var draws = new AmountDraws(network, AmountDistribution.Pert, 9);

        Assert.IsEmpty(draws.RangedLinks);
        Assert.AreSame(network, draws.Draw(3));
    }

    // A stated amount of 0 (low = 0) with a schedule of zeros cannot be scaled: the drawn amount is spread evenly.
    [TestMethod]
    public void Draw_ZeroAmountSchedule_SpreadEvenly()
    {
        var schedule = ImmutableArray.Create(new ScheduledPayment(new CalendarMonth(2026, 3), 0), new ScheduledPayment(new CalendarMonth(2026, 4), 0));
        var network = Ranged(new Link("a", "b", LinkKind.Loan, 0) { High = 4, Schedule = schedule });

        var drawn = new AmountDraws(network, AmountDistribution.Uniform, 2).Draw(0);

        var x = drawn.Links[0].Amount;
        Assert.IsTrue(x is > 0 and <= 4);
        CollectionAssert.AreEqual(new[] { x / 2, x / 2 }, drawn.Links[0].Schedule.Select(p => p.Amount).ToArray());
        Assert.IsEmpty(drawn.ToBuilder().Validate());
    }

    // A draw depends on (seed, draw, link) only: not on the order draws are made in, nor on which other links are ranged.
    [TestMethod]
    public void Amount_DependsOnSeedDrawAndLinkOnly()
    {
        var first = new Link("a", "b", LinkKind.Equity, 8) { Low = 5, High = 14 };
        var second = new Link("b", "c", LinkKind.Equity, 3);
        var one = new AmountDraws(Ranged(first, second), seed: 42);
        var two = new AmountDraws(Ranged(first, second with { Low = 1, High = 6 }), seed: 42);

        var forward = Enumerable.Range(0, 50).Select(k => one.Amount(k, 0)).ToArray();
        var backward = Enumerable.Range(0, 50).Reverse().Select(k => two.Amount(k, 0)).Reverse().ToArray();

        CollectionAssert.AreEqual(forward, backward);
        Assert.AreNotEqual(forward[0], new AmountDraws(Ranged(first, second), seed: 43).Amount(0, 0), "another seed, another draw");
        Assert.AreNotEqual(forward[0], forward[1]);
    }

    // Property: for any range and any distribution, every drawn amount lies in [low, high] and the drawn network is valid.
    [TestMethod]
    public void Draw_AnyRange_WithinRangeAndValid()
    {
        Gen.Select(Gen.Double[0, 100], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Enum<AmountDistribution>(), Gen.Long, Gen.Int[0, 1000])
            .Sample((low, modeShare, highShare, distribution, seed, draw) =>
            {
                var amount = low + (modeShare * 50);
                var high = amount + (highShare * 50);
                var network = Ranged(new Link("a", "b", LinkKind.Loan, amount) { Low = low, High = high, TermYears = 2 });
                var drawn = new AmountDraws(network, distribution, seed).Draw(draw);
                var x = drawn.Links[0].Amount;
                return x >= low && x <= high && double.IsFinite(x) && drawn.ToBuilder().Validate().Count == 0;
            });
    }

    [TestMethod]
    public void Constructor_BadArguments_Throw()
    {
        var network = Networks.ToyChain();

        Assert.ThrowsExactly<ArgumentNullException>(() => new AmountDraws(null!));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AmountDraws(network, (AmountDistribution)7));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AmountDraws(network).Draw(-1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AmountDraws(network).Amount(0, network.LinkCount));
    }

    private sealed class ToleranceComparer(double tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((double)x! - (double)y!) <= tolerance ? 0 : 1;
    }
}
