using System.Globalization;
using System.Text.Json;
using AiContagion.Centrality;

namespace AiContagion.Benchmarks;

/// <summary>
/// Writes what the peer script needs to pose the same problems and check the answers:
/// <c>dump SIZE FILE</c> → the chosen sink, hit and source ids, the sampled betweenness sources, and our results
/// (PageRank scores, max-flow value, betweenness scores, immediate dominators, Eisenberg–Noe payments, linear
/// DebtRank, Furfine and funding-cascade counts).
/// </summary>
public static class PeerDump
{
    public static int Run(string size, string file)
    {
        var network = BenchmarkData.Load(size);
        var sink = Workloads.Sink(network);
        var hit = Workloads.MostFunded(network);
        var source = Workloads.LargestFundingSource(network);
        var samples = Workloads.BetweennessSamplesFor(network);
        var sources = BetweennessCentrality.ChooseSources(network.EntityCount, samples, 1);
        var pagerank = Workloads.PageRankOf(network);
        var flow = Workloads.MaximumFlowTo(network, sink);
        var betweenness = Workloads.BetweennessOf(network, samples);
        var dominators = Workloads.DominatorsOf(network);
        var clearing = Workloads.EisenbergNoe(network, hit);
        var debtRank = Workloads.DebtRank(network, hit);
        var furfine = Workloads.Furfine(network, hit);
        var funding = Workloads.FundingCascade(network, source);
        var idom = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in dominators.Entries)
        {
            idom[entry.Id] = entry.ImmediateDominator;
        }

        using (var stream = File.Create(file))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("size", size);
            json.WriteString("sink", sink);
            json.WriteString("hit", hit);
            json.WriteString("largestSource", source);
            json.WriteNumber("betweennessSamples", samples ?? 0);
            json.WriteStartArray("betweennessSources");
            foreach (var s in sources.Length < network.EntityCount ? sources : [])
            {
                json.WriteStringValue(network.Entities[s].Id);
            }

            json.WriteEndArray();
            json.WriteNumber("pagerankIterations", pagerank.Iterations);
            Array("pagerank", pagerank.Scores);
            json.WriteNumber("maxflow", flow.Value);
            Array("betweenness", betweenness.Scores);
            json.WriteStartObject("dominators");
            foreach (var (id, d) in idom)
            {
                json.WriteString(id, d);
            }

            json.WriteEndObject();
            Array("clearingPayments", [.. clearing.Entities.Select(e => e.Payment ?? double.NaN)]);
            json.WriteNumber("clearingDefaults", clearing.EntitiesFailed);
            json.WriteNumber("debtRank", debtRank.DebtRank ?? double.NaN);
            Array("debtRankDistress", [.. debtRank.Entities.Select(e => e.Distress ?? 0.0)]);
            json.WriteNumber("furfineFailed", furfine.EntitiesFailed);
            json.WriteNumber("fundingFailed", funding.EntitiesFailed);
            json.WriteNumber("fundingLinksDown", funding.LinksDown);
            json.WriteEndObject();

            void Array(string name, IReadOnlyList<double> values)
            {
                json.WriteStartArray(name);
                foreach (var v in values)
                {
                    json.WriteNumberValue(double.IsFinite(v) ? v : 0);
                }

                json.WriteEndArray();
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {file}"));
        return 0;
    }
}
