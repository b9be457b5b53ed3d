using AiContagion.Centrality;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class CentralityScoresTests
{
    [TestMethod]
    public void Top_Ties_KeepNetworkOrder()
    {
        var network = Networks.ToyChain();
        var scores = new CentralityScores(network, "custom", [1, 3, 3, 0, 2, 3]);

        var top = scores.Top(4);

        CollectionAssert.AreEqual(new[] { "bank", "chipmaker", "app-startup", "model-lab" }, top.Select(t => t.Id).ToArray());
        Assert.AreEqual(2, top[1].Index);
        Assert.HasCount(6, scores.Top(100));
        Assert.AreEqual(3, scores["app-startup"]);
        Assert.ThrowsExactly<KeyNotFoundException>(() => scores["nope"]);
    }

    [TestMethod]
    public void Constructor_WrongLength_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => new CentralityScores(Networks.ToyChain(), "custom", [1, 2]));

    [TestMethod]
    public void ToString_NamesMeasureAndTop() =>
        Assert.AreEqual(
            "custom over 6 entities (converged, 0 iterations): bank=3, chipmaker=2, vc-fund=1",
            new CentralityScores(Networks.ToyChain(), "custom", [1, 3, 2, 0, 0, 0]).ToString());
}
