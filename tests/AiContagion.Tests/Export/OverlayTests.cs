using AiContagion.Export;

namespace AiContagion.Tests.Export;

[TestClass]
public sealed class OverlayTests
{
    [TestMethod]
    public void CascadeOverlay_SortsAndSummarises()
    {
        var overlay = new CascadeOverlay(
            [KeyValuePair.Create("b", 2), KeyValuePair.Create("a", 1)],
            ["z", "y", "z"],
            [KeyValuePair.Create(5, new CascadeLinkDown("PayerFailed", 2)), KeyValuePair.Create(1, new CascadeLinkDown("Withdrawn", 0))],
            "funding");

        CollectionAssert.AreEqual(new[] { "a", "b" }, overlay.FailureRounds.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "y", "z" }, overlay.Withdrawn.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 5 }, overlay.LinksDown.Keys.ToArray());
        Assert.AreEqual(2, overlay.Rounds);
        Assert.AreEqual("cascade (funding): 2 withdrawn, 2 failed in 2 rounds, 2 links down", overlay.ToString());
    }

    [TestMethod]
    public void CascadeOverlay_InvalidInput_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new CascadeOverlay([KeyValuePair.Create("a", 1), KeyValuePair.Create("a", 2)], [], []));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CascadeOverlay([KeyValuePair.Create("a", -1)], [], []));
        Assert.ThrowsExactly<ArgumentException>(() => new CascadeOverlay([], [" "], []));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CascadeOverlay([], [], [KeyValuePair.Create(-1, new CascadeLinkDown("Withdrawn", 0))]));
        Assert.ThrowsExactly<ArgumentException>(() => new CascadeOverlay([], [], [KeyValuePair.Create(0, new CascadeLinkDown("", 0))]));
        Assert.ThrowsExactly<ArgumentException>(() => new CascadeOverlay([], [],
            [KeyValuePair.Create(0, new CascadeLinkDown("Withdrawn", 0)), KeyValuePair.Create(0, new CascadeLinkDown("PayerFailed", 1))]));
    }

    [TestMethod]
    public void CutOverlay_Summary_And_Checks()
    {
        Assert.AreEqual("minimum cut (sources → chips): 2 links, value 14.5", new CutOverlay([3, 1], ["a"], 14.5, "sources → chips").ToString());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CutOverlay([-1]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CutOverlay([1], value: double.NaN));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CutOverlay([1], value: -2));
    }

    [TestMethod]
    public void DominatorOverlay_Summary_And_Checks()
    {
        Assert.AreEqual("dominators of nvidia: 1 single point of failure", new DominatorOverlay(["x"], target: "nvidia").ToString());
        Assert.AreEqual("dominators: 2 single points of failure", new DominatorOverlay(["x", "y"]).ToString());
        Assert.ThrowsExactly<ArgumentException>(() => new DominatorOverlay(["x"], [KeyValuePair.Create("a", "x"), KeyValuePair.Create("a", "y")]));
    }

    [TestMethod]
    public void CentralityOverlay_Checks()
    {
        Assert.AreEqual("centrality katz: 1 scores", new CentralityOverlay("katz", [KeyValuePair.Create("a", 0.5)]).ToString());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new CentralityOverlay("katz", [KeyValuePair.Create("a", double.PositiveInfinity)]));
        Assert.ThrowsExactly<ArgumentException>(() => new CentralityOverlay(" ", []));
        Assert.ThrowsExactly<ArgumentException>(() => new CentralityOverlay("katz", [KeyValuePair.Create("a", 1.0), KeyValuePair.Create("a", 2.0)]));
    }
}
