using System.Diagnostics;
using AiContagion.Io;
using AiContagion.Model;
using nietras.SeparatedValues;

namespace AiContagion.Benchmarks;

public static class LoadProfile
{
    public static int Run(string size)
    {
        var folder = BenchmarkData.CsvFolder(size);
        var links = Path.Combine(folder, "links.csv");
        var entities = Path.Combine(folder, "entities.csv");
        for (var r = 0; r < 3; r++)
        {
            var w = Stopwatch.StartNew();
            Utf8Validation.CheckFile(links);
            Utf8Validation.CheckFile(entities);
            var utf8 = w.Elapsed.TotalSeconds;
            w.Restart();
            var rows = 0;
            using (var reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromFile(links))
            {
                foreach (var row in reader)
                {
                    rows += row.ColCount;
                }
            }

            var sep = w.Elapsed.TotalSeconds;
            w.Restart();
            var pause0 = GC.GetTotalPauseDuration();
            var gcs0 = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var network = FinancingNetworkFile.Load(folder);
            var full = w.Elapsed.TotalSeconds;
            Console.WriteLine($"  load GC pause {(GC.GetTotalPauseDuration() - pause0).TotalSeconds:0.000} s, gen0/1/2 {GC.CollectionCount(0) - gcs0.Item1}/{GC.CollectionCount(1) - gcs0.Item2}/{GC.CollectionCount(2) - gcs0.Item3}");
            w.Restart();
            var builder = network.ToBuilder();
            var toBuilder = w.Elapsed.TotalSeconds;
            w.Restart();
            pause0 = GC.GetTotalPauseDuration();
            builder.Build();
            Console.WriteLine($"  build GC pause {(GC.GetTotalPauseDuration() - pause0).TotalSeconds:0.000} s");
            var build = w.Elapsed.TotalSeconds;
            w.Restart();
            var dict = new Dictionary<string, int>(network.EntityCount, StringComparer.Ordinal);
            for (var i = 0; i < network.EntityCount; i++)
            {
                dict[network.Entities[i].Id] = i;
            }

            var dictTime = w.Elapsed.TotalSeconds;
            w.Restart();
            var frozen = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(dict, StringComparer.Ordinal);
            var frozenTime = w.Elapsed.TotalSeconds;
            w.Restart();
            var from = new int[network.LinkCount];
            var to = new int[network.LinkCount];
            for (var l = 0; l < network.LinkCount; l++)
            {
                from[l] = dict[network.Links[l].From];
                to[l] = dict[network.Links[l].To];
            }

            var lookups = w.Elapsed.TotalSeconds;
            w.Restart();
            NetworkIndex.Build(network.Entities, network.Links, from, to);
            var indexTime = w.Elapsed.TotalSeconds;
            Console.WriteLine($"  dict {dictTime:0.000} frozen {frozenTime:0.000} lookups {lookups:0.000} index {indexTime:0.000}");
            Console.WriteLine($"utf8 {utf8:0.000}  sep-split {sep:0.000}  full {full:0.000}  toBuilder {toBuilder:0.000}  build {build:0.000}");
        }

        return 0;
    }
}
