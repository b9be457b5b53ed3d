using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cli;

[TestClass]
public sealed class ConvertCommandTests
{
    // Moved from Io/BadInputTests.
    [TestMethod]
    public void Convert_BadInput_WritesNoOutput()
    {
        using var temp = new TempFolder();
        var target = temp.File("out.json");

        var run = CliRunner.Run("convert", Repo.TestData("BadInput", "csv/unknown-entity"), target);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.IsFalse(File.Exists(target));
        Assert.IsEmpty(Directory.GetFiles(temp.Path), "no temporary file left behind");
    }
}
