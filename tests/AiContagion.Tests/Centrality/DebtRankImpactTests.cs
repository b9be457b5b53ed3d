using AiContagion.Centrality;
using AiContagion.Tests.Cascades;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class DebtRankImpactTests
{
    // Published case C5 (Battiston et al. 2012; NetworkRiskMeasures README): each entity fully distressed alone
    // gives additional weighted stress a 0.9285714, b 0.25, c 0.6642857. graphs/textbook/c5-debtrank.json carries
    // balance sheets whose total-asset weights equal the published (10, 100, 30).
    [TestMethod]
    public void Compute_C5_PublishedImpactPerEntity()
    {
        var scores = DebtRankImpact.Compute(Textbook.Load("c5-debtrank.json"));

        Assert.AreEqual("debtrank", scores.Measure);
        Assert.AreEqual(0.9285714, scores["a"], 1e-6);
        Assert.AreEqual(0.25, scores["b"], 1e-6);
        Assert.AreEqual(0.6642857, scores["c"], 1e-6);
        CollectionAssert.AreEqual(new[] { "a", "c", "b" }, scores.Top(3).Select(s => s.Id).ToArray());
    }
}
