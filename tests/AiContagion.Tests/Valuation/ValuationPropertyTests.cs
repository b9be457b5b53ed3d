using AiContagion.Cascades;
using AiContagion.Model;
using AiContagion.Tests.Cascades;
using AiContagion.Valuation;
using CsCheck;

namespace AiContagion.Tests.Valuation;

/// <summary>
/// Invariants of the cross-holdings valuation on random networks (CsCheck): it equals Eisenberg–Noe without stakes and
/// layers; it is a fixed point equal to plain iteration from above, computed here independently from the links; more
/// shock never gives more value, equity or payments; its sensitivities are non-negative and agree with finite
/// differences away from regime boundaries.
/// </summary>
[TestClass]
public sealed class ValuationPropertyTests
{
    // Without stakes and with one layer the valuation is Eisenberg–Noe: debtPaid = the clearing vector (Payment),
    // netWorth = the clearing model's equity, defaulted = failed; external liabilities pari passu (WithSenior) or senior
    // (First), on networks with every link kind (Equity and SPV links carry no obligation in either).
    [TestMethod]
    public void EisenbergNoeOptions_EqualTheClearingModel()
    {
        var gen = from network in CascadeGen.Network
                  from loss in Gen.Double[0, 1].Array[network.EntityCount]
                  from senior in Gen.Bool
                  select (network, loss, senior);
        gen.Sample((network, loss, senior) =>
        {
            var losses = network.Entities.Select((e, i) => (e.Id, Math.Round(loss[i], 2))).ToDictionary(x => x.Id, x => x.Item2);
            var shock = new CascadeShock { ExternalAssetLosses = [.. losses.Select(x => new EntityShock(x.Key, x.Value))] };
            var clearing = new EisenbergNoeClearing(new ClearingOptions { Seniority = senior ? ExternalLiabilitySeniority.Senior : ExternalLiabilitySeniority.PariPassu })
                .Run(network, shock);
            var options = ValuationOptions.EisenbergNoe with { ExternalLiabilities = senior ? ExternalLiabilityRank.First : ExternalLiabilityRank.WithSenior };

            var valuation = new CrossHoldingsValuation(network, options).Value(losses);

            for (var i = 0; i < network.EntityCount; i++)
            {
                var en = clearing.Entities[i];
                var row = valuation.Entities[i];
                var scale = Math.Max(1, row.DebtOwed);
                Assert.AreEqual(en.Payment!.Value, row.DebtPaid, 1e-9 * scale, $"payment of {row.Id}");
                Assert.AreEqual(en.Equity!.Value, row.NetWorth, 1e-9 * scale, $"equity of {row.Id}");
                if (Math.Abs(row.NetWorth) > 1e-9 * scale)
                {
                    Assert.AreEqual(en.Failed, row.Defaulted, $"default of {row.Id}");
                }
            }
        }, iter: 300);
    }

    // The greatest fixed point: the result solves the equations (recomputed from the links, independently of the
    // engine), lies in its bounds, and equals plain (Jacobi) iteration from a point above every fixed point.
    [TestMethod]
    public void Value_IsTheGreatestFixedPoint_RecomputedFromTheLinks()
    {
        var compared = 0;
        var gen = from network in ValuationGen.Network
                  from rank in Gen.Enum<ExternalLiabilityRank>()
                  select (network, rank);
        gen.Sample((network, rank) =>
        {
            var options = new ValuationOptions { ExternalLiabilities = rank };
            var result = new CrossHoldingsValuation(network, options).Value();
            var reference = new ReferenceValuation(network, rank);
            var v = result.Entities.Select(e => e.Value).ToArray();
            var image = reference.Map(v);
            for (var i = 0; i < v.Length; i++)
            {
                var row = result.Entities[i];
                var scale = Math.Max(1, Math.Max(row.Value, row.DebtOwed));
                Assert.AreEqual(v[i], image[i], 1e-9 * scale, $"{row.Id}: not a fixed point");
                Assert.IsGreaterThanOrEqualTo(row.ExternalAssets - (1e-12 * scale), row.Value, row.Id);
                Assert.AreEqual(Math.Max(0, row.NetWorth), row.Equity, 1e-12 * scale, row.Id);
                Assert.AreEqual(Math.Min(row.Value, row.DebtOwed), row.DebtPaid, 1e-12 * scale, row.Id);
                Assert.AreEqual(row.DebtOwed, reference.Owed[i], 1e-12 * scale, row.Id);
                Assert.AreEqual(row.DebtPaid, row.PaidByLayer.Sum(), 1e-12 * scale, row.Id);
            }

            var (picard, converged) = reference.IterateFromAbove();
            if (converged)
            {
                compared++;
                for (var i = 0; i < v.Length; i++)
                {
                    Assert.AreEqual(picard[i], v[i], 1e-7 * Math.Max(1, picard[i]), $"{result.Entities[i].Id}: differs from iteration from above");
                }
            }
        }, iter: 300);
        Assert.IsGreaterThan(200, compared, "most cases converge under plain iteration");
    }

