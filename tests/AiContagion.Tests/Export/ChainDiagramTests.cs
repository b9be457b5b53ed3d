using System.Text.RegularExpressions;
using AiContagion.Export;
using AiContagion.Model;
using AiContagion.Tests.Support;
using CsCheck;

namespace AiContagion.Tests.Export;

/// <summary>
/// The tiered chain writer on the toy chain, by hand: tiers as rank=same groups with an invisible heavy spine, no
/// clusters, links summed per payer, recipient and deal class, the back edge written reversed and dashed, labels only
/// on large flows, the subtitle saying what was hidden; and the short texts (money labels at most 12 characters).
/// </summary>
[TestClass]
public sealed partial class ChainDiagramTests
{
    // Toy chain (graphs/toy-chain.json, USD bn): vc-fund → model-lab Equity 10, vc-fund → app-startup Equity 2,
    // bank → neocloud Loan 8, bank → model-lab CreditFacility 2, chipmaker → neocloud VendorFinancing 3,
    // model-lab → neocloud ComputeContract 9, app-startup → model-lab ApiSpend 1.5, neocloud → chipmaker GpuPurchase 12.
    [TestMethod]
    public void Tiered_ToyChainAllFlows_ColumnsSpineAndBackEdge()
    {
        var toy = Networks.ToyChain();

        var document = ChainDiagram.Tiered(toy, new ChainDiagramOptions { MinimumAmount = 0 });
        var dot = document.Text;

        StringAssert.Contains(dot, "newrank=true");
        StringAssert.Contains(dot, "rankdir=LR");
        Assert.DoesNotContain("cluster", dot);
        Assert.DoesNotContain("constraint=false", dot);
        StringAssert.Contains(dot, "fontname=\"Arial,Helvetica,sans-serif\"");
        // Five non-empty tiers (funders, apps, labs, GPU clouds, chip makers): five rank=same groups of firms, then five
        // that put each heading in its column (written after every column so the headings land on top), one spine.
        Assert.AreEqual(10, Regex.Count(dot, @"\{ rank=same;"));
        StringAssert.Contains(dot, "{ rank=same; \"vc-fund\";\n    \"tier:tier-funders\" [shape=plaintext");
        StringAssert.Contains(dot, "\"tier:tier-funders\" -> \"tier:tier-apps\" -> \"tier:tier-labs\" -> \"tier:tier-clouds\" -> \"tier:tier-chips\" [style=invis, weight=1000]");
        // Eight links, eight (payer, recipient, class) flows.
        Assert.AreEqual(8, document.FlowsShown);
        Assert.AreEqual(8, document.LinksShown);
        Assert.AreEqual(6, document.NodesShown);
        // The vendor financing runs from the chip maker (right) back to the GPU cloud: written reversed, drawn back and dashed.
        StringAssert.Matches(dot, new Regex("\"neocloud\" -> \"chipmaker\" \\[[^\\]]*dir=back[^\\]]*style=\"dashed\""));
        Assert.DoesNotContain("\"chipmaker\" -> \"neocloud\"", dot);
        // Forward flows leave east and enter west; labels on flows of 10 and more only: $10bn and $12bn.
        StringAssert.Matches(dot, new Regex("\"vc-fund\" -> \"model-lab\" \\[label=\"\\$10bn\"[^\\]]*tailport=\"e\", headport=\"w\""));
        StringAssert.Contains(dot, "label=\"$12bn\"");
        Assert.AreEqual(2, document.LabelledFlows);
        Assert.AreEqual(0, document.LinksHidden);
    }

    [TestMethod]
    public void Tiered_DefaultThreshold5_HidesSmallFlowsAndSaysSo()
    {
        var toy = Networks.ToyChain();

        var document = ChainDiagram.Tiered(toy);

        // Flows of at least 5: Equity 10, Loan 8, Compute 9, GPU 12; hidden: 2 + 2 + 3 + 1.5 = 8.5 in 4 links, and the
        // app start-up is left with no flow.
        Assert.AreEqual(4, document.FlowsShown);
        Assert.AreEqual(4, document.LinksHidden);
        Assert.AreEqual(8.5, document.AmountHidden, 1e-12);
        Assert.AreEqual(5, document.NodesShown);
        Assert.AreEqual(5, document.MinimumAmount);
        StringAssert.Contains(document.Text, "Hidden: 4 of 8 links under $5bn (8.5 USD bn) and 1 entities left with none.");
        Assert.DoesNotContain("\"app-startup\" [", document.Text);
    }

