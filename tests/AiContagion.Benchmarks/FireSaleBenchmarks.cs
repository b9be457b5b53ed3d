using System.Diagnostics;
using System.Globalization;
using AiContagion.FireSales;
using AiContagion.Model;
using BenchmarkDotNet.Attributes;

namespace AiContagion.Benchmarks;

/// <summary>
/// One fire-sale fixed point on 10⁴ firms × 10³ assets with 10⁶ holdings (issue 20's target: ≤ 0.5 s), for each dynamics.
/// The network is generated (seed 20): each firm holds 100 distinct random assets worth U(0.5, 1.5) each, external assets
/// U(20, 80), leverage (assets/equity) U(20, 34); each asset's depth is 30 times its held value (the firms hold a thirtieth of each market); the shock takes 10 % off 10
/// assets. The prepared model (balance sheets, holdings rows) is built once; each operation is one run.
/// </summary>
[Config(typeof(LargeGraphConfig))]
public class FireSaleBenchmarks
{
    private PreparedFireSale _threshold = null!;
    private PreparedFireSale _targeting = null!;
    private PreparedFireSale _glt = null!;
    private PreparedFireSale _gltLinear = null!;
    private FireSaleShock _shock = null!;

    [GlobalSetup]
    public void Setup()
    {
        var network = Network(10_000, 1_000, 100);
        _shock = Shock(network);
        _threshold = FireSaleSimulation.Prepare(network);
        _targeting = FireSaleSimulation.Prepare(network, new FireSaleOptions { Dynamics = FireSaleDynamics.LeverageTargeting });
        _glt = FireSaleSimulation.Prepare(network, new FireSaleOptions { Dynamics = FireSaleDynamics.GreenwoodOneRound });
        _gltLinear = FireSaleSimulation.Prepare(network, new FireSaleOptions { Dynamics = FireSaleDynamics.GreenwoodLinear });
    }

    [Benchmark(Description = "fire sale: threshold (Cont-Schaanning)")]
    public object Threshold() => _threshold.Run(_shock);

    [Benchmark(Description = "fire sale: leverage targeting")]
    public object LeverageTargeting() => _targeting.Run(_shock);

    [Benchmark(Description = "fire sale: GLT one round")]
    public object GltOneRound() => _glt.Run(_shock);

    [Benchmark(Description = "fire sale: GLT linear fixed point")]
    public object GltLinear() => _gltLinear.Run(_shock);

    /// <summary>The benchmark network: <paramref name="firms"/> firms, <paramref name="assets"/> assets, <paramref name="perFirm"/> holdings a firm.</summary>
    public static FinancingNetwork Network(int firms, int assets, int perFirm)
    {
        var random = new Random(20);
        var builder = FinancingNetwork.CreateBuilder();
        var held = new double[assets];
        var rows = new List<(int Asset, double Amount)>[firms];
        for (var v = 0; v < firms; v++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < perFirm)
            {
                chosen.Add(random.Next(assets));
            }

            rows[v] = [.. chosen.Order().Select(k => (k, 0.5 + random.NextDouble()))];
            var holdings = rows[v].Sum(r => r.Amount);
            var external = 20 + (60 * random.NextDouble());
            var leverage = 20 + (14 * random.NextDouble());
            builder.AddEntity(new Entity(Id("f", v), Sector.Bank) { ExternalAssets = external, Capital = (holdings + external) / leverage });
            foreach (var (k, amount) in rows[v])
            {
                held[k] += amount;
            }
        }

        for (var k = 0; k < assets; k++)
        {
            builder.AddAsset(new Asset(Id("a", k)) { MarketSize = 30 * Math.Max(held[k], 1) });
        }

        for (var v = 0; v < firms; v++)
        {
            foreach (var (k, amount) in rows[v])
            {
                builder.AddHolding(new Holding(Id("f", v), Id("a", k), amount));
            }
        }

        return builder.Build();
    }

    /// <summary>10 % off the first ten assets.</summary>
    public static FireSaleShock Shock(FinancingNetwork network) =>
        FireSaleShock.PriceFalls(network.Assets.Take(10).Select(a => (a.Id, 0.10)));

    /// <summary>
    /// <c>dotnet run -c Release --project tests/AiContagion.Benchmarks -- firesale [runs]</c>: a Stopwatch figure per
    /// dynamics (median of the runs after one warm-up; wall clock, and the process's CPU time, which a loaded machine
    /// inflates less) with the machine's load average, for docs/fire-sales.md.
    /// </summary>
    public static int Quick(int runs)
    {
        var clock = Stopwatch.StartNew();
        var network = Network(10_000, 1_000, 100);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"network: {network.EntityCount} firms, {network.AssetCount} assets, {network.Holdings.Length} holdings, built in {clock.Elapsed.TotalSeconds:0.0} s"));
        var shock = Shock(network);
        foreach (var dynamics in Enum.GetValues<FireSaleDynamics>())
        {
            clock.Restart();
            var prepared = FireSaleSimulation.Prepare(network, new FireSaleOptions { Dynamics = dynamics });
            var prepare = clock.Elapsed.TotalMilliseconds;
            var result = prepared.Run(shock);
            var times = new List<double>();
            var cpu = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                var used = Environment.CpuUsage.TotalTime;
                clock.Restart();
                result = prepared.Run(shock);
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add((Environment.CpuUsage.TotalTime - used).TotalMilliseconds);
            }

            times.Sort();
            cpu.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{dynamics,-22} prepare {prepare,7:0.0} ms  run median {times[times.Count / 2],7:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}; process CPU median {cpu[cpu.Count / 2]:0.0} ms)  {result.Rounds} rounds, fire-sale loss {result.TotalFireSaleLoss:0.###}, AV {result.AggregateVulnerability:0.######}, {result.EntitiesFailed} failed{(result.SpectralRadius is { } rho ? $", rho {rho:0.####}" : string.Empty)}, converged {result.Converged}"));
        }

        Console.WriteLine("load average: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a") + $"; {Environment.ProcessorCount} processors");
        return 0;
    }

    private static string Id(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);
}
