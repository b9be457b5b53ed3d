using AiContagion.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Examples;

[TestClass]
public sealed class BuildYourOwnNetworkTests
{
    // By hand (chain model, default tolerance 0.2; τ = cash / inflow where cash is known):
    // seed-fund withdraws 6 from robot-lab (inflow 6 + 1.5 + revenue 1 = 8.5, τ = 2/8.5: 6 > 2 → fails, round 1) and
    // 2 from warehouse-app (inflow 2, no cash, τ 0.2: fails, round 1). Their links out stop: robot-lab → gpu-cloud 4,
    // warehouse-app → robot-lab 1.5. gpu-cloud (inflow 5 + 4 + 1 = 10, cash 1) loses 4 > 1: fails in round 2; its GPU
    // purchase 7 stops, the bank's loan 5 and chip-co's vendor financing 1 into it are impaired. chip-co loses 1 on that
    // claim > capital 0.5: fails in round 3 (solvency). All 7 links (26.5) down, 4 failures.
    // regional-bank withdraws 5: gpu-cloud fails (5 > 1), chip-co fails by its 1 loss; 3 links (5 + 7 + 1 = 13), 2 failed.
    [TestMethod]
    public void Run_ToTempFolder_CascadeRankingAndSavedJson()
    {
        using var temp = new TempFolder();
        var output = new StringWriter();

        var code = AiContagion.Examples.BuildYourOwnNetwork.Program.Run([temp.Path], output);

        var text = output.ToString();
        Assert.AreEqual(0, code, text);
        StringAssert.Contains(text, "chain: 4 entities failed, 7 links down (26.5), 3 rounds");
        StringAssert.Contains(text, "round 1: failed robot-lab, warehouse-app");
        StringAssert.Contains(text, "round 2: failed gpu-cloud");
        StringAssert.Contains(text, "round 3: failed chip-co");
        StringAssert.Contains(text, "round 2  chip-co -> gpu-cloud  VendorFinancing 1  (RecipientFailed)");
        StringAssert.Contains(text, "#1 seed-fund: 7 links down (2 direct, 5 cascade), amount 26.5, 4 failed");
        StringAssert.Contains(text, "#2 regional-bank: 3 links down (1 direct, 2 cascade), amount 13, 2 failed");

        var saved = FinancingNetworkFile.Load(temp.File("robotics-chain.json"));
        Assert.AreEqual((6, 7, 26.5), (saved.EntityCount, saved.LinkCount, saved.TotalAmount));
        Assert.AreEqual(0.5, saved["chip-co"].Capital);
    }
}
