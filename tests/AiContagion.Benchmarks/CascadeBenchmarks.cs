using AiContagion.Model;
using BenchmarkDotNet.Attributes;

namespace AiContagion.Benchmarks;

/// <summary>
/// The cascade models (prepare + one run, as <c>model.Run(network, shock)</c> does), the full withdrawal ranking and
/// Monte Carlo throughput, with the shocks of <see cref="Workloads"/>.
/// </summary>
[Config(typeof(LargeGraphConfig))]
public class CascadeBenchmarks
{
    private FinancingNetwork _network = null!;
    private string _source = string.Empty;
    private string _hit = string.Empty;
    private Cascades.PreparedCascade _clearing = null!;
    private Cascades.PreparedCascade _runway = null!;

    [Params("100k", "1m")]
    public string Size { get; set; } = "100k";

    [GlobalSetup]
    public void Setup()
    {
        _network = BenchmarkData.Load(Size);
        _source = Workloads.LargestFundingSource(_network);
        _hit = Workloads.MostFunded(_network);
        _clearing = new Cascades.EisenbergNoeClearing().Prepare(_network);
        _runway = new Cascades.RunwayCascade(new Cascades.RunwayOptions { Months = 24 }).Prepare(_network);
        _runway.RunBaseline();
    }

    [Benchmark(Description = "funding-cascade")]
    public object Funding() => Workloads.FundingCascade(_network, _source);

    [Benchmark(Description = "furfine")]
    public object Furfine() => Workloads.Furfine(_network, _hit);

    [Benchmark(Description = "eisenberg-noe")]
    public object EisenbergNoe() => Workloads.EisenbergNoe(_network, _hit);

    /// <summary>
    /// One clearing run on an engine prepared once (obligations numbered by creditor), as the ranking and the stress
    /// test run it; the like of the NumPy solvers, which are handed the obligation arrays.
    /// </summary>
    [Benchmark(Description = "eisenberg-noe-prepared")]
    public object EisenbergNoePrepared() => _clearing.Run(Cascades.CascadeShock.Fail(_hit));

    [Benchmark(Description = "debtrank")]
    public object DebtRank() => Workloads.DebtRank(_network, _hit);

    /// <summary>The funding model's withdrawal ranking over every funding source (1,000 on 10⁶ links), both cores.</summary>
    [Benchmark(Description = "ranking")]
    public object Ranking() => Workloads.Ranking(_network);

    /// <summary>One 24-month runway run (prepare, baseline, the largest source's withdrawal); issue 14's target: ≤ 0.2 s on 10⁶ links.</summary>
    [Benchmark(Description = "runway")]
    public object Runway() => Workloads.Runway(_network, _source);

    /// <summary>
    /// One 24-month runway run on a prepared model whose baseline is kept (as a session that asks several questions of
    /// one network runs it): the shocked month loop and the full result, every entity's cash path and every link.
    /// </summary>
    [Benchmark(Description = "runway-prepared")]
    public object RunwayPrepared() => _runway.Run(Cascades.CascadeShock.Withdraw(_source));

    /// <summary>The same run's summary (counts and amounts, no per-entity result), as sweeps and stress runs use it.</summary>
    [Benchmark(Description = "runway-summary")]
    public object RunwaySummary() => _runway.Summarize(Cascades.CascadeShock.Withdraw(_source));

    /// <summary>Preparing the runway model: every link's payment stream, the streams' monthly steps, starting cash.</summary>
    [Benchmark(Description = "runway-prepare")]
    public object RunwayPrepare() => new Cascades.RunwayCascade(new Cascades.RunwayOptions { Months = 24 }).Prepare(_network);

    /// <summary>The runway ranking over every funding source, 24 months, against the baseline; issue 14's target: ≤ 10 s on 10⁶ links.</summary>
    [Benchmark(Description = "runway-ranking")]
    public object RunwayRanking() => Workloads.RunwayRanking(_network);

    /// <summary>1,000 Monte Carlo trials of the funding model (p = 0.01 per funding source), both cores.</summary>
    [Benchmark(Description = "stress")]
    public object Stress() => Workloads.Stress(_network);
}
