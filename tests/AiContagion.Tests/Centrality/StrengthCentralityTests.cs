using AiContagion.Centrality;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class StrengthCentralityTests
{
    [TestMethod]
    public void Compute_ToyChain_HandSums()
    {
        // graphs/toy-chain.json, entities in file order: vc-fund, bank, chipmaker, neocloud, model-lab, app-startup.
        // Received: chipmaker 12; neocloud 8 + 3 + 9 = 20; model-lab 10 + 2 + 1.5 = 13.5; app-startup 2.
        // Paid: vc-fund 12; bank 10; chipmaker 3; neocloud 12; model-lab 9; app-startup 1.5.
        var network = Networks.ToyChain();

        var received = StrengthCentrality.Compute(network);
        var paid = StrengthCentrality.Compute(network, CentralityDirection.Paying);

        Assert.AreEqual("in-strength", received.Measure);
        Assert.AreEqual("out-strength", paid.Measure);
        Scores.AreClose([0, 0, 12, 20, 13.5, 2], received.Scores, 0, "in");
        Scores.AreClose([12, 10, 3, 12, 9, 1.5], paid.Scores, 0, "out");
    }
}
