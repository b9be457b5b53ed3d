using AiContagion.Cascades;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>Invariants every model must keep, checked with CsCheck on random networks.</summary>
[TestClass]
public sealed class CascadeInvariantTests
{
    private const int Iterations = 300;

    // The clearing property needs more samples: the cases where the exact step must fall back (senior liabilities or
    // α < 1 with a binding zero floor) are a minority, and 300 samples did not catch a seeded bug there; 4,000 did.
    private const int ClearingIterations = 4000;

    private static readonly ICascadeModel[] ClearingModels =
    [
        new EisenbergNoeClearing(),
        new EisenbergNoeClearing(new ClearingOptions { Seniority = ExternalLiabilitySeniority.Senior }),
        new RogersVeraartClearing(new RogersVeraartOptions { Alpha = 0.6, Beta = 0.9 }),
        new RogersVeraartClearing(new RogersVeraartOptions { Alpha = 0.3, Beta = 0.5, Seniority = ExternalLiabilitySeniority.Senior }),
    ];

    // Clearing payments lie in [0, p̄] and are a fixed point of the clearing map, recomputed here from the links by
    // docs/concepts.md#links independently of the engine; and the fictitious-default result equals plain fixed-point iteration
    // from p̄ (Eisenberg–Noe 2001, Rogers–Veraart 2013: the greatest clearing vector is its limit).
    [TestMethod]
    public void Clearing_PaymentsBoundedFixedPointAndEqualToPicardIteration()
    {
        var gen = from network in CascadeGen.Network
                  from loss in Gen.Double[0, 1].Array[network.EntityCount]
                  from model in Gen.Int[0, ClearingModels.Length - 1]
                  select (network, loss, model);
        gen.Sample((network, loss, modelIndex) =>
        {
            var model = ClearingModels[modelIndex];
            var (alpha, beta, senior) = Parameters(model);
            var shock = new CascadeShock { ExternalAssetLosses = [.. network.Entities.Select((e, i) => new EntityShock(e.Id, Math.Round(loss[i], 2)))] };
            var result = model.Run(network, shock);
            var map = new ClearingMap(network, shock, alpha, beta, senior);
            var p = result.Entities.Select(e => senior ? e.NetworkPayment!.Value : e.Payment!.Value).ToArray();

            for (var i = 0; i < p.Length; i++)
            {
                Assert.IsTrue(p[i] >= 0 && p[i] <= map.Pbar[i] + 1e-9, $"{model}: p[{i}] = {p[i]} outside [0, {map.Pbar[i]}]");
            }

            var image = map.Apply(p);
            var (picard, converged) = map.IterateFromTop();
            for (var i = 0; i < p.Length; i++)
            {
                Assert.AreEqual(p[i], image[i], 1e-7 * Math.Max(1, map.Pbar[i]), $"{model}: not a fixed point at {i}");
                if (!converged)
                {
                    // A nearly closed group of defaulters makes plain iteration crawl; its iterates still bound the
                    // greatest clearing vector from above.
                    Assert.IsLessThanOrEqualTo(picard[i] + (1e-9 * Math.Max(1, map.Pbar[i])), p[i], $"{model}: above the Picard iterates at {i}");
                    continue;
                }

                Assert.AreEqual(picard[i], p[i], 1e-6 * Math.Max(1, map.Pbar[i]), $"{model}: differs from Picard iteration at {i}");
                var defaults = map.Solvent(picard, i) < map.Pbar[i] - (1e-9 * Math.Max(1, map.Pbar[i]));
                if (Math.Abs(map.Solvent(picard, i) - map.Pbar[i]) > 1e-6 * Math.Max(1, map.Pbar[i]))
                {
                    Assert.AreEqual(defaults, result.Entities[i].Failed, $"{model}: default flag at {i}");
                }
            }
        }, iter: ClearingIterations);
    }

