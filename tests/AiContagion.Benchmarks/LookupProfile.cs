using System.Diagnostics;

namespace AiContagion.Benchmarks;

public static class LookupProfile
{
    public static int Run(string size)
    {
        var network = BenchmarkData.Load(size);
        var ids = network.Entities.Select(e => e.Id).ToArray();
        var text = network.Links.SelectMany(l => new[] { l.From, l.To }).Select(s => new string(s.AsSpan())).ToArray();
        var a = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var b = new Dictionary<string, int>(StringComparer.Ordinal);
        var c = new Dictionary<string, int>();
        for (var i = 0; i < ids.Length; i++)
        {
            a.TryAdd(ids[i], (ids[i], i));
            b.TryAdd(ids[i], i);
            c.TryAdd(ids[i], i);
        }

        var la = a.GetAlternateLookup<ReadOnlySpan<char>>();
        var lb = b.GetAlternateLookup<ReadOnlySpan<char>>();
        var lc = c.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var r = 0; r < 3; r++)
        {
            var w = Stopwatch.StartNew();
            long sum = 0;
            foreach (var s in text)
            {
                la.TryGetValue(s.AsSpan(), out var v);
                sum += v.Item2;
            }

            var ta = w.Elapsed.TotalMilliseconds;
            w.Restart();
            foreach (var s in text)
            {
                lb.TryGetValue(s.AsSpan(), out var v);
                sum += v;
            }

            var tb = w.Elapsed.TotalMilliseconds;
            w.Restart();
            foreach (var s in text)
            {
                lc.TryGetValue(s.AsSpan(), out var v);
                sum += v;
            }

            var tc = w.Elapsed.TotalMilliseconds;
            w.Restart();
            foreach (var s in text)
            {
                b.TryGetValue(s, out var v);
                sum += v;
            }

            var td = w.Elapsed.TotalMilliseconds;
            Console.WriteLine($"tuple-alt {ta:0} ms, int-alt(ordinal) {tb:0} ms, int-alt(default) {tc:0} ms, string key {td:0} ms ({sum})");
        }

        return 0;
    }
}
