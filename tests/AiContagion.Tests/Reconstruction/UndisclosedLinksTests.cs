using AiContagion.Model;
using AiContagion.Reconstruction;

namespace AiContagion.Tests.Reconstruction;

[TestClass]
public sealed class UndisclosedLinksTests
{
    // Two chip makers paid by three hyperscalers for GPUs. Disclosed: msft -> nvda 30 (GpuPurchase). Known totals:
    // nvda receives 90 and amd 30 from the three; msft spends 40, amzn 30, goog 50 on them. One more link of another
    // kind (a compute contract) between the same firms is not part of the totals.
    private static FinancingNetwork Network() => FinancingNetwork.CreateBuilder()
        .AddEntity("nvda", Sector.ChipMaker).AddEntity("amd", Sector.ChipMaker)
        .AddEntity("msft", Sector.Hyperscaler).AddEntity("amzn", Sector.Hyperscaler).AddEntity("goog", Sector.Hyperscaler)
        .AddLink(new Link("msft", "nvda", LinkKind.GpuPurchase, 30) { Confidence = AmountConfidence.Reported })
        .AddLink("nvda", "msft", LinkKind.ComputeContract, 5)
        .Build();

    private static readonly EntityTotal[] Buyers = [new("msft", 40), new("amzn", 30), new("goog", 50)];
    private static readonly EntityTotal[] ChipMakers = [new("nvda", 90), new("amd", 30)];

    [TestMethod]
    public void Fill_AddsDerivedLinks_KeepsTheDisclosedOne_MeetsTheTotals()
    {
        var network = Network();

        var filled = UndisclosedLinks.Fill(network, LinkKind.GpuPurchase, Buyers, ChipMakers);

        var gpu = filled.Links.Where(l => l.Kind == LinkKind.GpuPurchase).ToList();
        Assert.AreEqual(network.LinkCount + 5, filled.LinkCount, "msft -> amd, amzn -> nvda, amzn -> amd, goog -> nvda, goog -> amd");
        Assert.AreEqual(network.Links[0], filled.Links[0], "the disclosed link is unchanged");
        Assert.AreEqual(network.Links[1], filled.Links[1], "other kinds untouched");
        Assert.IsTrue(filled.Links.Skip(2).All(l => l.Confidence == AmountConfidence.Derived && l.Kind == LinkKind.GpuPurchase));
        foreach (var buyer in Buyers)
        {
            Assert.AreEqual(buyer.Amount, gpu.Where(l => l.From == buyer.Id).Sum(l => l.Amount), 1e-9, buyer.Id);
        }

        foreach (var maker in ChipMakers)
        {
            Assert.AreEqual(maker.Amount, gpu.Where(l => l.To == maker.Id).Sum(l => l.Amount), 1e-9, maker.Id);
        }

        // msft has 10 left and can pay only amd (its nvda pair is known), so msft -> amd = 10. The rest of the
        // problem: amzn 30 and goog 50 to nvda 60 and amd 20, nothing excluded: x_ij = out_i in_j / 80.
        Assert.AreEqual(10, gpu.Single(l => l.From == "msft" && l.To == "amd").Amount, 1e-9);
        Assert.AreEqual(30 * 60 / 80.0, gpu.Single(l => l.From == "amzn" && l.To == "nvda").Amount, 1e-9);
        Assert.AreEqual(50 * 20 / 80.0, gpu.Single(l => l.From == "goog" && l.To == "amd").Amount, 1e-9);
    }

    [TestMethod]
    public void Fill_WithTheEnsemble_LinksCarryRanges()
    {
        var filled = UndisclosedLinks.Fill(Network(), LinkKind.GpuPurchase, Buyers, ChipMakers, new EnsembleReconstruction(new EnsembleOptions { Samples = 200 }));

        var added = filled.Links.Where(l => l.Confidence == AmountConfidence.Derived).ToList();
        Assert.IsNotEmpty(added);
        Assert.IsTrue(added.All(l => l.Low <= l.Amount && l.Amount <= l.High));
    }

    [TestMethod]
    public void Problem_ParallelDisclosedLinksAddUp()
    {
        var network = Network().ToBuilder().AddLink("msft", "nvda", LinkKind.GpuPurchase, 5).Build();

        var problem = UndisclosedLinks.Problem(network, LinkKind.GpuPurchase, Buyers, ChipMakers);

        Assert.AreEqual(new KnownAmount("msft", "nvda", 35), problem.Known.Single());
    }

    [TestMethod]
    public void UnknownEntity_NamedWithItsSide()
    {
        var e = Assert.ThrowsExactly<ReconstructionInputException>(() =>
            UndisclosedLinks.Fill(Network(), LinkKind.GpuPurchase, [.. Buyers, new EntityTotal("meta", 10)], [.. ChipMakers, new EntityTotal("intel", 10)]));

        CollectionAssert.AreEqual(new[] { "meta: 'out': is not an entity of the network", "intel: 'in': is not an entity of the network" }, e.Problems.Select(p => p.ToString()).ToArray());
    }

    [TestMethod]
    public void DisclosedAboveATotal_Refused()
    {
        var e = Assert.ThrowsExactly<ReconstructionInputException>(() =>
            UndisclosedLinks.Fill(Network(), LinkKind.GpuPurchase, [new EntityTotal("msft", 20), new EntityTotal("amzn", 100)], ChipMakers));

        Assert.AreEqual("msft", e.Problems[0].Subject);
        StringAssert.Contains(e.Problems[0].Message, "the known links from it sum to 30, more than its total out 20");
    }
}
