using System.Text.Json;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class ExperimentCommandTests
{
    [TestMethod]
    public void Experiment_GaiKapadiaJson_PointsChartAndCsv()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run("experiment", "gai-kapadia", "--n", "150", "--trials", "20", "--z-max", "6", "--seed", "3", "--json", "--chart", folder.File("gk.png"), "--csv", folder.File("gk.csv"));

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var points = json.RootElement.GetProperty("points");
        Assert.AreEqual(7, points.GetArrayLength());
        Assert.AreEqual(0, points[0].GetProperty("contagious").GetInt32());
        Assert.AreEqual(20, points[3].GetProperty("trials").GetInt32());
        Assert.IsGreaterThan(0, points[3].GetProperty("contagious").GetInt32(), "z = 3 lies inside the window");
        Assert.IsTrue(File.Exists(folder.File("gk.png")));
        Assert.HasCount(9, File.ReadAllText(folder.File("gk.csv")).Split('\n'));
    }

    [TestMethod]
    public void Experiment_GaiKapadiaTable_SameForAnyThreadCount()
    {
        var one = CliRunner.Run("experiment", "gai-kapadia", "--n", "100", "--trials", "10", "--z-max", "4", "--threads", "1");
        var two = CliRunner.Run("experiment", "gai-kapadia", "--n", "100", "--trials", "10", "--z-max", "4", "--threads", "2");

        Assert.AreEqual(0, one.ExitCode, one.ToString());
        Assert.AreEqual(one.Output, two.Output);
        StringAssert.Contains(one.Output, "Gai–Kapadia: n = 100, 10 networks per z");
    }

    [TestMethod]
    [DataRow("--n", "1", "--n: 1 must be at least 2")]
    [DataRow("--z-max", "-1", "--z-max: -1 must lie in")]
    [DataRow("--capital", "1.5", "--capital: '1.5' must lie in [0, 1]")]
    public void Experiment_BadValues_ExitTwo(string option, string value, string message)
    {
        var run = CliRunner.Run("experiment", "gai-kapadia", option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, message);
    }
}