    [TestMethod]
    public void Tiered_ParallelLinks_SummedWithDealCount()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("fund", Sector.VentureCapital, "Fund"))
            .AddEntity(new Entity("lab", Sector.ModelLab, "Lab"))
            .AddLink(new Link("fund", "lab", LinkKind.Equity, 30))
            .AddLink(new Link("fund", "lab", LinkKind.SpvContribution, 20))
            .AddLink(new Link("fund", "lab", LinkKind.Equity, 32))
            .AddLink(new Link("fund", "lab", LinkKind.Loan, 4))
            .Build();

        var document = ChainDiagram.Tiered(network, new ChainDiagramOptions { MinimumAmount = 0 });

        // Equity 30 + SPV 20 + Equity 32 are one equity flow of 82 in 3 deals; the loan is a debt flow of its own.
        Assert.AreEqual(2, document.FlowsShown);
        StringAssert.Contains(document.Text, "label=\"$82bn ×3\"");
        StringAssert.Contains(document.Text, "equity: 82 USD bn in 3 deals");
        StringAssert.Contains(document.Text, "debt: 4 USD bn in 1 deal");
    }

    [TestMethod]
    public void Tiered_GroupFunders_AnonymousFundersByKindNamedOnesKept()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("series-a-investors", Sector.VentureCapital, "Series A investors"))
            .AddEntity(new Entity("series-b-investors", Sector.VentureCapital, "Series B investors"))
            .AddEntity(new Entity("bond-buyers", Sector.PublicMarkets, "Bond buyers"))
            .AddEntity(new Entity("softbank", Sector.Conglomerate, "SoftBank"))
            .AddEntity(new Entity("lab", Sector.ModelLab, "Lab"))
            .AddLink(new Link("series-a-investors", "lab", LinkKind.Equity, 6))
            .AddLink(new Link("series-b-investors", "lab", LinkKind.Equity, 7))
            .AddLink(new Link("bond-buyers", "lab", LinkKind.Bond, 5))
            .AddLink(new Link("softbank", "lab", LinkKind.Equity, 40))
            .Build();

        var document = ChainDiagram.Tiered(network, new ChainDiagramOptions { MinimumAmount = 0, GroupFunders = true });

        // The two investor crowds become one "VC & growth investors" node with one 13-bn equity flow; the bond buyers
        // (a market) a node of their own kind; SoftBank stays itself.
        Assert.AreEqual(4, document.NodesShown);
        StringAssert.Contains(document.Text, "\"group:venture\"");
        StringAssert.Contains(document.Text, "VC &amp; growth investors");
        StringAssert.Contains(document.Text, "\"group:markets\"");
        StringAssert.Contains(document.Text, "\"softbank\" [");
        StringAssert.Contains(document.Text, "equity: 13 USD bn in 2 deals");
        StringAssert.Contains(document.Text, "anonymous funders");
    }

    [TestMethod]
    public void Tiered_Focus_NeighbourhoodOnly()
    {
        var toy = Networks.ToyChain();

        var depth1 = ChainDiagram.Tiered(toy, new ChainDiagramOptions { Focus = "app-startup" });
        var depth2 = ChainDiagram.Tiered(toy, new ChainDiagramOptions { Focus = "app-startup", Depth = 2 });

        // One link away from the app start-up: vc-fund and model-lab; the flows among those three: vc→app 2, vc→lab 10, app→lab 1.5.
        Assert.AreEqual(ChainView.Focus, depth1.View);
        Assert.AreEqual(3, depth1.NodesShown);
        Assert.AreEqual(3, depth1.FlowsShown);
        Assert.AreEqual(0, depth1.MinimumAmount);
        StringAssert.Contains(depth1.Text, "Focus: Promptly and every firm within 1 link of it.");
        // Two links away adds the bank and the GPU cloud (through the lab); every entity but the chip maker.
        Assert.AreEqual(5, depth2.NodesShown);
        Assert.ThrowsExactly<ArgumentException>(() => ChainDiagram.Tiered(toy, new ChainDiagramOptions { Focus = "nobody" }));
    }

    [TestMethod]
    public void Tiered_Cascade_OnlyWhatItTouchesWithRounds()
    {
        var toy = Networks.ToyChain();
        var cascade = ToyChainCascade.For(toy);

        var document = ChainDiagram.Tiered(toy, new ChainDiagramOptions { Cascade = cascade });

        Assert.AreEqual(ChainView.Cascade, document.View);
        StringAssert.Contains(document.Text, "withdraws");
        foreach (var (id, round) in cascade.FailureRounds)
        {
            StringAssert.Contains(document.Text, "fails round " + round, id);
        }

        StringAssert.Contains(document.Text, "class=\"flow deal-equity from-n0 to-n4 down\"");
    }

    [TestMethod]
    public void Tiered_CascadeInMonths_LabelsAreCalendarMonths()
    {
        var toy = Networks.ToyChain();
        var cascade = ToyChainCascade.For(toy);
        var months = new CascadeOverlay(cascade.FailureRounds, cascade.Withdrawn, cascade.LinksDown, "runway") { Unit = RoundUnit.Months(new CalendarMonth(2026, 1)) };

        var text = ChainDiagram.Tiered(toy, new ChainDiagramOptions { Cascade = months }).Text;

        // Round k is the k-th month from January 2026: round 1 = 2026-01, round 2 = 2026-02.
        StringAssert.Contains(text, "fails 2026-01");
        StringAssert.Contains(text, "over " + months.Unit.Count(months.Rounds));
        Assert.DoesNotContain("fails round", text);
        Assert.AreEqual("2026-03", RoundUnit.Months(new CalendarMonth(2026, 1)).Label(3));
        Assert.AreEqual("round 3", RoundUnit.Rounds.Label(3));
        Assert.AreEqual("1 month", RoundUnit.Months(new CalendarMonth(2026, 1)).Count(1));
    }

    [TestMethod]
    public void Core_ToyChain_NeatoFromAFixedStartEveryEdgeLabelled()
    {
        var toy = Networks.ToyChain();

        var document = ChainDiagram.Core(toy, new ChainDiagramOptions { CoreSize = 4 });

        // Funders are left out only when anonymous; by total flow the four largest are the GPU cloud (8+3+9+12 = 32),
        // the lab (10+2+9+1.5 = 22.5), the chip maker (12+3 = 15) and the venture fund (10+2 = 12; the bank has 8+2 = 10).
        // Links among them: GPU purchase 12, equity 10, compute 9, vendor financing 3.
        StringAssert.Contains(document.Text, "layout=neato, start=1");
        Assert.AreEqual(4, document.NodesShown);
        foreach (var id in new[] { "neocloud", "model-lab", "chipmaker", "vc-fund" })
        {
            StringAssert.Contains(document.Text, "\"" + id + "\" [");
        }

        Assert.AreEqual(document.FlowsShown, document.LabelledFlows);
        Assert.AreEqual(4, document.FlowsShown);
    }

    [TestMethod]
    [DataRow(300.0, 1, "USD bn", "$300bn")]
    [DataRow(82.4, 3, "USD bn", "$82bn ×3")]
    [DataRow(1400.0, 12, "USD bn", "$1,400bn ×12")]
    [DataRow(12345.0, 12, "USD bn", "$12,345bn")]
    [DataRow(4.25, 1, "USD bn", "$4.3bn")]
    [DataRow(0.35, 2, "USD bn", "$0.35bn ×2")]
    [DataRow(7.5, 1, "EUR m", "€7.5m")]
    [DataRow(20.0, 2, "tonnes", "20 tonnes ×2")]
    [DataRow(20.0, 2, "a long unit name", "20 ×2")]
    [DataRow(893385795759178.0, 3, "USD bn", "8.9e14 ×3")]
    public void FlowLabel_ShortMoney(double amount, int deals, string unit, string expected) =>
        Assert.AreEqual(expected, ChainText.FlowLabel(amount, deals, unit));

    [TestMethod]
    public void FlowLabel_AnyAmountDealsAndUnit_AtMost12Characters() =>
        Gen.Select(Gen.Double[0, 1e15], Gen.Int[1, 100_000], Gen.String[0, 20], Gen.Bool)
            .Sample((amount, deals, unit, cut) => ChainText.FlowLabel(amount, deals, unit, cut ? "cut" : null).Length <= ChainText.MaximumLabelLength);

    [TestMethod]
    public void Wrap_LongNames_TwoLinesParenthesisDropped()
    {
        CollectionAssert.AreEqual(new[] { "Vantage Data Centers" }, ChainText.Wrap("Vantage Data Centers (Oracle/OpenAI Stargate sites TX+WI)"));
        CollectionAssert.AreEqual(new[] { "Anthropic 2026 round", "investors" }, ChainText.Wrap("Anthropic 2026 round investors"));
        CollectionAssert.AreEqual(new[] { "OpenAI" }, ChainText.Wrap("OpenAI"));
        var three = ChainText.Wrap("one two three four five six seven eight nine ten eleven twelve");
        Assert.HasCount(2, three);
        StringAssert.EndsWith(three[1], "…");
    }

    [TestMethod]
    public void Tiers_OtherEntity_PlacedWhereLeastMoneyRunsBack()
    {
        var network = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("customer", Sector.Other, "Big-tech customer"))
            .AddEntity(new Entity("power", Sector.Other, "Power company"))
            .AddEntity(new Entity("cloud", Sector.Hyperscaler, "Cloud"))
            .AddEntity(new Entity("dc", Sector.DataCentreVehicle, "DC"))
            .AddEntity(new Entity("lender", Sector.Other, "Vendor lenders") { FundingSource = true })
            .AddLink(new Link("customer", "cloud", LinkKind.ApiSpend, 1))
            .AddLink(new Link("dc", "power", LinkKind.Services, 2))
            .AddLink(new Link("lender", "dc", LinkKind.Loan, 2))
            .Build();

        var tiers = ChainTiers.Assign(network);

        // The customer pays a hyperscaler: the leftmost tier with nothing running back is app start-ups. The power
        // company is paid by a data-centre vehicle: leftmost tier not left of it is data-centre vehicles. A flagged
        // funding source is a funding source whatever its sector.
        Assert.AreEqual(ChainTier.AppStartups, tiers[network.IndexOf("customer")]);
        Assert.AreEqual(ChainTier.DataCentreVehicles, tiers[network.IndexOf("power")]);
        Assert.AreEqual(ChainTier.FundingSources, tiers[network.IndexOf("lender")]);
        Assert.AreEqual(ChainTier.Hyperscalers, tiers[network.IndexOf("cloud")]);
    }

    [TestMethod]
    public void Options_OutOfRange_Refused()
    {
        var toy = Networks.ToyChain();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ChainDiagram.Tiered(toy, new ChainDiagramOptions { MinimumAmount = -1 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ChainDiagram.Tiered(toy, new ChainDiagramOptions { LabelMinimum = double.NaN }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ChainDiagram.Tiered(toy, new ChainDiagramOptions { Depth = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ChainDiagram.Core(toy, new ChainDiagramOptions { CoreSize = 1 }));
        Assert.ThrowsExactly<ArgumentException>(() => ChainDiagram.Tiered(toy, new ChainDiagramOptions { Cut = new CutOverlay([99]) }));
    }

    [TestMethod]
    public void Tiered_SameInputTwice_ByteIdentical()
    {
        var toy = Networks.ToyChain();
        Assert.AreEqual(ChainDiagram.Tiered(toy).Text, ChainDiagram.Tiered(toy).Text);
        Assert.AreEqual(ChainDiagram.Core(toy).Text, ChainDiagram.Core(toy).Text);
    }
}
