using AiContagion.Tests.Support;

namespace AiContagion.Tests.Examples;

[TestClass]
public sealed class QuickstartTests
{
    [TestMethod]
    public void Run_ToyChain_PrintsSummary()
    {
        var output = new StringWriter();

        var code = AiContagion.Examples.Quickstart.Program.Run([Repo.Graph("toy-chain.json")], output);

        Assert.AreEqual(0, code);
        var text = output.ToString();
        StringAssert.Contains(text, "6 entities, 8 links");
        StringAssert.Contains(text, "Frontier Ventures");
        StringAssert.Contains(text, "GridCloud");
        StringAssert.Contains(text, "inflow      21");
    }

    [TestMethod]
    public void Run_CsvFolder_SameSummary()
    {
        var fromJson = new StringWriter();
        var fromCsv = new StringWriter();

        AiContagion.Examples.Quickstart.Program.Run([Repo.Graph("toy-chain.json")], fromJson);
        AiContagion.Examples.Quickstart.Program.Run([Repo.Graph("toy-chain-csv")], fromCsv);

        Assert.AreEqual(fromJson.ToString(), fromCsv.ToString());
    }
}
