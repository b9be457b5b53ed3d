using System.Diagnostics;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Cli;

/// <summary>
/// No path from the command line prints a stack trace for bad input: every command, given a bad graph, an unknown
/// id or a bad option value, exits with code 2 and a one-line-per-problem message on standard error that names
/// the offending value. The table of these classes is docs/bad-input.md.
/// </summary>
[TestClass]
public sealed class CliBadInputTests
{
    private static readonly string[] GraphCommands =
        ["validate", "info", "convert", "cascade", "value", "rank", "export", "stress", "runway", "centrality", "flow", "dominators", "trace"];

    /// <summary>The arguments a graph command needs besides the graph, so that only the graph is wrong.</summary>
    private static string[] Rest(string command, string output) => command switch
    {
        "convert" => [output + ".json"],
        "export" => ["-o", output + ".dot"],
        "centrality" => ["--measure", "pagerank"],
        "flow" => ["--to", "neocloud"],
        "stress" => ["--trials", "10"],
        _ => [],
    };

    // Bad graphs, for every command that reads one: a missing path, a file of no known format, a folder without the
    // CSV pair, malformed JSON, and invalid networks in each format.
    [TestMethod]
    [DataRow("missing", "No such file or folder")]
    [DataRow("unknown-extension", "cannot tell the format")]
    [DataRow("empty-folder", "missing file")]
    [DataRow("BadInput/json/truncated.json", "malformed JSON")]
    [DataRow("BadInput/json/unknown-entity.json", "unknown entity 'ghost'")]
    [DataRow("BadInput/csv/nan", "is not a finite number")]
    [DataRow("BadInput/graphml/external-entity.graphml", "DTD processing is off")]
    public void EveryGraphCommand_BadGraph_ExitCode2WithoutStackTrace(string graph, string message)
    {
        using var temp = new TempFolder();
        var path = graph switch
        {
            "missing" => temp.File("no-such-graph.json"),
            "unknown-extension" => WriteFile(temp.File("graph.txt"), "{}"),
            "empty-folder" => Directory.CreateDirectory(temp.File("empty")).FullName,
            _ => Repo.TestData(graph.Split('/')),
        };
        foreach (var command in GraphCommands)
        {
            var run = CliRunner.Run([command, path, .. Rest(command, temp.File("out"))]);
            AssertBadInput(run, message, command);
        }
    }

