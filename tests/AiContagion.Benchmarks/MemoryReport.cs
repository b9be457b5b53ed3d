using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Benchmarks;

/// <summary>
/// <c>--measure-memory SIZE</c>: loads the CSV folder once in a fresh process and prints the compact index's bytes per
/// link (the sum of its arrays over the link count) and the process peak resident set (VmHWM from /proc/self/status),
/// so the figure is "load the network and build its index", nothing else.
/// </summary>
public static class MemoryReport
{
    public static int Run(string size)
    {
        var folder = BenchmarkData.CsvFolder(size);
        var before = PeakResidentBytes();
        var network = Io.FinancingNetworkFile.Load(folder);
        var index = network.Index;
        var afterLoad = PeakResidentBytes();
        var indexBytes = IndexBytes(index);
        var perLinkOnly = ((4L * 4) + 8 + System.Runtime.CompilerServices.Unsafe.SizeOf<LinkKind>()) * index.LinkCount;
        GC.Collect();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size {size}: {network.EntityCount} entities, {network.LinkCount} links"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compact index: {indexBytes / 1048576.0:0.0} MB = {(double)indexBytes / index.LinkCount:0.0} bytes per link (link arrays alone {(double)perLinkOnly / index.LinkCount:0.0}; the rest is per entity)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap after load (live): {managed / 1048576.0:0.0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak RSS (VmHWM): before load {before / 1048576.0:0.0} MB, after load + index {afterLoad / 1048576.0:0.0} MB"));
        GC.KeepAlive(network);
        return 0;
    }

    /// <summary>The bytes of every array the index holds.</summary>
    internal static long IndexBytes(NetworkIndex index)
    {
        long m = index.LinkCount;
        long n = index.EntityCount;
        var links = (m * sizeof(int) * 2) + (m * sizeof(double)) + (m * System.Runtime.CompilerServices.Unsafe.SizeOf<LinkKind>()) + (m * sizeof(int) * 2);
        var rows = (n + 1) * sizeof(int) * 2;
        var figures = n * sizeof(double) * 7;
        var flags = n * sizeof(bool) + (n * System.Runtime.CompilerServices.Unsafe.SizeOf<Sector>());
        return links + rows + figures + flags;
    }

    private static long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return -1;
    }
}
