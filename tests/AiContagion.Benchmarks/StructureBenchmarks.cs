using AiContagion.Model;
using BenchmarkDotNet.Attributes;

namespace AiContagion.Benchmarks;

/// <summary>PageRank, max-flow, betweenness, dominators and provenance, with the parameters of <see cref="Workloads"/>.</summary>
[Config(typeof(LargeGraphConfig))]
public class StructureBenchmarks
{
    private FinancingNetwork _network = null!;
    private string _sink = string.Empty;

    [Params("100k", "1m")]
    public string Size { get; set; } = "100k";

    [GlobalSetup]
    public void Setup()
    {
        _network = BenchmarkData.Load(Size);
        _sink = Workloads.Sink(_network);
    }

    [Benchmark(Description = "pagerank")]
    public object PageRank() => Workloads.PageRankOf(_network);

    [Benchmark(Description = "maxflow")]
    public object MaximumFlow() => Workloads.MaximumFlowTo(_network, _sink);

    /// <summary>Exact on 10⁵ links, 256 seeded sources on 10⁶ (both cores).</summary>
    [Benchmark(Description = "betweenness")]
    public object Betweenness() => Workloads.BetweennessOf(_network, Workloads.BetweennessSamplesFor(_network));

    [Benchmark(Description = "dominators")]
    public object Dominators() => Workloads.DominatorsOf(_network);

    /// <summary>Money provenance of one entity (the max-flow sink): every origin of its inflow.</summary>
    [Benchmark(Description = "provenance")]
    public object Provenance() => Workloads.ProvenanceOf(_network, _sink);
}
