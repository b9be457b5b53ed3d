using AiContagion.Cascades;
using AiContagion.Cascades.Engines;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// Invariants of the runway's channels on random networks (<see cref="RunwayGen"/>) given stakes (shares, valuations),
/// collateral (a stake or an asset, with a maxLtv) and a holdings layer: the channels off leave the model exactly as
/// without their data; turning a channel on never saves anyone; the ranking's comparison with the baseline (the month
/// loop when a channel is on) equals two full runs.
/// </summary>
[TestClass]
public sealed class RunwayChannelProperties
{
    private static readonly Gen<int[]> Decoration = Gen.Int[0, 1000].Array[64];

    // The channels off: a network with stakes, collateral and holdings runs exactly as the same network without them.
    [TestMethod]
    public void ChannelsOff_TheirDataChangesNothing()
    {
        var gen = from network in RunwayGen.Network
                  from draws in Decoration
                  from options in RunwayGen.Options
                  from shock in RunwayGen.Shock(network)
                  select (network, draws, options, shock);
        gen.Sample((network, draws, options, shock) =>
        {
            var decorated = Decorate(network, draws, lendersImmune: false);
            var plain = new RunwayCascade(options).Run(network, shock);
            var withData = new RunwayCascade(options).Run(decorated, shock);
            AssertSame(plain, withData);
        }, iter: 800);
    }

    // The channels on, on a network with no stake, no collateral and no holding: nothing for them to act on. With a
    // channel on every link is paid link by link; without, plain term streams run as monthly levels (RunwayStreams) —
    // so this is also the streams' check against the link-by-link loop: same failures, months, causes and links down,
    // cash and losses equal to rounding (the levels group the sums differently).
    [TestMethod]
    public void ChannelsOn_WithoutTheirData_ChangeNothing()
    {
        var gen = from network in RunwayGen.Network
                  from options in RunwayGen.Options
                  from shock in RunwayGen.Shock(network)
                  select (network, options, shock);
        gen.Sample((network, options, shock) =>
        {
            var off = new RunwayCascade(options).Run(network, shock);
            var on = new RunwayCascade(options with { StakeLosses = true, MarginCalls = true, CollateralSales = true }).Run(network, shock);
            AssertSame(off, on);
        }, iter: 3000);
    }

    // Turning a channel on never saves anyone: whoever fails without it fails with it, no later. (On networks without
    // debt service — where a firm failing earlier never spares its borrower interest on principal it no longer
    // disburses — and with the lenders of collateralised loans unlimited and immune: a margin call pays its lender early,
    // which may spare that lender; the XML docs say so.)
    [TestMethod]
    public void ChannelOn_NeverSavesAnyone()
    {
        var gen = from network in RunwayGen.NetworkWithoutDebtService
                  from draws in Decoration
                  from options in RunwayGen.Options
                  from shock in RunwayGen.Shock(network)
                  from channels in Gen.Int[1, 7]
                  select (network, draws, options, shock, channels);
        gen.Sample((network, draws, options, shock, channels) =>
        {
            var decorated = Decorate(network, draws, lendersImmune: true);
            var off = new RunwayCascade(options).Run(decorated, shock).Runway!;
            var onOptions = options with { StakeLosses = (channels & 1) != 0, MarginCalls = (channels & 2) != 0, CollateralSales = (channels & 4) != 0 };
            var on = new RunwayCascade(onOptions).Run(decorated, shock).Runway!;
            for (var v = 0; v < off.Entities.Length; v++)
            {
                if (off.Entities[v].FailedMonth is { } month)
                {
                    Assert.IsNotNull(on.Entities[v].FailedMonth, $"{off.Entities[v].Id} saved; channels {channels}");
                    Assert.IsLessThanOrEqualTo(month, on.Entities[v].FailedMonth!.Value, $"{off.Entities[v].Id} fails later; channels {channels}");
                }
            }
        }, iter: 1500);
    }

    // The ranking's comparison with the baseline, the channels on: the month loop (the fast path is off), equal to two full runs.
    [TestMethod]
    public void AgainstBaseline_ChannelsOn_EqualsTwoFullRuns()
    {
        var gen = from network in RunwayGen.Network
                  from draws in Decoration
                  from options in RunwayGen.Options
                  from shock in RunwayGen.Shock(network)
                  select (network, draws, options, shock);
        gen.Sample((network, draws, options, shock) =>
        {
            var decorated = Decorate(network, draws, lendersImmune: false);
            var engine = (RunwayEngine)new RunwayCascade(options with { StakeLosses = true, MarginCalls = true, CollateralSales = true }).Prepare(decorated);
            var resolved = ResolvedShock.Resolve(decorated, shock);
            var expected = BaselineDifference.Between(engine.Run(resolved, CancellationToken.None), engine.RunBaseline(), resolved);
            Assert.AreEqual(expected, engine.SummarizeAgainstBaseline(resolved, CancellationToken.None));
            Assert.AreEqual(0, engine.FastRuns);
        }, iter: 500);
    }

