using AiContagion.Generators;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Tests.Generators;

[TestClass]
public sealed class GeneratorsTests
{
    [TestMethod]
    public void ErdosRenyi_MeanDegree_WithinFiveStandardDeviations()
    {
        // m ~ Binomial(n(n-1), p) with p = z/(n-1): mean n·z = 5000, sd ≈ sqrt(n·z·(1-p)) ≈ 70.6.
        var (from, to) = ErdosRenyiNetwork.Sample(1000, 5, seed: 11);

        Assert.IsLessThan(5 * 70.6, Math.Abs(from.Count - 5000.0));
        Assert.IsFalse(from.Zip(to).Any(p => p.First == p.Second), "no self-links");
        Assert.AreEqual(from.Count, from.Zip(to).Distinct().Count(), "no duplicate pairs");
    }

    [TestMethod]
    public void ErdosRenyi_Extremes_EmptyAndComplete()
    {
        Assert.AreEqual(0, ErdosRenyiNetwork.Create(50, 0, seed: 1).LinkCount);
        Assert.AreEqual(50 * 49, ErdosRenyiNetwork.Create(50, 49, seed: 1).LinkCount);
    }

    [TestMethod]
    public void ErdosRenyi_SameSeed_SameNetwork_OtherSeed_Different()
    {
        var a = ErdosRenyiNetwork.Sample(300, 4, seed: 3);
        var b = ErdosRenyiNetwork.Sample(300, 4, seed: 3);
        var c = ErdosRenyiNetwork.Sample(300, 4, seed: 4);

        CollectionAssert.AreEqual(a.From, b.From);
        CollectionAssert.AreEqual(a.To, b.To);
        Assert.IsFalse(a.From.SequenceEqual(c.From) && a.To.SequenceEqual(c.To));
    }

    [TestMethod]
    public void ScaleFree_DegreesHeavyTailed_NoSelfLinks()
    {
        var network = ScaleFreeNetwork.Create(2000, 20000, seed: 5);
        var inDegree = new int[network.EntityCount];
        foreach (var l in network.Index.LinkTo)
        {
            inDegree[l]++;
        }

        Assert.AreEqual(20000, network.LinkCount);
        Assert.IsTrue(network.Links.All(l => l.From != l.To));
        Assert.IsGreaterThan(10 * 10.0, (double)inDegree.Max(), "a hub with more than ten times the mean in-degree (10)");
    }

    [TestMethod]
    public void CorePeriphery_LinksPerPeripheryEntity_AsAsked()
    {
        var network = CorePeripheryNetwork.Create(200, 10, seed: 2, coreDensity: 1.0, peripheryLinks: 3);

        Assert.AreEqual((10 * 9) + (190 * 3), network.LinkCount);
        for (var p = 10; p < 200; p++)
        {
            var id = "e" + p.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.AreEqual(3, network.LinksFrom(id).Count + network.LinksTo(id).Count);
        }
    }

    [TestMethod]
    public void Synthetic_ShapeAndDeterminism()
    {
        var a = SyntheticFinancingNetwork.Create(2000, 20000, seed: 9);
        var b = SyntheticFinancingNetwork.Create(2000, 20000, seed: 9);

        Assert.AreEqual(20000, a.LinkCount);
        Assert.AreEqual(JsonNetworkWriter.ToJson(a), JsonNetworkWriter.ToJson(b));
        Assert.IsTrue(a.FundingSources.Count is >= 10 and <= 40, $"about 1 % funders, got {a.FundingSources.Count}");
        foreach (var sector in new[] { Sector.VentureCapital, Sector.AppStartup, Sector.ModelLab, Sector.Neocloud, Sector.ChipMaker })
        {
            Assert.IsNotEmpty(a.EntitiesIn(sector), sector.ToString());
        }

        Assert.IsTrue(a.Links.Any(l => l.Kind == LinkKind.ApiSpend) && a.Links.Any(l => l.Kind == LinkKind.GpuPurchase));
    }
}