    // Monotonicity: more loss of external assets (a superset, or larger fractions) never gives any firm more value,
    // equity, net worth or payments.
    [TestMethod]
    public void MoreShock_NeverMoreValue()
    {
        var gen = from network in ValuationGen.Network
                  from a in Gen.Double[0, 1].Array[network.EntityCount]
                  from b in Gen.Double[0, 1].Array[network.EntityCount]
                  from rank in Gen.Enum<ExternalLiabilityRank>()
                  select (network, a, b, rank);
        gen.Sample((network, a, b, rank) =>
        {
            var model = new CrossHoldingsValuation(network, new ValuationOptions { ExternalLiabilities = rank });
            var small = network.Entities.Select((e, i) => (e.Id, Math.Min(a[i], b[i]))).ToDictionary(x => x.Id, x => x.Item2);
            var large = network.Entities.Select((e, i) => (e.Id, Math.Max(a[i], b[i]))).ToDictionary(x => x.Id, x => x.Item2);

            var less = model.Value(small);
            var more = model.Value(large);

            for (var i = 0; i < network.EntityCount; i++)
            {
                var (x, y) = (less.Entities[i], more.Entities[i]);
                var slack = 1e-9 * Math.Max(1, x.Value);
                Assert.IsLessThanOrEqualTo(x.Value + slack, y.Value, $"value of {x.Id}");
                Assert.IsLessThanOrEqualTo(x.Equity + slack, y.Equity, $"equity of {x.Id}");
                Assert.IsLessThanOrEqualTo(x.DebtPaid + slack, y.DebtPaid, $"debt paid by {x.Id}");
                Assert.IsLessThanOrEqualTo(x.NetWorth + slack, y.NetWorth, $"net worth of {x.Id}");
                Assert.IsTrue(!x.Defaulted || y.Defaulted || Math.Abs(y.NetWorth) <= slack, $"{x.Id} defaults with less shock only");
            }
        }, iter: 300);
    }

    // The systemic greeks: non-negative (the valuation is monotone), a firm's value moves at least one-for-one with its
    // own assets, and they agree with finite differences wherever no firm changes regime.
    [TestMethod]
    public void Sensitivities_NonNegativeAndAgreeWithFiniteDifferences()
    {
        var columns = 0;
        ValuationGen.Network.Sample(network =>
        {
            var model = new CrossHoldingsValuation(network);
            var at = model.Value();
            var greeks = model.Sensitivities(at);
            foreach (var column in greeks.Columns)
            {
                Assert.IsTrue(column.IsDefined, column.ToString());
                Assert.IsGreaterThanOrEqualTo(1 - 1e-12, column.Value(column.WithRespectTo), column.ToString());
                foreach (var row in column.Entries)
                {
                    Assert.IsTrue(row.Value >= -1e-12 && row.Equity >= -1e-12 && row.DebtValue >= -1e-12, $"{row} / {column.WithRespectTo}");
                    Assert.AreEqual(row.Value, row.Equity + row.DebtValue, 1e-12 * Math.Max(1, row.Value), "the value moves the equity or the debt");
                }
            }

            Interlocked.Add(ref columns, FiniteDifferences.Check(model, at, network.Metadata.Title ?? "random"));
        }, iter: 150);
        Assert.IsGreaterThan(300, columns, "enough columns away from regime boundaries");
    }
}

/// <summary>Random networks with stakes (shares of one firm below 0.9 in total: no closed group), junior debt and external liabilities.</summary>
internal static class ValuationGen
{
    private static readonly LinkKind[] Kinds =
    [
        LinkKind.Loan, LinkKind.Bond, LinkKind.CreditFacility, LinkKind.VendorFinancing, LinkKind.Equity, LinkKind.Equity, LinkKind.Services,
        LinkKind.ComputeContract, LinkKind.SpvContribution,
    ];

    /// <summary>2 to 8 entities, up to 4n links.</summary>
    public static readonly Gen<FinancingNetwork> Network =
        from n in Gen.Int[2, 8]
        from assets in Gen.Select(Gen.Int[0, 3], Gen.Double[0, 20]).Array[n]
        from liabilities in Gen.Select(Gen.Int[0, 2], Gen.Double[0, 10]).Array[n]
        from links in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 2], Gen.Int[0, Kinds.Length - 1], Gen.Double[0.5, 10], Gen.Bool, Gen.Double[0.05, 1]).Array[0, 4 * n]
        from seed in Gen.Int
        select Build(assets, liabilities, links, seed);

    private static FinancingNetwork Build((int Present, double Value)[] assets, (int Present, double Value)[] liabilities, (int From, int To, int Kind, double Amount, bool Junior, double Weight)[] links, int seed)
    {
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { Title = $"valuation case {seed}" });
        for (var i = 0; i < assets.Length; i++)
        {
            builder.AddEntity(new Entity($"e{i}", Sector.Bank)
            {
                ExternalAssets = assets[i].Present == 0 ? null : Math.Round(assets[i].Value, 3),
                ExternalLiabilities = liabilities[i].Present == 0 ? null : Math.Round(liabilities[i].Value, 3),
            });
        }

        var stakesInto = new int[assets.Length];
        foreach (var link in links)
        {
            if (Kinds[link.Kind] == LinkKind.Equity && link.Weight > 0.1)
            {
                stakesInto[Target(link)]++;
            }
        }

        foreach (var link in links)
        {
            var kind = Kinds[link.Kind];
            var to = Target(link);
            var amount = Math.Round(link.Amount, 3);
            builder.AddLink(new Link($"e{link.From}", $"e{to}", kind, amount)
            {
                Seniority = kind.IsDebt() && link.Junior ? DebtSeniority.Junior : null,
                Share = kind == LinkKind.Equity && link.Weight > 0.1 ? Math.Max(1e-4, Math.Round(0.9 * link.Weight / stakesInto[to], 4)) : null,
            });
        }

        return builder.Build();
    }

    private static int Target((int From, int To, int Kind, double Amount, bool Junior, double Weight) link) => link.To >= link.From ? link.To + 1 : link.To;
}

