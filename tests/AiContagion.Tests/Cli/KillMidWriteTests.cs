using System.Diagnostics;
using AiContagion.Generators;
using AiContagion.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

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
        var before = new Dictionary<string, byte[]>();

        KillMidWrite(["convert", Source.Value, target], isFolder ? target : temp.Path, setUp: () =>
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(temp.Path))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }

            if (hadOldOutput)
            {
                FinancingNetworkFile.Save(Networks.ToyChain(), target, isFolder ? NetworkFileFormat.Csv : FinancingNetworkFile.FormatOf(target));
            }

            before = Snapshot(isFolder ? target : null, target);
        });

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

        KillMidWrite(["export", Source.Value, "-o", target], temp.Path, setUp: () => File.WriteAllText(target, "digraph old {}\n"));

        Assert.AreEqual("digraph old {}\n", File.ReadAllText(target));
    }

    /// <summary>
    /// Runs the tool until it is caught mid-write, then SIGKILLs it. When a staged <c>.NAME.PID.GUID.tmp</c> file has
    /// content the process is frozen (SIGSTOP) and, if the staged file is still there — the rename has not
    /// happened — killed. A process that renamed before it could be frozen (a heavily loaded machine) is killed
    /// anyway and the attempt repeated after <paramref name="setUp"/>, so the kill always lands mid-write.
    /// </summary>
    private static void KillMidWrite(string[] args, string folder, Action setUp)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            setUp();
            using var process = Process.Start(CliProcess.StartInfo(args))!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            FileInfo? staged = null;
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                staged = Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles(".*.tmp").FirstOrDefault(f => f.Length > 0) : null;
                if (staged is not null)
                {
                    break;
                }

                Thread.Sleep(1);
            }

            var caught = false;
            if (staged is not null && Signal(process.Id, SigStop) == 0)
            {
                staged.Refresh();
                caught = staged.Exists;
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            _ = output.Result + error.Result;
            if (caught)
            {
                return;
            }
        }

        Assert.Fail("five attempts and the process was never caught mid-write");
    }

    private const int SigStop = 19;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);

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
