using AiContagion.Io;
using AiContagion.Model;
using BenchmarkDotNet.Attributes;

namespace AiContagion.Benchmarks;

/// <summary>Reading networks from disk (parse, validate, build the compact index) and building the compact index alone.</summary>
[Config(typeof(LargeGraphConfig))]
public class LoadBenchmarks
{
    private string _csv = string.Empty;
    private string _json = string.Empty;
    private FinancingNetwork _network = null!;

    [Params("100k", "1m")]
    public string Size { get; set; } = "100k";

    [GlobalSetup]
    public void Setup()
    {
        _csv = BenchmarkData.CsvFolder(Size);
        _json = BenchmarkData.JsonFile(Size);
        _network = FinancingNetworkFile.Load(_csv);
    }

    [Benchmark(Description = "load-csv")]
    public FinancingNetwork LoadCsv() => FinancingNetworkFile.Load(_csv);

    [Benchmark(Description = "load-json")]
    public FinancingNetwork LoadJson() => FinancingNetworkFile.Load(_json);

    [Benchmark(Description = "build-index")]
    public object BuildIndex() => NetworkIndex.Build(_network.Entities, _network.Links, _network.Index.LinkFrom, _network.Index.LinkTo);
}