    // More shock never means fewer failures, for every threshold model: a superset of withdrawals (funding, chain),
    // of initial failures (credit, chain, Gai–Kapadia, and DebtRank's h = 1), of external-asset losses (clearing).
    [TestMethod]
    public void ThresholdModels_MoreShock_NeverFewerFailures()
    {
        var withdrawModels = new ICascadeModel[] { new FundingWithdrawalCascade(), new ChainCascade() };
        var failModels = new ICascadeModel[]
        {
            new FundingWithdrawalCascade(), new CreditLossCascade(), new ChainCascade(), new GaiKapadiaCascade(),
            new CreditLossCascade(new SolvencyOptions { Rule = FailureRule.LossReachesCapital, Recovery = RecoveryRates.Uniform(0.3) }),
            new GaiKapadiaCascade(new GaiKapadiaOptions { Rule = FailureRule.LossReachesCapital }),
            new SingleHitDebtRank(), new LinearDebtRank(),
        };
        CascadeGen.WithSubsets.Sample(t =>
        {
            var (network, pick, more) = t;
            var small = network.Entities.Where((_, i) => pick[i]).Select(e => e.Id).ToArray();
            var large = network.Entities.Where((_, i) => pick[i] || more[i]).Select(e => e.Id).ToArray();
            foreach (var model in withdrawModels)
            {
                AssertSubset(model.Run(network, CascadeShock.Withdraw(small)), model.Run(network, CascadeShock.Withdraw(large)), model);
                AssertSubset(model.Run(network, CascadeShock.Withdraw(0.3, small)), model.Run(network, CascadeShock.Withdraw(0.6, small)), model);
            }

            foreach (var model in failModels)
            {
                AssertSubset(model.Run(network, CascadeShock.Fail(small)), model.Run(network, CascadeShock.Fail(large)), model);
            }

            foreach (var model in ClearingModels.Append(new CreditLossCascade()).Append(new GaiKapadiaCascade()))
            {
                AssertSubset(
                    model.Run(network, CascadeShock.ExternalAssetsLostByAll(network, 0.2)),
                    model.Run(network, new CascadeShock { ExternalAssetLosses = [.. network.Entities.Select((e, i) => new EntityShock(e.Id, more[i] ? 0.7 : 0.2))] }),
                    model);
            }
        }, iter: Iterations);
    }

    // DebtRank: h stays in [0, 1]; more initial distress never means less final distress; R ≥ 0.
    [TestMethod]
    public void DebtRank_DistressBoundedAndMonotone()
    {
        var gen = from network in CascadeGen.Network
                  from h in Gen.Double[0, 1].Array[network.EntityCount]
                  from extra in Gen.Double[0, 1].Array[network.EntityCount]
                  select (network, h, extra);
        gen.Sample((network, h, extra) =>
        {
            foreach (var model in new ICascadeModel[] { new SingleHitDebtRank(), new LinearDebtRank() })
            {
                var low = model.Run(network, new CascadeShock { Distress = [.. network.Entities.Select((e, i) => new EntityShock(e.Id, h[i] * 0.5))] });
                var high = model.Run(network, new CascadeShock { Distress = [.. network.Entities.Select((e, i) => new EntityShock(e.Id, Math.Min(1, (h[i] * 0.5) + (extra[i] * 0.5))))] });
                for (var i = 0; i < network.EntityCount; i++)
                {
                    var a = low.Entities[i].Distress!.Value;
                    var b = high.Entities[i].Distress!.Value;
                    Assert.IsTrue(a >= 0 && a <= 1 && b >= 0 && b <= 1, $"{model}: h out of [0, 1]");
                    if (model is SingleHitDebtRank)
                    {
                        // Single-hit DebtRank is not monotone in general (a distressed entity passes distress on once,
                        // so an earlier hit can shield a later one); only the bounds are invariant.
                        continue;
                    }

                    Assert.IsTrue(b >= a - 1e-9, $"{model}: more initial distress gave less final distress at {i}");
                }

                Assert.IsGreaterThanOrEqualTo(-1e-12, low.DebtRank!.Value, $"{model}: negative DebtRank");
            }
        }, iter: Iterations);
    }

