using System.Text.Json.Nodes;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Io;

/// <summary>
/// The dated-cash-flow, uncertainty and stake fields in each format, on Data/NewFields: one network written by hand as
/// JSON, as a CSV folder and as GraphML (every new field once, days in dates, the v1 <c>confidence</c> attribute beside
/// the field), and the GraphML our writer makes of it after NetworkX 2.8.8 read and rewrote it.
/// </summary>
[TestClass]
public sealed class NewFieldsFormatTests
{
    private static FinancingNetwork Json() => FinancingNetworkFile.Load(Repo.TestData("NewFields", "dated.json"));

    [TestMethod]
    public void Json_EveryNewField_ReadAsGiven()
    {
        var network = Json();

        var lab = network["lab"];
        Assert.AreEqual(0.8, lab.RevenueGrowth);
        Assert.AreEqual(0.3, lab.CostsGrowth);
        Assert.AreEqual(300, lab.Valuation);
        var equity = network.Links[0];
        Assert.AreEqual((8.0, 12.0, AmountConfidence.Estimate, 0.05), (equity.Low!.Value, equity.High!.Value, equity.Confidence!.Value, equity.Share!.Value));
        Assert.AreEqual(new CalendarMonth(2026, 3), network.Links[1].Start);
        CollectionAssert.AreEqual(
            new[] { new ScheduledPayment(new CalendarMonth(2026, 3), 4), new ScheduledPayment(new CalendarMonth(2026, 9), 6) },
            network.Links[2].Schedule.ToArray(),
            "2026-09-30 is read as its month");
        var loan = network.Links[3];
        Assert.AreEqual(new CalendarMonth(2026, 2), loan.Start, "2026-02-15: the day is dropped");
        Assert.AreEqual((0.12, new CalendarMonth(2028, 6), DebtSeniority.Junior, "lab", 0.5), (loan.Rate!.Value, loan.Maturity!.Value, loan.Seniority!.Value, loan.Collateral, loan.MaxLtv!.Value));
        Assert.AreEqual(AmountConfidence.Derived, network.Links[4].Confidence);
        Assert.IsNull(network.Links[5].Confidence, "the attribute named confidence is not the field");
        Assert.AreEqual("filing", network.Links[5].Attributes["confidence"]);
    }

    [TestMethod]
    [DataRow("dated-csv")]
    [DataRow("dated.graphml")]
    public void CsvAndGraphMl_WrittenByHand_SameNetworkAsTheJson(string file) =>
        RoundTripTests.AssertSame(Json(), FinancingNetworkFile.Load(Repo.TestData("NewFields", file)));

    [TestMethod]
    public void GraphMl_RewrittenByNetworkX_SameNetworkAsTheJson()
    {
        // tests/peers/graphml_networkx.py on `aicontagion convert dated.json dated.graphml`: NetworkX read our keys (start,
        // schedule, rate, ... with their declared types) and wrote its own; links compared as a multiset, as NetworkX groups them.
        var expected = JsonNode.Parse(JsonNetworkWriter.ToJson(Json()))!.AsObject();
        var actual = JsonNode.Parse(JsonNetworkWriter.ToJson(FinancingNetworkFile.Load(Repo.TestData("NewFields", "dated.networkx.graphml"))))!.AsObject();

        CollectionAssert.AreEquivalent(
            expected["links"]!.AsArray().Select(l => l!.ToJsonString()).ToArray(),
            actual["links"]!.AsArray().Select(l => l!.ToJsonString()).ToArray());
        expected.Remove("links");
        actual.Remove("links");
        Assert.AreEqual(expected.ToJsonString(), actual.ToJsonString());
    }

    [TestMethod]
    public void Writers_MonthsAsYearMonth_ScheduleAsText_LegacyAttributeEscaped_OnlyUsedCsvColumns()
    {
        var network = Json();

        var json = JsonNetworkWriter.ToJson(network);
        var csv = CsvNetworkWriter.ToCsv(network)[CsvSchema.LinksFile];
        using var graphMl = new MemoryStream();
        GraphMlNetworkWriter.Write(network, graphMl);
        var xml = System.Text.Encoding.UTF8.GetString(graphMl.ToArray());

        StringAssert.Contains(json, "\"start\": \"2026-02\"");
        StringAssert.Contains(json, "\"date\": \"2026-09\",");
        StringAssert.Contains(json, "\"seniority\": \"junior\"");
        Assert.AreEqual(
            "from,to,kind,amount,low,high,confidence,termYears,start,schedule,rate,maturity,seniority,collateral,maxLtv,share,date,attributes.confidence",
            csv[..csv.IndexOf('\n', StringComparison.Ordinal)]);
        StringAssert.Contains(csv, "lab,cloud,ComputeContract,10,,,,,,2026-03:4;2026-09:6,");
        StringAssert.Contains(xml, "<key id=\"e_schedule\" for=\"edge\" attr.name=\"schedule\" attr.type=\"string\" />");
        StringAssert.Contains(xml, "<key id=\"e_rate\" for=\"edge\" attr.name=\"rate\" attr.type=\"double\" />");
        StringAssert.Contains(xml, "attr.name=\"attributes.confidence\"");
    }

    [TestMethod]
    public void CsvWriter_PlainNetwork_OnlyTheRequiredColumns()
    {
        var network = FinancingNetwork.CreateBuilder().AddEntity("a", Sector.Bank).AddEntity("b", Sector.Other).AddLink("a", "b", LinkKind.Loan, 1.5).Build();

        var csv = CsvNetworkWriter.ToCsv(network);

        Assert.AreEqual("id,sector\na,Bank\nb,Other\n", csv[CsvSchema.EntitiesFile]);
        Assert.AreEqual("from,to,kind,amount\na,b,Loan,1.5\n", csv[CsvSchema.LinksFile]);
    }

    [TestMethod]
    public void Attributes_NamedLikeAliasesOrThePrefix_SurviveEveryFormat()
    {
        var odd = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["attributes.x"] = "1", ["weight"] = "2", ["label"] = "3",
        });
        var original = FinancingNetwork.CreateBuilder()
            .AddEntity(new Entity("a", Sector.Bank) { Attributes = odd })
            .AddEntity("b", Sector.Other)
            .AddLink(new Link("a", "b", LinkKind.Loan, 1) { Attributes = odd })
            .Build();
        using var temp = new TempFolder();

        foreach (var target in new[] { temp.File("n.json"), temp.File("csv"), temp.File("n.graphml") })
        {
            FinancingNetworkFile.Save(original, target);
            RoundTripTests.AssertSame(original, FinancingNetworkFile.Load(target));
        }
    }
}
