using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

/// <summary><c>report</c> on the toy chain: one HTML file with the sections asked for; bad options exit 2 with nothing written.</summary>
[TestClass]
public sealed class ReportCommandTests
{
    [TestMethod]
    public void Report_ToyChain_OneFileWithTheSectionsAskedFor()
    {
        using var temp = new TempFolder();

        var plain = CliRunner.Run("report", Repo.Graph("toy-chain.json"), "-o", temp.File("plain.html"));
        var full = CliRunner.Run("report", Repo.Graph("toy-chain.json"), "-o", temp.File("full.html"), "--model", "funding", "--model", "credit",
            "--sweep", "default-tolerance=0.1,0.5", "--baseline", "--to", "neocloud", "--top", "3", "--title", "Toy <report>");

        Assert.AreEqual(0, plain.ExitCode, plain.ToString());
        StringAssert.Contains(plain.Output, "8 sections (data, chain, ranking, cascade, cut, provenance, core, money)");
        Assert.AreEqual(0, full.ExitCode, full.ToString());
        StringAssert.Contains(full.Output, "11 sections (data, chain, ranking, ranking-credit, cascade, baseline, sweep, cut, provenance, core, money)");
        var html = File.ReadAllText(temp.File("full.html"));
        StringAssert.Contains(html, "<title>Toy &lt;report&gt;</title>");
        StringAssert.Contains(html, "GridCloud");
        Assert.AreEqual(2, Directory.GetFiles(temp.Path).Length);
    }

    [TestMethod]
    [DataRow(new[] { "-o", "x.pdf" }, "--output: cannot tell the format of")]
    [DataRow(new[] { "-o", "x.html", "--model", "magic" }, "--model: unknown model 'magic'")]
    [DataRow(new[] { "-o", "x.html", "--to", "nobody" }, "--to: the graph has no entity 'nobody'")]
    [DataRow(new[] { "-o", "x.html", "--sweep", "colour=1,2" }, "colour")]
    [DataRow(new[] { "-o", "x.html", "--fit", "b5" }, "--fit: 'b5' is not a3, a4 or none")]
    public void Report_BadInput_ExitCode2NothingWritten(string[] options, string message)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "report", Repo.Graph("toy-chain.json") };
        args.AddRange(options.Select(o => o.StartsWith("x.", StringComparison.Ordinal) ? temp.File(o) : o));

        var run = CliRunner.Run([.. args]);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
        Assert.IsEmpty(Directory.GetFiles(temp.Path));
    }
}
