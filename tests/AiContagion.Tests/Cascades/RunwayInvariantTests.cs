using AiContagion.Cascades;
using AiContagion.Cascades.Engines;
using AiContagion.Io;
using AiContagion.Model;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>Issue 14's invariants of the runway model, on the random dated networks of <see cref="RunwayGen"/>.</summary>
[TestClass]
public sealed class RunwayInvariantTests
{
    // No withdrawal → nothing beyond the baseline: the empty shock adds nothing, on the fast path and through the month
    // loop's summary (record off) alike. A withdrawal at the horizon (--at H: payments stop from month H + 1) fails no
    // one beyond the baseline and counts only the links it takes down itself — those with payments still due after
    // the horizon, in month H — on both paths.
    [TestMethod]
    public void NoWithdrawalWithinTheHorizon_NothingBeyondTheBaseline()
    {
        var gen = from network in RunwayGen.Network
                  from options in RunwayGen.Options
                  select (network, options: options with { WithdrawalMonth = options.Months });
        gen.Sample((network, options) =>
        {
            var engine = (RunwayEngine)new RunwayCascade(options).Prepare(network);
            var none = ResolvedShock.Resolve(network, CascadeShock.None);
            Assert.AreEqual(new BaselineDifference(0, 0, 0, 0, 0, 0, null), engine.SummarizeAgainstBaseline(none, CancellationToken.None), Describe(network, options));
            Assert.AreEqual(engine.RunBaseline().Summary with { Rounds = 0 }, engine.Summarize(none, null, CancellationToken.None) with { Rounds = 0 }, Describe(network, options));

            var all = ResolvedShock.Resolve(network, CascadeShock.Withdraw(network.Entities.Select(e => e.Id)));
            var full = engine.Run(all, CancellationToken.None);
            var expected = BaselineDifference.Between(full, engine.RunBaseline(), all);
            Assert.AreEqual(expected, engine.SummarizeAgainstBaseline(all, CancellationToken.None), Describe(network, options));
            Assert.AreEqual((0, 0, (int?)null, expected.LinksDown), (expected.EntitiesFailed, expected.EarlierFailures, expected.FirstFailureRound, expected.DirectLinks), Describe(network, options));
            Assert.IsTrue(full.DownLinks.All(l => l.Round < options.Months || l.Cause == LinkDownCause.Withdrawn || engine.RunBaseline().Links[l.Index].Down), Describe(network, options));
        }, iter: 500);
    }

    // Adding a withdrawal never saves a firm or delays a failure: with S ⊂ S ∪ {w}, every firm not withdrawing fails in
    // the larger run no later than in the smaller. (Networks without dated debt, and no withdrawing firm spared by its
    // own withdrawal: a withdrawn loan needs no servicing, and a withdrawing firm that lives longer keeps paying its
    // streams and spares its lenders their losses — the two ways a withdrawal can help others, by design.)
    [TestMethod]
    public void AddingAWithdrawal_NeverSavesOrDelays()
    {
        var gen = from network in RunwayGen.NetworkWithoutDebtService
                  from options in RunwayGen.Options
                  from pick in Gen.Int[0, 2].Array[network.EntityCount]
                  from extra in Gen.Int[0, network.EntityCount - 1]
                  select (network, options, pick, extra);
        gen.Sample((network, options, pick, extra) =>
        {
            var smaller = network.Entities.Where((e, i) => pick[i] == 1 && i != extra).Select(e => e.Id).ToArray();
            var larger = smaller.Append(network.Entities[extra].Id).ToArray();
            var model = new RunwayCascade(options);
            var a = model.Run(network, CascadeShock.Withdraw(smaller)).Runway!;
            var b = model.Run(network, CascadeShock.Withdraw(larger)).Runway!;
            for (var v = 0; v < network.EntityCount; v++)
            {
                if (larger.Contains(network.Entities[v].Id) && !(b.Entities[v].FailedMonth <= a.Entities[v].FailedMonth || a.Entities[v].FailedMonth is null))
                {
                    return; // a withdrawing firm spared by its own withdrawal: outside the invariant (see above)
                }
            }

            for (var v = 0; v < network.EntityCount; v++)
            {
                if (larger.Contains(network.Entities[v].Id))
                {
                    continue;
                }

                var before = a.Entities[v].FailedMonth;
                var after = b.Entities[v].FailedMonth;
                Assert.IsTrue(before is null || after <= before, $"{network.Entities[v].Id}: {before} → {after}; {Describe(network, options)}");
            }
        }, iter: 1000);
    }

