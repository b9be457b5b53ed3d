using AiContagion.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AiContagion.Benchmarks -- generate        writes artifacts/bench-data
// dotnet run -c Release --project tests/AiContagion.Benchmarks -- --filter '*'    runs every benchmark
// dotnet run -c Release --project tests/AiContagion.Benchmarks -- firesale [runs]  Stopwatch figures of one fire-sale fixed point (10^6 holdings)
if (args is ["generate", ..])
{
    foreach (var size in BenchmarkData.Sizes.Keys)
    {
        Console.WriteLine($"{size}: {BenchmarkData.CsvFolder(size)}  {BenchmarkData.JsonFile(size)}");
    }

    return 0;
}

if (args is ["quick", var quickSize, ..])
{
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    return QuickTimer.Run(quickSize, runs, args.Length > 3 ? args[3].Split(',') : []);
}

if (args is ["firesale", ..])
{
    return FireSaleBenchmarks.Quick(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
}

if (args is ["--measure-memory", var memorySize])
{
    return MemoryReport.Run(memorySize);
}

if (args is ["profile-lookup", var lookupSize])
{
    return LookupProfile.Run(lookupSize);
}

if (args is ["profile-load", var profileSize])
{
    return LoadProfile.Run(profileSize);
}

if (args is ["dump", var dumpSize, var dumpFile])
{
    return PeerDump.Run(dumpSize, dumpFile);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
return 0;
