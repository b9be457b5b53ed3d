using AiContagion.Tests.Support;

namespace AiContagion.Tests.Examples;

[TestClass]
public sealed class InterbankClearingTests
{
    // Published cases C1 (p* = [270/11, 290/11, 10] = [24.545455, 26.363636, 10]; equity [−5.454545, −2.636364, 30])
    // and C5 (DebtRank 0.9285714 / 0.25 / 0.6642857 for a, b, c alone; 0.1607143 with 10 % on all; h (0.15, 0.26, 0.3)).
    [TestMethod]
    public void Run_Textbook_PrintsThePublishedNumbersAndExits0()
    {
        var output = new StringWriter();

        var code = AiContagion.Examples.InterbankClearing.Program.Run([Repo.Graph("textbook")], output);

        var text = output.ToString();
        Assert.AreEqual(0, code, text);
        StringAssert.Contains(text, "b1             10       30   24.545455   24.545455     -5.454545");
        StringAssert.Contains(text, "b2             10       29   26.363636   26.363636     -2.636364");
        StringAssert.Contains(text, "yes (round 2)");
        StringAssert.Contains(text, "a fails      0.9285714  0.9285714          2   (1, 1, 1)");
        StringAssert.Contains(text, "c fails      0.6642857  0.6642857          0   (0.3, 0.9, 1)");
        StringAssert.Contains(text, "10% on all   0.1607143  0.1607143          0   (0.15, 0.26, 0.3)");
        StringAssert.Contains(text, "Every number matches the published case.");
    }

    // A changed network is caught: with b3's external assets raised, the C1 numbers no longer hold and the exit code says so.
    [TestMethod]
    public void Run_AlteredNetwork_Exits1()
    {
        using var temp = new TempFolder();
        foreach (var file in Directory.GetFiles(Repo.Graph("textbook"), "*.json"))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }

        var c1 = temp.File("c1-eisenberg-noe.json");
        File.WriteAllText(c1, File.ReadAllText(c1).Replace("\"externalAssets\": 10\n    }\n  ]", "\"externalAssets\": 12\n    }\n  ]", StringComparison.Ordinal));
        var output = new StringWriter();

        var code = AiContagion.Examples.InterbankClearing.Program.Run([temp.Path], output);

        Assert.AreEqual(1, code, output.ToString());
        StringAssert.Contains(output.ToString(), "DIFFERS");
    }
}
