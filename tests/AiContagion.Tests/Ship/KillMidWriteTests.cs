using System.Diagnostics;
using AiContagion.Generators;
using AiContagion.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Ship;

/// <summary>
/// Outputs are never half-written: the aicontagion process is killed (SIGKILL, no clean-up runs) while it writes a
/// large output over an existing one, and afterwards the target holds the old content byte for byte — or, when
/// there was no old file, nothing. The kill is timed by watching for the hidden temporary file that
/// <see cref="AtomicFile"/> stages the content in, so it lands mid-write rather than before or after.
/// </summary>
[TestClass]
public sealed class KillMidWriteTests
{
    // 40,000 entities and 400,000 links: ≈ 50 MB of JSON, long enough to write that a kill lands inside it.
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "aicontagion-tests", "kill-mid-write-source-40k-400k-seed7.json");
        if (!File.Exists(path))
        {
            FinancingNetworkFile.Save(SyntheticFinancingNetwork.Create(40_000, 400_000, 7), path);
        }

        return path;
    });

    [TestMethod]
    [DataRow("out.json", true)]
    [DataRow("out.json", false)]
    [DataRow("out.graphml", true)]
    [DataRow("out-csv", true)]
    public void Convert_KilledMidWrite_LeavesTheOldOutputOrNothing(string output, bool hadOldOutput)
    {
        using var temp = new TempFolder();
        var target = temp.File(output);
        var isFolder = !Path.HasExtension(output);
        if (hadOldOutput)
        {
            FinancingNetworkFile.Save(Networks.ToyChain(), target, isFolder ? NetworkFileFormat.Csv : FinancingNetworkFile.FormatOf(target));
        }

        var before = Snapshot(isFolder ? target : null, target);
        var (killed, sawTemporary) = KillWhileStaging(["convert", Source.Value, target], isFolder ? target : temp.Path);

        Assert.IsTrue(killed, "the process finished before it could be killed mid-write");
        Assert.IsTrue(sawTemporary, "no staged temporary file was seen");
        var after = Snapshot(isFolder ? target : null, target);
        CollectionAssert.AreEquivalent(before.Keys.ToList(), after.Keys.ToList(), "the set of visible files changed");
        foreach (var (name, bytes) in before)
        {
            CollectionAssert.AreEqual(bytes, after[name], $"{name} changed");
        }
    }

    [TestMethod]
    public void Export_KilledMidWrite_LeavesTheOldDiagram()
    {
        using var temp = new TempFolder();
        var target = temp.File("chain.dot");
        File.WriteAllText(target, "digraph old {}\n");

        var (killed, sawTemporary) = KillWhileStaging(["export", Source.Value, "-o", target], temp.Path);

        Assert.IsTrue(killed && sawTemporary, $"killed {killed}, staged file seen {sawTemporary}");
        Assert.AreEqual("digraph old {}\n", File.ReadAllText(target));
    }

    /// <summary>Starts the tool, waits until a staged <c>.NAME.PID.GUID.tmp</c> file has content, then kills it.</summary>
    private static (bool Killed, bool SawTemporary) KillWhileStaging(string[] args, string folder)
    {
        using var process = Process.Start(CliProcess.StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        var saw = false;
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            saw = Directory.Exists(folder) && new DirectoryInfo(folder).EnumerateFiles(".*.tmp").Any(f => f.Length > 0);
            if (saw)
            {
                break;
            }

            Thread.Sleep(1);
        }

        var killed = false;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }

        process.WaitForExit();
        _ = output.Result + error.Result;
        return (killed, saw);
    }

    /// <summary>Every visible (not dot-prefixed) file under the folder, or the single file, with its bytes.</summary>
    private static Dictionary<string, byte[]> Snapshot(string? folder, string file)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (folder is not null)
        {
            if (Directory.Exists(folder))
            {
                foreach (var path in Directory.EnumerateFiles(folder).Where(p => !Path.GetFileName(p).StartsWith('.')))
                {
                    result[Path.GetFileName(path)] = File.ReadAllBytes(path);
                }
            }
        }
        else if (File.Exists(file))
        {
            result[Path.GetFileName(file)] = File.ReadAllBytes(file);
        }

        return result;
    }
}
