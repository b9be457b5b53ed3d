using AiContagion.Cli.Commands;
using AiContagion.Cli.Commands.Cascades;
using AiContagion.Cli.Commands.Centrality;
using AiContagion.Cli.Commands.Rank;
using AiContagion.Cli.Commands.Runway;
using AiContagion.Cli.Commands.Stress;
using AiContagion.Cli.Commands.Value;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>README's command-line section documents the columns every <c>--output</c> file has, and the spellings the tool reads.</summary>
[TestClass]
public sealed class ReadmeCommandLineTests
{
    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(Repo.Path("README.md")));

    [TestMethod]
    public void OutputColumns_AreListedInTheReadme()
    {
        var schemas = new (string Row, string Names)[]
        {
            ("| `cascade --output` |", CascadeReport.EntityRows.Names),
            ("| `cascade --output-links` |", CascadeReport.LinkRows.Names),
            ("| `value` |", ValueReport.Rows.Names),
            ("| `rank` |", RankReport.Rows.Names),
            ("| `rank --uncertainty` |", RankUncertaintyReport.Rows.Names),
            ("| `stress` |", StressReport.Rows.Names),
            ("| `centrality` |", CentralityReport.Rows.Names),
            ("| `runway` |", RunwayReport.Rows.Names),
            ("| `flow` |", FlowCommand.Rows.Names),
            ("| `dominators` |", DominatorsCommand.Rows.Names),
            ("| `trace` |", TraceCommand.Rows.Names),
            ("| `experiment gai-kapadia` |", ExperimentCommand.Rows.Names),
        };
        var lines = Readme.Value.Split('\n');
        foreach (var (row, names) in schemas)
        {
            var line = lines.SingleOrDefault(l => l.StartsWith(row, StringComparison.Ordinal));
            Assert.IsNotNull(line, $"README has no row {row}");
            StringAssert.EndsWith(line.TrimEnd(), $"| `{names}` |", row);
        }
    }

    // Every option the README's examples use is accepted (only the graph path is replaced by the toy chain where
    // the example's network is not in the repository).
    [TestMethod]
    public void Examples_Run()
    {
        using var temp = new TempFolder();
        var section = Readme.Value[Readme.Value.IndexOf("## The command-line tool", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("## ", 5, StringComparison.Ordinal)];
        var examples = section.Split('\n').Where(l => l.StartsWith("aicontagion ", StringComparison.Ordinal)).ToList();
        Assert.IsGreaterThanOrEqualTo(5, examples.Count);
        foreach (var example in examples)
        {
            var args = example["aicontagion ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a switch
                {
                    "big-network/" => Repo.Graph("ai-chain.json"),
                    _ when a.StartsWith("graphs/", StringComparison.Ordinal) || a.StartsWith("docs/", StringComparison.Ordinal) => Repo.Path(a.Split('/')),
                    _ when a.EndsWith(".png", StringComparison.Ordinal) || a.EndsWith(".svg", StringComparison.Ordinal) || a.EndsWith(".csv", StringComparison.Ordinal) => temp.File(a),
                    _ => a,
                }).ToArray();

            var run = CliRunner.Run(args);

            Assert.AreEqual(0, run.ExitCode, $"{example}\n{run}");
        }
    }
}
