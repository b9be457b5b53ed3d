using AiContagion.Model;
using AiContagion.Valuation;
using BenchmarkDotNet.Attributes;

namespace AiContagion.Benchmarks;

/// <summary>
/// Issue 19's acceptance: the cross-holdings valuation on a 10⁵-entity / 10⁶-link network with 10 % of its links
/// Equity stakes with shares (<see cref="ValuationData"/>) within 1 s, and one column of its systemic greeks within the
/// time of one valuation.
/// </summary>
[Config(typeof(LargeGraphConfig))]
public class ValuationBenchmarks
{
    private FinancingNetwork _network = null!;
    private CrossHoldingsValuation _model = null!;
    private ValuationResult _at = null!;
    private IReadOnlyDictionary<string, double> _shock = null!;
    private string _column = string.Empty;

    [Params("100k", "1m")]
    public string Size { get; set; } = "1m";

    [GlobalSetup]
    public void Setup()
    {
        _network = ValuationData.Load(Size);
        _model = new CrossHoldingsValuation(_network);
        _at = _model.Value();
        _shock = QuickTimer.ValuationShock(_network);
        _column = Workloads.MostFunded(_network);
    }

    /// <summary>Building the compact form (obligations by layer, stakes): once per network.</summary>
    [Benchmark(Description = "valuation-prepare")]
    public object Prepare() => new CrossHoldingsValuation(_network);

    /// <summary>One valuation, no shock, on a prepared model.</summary>
    [Benchmark(Description = "valuation")]
    public object Value() => _model.Value();

    /// <summary>One valuation after every firm loses 10 % of its external assets.</summary>
    [Benchmark(Description = "valuation-shock")]
    public object ValueShocked() => _model.Value(_shock);

    /// <summary>One column of the systemic greeks (the most funded firm's external assets).</summary>
    [Benchmark(Description = "valuation-greek-column")]
    public object SensitivityColumn() => _model.Sensitivities(_at, [_column]);
}
