using System.Text.Json;
using AiContagion.Cli;
using AiContagion.Cli.Infrastructure;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary>
/// Progress on long commands goes to standard error, and only when standard error is a terminal; standard output
/// (tables, JSON) never carries it, and without a terminal nothing at all is written to standard error. (The bar
/// appears once a step has run for <see cref="CliContext.ProgressDelay"/>; zero here, so the toy chain shows it.)
/// </summary>
[TestClass]
public sealed class ProgressTests
{
    [TestMethod]
    [DataRow("rank", "ranking")]
    [DataRow("stress", "stress trials")]
    [DataRow("info", "reading toy-chain.json")]
    public void ErrorIsTerminal_ProgressOnStandardErrorOnly(string command, string description)
    {
        var (code, output, error) = Run(errorIsTerminal: true, command, Repo.Graph("toy-chain.json"), "--json");

        Assert.AreEqual(0, code, error);
        StringAssert.Contains(error, description);
        StringAssert.Contains(error, "\u001b[", "an ANSI-drawn bar");
        using var json = JsonDocument.Parse(output);
        Assert.AreEqual(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [TestMethod]
    [DataRow("rank")]
    [DataRow("stress")]
    [DataRow("info")]
    public void ErrorNotATerminal_Silent(string command)
    {
        var (code, output, error) = Run(errorIsTerminal: false, command, Repo.Graph("toy-chain.json"), "--json");

        Assert.AreEqual(0, code, error);
        Assert.AreEqual(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.AreEqual(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    // A step quicker than the delay shows no bar at all.
    [TestMethod]
    public void QuickStep_NoBar()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };

        var code = CliApp.Run(["rank", Repo.Graph("toy-chain.json"), "--json"], new CliContext(output, error, isTerminal: false, CancellationToken.None, errorIsTerminal: true) { ProgressDelay = TimeSpan.FromMinutes(1) });

        Assert.AreEqual(0, code, error.ToString());
        Assert.AreEqual(string.Empty, error.ToString());
    }

    private static (int Code, string Output, string Error) Run(bool errorIsTerminal, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new CliContext(output, error, isTerminal: false, CancellationToken.None, errorIsTerminal) { ProgressDelay = TimeSpan.Zero });
        return (code, output.ToString(), error.ToString());
    }
}
