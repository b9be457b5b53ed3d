using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Io;

[TestClass]
public sealed class RoundTripTests
{
    public static IEnumerable<object[]> Networks_() =>
    [
        ["toy-chain"],
        ["random-10000"],
    ];

    private static FinancingNetwork Load(string name) => name == "toy-chain"
        ? Networks.ToyChain()
        : Networks.Random(1500, 10_000, seed: 42);

    [TestMethod]
    [DynamicData(nameof(Networks_))]
    public void JsonCsvGraphMlJson_Lossless(string name)
    {
        var original = Load(name);
        using var temp = new TempFolder();

        FinancingNetworkFile.Save(original, temp.File("a.json"));
        var fromJson = FinancingNetworkFile.Load(temp.File("a.json"));
        FinancingNetworkFile.Save(fromJson, temp.File("csv"));
        var fromCsv = FinancingNetworkFile.Load(temp.File("csv"));
        FinancingNetworkFile.Save(fromCsv, temp.File("b.graphml"));
        var fromGraphMl = FinancingNetworkFile.Load(temp.File("b.graphml"));
        FinancingNetworkFile.Save(fromGraphMl, temp.File("c.json"));

        AssertSame(original, fromGraphMl);
        Assert.AreEqual(File.ReadAllText(temp.File("a.json")), File.ReadAllText(temp.File("c.json")), "JSON text is byte-identical after the round trip");
    }

    [TestMethod]
    [DataRow("entity", "entity 'b' cannot be written as GraphML")]
    [DataRow("link", "link #0 cannot be written as GraphML")]
    [DataRow("attribute", "link #0 cannot be written as GraphML")]
    public void GraphMl_ControlCharacterInText_RefusedNamingTheItem(string where, string message)
    {
        const string bell = "ring \u0007";
        var builder = FinancingNetwork.CreateBuilder()
            .AddEntity("a", Sector.Bank)
            .AddEntity(new Entity("b", Sector.Other) { Note = where == "entity" ? bell : null });
        var link = new Link("a", "b", LinkKind.Loan, 1) { Source = where == "link" ? bell : null };
        builder.AddLink(where == "attribute" ? link with { Attributes = link.Attributes.Add("deal", bell) } : link);
        var network = builder.Build();

        var error = Assert.ThrowsExactly<ArgumentException>(() => GraphMlNetworkWriter.Write(network, new MemoryStream()));

        StringAssert.StartsWith(error.Message, message);
        StringAssert.Contains(error.Message, "use JSON or CSV");
    }

    internal static void AssertSame(FinancingNetwork expected, FinancingNetwork actual)
    {
        Assert.AreEqual(expected.Metadata, actual.Metadata);
        Assert.AreEqual(expected.EntityCount, actual.EntityCount);
        Assert.AreEqual(expected.LinkCount, actual.LinkCount);
        for (var i = 0; i < expected.EntityCount; i++)
        {
            Assert.AreEqual(expected.Entities[i], actual.Entities[i], $"entity {i}");
        }

        for (var l = 0; l < expected.LinkCount; l++)
        {
            Assert.AreEqual(expected.Links[l], actual.Links[l], $"link {l}");
        }

        CollectionAssert.AreEqual(expected.Assets.ToArray(), actual.Assets.ToArray(), "assets");
        CollectionAssert.AreEqual(expected.Holdings.ToArray(), actual.Holdings.ToArray(), "holdings");
    }
}
