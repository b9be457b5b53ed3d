using AiContagion.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AiContagion.Benchmarks -- generate        writes artifacts/bench-data
// dotnet run -c Release --project tests/AiContagion.Benchmarks -- --filter '*'    runs every benchmark
if (args is ["generate", ..])
{
    foreach (var size in BenchmarkData.Sizes.Keys)
    {
        Console.WriteLine($"{size}: {BenchmarkData.CsvFolder(size)}  {BenchmarkData.JsonFile(size)}");
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
return 0;