    // Unknown ids and bad option values: the message names the value.
    [TestMethod]
    [DataRow("cascade {toy} --withdraw nobody", "nobody")]
    [DataRow("cascade {toy} --fail nobody", "nobody")]
    [DataRow("cascade {toy} --withdraw vc-fund=1.5", "1.5")]
    [DataRow("cascade {toy} --withdraw vc-fund=abc", "abc")]
    [DataRow("cascade {toy} --model bogus", "bogus")]
    [DataRow("cascade {toy} --model rogers-veraart --alpha 2 --fail bank", "2")]
    [DataRow("cascade {toy} --model rogers-veraart --alpha NaN --fail bank", "NaN")]
    [DataRow("cascade {toy} --model credit --recovery 1.5 --fail bank", "1.5")]
    [DataRow("cascade {toy} --model credit --recovery Mortgage=0.5 --fail bank", "Mortgage")]
    [DataRow("cascade {toy} --default-tolerance -1 --withdraw vc-fund", "-1")]
    [DataRow("cascade {toy} --model credit --failure-rule sometimes --fail bank", "sometimes")]
    [DataRow("cascade {toy} --model debtrank --distress bank=7", "7")]
    [DataRow("cascade {toy} --model eisenberg-noe --external-shock-sector Hedgefund=0.5", "Hedgefund")]
    [DataRow("cascade {toy} --model eisenberg-noe --seniority junior --fail bank", "junior")]
    [DataRow("cascade {toy} --model funding --distress bank=0.5", "distress")]
    [DataRow("value {toy} --external-shock nobody=0.5", "nobody")]
    [DataRow("value {toy} --external-shock bank=2", "2")]
    [DataRow("value {toy} --external-liabilities sideways", "sideways")]
    [DataRow("value {toy} --sensitivities --wrt nobody", "nobody")]
    [DataRow("value {toy} --wrt bank", "--wrt")]
    [DataRow("value {toy} --output {out}.bmp", ".bmp")]
    [DataRow("rank {toy} --candidates nobody", "nobody")]
    [DataRow("rank {toy} --fraction 0", "0")]
    [DataRow("rank {toy} --threads 0", "0")]
    [DataRow("rank {toy} --top -1", "-1")]
    [DataRow("rank {toy} --greedy 0", "0")]
    [DataRow("rank {toy} --shock jump", "jump")]
    [DataRow("rank {toy} --chart {out}.bmp", ".bmp")]
    [DataRow("rank {toy} --model credit --sweep recovery=2", "2")]
    [DataRow("rank {toy} --sweep recovery=0.5", "recovery")]
    [DataRow("rank {toy} --sweep speed=1", "speed")]
    [DataRow("rank {toy} --pairs --greedy 2", "--greedy")]
    [DataRow("export {toy} -o {out}.bmp", ".bmp")]
    [DataRow("export {toy} -o {out}.dot --overlay bogus", "bogus")]
    [DataRow("export {toy} -o {out}.dot --overlay cascade --withdraw nobody", "nobody")]
    [DataRow("export {toy} -o {out}.dot --overlay cut --to nobody", "nobody")]
    [DataRow("export {toy} -o {out}.dot --overlay cascade --model bogus --withdraw vc-fund", "bogus")]
    [DataRow("export {toy} -o {out}.dot --min-amount -3", "-3")]
    [DataRow("export {toy} -o {out}.dot --top 0", "0")]
    [DataRow("stress {toy} --trials 0", "0")]
    [DataRow("stress {toy} --trials 10 --p 2", "2")]
    [DataRow("stress {toy} --trials 10 --p nobody=0.5", "nobody")]
    [DataRow("stress {toy} --trials 10 --p sector:Hedgefund=0.5", "Hedgefund")]
    [DataRow("stress {toy} --trials 10 --correlation 1.5", "1.5")]
    [DataRow("stress {toy} --trials 10 --seed abc", "abc")]
    [DataRow("stress {toy} --trials 10 --external-shock beta:-1,2", "beta")]
    [DataRow("stress {toy} --trials 10 --external-scope sometimes", "sometimes")]
    [DataRow("stress {toy} --trials 10 --chart {out}.bmp", ".bmp")]
    [DataRow("stress {toy} --trials 10 --chart-measure bogus", "bogus")]
    [DataRow("runway {toy} --withdraw nobody", "nobody")]
    [DataRow("runway {toy} --months 0", "0")]
    [DataRow("runway {toy} --months 5000", "5000")]
    [DataRow("runway {toy} --at -1", "-1")]
    [DataRow("runway {toy} --unknown-cash plenty", "plenty")]
    [DataRow("runway {toy} --default-term 0", "0")]
    [DataRow("runway {toy} --chart {out}.bmp", ".bmp")]
    [DataRow("experiment gai-kapadia --n 0", "0")]
    [DataRow("experiment gai-kapadia --trials 0", "0")]
    [DataRow("experiment gai-kapadia --z-max -1", "-1")]
    [DataRow("experiment gai-kapadia --capital 2", "2")]
    [DataRow("experiment gai-kapadia --n 20 --trials 2 --z-max 1 --chart {out}.bmp", ".bmp")]
    [DataRow("centrality {toy} --measure bogus", "bogus")]
    [DataRow("centrality {toy} --measure pagerank --damping 2", "2")]
    [DataRow("centrality {toy} --measure katz --alpha -1", "-1")]
    [DataRow("centrality {toy} --measure betweenness --samples 0", "0")]
    [DataRow("centrality {toy} --measure betweenness --cost weird", "weird")]
    [DataRow("centrality {toy} --measure strength --direction up", "up")]
    [DataRow("centrality {toy} --measure pagerank --tolerance -1", "-1")]
    [DataRow("centrality {toy} --measure pagerank --max-iterations 0", "0")]
    [DataRow("flow {toy} --to nobody", "nobody")]
    [DataRow("flow {toy} --from nobody --to neocloud", "nobody")]
    [DataRow("flow {toy} --from sector:Hedgefund --to neocloud", "Hedgefund")]
    [DataRow("flow {toy} --to neocloud --entities --entity-cost weird", "weird")]
    [DataRow("dominators {toy} --from nobody", "nobody")]
    [DataRow("trace {toy} --to nobody", "nobody")]
    [DataRow("convert {toy} {out}.json --format xml", "xml")]
    [DataRow("info {toy} --no-such-option", "--no-such-option")]
    [DataRow("no-such-command", "no-such-command")]
    public void Command_BadIdOrValue_ExitCode2NamingTheValue(string commandLine, string named)
    {
        using var temp = new TempFolder();
        var args = commandLine.Split(' ')
            .Select(a => a.Replace("{toy}", Repo.Graph("toy-chain.json"), StringComparison.Ordinal)
                .Replace("{out}", temp.File("out"), StringComparison.Ordinal))
            .ToArray();

        var run = CliRunner.Run(args);

        AssertBadInput(run, named, commandLine);
        Assert.IsFalse(Directory.EnumerateFileSystemEntries(temp.Path).Any(), $"bad input left files behind: {commandLine}");
    }

