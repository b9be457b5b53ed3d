using AiContagion.Generators;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Benchmarks;

/// <summary>
/// The seeded synthetic networks every benchmark and peer script runs on, written once as CSV folders (and JSON)
/// under <c>artifacts/bench-data/</c> so that AiContagion, igraph and NetworkX read the very same files.
/// </summary>
public static class BenchmarkData
{
    /// <summary>The sizes: name → (entities, links).</summary>
    public static readonly IReadOnlyDictionary<string, (int Entities, int Links)> Sizes = new Dictionary<string, (int, int)>
    {
        ["1k"] = (200, 1_000),
        ["100k"] = (10_000, 100_000),
        ["1m"] = (100_000, 1_000_000),
    };

    /// <summary>The seed of every generated network.</summary>
    public const int Seed = 20261126;

    /// <summary>The data folder: <c>$AICONTAGION_BENCH_DATA</c>, else <c>artifacts/bench-data</c> under the repository.</summary>
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("AICONTAGION_BENCH_DATA");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "AiContagion.sln")))
                {
                    return Path.Combine(directory.FullName, "artifacts", "bench-data");
                }
            }

            return Path.Combine(Path.GetTempPath(), "aicontagion-bench-data");
        }
    }

    /// <summary>The CSV folder of a size, generated on first use.</summary>
    public static string CsvFolder(string size)
    {
        var folder = Path.Combine(Root, "synthetic-" + size);
        if (!File.Exists(Path.Combine(folder, CsvSchema.LinksFile)))
        {
            FinancingNetworkFile.Save(Generate(size), folder);
        }

        return folder;
    }

    /// <summary>The JSON file of a size, generated on first use.</summary>
    public static string JsonFile(string size)
    {
        var file = Path.Combine(Root, "synthetic-" + size + ".json");
        if (!File.Exists(file))
        {
            FinancingNetworkFile.Save(FinancingNetworkFile.Load(CsvFolder(size)), file);
        }

        return file;
    }

    /// <summary>Loads a size from its CSV folder.</summary>
    public static FinancingNetwork Load(string size) => FinancingNetworkFile.Load(CsvFolder(size));

    private static FinancingNetwork Generate(string size)
    {
        var (entities, links) = Sizes[size];
        return SyntheticFinancingNetwork.Create(entities, links, Seed);
    }
}
