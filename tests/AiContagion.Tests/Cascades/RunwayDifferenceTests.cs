using AiContagion.Cascades;
using AiContagion.Cascades.Engines;
using AiContagion.Io;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// The runway ranking's fast path (the difference from the baseline run) against its definition: two full runs of the
/// month loop, with and without the shock, compared link by link and entity by entity.
/// </summary>
[TestClass]
public sealed class RunwayDifferenceTests
{
    // Same links down beyond the baseline, same amounts (summed in the same order: bit for bit), same firms failed,
    // failing earlier, and first failure month — on networks with every dated field, every option and shock.
    [TestMethod]
    public void AgainstBaseline_FastPathEqualsTwoFullRuns()
    {
        var fast = 0;
        var full = 0;
        var gen = from network in RunwayGen.Network
                  from options in RunwayGen.Options
                  from shock in RunwayGen.Shock(network)
                  select (network, options, shock);
        gen.Sample((network, options, shock) =>
        {
            var (expected, actual, engine) = Both(network, options, shock);
            Assert.AreEqual(expected, actual, Describe(network, options, shock));
            Interlocked.Add(ref fast, engine.FastRuns);
            Interlocked.Add(ref full, engine.FullRuns);
        }, iter: 4000);

        // The fast path must carry the test: it settled most candidates (the month loop ran for the rest).
        Assert.IsGreaterThan(3 * full, fast, $"fast path {fast}, month loop {full}");
    }

    // Without dated debt and with withdrawing sources that never fail (unlimited cash, no capital), a withdrawal only
    // harms the others: the fast path applies to every candidate, and still equals the full runs.
    [TestMethod]
    public void AgainstBaseline_WithoutDebtService_AlwaysTheFastPath()
    {
        var gen = from network in RunwayGen.NetworkWithoutDebtService
                  from options in RunwayGen.Options
                  from pick in Gen.Bool.Array[network.EntityCount]
                  from share in Gen.Double[0.1, 1]
                  select (network, options, pick, share);
        gen.Sample((network, options, pick, share) =>
        {
            var builder = FinancingNetwork.CreateBuilder().WithMetadata(network.Metadata);
            foreach (var e in network.Entities)
            {
                var i = network.IndexOf(e.Id);
                builder.AddEntity(pick[i] ? e with { Cash = null, Capital = null, FundingSource = true } : e);
            }

            foreach (var l in network.Links)
            {
                builder.AddLink(l);
            }

            var withSources = builder.Build();
            var shock = new CascadeShock { Withdrawals = [.. withSources.Entities.Where((_, i) => pick[i]).Select(e => new Withdrawal(e.Id, Math.Round(share, 2)))] };
            var (expected, actual, engine) = Both(withSources, options, shock);
            Assert.AreEqual(expected, actual, Describe(withSources, options, shock));
            Assert.AreEqual(0, engine.FullRuns, Describe(withSources, options, shock));
        }, iter: 1500);
    }

    private static (BaselineDifference Expected, BaselineDifference Actual, RunwayEngine Engine) Both(FinancingNetwork network, RunwayOptions options, CascadeShock shock)
    {
        var engine = (RunwayEngine)new RunwayCascade(options).Prepare(network);
        var resolved = ResolvedShock.Resolve(network, shock);
        var expected = BaselineDifference.Between(engine.Run(resolved, CancellationToken.None), engine.RunBaseline(), resolved);
        var actual = engine.SummarizeAgainstBaseline(resolved, CancellationToken.None);
        return (expected, actual, engine);
    }

    private static string Describe(FinancingNetwork network, RunwayOptions options, CascadeShock shock) =>
        $"options {options}; shock {shock}; network {JsonNetworkWriter.ToJson(network)}";
}
