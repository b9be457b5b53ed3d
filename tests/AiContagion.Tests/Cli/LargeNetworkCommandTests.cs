using System.Diagnostics;
using AiContagion.Generators;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>The command-line tool on 10⁶ links (100,000 entities, seed 20261126), as a child process. Moved from Ship/LargeNetworkTests.</summary>
[TestClass]
public sealed class LargeNetworkCommandTests
{
    private const int Seed = 20261126;

    private static readonly Lazy<FinancingNetwork> Million = new(() => SyntheticFinancingNetwork.Create(100_000, 1_000_000, Seed));

    // The tool reads a 10⁶-link JSON file (≈ 130 MB) and ranks its funding sources with the garbage-collected heap
    // capped at 768 MiB (DOTNET_GCHeapHardLimit): a large input does not exhaust memory. Measured peak working sets
    // for 10⁶ links: JSON 0.70 GB, GraphML 0.31 GB, CSV 0.23 GB (rank from CSV 0.31 GB).
    [TestMethod]
    public void Cli_OneMillionLinkJson_RanksInsideA768MiBHeap()
    {
        using var temp = new TempFolder();
        var path = temp.File("million.json");
        FinancingNetworkFile.Save(Million.Value, path);
        var start = CliProcess.StartInfo(["rank", path, "--top", "3", "--json"]);
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x30000000";
        start.Environment["DOTNET_gcServer"] = "0";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.IsTrue(process.WaitForExit(TimeSpan.FromMinutes(3)), "rank did not finish in 3 minutes");

        Assert.AreEqual(0, process.ExitCode, error.Result);
        StringAssert.Contains(output.Result, "\"linksDown\"");
        StringAssert.Contains(output.Result, $"\"candidates\": {Million.Value.FundingSources.Count}");
    }
}
