using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class RankChartTests
{
    [TestMethod]
    [DataRow("ranking.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    [DataRow("ranking.svg", new byte[] { (byte)'<' })]
    public void Rank_ChartOption_WritesTheChart(string file, byte[] header)
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--model", "funding", "--candidates", "all", "--chart", temp.File(file));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var bytes = File.ReadAllBytes(temp.File(file));
        CollectionAssert.AreEqual(header, bytes.Take(header.Length).ToArray());
    }

    [TestMethod]
    public void Rank_ChartWithUnknownExtension_ExitCode2BeforeRanking()
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("rank", Repo.Graph("toy-chain.json"), "--chart", temp.File("ranking.pdf"));

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "--chart");
        Assert.IsEmpty(Directory.GetFiles(temp.Path));
    }
}