    // The real executable (Program.cs around CliApp): bad input gives exit 2 and no stack trace there too.
    [TestMethod]
    [DataRow("info", "{missing}", "No such file or folder")]
    [DataRow("rank", "{toy}", "--candidates", "nobody", "nobody")]
    [DataRow("cascade", "{toy}", "--model", "bogus", "bogus")]
    public void Executable_BadInput_ExitCode2WithoutStackTrace(params string[] argsAndMessage)
    {
        using var temp = new TempFolder();
        var args = argsAndMessage[..^1].Select(a => a
            .Replace("{toy}", Repo.Graph("toy-chain.json"), StringComparison.Ordinal)
            .Replace("{missing}", temp.File("missing.json"), StringComparison.Ordinal));

        var run = CliProcess.Run(args, TimeSpan.FromSeconds(60));

        AssertBadInput(run, argsAndMessage[^1], string.Join(' ', argsAndMessage[..^1]));
    }

    internal static void AssertBadInput(CliRun run, string named, string what)
    {
        Assert.AreEqual(2, run.ExitCode, $"{what}\n{run}");
        Assert.IsFalse(string.IsNullOrWhiteSpace(run.Error), $"{what}: no message\n{run}");
        Assert.IsFalse(run.Error.Contains("   at ", StringComparison.Ordinal), $"{what}: stack trace\n{run}");
        Assert.IsFalse(run.Error.Contains("Exception", StringComparison.Ordinal), $"{what}: exception type in the message\n{run}");
        StringAssert.Contains(run.Error, named, $"{what}: the message does not name '{named}'\n{run}");
    }

    private static string WriteFile(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary>Runs the built aicontagion executable (AiContagion.Cli.dll next to the tests) as a child process.</summary>
internal static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "AiContagion.Cli.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("AICONTAGION_DEBUG");
        return start;
    }