    // No model mutates its input: entities, links and the compact index are unchanged after every model ran.
    [TestMethod]
    public void AllModels_NeverMutateTheNetwork()
    {
        CascadeGen.WithSubsets.Sample(t =>
        {
            var (network, pick, _) = t;
            var entities = network.Entities.ToArray();
            var links = network.Links.ToArray();
            var index = network.Index;
            var amounts = (double[])index.Amount.Clone();
            var from = (int[])index.LinkFrom.Clone();
            var capital = (double[])index.Capital.Clone();
            var external = (double[])index.ExternalAssets.Clone();
            var ids = network.Entities.Where((_, i) => pick[i]).Select(e => e.Id).ToArray();
            foreach (var kind in CascadeModels.All)
            {
                var model = CascadeModels.Create(kind);
                model.Run(network, CascadeShock.Withdraw(0.5, ids));
                model.Run(network, CascadeShock.Fail(ids));
                if (model.Accepts.HasFlag(ShockChannels.ExternalAssets))
                {
                    model.Run(network, CascadeShock.ExternalAssetsLostByAll(network, 0.5));
                }
            }

            CollectionAssert.AreEqual(entities, network.Entities.ToArray());
            CollectionAssert.AreEqual(links, network.Links.ToArray());
            CollectionAssert.AreEqual(amounts, index.Amount);
            CollectionAssert.AreEqual(from, index.LinkFrom);
            CollectionAssert.AreEqual(capital, index.Capital);
            CollectionAssert.AreEqual(external, index.ExternalAssets);
        }, iter: 100);
    }

    // Every result is internally consistent: counts match the outcomes, failed entities carry rounds, and every
    // down link has a cause and a round no later than the result's.
    [TestMethod]
    public void AllModels_ResultShapeIsConsistent()
    {
        CascadeGen.WithSubsets.Sample(t =>
        {
            var (network, pick, _) = t;
            var ids = network.Entities.Where((_, i) => pick[i]).Select(e => e.Id).ToArray();
            foreach (var kind in CascadeModels.All)
            {
                var result = CascadeModels.Create(kind).Run(network, CascadeShock.Fail(ids));
                Assert.HasCount(network.EntityCount, result.Entities);
                Assert.HasCount(network.LinkCount, result.Links);
                Assert.AreEqual(result.LinksDown, result.Links.Count(l => l.Down));
                Assert.AreEqual(result.EntitiesFailed, result.Entities.Count(e => e.Failed));
                Assert.AreEqual(result.AmountDown, result.Links.Sum(l => l.AmountDown), 1e-9);
                Assert.IsTrue(result.Entities.All(e => e.Failed == e.Round.HasValue));
                Assert.IsTrue(result.Links.All(l => l.Down == (l.Cause != LinkDownCause.None) && l.Down == l.Round.HasValue && (l.Round ?? 0) <= result.Rounds));
                Assert.IsTrue(ids.All(id => result.Entity(id).Failed && result.Entity(id).Round == 0 && result.Entity(id).Shocked), kind.ToString());
                Assert.AreEqual(result.EntitiesFailed, result.History.Sum(r => r.Failed.Length));
                Assert.AreEqual(result.LinksDown, result.History.Sum(r => r.LinksDown));
            }
        }, iter: 150);
    }

    // The summary path (no outcomes built; what the ranking and stress runs use) gives exactly the full result's numbers.
    [TestMethod]
    public void AllModels_SummarizeEqualsRunSummary()
    {
        CascadeGen.WithSubsets.Sample(t =>
        {
            var (network, pick, more) = t;
            var withdrawn = network.Entities.Where((_, i) => pick[i]).Select(e => e.Id).ToArray();
            var failed = network.Entities.Where((_, i) => more[i] && !pick[i]).Select(e => e.Id).ToArray();
            var shock = CascadeShock.Withdraw(0.7, withdrawn).Combine(CascadeShock.Fail(failed));
            foreach (var kind in CascadeModels.All)
            {
                var prepared = CascadeModels.Create(kind).Prepare(network);
                Assert.AreEqual(prepared.Run(shock).Summary, prepared.Summarize(shock), kind.ToString());
            }
        }, iter: 150);
    }

