using System.Diagnostics;
using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Benchmarks;

/// <summary>
/// A quick Stopwatch timing of every operation on one size (development aid; the published figures come from
/// BenchmarkDotNet): <c>quick SIZE [RUNS] [op,op,...]</c>.
/// </summary>
public static class QuickTimer
{
    public static int Run(string size, int runs, string[] only)
    {
        var load = Stopwatch.StartNew();
        var network = BenchmarkData.Load(size);
        Console.WriteLine($"load {size}: {load.Elapsed.TotalSeconds:0.000} s  ({network.EntityCount} entities, {network.LinkCount} links)");
        var sink = Workloads.Sink(network);
        var source = Workloads.LargestFundingSource(network);
        var hit = Workloads.MostFunded(network);
        Console.WriteLine($"sink {sink}, largest source {source}, most funded {hit}");
        var enPrepared = new Lazy<Cascades.PreparedCascade>(() => new Cascades.EisenbergNoeClearing().Prepare(network));
        var drPrepared = new Lazy<Cascades.PreparedCascade>(() => new Cascades.LinearDebtRank().Prepare(network));
        var ffPrepared = new Lazy<Cascades.PreparedCascade>(() => new Cascades.CreditLossCascade().Prepare(network));
        var runwayPrepared = new Lazy<Cascades.PreparedCascade>(() => new Cascades.RunwayCascade(new Cascades.RunwayOptions { Months = 24 }).Prepare(network));
        var valuationNetwork = new Lazy<FinancingNetwork>(() => ValuationData.Create(network));
        var valuation = new Lazy<Valuation.CrossHoldingsValuation>(() => new Valuation.CrossHoldingsValuation(valuationNetwork.Value));
        var valuationResult = new Lazy<Valuation.ValuationResult>(() => valuation.Value.Value());
        var ops = new (string Name, Func<string> Op)[]
        {
            ("valuation-prepare", () => $"stakes {new Valuation.CrossHoldingsValuation(valuationNetwork.Value).StakeCount}"),
            ("valuation", () => { var r = valuation.Value.Value(); return $"defaulted {r.DefaultedCount}, {r.Convergence}"; }),
            ("valuation-shock", () => { var r = valuation.Value.Value(ValuationShock(valuationNetwork.Value)); return $"defaulted {r.DefaultedCount}, {r.Convergence}"; }),
            ("valuation-greek", () => valuation.Value.Sensitivities(valuationResult.Value, [Workloads.MostFunded(valuationNetwork.Value)]).Columns[0].ToString()),
            ("load-csv", () => BenchmarkData.Load(size).LinkCount.ToString(CultureInfo.InvariantCulture)),
            ("pagerank", () => { var s = Workloads.PageRankOf(network); return $"iterations {s.Iterations}, top {s.Top(1)[0]}"; }),
            ("pagerank-1thread", () => { var s = Centrality.PageRank.Compute(network, new Centrality.PageRankOptions { Tolerance = Workloads.PageRankL1Tolerance / network.EntityCount, MaxIterations = 1000, MaxDegreeOfParallelism = 1 }); return $"iterations {s.Iterations}"; }),
            ("pagerank-setup", () => { var s = Centrality.PageRank.Compute(network, new Centrality.PageRankOptions { MaxIterations = 1 }); return $"iterations {s.Iterations}"; }),
            ("maxflow", () => $"value {Workloads.MaximumFlowTo(network, sink).Value:R}"),
            ("maxflow-one", () => { var r = Flow.MaximumFlow.Compute(network, Flow.EntitySelection.Of(source), Flow.EntitySelection.Of(sink)); return $"value {r.Value:R}, {r.CutLinks.Length} cut links, source side {r.SourceSide.Length}"; }),
            ("betweenness", () => $"top {Workloads.BetweennessOf(network, Workloads.BetweennessSamplesFor(network)).Top(1)[0]}"),
            ("dominators", () => $"entries {Workloads.DominatorsOf(network).Entries.Length}"),
            ("provenance-one", () => $"loops {Workloads.ProvenanceOf(network, sink).Loops}"),
            ("provenance", () => $"loops {Workloads.ProvenanceOf(network).Loops}"),
            ("round-trip-one", () => Workloads.RoundTripOf(network, [sink]).ToString()),
            ("round-trip-10", () => Workloads.RoundTripOf(network, [.. network.Entities.Where(e => !e.IsFundingSource).Take(10).Select(e => e.Id)]).ToString()),
            ("round-trip-10-sources", () => Workloads.RoundTripOf(network, [.. network.Entities.Where(e => e.IsFundingSource).Take(10).Select(e => e.Id)]).ToString()),
            ("round-trip", () => { try { return Workloads.RoundTripOf(network).ToString(); } catch (Provenance.ProvenanceSolveException e) { return "stops: " + e.Message; } }),
            ("funding", () => Workloads.FundingCascade(network, source).ToString()),
            ("furfine", () => Workloads.Furfine(network, hit).ToString()),
            ("eisenberg-noe", () => Workloads.EisenbergNoe(network, hit).ToString()),
            ("debtrank", () => Workloads.DebtRank(network, hit).ToString()),
            ("en-prepare", () => new Cascades.EisenbergNoeClearing().Prepare(network).ToString() ?? ""),
            ("en-run", () => enPrepared.Value.Run(Cascades.CascadeShock.Fail(hit)).ToString()),
            ("en-summary", () => enPrepared.Value.Summarize(Cascades.CascadeShock.Fail(hit)).ToString()),
            ("dr-prepare", () => new Cascades.LinearDebtRank().Prepare(network).ToString() ?? ""),
            ("dr-run", () => drPrepared.Value.Run(Cascades.CascadeShock.Fail(hit)).ToString()),
            ("ff-prepare", () => new Cascades.CreditLossCascade().Prepare(network).ToString() ?? ""),
            ("ff-run", () => ffPrepared.Value.Run(Cascades.CascadeShock.Fail(hit)).ToString()),
            ("ranking", () => { var r = Workloads.Ranking(network); return $"runs {r.Runs}, top {r.Entries[0]}"; }),
            ("ranking-1thread", () => { var r = Workloads.Ranking(network, 1); return $"runs {r.Runs}, top {r.Entries[0]}"; }),
            ("stress", () => $"{Workloads.Stress(network).LinksDown}"),
            ("runway-prepare", () => new Cascades.RunwayCascade(new Cascades.RunwayOptions { Months = 24 }).Prepare(network).ToString() ?? ""),
            ("runway-simulate", () => $"failed {((Cascades.Engines.RunwayEngine)runwayPrepared.Value).Plan.Simulate(Cascades.Engines.RunwayShock.None(network.EntityCount), Cascades.Engines.RunwayRecording.Baseline, default).FailedOrder.Length}"),
            ("runway-simulate-norecord", () => $"failed {((Cascades.Engines.RunwayEngine)runwayPrepared.Value).Plan.Simulate(Cascades.Engines.RunwayShock.None(network.EntityCount), Cascades.Engines.RunwayRecording.None, default).FailedOrder.Length}"),
            ("runway-run", () => runwayPrepared.Value.Run(Cascades.CascadeShock.Withdraw(source)).ToString()),
            ("runway-summary", () => runwayPrepared.Value.Summarize(Cascades.CascadeShock.Withdraw(source)).ToString()),
            ("runway", () => Workloads.Runway(network, source).ToString()),
            ("runway-ranking", () => { var r = Workloads.RunwayRanking(network); return $"runs {r.Runs}, top {r.Entries[0]}"; }),
        };
        foreach (var (name, op) in ops)
        {
            if (only.Length > 0 && !only.Contains(name))
            {
                continue;
            }

            var times = new List<double>();
            var cpu = new List<double>();
            var note = op(); // warm-up (JIT tiers)
            var process = Process.GetCurrentProcess();
            for (var r = 0; r < runs; r++)
            {
                // Each run starts from a collected heap: the previous operation's garbage is not charged to this one.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                note = op();
                times.Add(watch.Elapsed.TotalSeconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
            }

            times.Sort();
            cpu.Sort();
            // CPU time (all threads, the collector's included) is the steadier figure on a shared machine.
            Console.WriteLine($"{name,-16} median {times[times.Count / 2],8:0.0000} s  min {times[0]:0.0000}  max {times[^1]:0.0000}  cpu {cpu[cpu.Count / 2]:0.0000} s  {note}");
        }

        return 0;
    }

    /// <summary>The valuation's stress: every firm loses 10 % of its external assets.</summary>
    public static IReadOnlyDictionary<string, double> ValuationShock(FinancingNetwork network) =>
        network.Entities.ToDictionary(e => e.Id, _ => 0.1, StringComparer.Ordinal);
}
