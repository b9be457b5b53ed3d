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

        var table = new ArenaTable(ids);
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
            w.Restart();
            foreach (var s in text)
            {
                sum += table.Find(s.AsSpan());
            }

            var te = w.Elapsed.TotalMilliseconds;
            Console.WriteLine($"arena table {te:0} ms");
            Console.WriteLine($"tuple-alt {ta:0} ms, int-alt(ordinal) {tb:0} ms, int-alt(default) {tc:0} ms, string key {td:0} ms ({sum})");
        }

        return 0;
    }
}

internal sealed class ArenaTable
{
    private readonly long[] _slots;
    private readonly char[] _chars;
    private readonly int[] _offset;
    private readonly int _mask;

    public ArenaTable(string[] ids)
    {
        var size = 1;
        while (size < ids.Length * 2)
        {
            size <<= 1;
        }

        _slots = new long[size];
        _mask = size - 1;
        _offset = new int[ids.Length + 1];
        _chars = new char[ids.Sum(i => i.Length)];
        var at = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            _offset[i] = at;
            ids[i].CopyTo(_chars.AsSpan(at));
            at += ids[i].Length;
            _offset[i + 1] = at;
            var h = Hash(ids[i]);
            var slot = (int)h & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = ((long)h << 32) | (uint)(i + 1);
        }
    }

    public int Find(ReadOnlySpan<char> key)
    {
        var h = Hash(key);
        var slot = (int)h & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == h)
            {
                var i = (int)(uint)entry - 1;
                if (key.SequenceEqual(_chars.AsSpan(_offset[i], _offset[i + 1] - _offset[i])))
                {
                    return i;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static uint Hash(ReadOnlySpan<char> key) => (uint)string.GetHashCode(key);
}