/// <summary>
/// The valuation written directly from its definition on dense per-layer matrices built from the links (test oracle,
/// independent of the engine's CSR form and algorithm).
/// </summary>
internal sealed class ReferenceValuation
{
    private readonly int _n;
    private readonly int _layers;
    private readonly double[,,] _owes; // [layer, debtor, creditor]
    private readonly double[,] _layerOwed; // [debtor, layer]
    private readonly double[,] _share; // [holder, issuer]
    private readonly double[] _e;

    public ReferenceValuation(FinancingNetwork network, ExternalLiabilityRank rank)
    {
        _n = network.EntityCount;
        _layers = 3; // 0 = external-first, 1 = senior, 2 = junior (empty layers change nothing)
        _owes = new double[_layers, _n, _n];
        _layerOwed = new double[_n, _layers];
        _share = new double[_n, _n];
        _e = [.. network.Entities.Select(x => x.ExternalAssets ?? 0)];
        Owed = new double[_n];
        foreach (var link in network.Links)
        {
            var from = network.IndexOf(link.From);
            var to = network.IndexOf(link.To);
            if (link.Kind.IsDebt())
            {
                var layer = link.Seniority == DebtSeniority.Junior ? 2 : 1;
                _owes[layer, to, from] += link.Amount;
            }
            else if (link.Kind.Class() == LinkClass.Commercial)
            {
                _owes[1, from, to] += link.Amount;
            }
            else if (link.Kind == LinkKind.Equity && link.Share is { } share)
            {
                _share[from, to] += share;
            }
        }

        var externalLayer = rank switch { ExternalLiabilityRank.First => 0, ExternalLiabilityRank.WithJunior => 2, _ => 1 };
        for (var i = 0; i < _n; i++)
        {
            _layerOwed[i, externalLayer] += network.Entities[i].ExternalLiabilities ?? 0;
            for (var s = 0; s < _layers; s++)
            {
                for (var j = 0; j < _n; j++)
                {
                    _layerOwed[i, s] += _owes[s, i, j];
                }

                Owed[i] += _layerOwed[i, s];
            }
        }
    }

    public double[] Owed { get; }

    /// <summary>Φ(V): V_i = e_i + Σ_s Σ_j (L_s[j][i] / p̄_js) p_js + Σ_k C[i][k] max(0, V_k − D_k).</summary>
    public double[] Map(double[] v)
    {
        var paid = new double[_n, _layers];
        for (var j = 0; j < _n; j++)
        {
            var before = 0.0;
            for (var s = 0; s < _layers; s++)
            {
                paid[j, s] = Math.Min(_layerOwed[j, s], Math.Max(0, v[j] - before));
                before += _layerOwed[j, s];
            }
        }

        var next = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            var x = _e[i];
            for (var j = 0; j < _n; j++)
            {
                for (var s = 0; s < _layers; s++)
                {
                    if (_owes[s, j, i] > 0)
                    {
                        x += _owes[s, j, i] / _layerOwed[j, s] * paid[j, s];
                    }
                }

                x += _share[i, j] * Math.Max(0, v[j] - Owed[j]);
            }

            next[i] = x;
        }

        return next;
    }

    /// <summary>
    /// Jacobi iteration from U + 1, U the value with every claim at par and every stake at full value (computed from
    /// below); U + 1 lies above every fixed point, so the iterates tend to the greatest one.
    /// </summary>
    public (double[] Values, bool Converged) IterateFromAbove()
    {
        var u = new double[_n];
        for (var iteration = 0; iteration < 5_000; iteration++)
        {
            var next = new double[_n];
            for (var i = 0; i < _n; i++)
            {
                next[i] = _e[i];
                for (var j = 0; j < _n; j++)
                {
                    for (var s = 0; s < _layers; s++)
                    {
                        next[i] += _owes[s, j, i];
                    }

                    next[i] += _share[i, j] * u[j];
                }
            }

            u = next;
        }

        var v = u.Select(x => x + 1).ToArray();
        for (var iteration = 0; iteration < 100_000; iteration++)
        {
            var next = Map(v);
            var change = next.Zip(v, (a, b) => Math.Abs(a - b)).Max();
            v = next;
            if (change <= 1e-14 * Math.Max(1, v.Max()))
            {
                return (v, true);
            }
        }

        return (v, false);
    }
}