    // A longer horizon never fails fewer firms: the run over H is the first H months of the run over H + d.
    [TestMethod]
    public void LongerHorizon_SameFailuresUpToTheShorterOne()
    {
        var gen = from network in RunwayGen.Network
                  from options in RunwayGen.Options
                  from longer in Gen.Int[0, 12]
                  from shock in RunwayGen.Shock(network)
                  select (network, options, longer, shock);
        gen.Sample((network, options, longer, shock) =>
        {
            var shortRun = new RunwayCascade(options).Run(network, shock).Runway!;
            var longRun = new RunwayCascade(options with { Months = options.Months + longer }).Run(network, shock).Runway!;
            Assert.IsGreaterThanOrEqualTo(shortRun.Failed, longRun.Failed);
            for (var v = 0; v < network.EntityCount; v++)
            {
                var s = shortRun.Entities[v].FailedMonth;
                var l = longRun.Entities[v].FailedMonth;
                Assert.AreEqual(s, l <= options.Months ? l : null, $"{network.Entities[v].Id}; {Describe(network, options)}");
            }
        }, iter: 1000);
    }

    // A firm whose cash covers all its scheduled outflows (stream payments, debt service) and costs over the horizon
    // never runs out of cash, whatever the shock (it can still fail by losses, or by the shock itself).
    [TestMethod]
    public void CashCoveringEveryOutflow_NeverRunsOut()
    {
        var gen = from network in RunwayGen.Network
                  from options in RunwayGen.Options
                  from shock in RunwayGen.Shock(network)
                  select (network, options: options with { Floor = Math.Min(options.Floor, 0) }, shock);
        gen.Sample((network, options, shock) =>
        {
            var engine = (RunwayEngine)new RunwayCascade(options).Prepare(network);
            var plan = engine.Plan;
            var outflow = new double[network.EntityCount];
            var due = new double[options.Months + 1];
            var path = new LinkPath(options.Months + 1);
            for (var l = 0; l < network.LinkCount; l++)
            {
                var u = plan.Index.LinkFrom[l];
                var v = plan.Index.LinkTo[l];
                plan.FillDue(l, due);
                outflow[u] += due.Sum();
                if (plan.IsServiced[l])
                {
                    path.Compute(plan, l, due, options.Months, RunwayAssumption.Baseline(RunwayPlan.NoFailure), RunwayAssumption.Baseline(RunwayPlan.NoFailure));
                    outflow[v] += path.DebtService.Take(options.Months + 1).Sum();
                }
            }

            var result = engine.Run(ResolvedShock.Resolve(network, shock), CancellationToken.None).Runway!;
            for (var v = 0; v < network.EntityCount; v++)
            {
                var costs = Enumerable.Range(1, options.Months).Sum(k => plan.Costs(v, k));
                var e = result.Entities[v];
                if (e.InitialCash is { } cash && cash - options.Floor >= (outflow[v] + costs) * (1 + 1e-9))
                {
                    Assert.AreNotEqual(RunwayFailureCause.Cash, e.Failure?.Cause, $"{e}; outflows {outflow[v]} + costs {costs} ≤ cash {cash}; {Describe(network, options)}");
                }
            }
        }, iter: 1000);
    }

    // Cash conservation each month: Σ over all firms (failed ones included: payments into them go on; unlimited ones
    // tracked from 0) of Δcash = revenue − costs of the firms alive in that month; link payments and debt service net out.
    [TestMethod]
    public void CashConservation_EachMonth()
    {
        var gen = from network in RunwayGen.Network
                  from options in RunwayGen.Options
                  from shock in RunwayGen.Shock(network)
                  select (network, options, shock);
        gen.Sample((network, options, shock) =>
        {
            var engine = (RunwayEngine)new RunwayCascade(options).Prepare(network);
            var plan = engine.Plan;
            var n = network.EntityCount;
            var run = plan.Simulate(RunwayShock.From(ResolvedShock.Resolve(network, shock), n), RunwayRecording.Cash, CancellationToken.None);
            for (var k = 1; k <= options.Months; k++)
            {
                double delta = 0, outside = 0, gross = 1;
                for (var v = 0; v < n; v++)
                {
                    delta += run.CashAt(v, k) - run.CashAt(v, k - 1);
                    gross += Math.Abs(run.CashAt(v, k)) + Math.Abs(run.CashAt(v, k - 1));
                    if (run.FailMonth[v] < 0 || run.FailMonth[v] >= k)
                    {
                        outside += plan.Revenue(v, k) - plan.Costs(v, k);
                        gross += plan.Revenue(v, k) + plan.Costs(v, k);
                    }
                }

                Assert.AreEqual(outside, delta, 1e-12 * gross, $"month {k}; {Describe(network, options)}");
            }
        }, iter: 1000);
    }

    private static string Describe(FinancingNetwork network, RunwayOptions options) =>
        $"options {options}; network {JsonNetworkWriter.ToJson(network)}";
}