    private static void AssertSubset(CascadeResult smaller, CascadeResult larger, ICascadeModel model)
    {
        for (var i = 0; i < smaller.Entities.Length; i++)
        {
            if (smaller.Entities[i].Failed)
            {
                Assert.IsTrue(larger.Entities[i].Failed, $"{model}: {smaller.Entities[i].Id} failed under the smaller shock only ({smaller.Shocked.Length} vs {larger.Shocked.Length} shocked)");
            }
        }

        Assert.IsGreaterThanOrEqualTo(smaller.LinksDown, larger.LinksDown, $"{model}: fewer links down under more shock");
    }

    private static (double Alpha, double Beta, bool Senior) Parameters(ICascadeModel model) => model switch
    {
        EisenbergNoeClearing en => (1, 1, en.Options.Seniority == ExternalLiabilitySeniority.Senior),
        RogersVeraartClearing rv => (rv.Options.Alpha, rv.Options.Beta, rv.Options.Seniority == ExternalLiabilitySeniority.Senior),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    /// <summary>The clearing map written out directly from docs/concepts.md#links and the papers, for the invariant tests.</summary>
    private sealed class ClearingMap
    {
        private readonly List<(int Debtor, int Creditor, double Amount)> _obligations = [];
        private readonly double[] _e;
        private readonly double[] _ext;
        private readonly double _alpha;
        private readonly double _beta;
        private readonly bool _senior;

        public ClearingMap(FinancingNetwork network, CascadeShock shock, double alpha, double beta, bool senior)
        {
            _alpha = alpha;
            _beta = beta;
            _senior = senior;
            var n = network.EntityCount;
            _e = network.Entities.Select(e => e.ExternalAssets ?? 0).ToArray();
            foreach (var hit in shock.ExternalAssetLosses)
            {
                _e[network.IndexOf(hit.Id)] *= 1 - hit.Value;
            }

            _ext = network.Entities.Select(e => e.ExternalLiabilities ?? 0).ToArray();
            Pbar = new double[n];
            foreach (var link in network.Links)
            {
                if (link.Debtor is { } debtor)
                {
                    var d = network.IndexOf(debtor);
                    _obligations.Add((d, network.IndexOf(link.Creditor!), link.Amount));
                    Pbar[d] += link.Amount;
                }
            }

            for (var i = 0; i < n; i++)
            {
                Pbar[i] += senior ? 0 : _ext[i];
            }
        }

        public double[] Pbar { get; }

        public double Solvent(double[] p, int i) => _e[i] + Inflow(p)[i] - (_senior ? _ext[i] : 0);

        public double[] Apply(double[] p)
        {
            var inflow = Inflow(p);
            var next = new double[p.Length];
            for (var i = 0; i < p.Length; i++)
            {
                var solvent = _e[i] + inflow[i] - (_senior ? _ext[i] : 0);
                // Solvent when it can pay p̄ within the documented relative slack of 1e-12 (a sum that equals p̄ on
                // paper may come out 1 ulp short; Rogers–Veraart jumps there, so the slack matters).
                next[i] = solvent >= Pbar[i] - (1e-12 * Math.Max(Math.Abs(solvent), Pbar[i])) ? Pbar[i] : Math.Clamp((_alpha * _e[i]) + (_beta * inflow[i]) - (_senior ? _ext[i] : 0), 0, Pbar[i]);
            }

            return next;
        }

        public (double[] P, bool Converged) IterateFromTop()
        {
            var p = (double[])Pbar.Clone();
            for (var step = 0; step < 200_000; step++)
            {
                var next = Apply(p);
                var change = next.Zip(p, (a, b) => Math.Abs(a - b)).Max();
                p = next;
                if (change < 1e-13)
                {
                    return (p, true);
                }
            }

            return (p, false);
        }

        private double[] Inflow(double[] p)
        {
            var inflow = new double[p.Length];
            foreach (var (debtor, creditor, amount) in _obligations)
            {
                if (Pbar[debtor] > 0)
                {
                    inflow[creditor] += amount / Pbar[debtor] * p[debtor];
                }
            }

            return inflow;
        }
    }
}