    internal static void AssertSame(CascadeResult expected, CascadeResult actual)
    {
        var a = expected.Runway!;
        var b = actual.Runway!;
        for (var v = 0; v < a.Entities.Length; v++)
        {
            Assert.AreEqual(a.Entities[v].FailedMonth, b.Entities[v].FailedMonth, a.Entities[v].Id);
            Assert.AreEqual(a.Entities[v].Failure?.Cause, b.Entities[v].Failure?.Cause, a.Entities[v].Id);
            AssertClose(a.Entities[v].Cash.ToArray(), b.Entities[v].Cash.ToArray(), a.Entities[v].Id);
        }

        AssertClose([.. expected.Entities.Select(e => e.CreditLoss ?? double.NaN)], [.. actual.Entities.Select(e => e.CreditLoss ?? double.NaN)], "credit losses");
        CollectionAssert.AreEqual(expected.Links.Select(l => (l.Round, l.Cause, l.AmountDown)).ToArray(), actual.Links.Select(l => (l.Round, l.Cause, l.AmountDown)).ToArray());
    }

    // Equal to 10⁻¹² of the larger magnitude (the model's own rounding slack is 10⁻⁹ of an entity's gross flows).
    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.HasCount(expected.Length, actual, what);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]) || double.IsNaN(actual[i]))
            {
                Assert.AreEqual(double.IsNaN(expected[i]), double.IsNaN(actual[i]), $"{what}, element {i}");
                continue;
            }

            var scale = Math.Max(1.0, Math.Max(Math.Abs(expected[i]), Math.Abs(actual[i])));
            Assert.AreEqual(expected[i], actual[i], 1e-12 * scale, $"{what}, element {i}");
        }
    }

    /// <summary>
    /// The network with the channels' data: valuations, shares on Equity links (at most 0.9 into one firm), two assets
    /// (gpu, hbm) with price impacts and holdings, and collateral — a stake of the borrower or an asset — with a maxLtv
    /// on some debt links. With <paramref name="lendersImmune"/>, the lenders of collateralised loans are funding
    /// sources without cash or capital figures (unlimited, immune).
    /// </summary>
    internal static FinancingNetwork Decorate(FinancingNetwork network, int[] draws, bool lendersImmune)
    {
        var next = 0;
        int Draw() => draws[next++ % draws.Length];
        var n = network.EntityCount;
        var links = network.Links.ToArray();
        var equityInto = new int[n];
        foreach (var link in links)
        {
            if (link.Kind == LinkKind.Equity)
            {
                equityInto[network.IndexOf(link.To)]++;
            }
        }

        var holdings = new List<Holding>();
        for (var v = 0; v < n; v++)
        {
            foreach (var asset in new[] { "gpu", "hbm" })
            {
                if (Draw() % 3 == 0)
                {
                    holdings.Add(new Holding(network.Entities[v].Id, asset, 1 + (Draw() % 40)));
                }
            }
        }

        var lenders = new HashSet<string>(StringComparer.Ordinal);
        for (var l = 0; l < links.Length; l++)
        {
            var link = links[l];
            if (link.Kind == LinkKind.Equity && Draw() % 4 != 0)
            {
                var count = equityInto[network.IndexOf(link.To)];
                links[l] = link with { Share = Math.Round(0.9 / count * (1 + (Draw() % 10)) / 10, 4) };
            }
            else if (link.Kind.IsDebt() && Draw() % 3 != 0)
            {
                var pick = Draw() % (n + 2);
                var collateral = pick < n ? network.Entities[pick].Id : pick == n ? "gpu" : "hbm";
                links[l] = link with { Collateral = collateral, MaxLtv = Draw() % 5 == 0 ? null : 0.2 + ((Draw() % 16) / 10.0) };
                lenders.Add(link.From);
            }
        }

        var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
        foreach (var entity in network.Entities)
        {
            var e = entity with { Valuation = Draw() % 2 == 0 ? Draw() % 60 : null };
            builder.AddEntity(lendersImmune && lenders.Contains(e.Id) ? e with { Cash = null, Capital = null, FundingSource = true } : e);
        }

        builder.AddAsset(new Asset("gpu") { PriceImpact = (Draw() % 5) / 50.0 });
        builder.AddAsset(new Asset("hbm") { MarketSize = 10 + (Draw() % 90) });
        foreach (var holding in holdings)
        {
            builder.AddHolding(holding);
        }

        foreach (var link in links)
        {
            builder.AddLink(link);
        }

        return builder.Build();
    }
}