    public static CliRun Run(IEnumerable<string> args, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"aicontagion {string.Join(' ', args)} did not finish in {timeout}");
        }

        return new CliRun(process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>
/// Random command lines (CsCheck): any command with any mix of its options and values drawn from a pool of good
/// and bad ones ends in exit 0 or 2 — never an unexpected error (exit 1) nor a stack trace — and a failure leaves
/// no output file behind.
/// </summary>
[TestClass]
public sealed class CliRandomArgumentsTests
{
    private static readonly Dictionary<string, string[]> Options = new()
    {
        ["validate"] = ["--json"],
        ["info"] = ["--json", "--top", "--detail"],
        ["convert"] = ["--format", "--json"],
        ["cascade"] = ["--json", "--model", "--alpha", "--beta", "--seniority", "--recovery", "--default-tolerance", "--failure-rule", "--withdraw", "--fail",
            "--distress", "--distress-all", "--external-shock", "--external-shock-all", "--external-shock-sector", "--top", "--detail", "--output", "--output-links",
            "--dynamics", "--asset-shock", "--max-leverage", "--target-leverage", "--shortfall", "--impact", "--price-floor", "--stake-losses", "--margin-calls", "--collateral-sales"],
        ["value"] = ["--json", "--external-shock", "--external-shock-all", "--external-shock-sector", "--external-liabilities", "--eisenberg-noe",
            "--sensitivities", "--wrt", "--top", "--detail", "--output"],
        ["rank"] = ["--json", "--candidates", "--pairs", "--greedy", "--top", "--shock", "--fraction", "--threads", "--chart", "--sweep", "--model", "--recovery",
            "--default-tolerance", "--failure-rule", "--alpha", "--beta", "--detail", "--output", "--stake-losses", "--margin-calls", "--collateral-sales"],
        ["export"] = ["--overlay", "--model", "--withdraw", "--min-amount", "--top", "--title", "--no-legend", "--no-labels", "--json", "--fail", "--external-shock-all",
            "--from", "--to", "--measure", "--view", "--focus", "--depth", "--core", "--label-min", "--group-funders", "--fit"],
        ["stress"] = ["--json", "--p", "--correlation", "--shock", "--fraction", "--external-shock", "--external-scope", "--threads", "--top", "--chart",
            "--chart-measure", "--failure-chart", "--model", "--recovery", "--external-shock-distribution", "--seed", "--detail", "--output"],
        ["runway"] = ["--json", "--withdraw", "--at", "--months", "--default-term", "--recurring", "--unknown-cash", "--default-tolerance", "--cash-paths",
            "--chart", "--chart-top", "--top", "--output", "--stake-losses", "--margin-calls", "--collateral-sales"],
        ["centrality"] = ["--damping", "--alpha", "--direction", "--cost", "--weighted", "--samples", "--seed", "--tolerance", "--max-iterations", "--top", "--json",
            "--attenuation", "--detail", "--output"],
        ["flow"] = ["--from", "--entities", "--entity-cost", "--json", "--top", "--output"],
        ["dominators"] = ["--from", "--json", "--top", "--output"],
        ["trace"] = ["--to", "--json", "--top", "--output"],
    };

    private static readonly string[] Values =
    [
        "", "0", "1", "-1", "0.5", "1.5", "3", "NaN", "Infinity", "1e400", "abc", "vc-fund", "bank", "nobody", "vc-fund,bank", "vc-fund=0.5", "bank=2",
        "sector:Bank=0.2", "sector:Nope=0.1", "Bank=0.3", "Equity=0.4", "x=y=z", ",", "funding", "credit", "chain", "eisenberg-noe", "rogers-veraart",
        "debtrank", "gai-kapadia", "withdraw", "fail", "senior", "strict", "recovery=0,0.5", "default-tolerance=0.1", "beta:2,3", "lognormal:0,1",
        "common", "entity", "links", "amount", "cascade", "hops", "inverse-amount", "paying", "receiving", "count", "inflow", "tolerance", "zero",
        "{out}.png", "{out}.svg", "{out}.bmp", "{out}", "json", "csv", "graphml", "true", "{out}.csv", "{out}.json", "sector:Bank", "chipmaker",
        "core", "sankey", "network", "a3", "none", "model-lab",
        "fire-sale", "debtrank-nonlinear", "glt", "glt-linear", "threshold", "initial", "gpu=0.2", "inf", "impact-fluidity", "impact-diffusion",
    ];

    private static readonly string[] Commands = [.. Options.Keys];

    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("AICONTAGION_CLI_ITERATIONS"), out var n) ? n : 600;

    private static readonly Gen<(int Command, (int Option, int Value, bool Flag)[] Options)> CommandLines =
        Gen.Select(Gen.Int[0, Commands.Length - 1], Gen.Select(Gen.Int[0, 29], Gen.Int[0, Values.Length - 1], Gen.Bool).Array[0, 4]);

    [TestMethod]
    public void AnyCommandLine_ExitCode0Or2_NeverAStackTrace()
    {
        using var temp = new TempFolder();
        var graph = Repo.Graph("toy-chain.json");
        var counter = 0;
        var succeeded = 0;
        CommandLines.Sample(line =>
        {
            var folder = Path.Combine(temp.Path, Interlocked.Increment(ref counter).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var output = Path.Combine(folder, "out");
            var command = Commands[line.Command];
            var args = new List<string> { command, graph };
            args.AddRange(command switch
            {
                "convert" => [output + ".json"],
                "export" => ["-o", output + ".dot"],
                "centrality" => ["--measure", "pagerank"],
                "flow" => ["--to", "neocloud"],
                "stress" => ["--trials", "20"],
                _ => [],
            });
            var options = Options[command];
            foreach (var (option, value, flag) in line.Options)
            {
                args.Add(options[option % options.Length]);
                if (!flag)
                {
                    args.Add(Values[value].Replace("{out}", output, StringComparison.Ordinal));
                }
            }

            var run = CliRunner.Run([.. args]);
            var what = string.Join(' ', args);
            Assert.IsTrue(run.ExitCode is 0 or 2, $"{what}\n{run}");
            Assert.IsFalse(run.Error.Contains("   at ", StringComparison.Ordinal), $"{what}: stack trace\n{run}");
            Assert.IsFalse(run.Error.Contains("unexpected", StringComparison.Ordinal), $"{what}\n{run}");
            if (run.ExitCode == 2)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(run.Error), $"{what}: no message");
                Assert.IsFalse(Directory.EnumerateFileSystemEntries(folder).Any(), $"{what}: bad input left files behind\n{run}");
            }
            else
            {
                succeeded++;
            }
        }, iter: Iterations, threads: 1);

        // Both outcomes common: the pool of values is neither all good nor all bad.
        Assert.IsGreaterThan(Iterations / 10, succeeded, $"only {succeeded} of {Iterations} command lines succeeded");
        Assert.IsLessThan(Iterations * 9 / 10, succeeded, $"{succeeded} of {Iterations} command lines succeeded");
    }
}
