using System.Text;
using AiContagion.Io;
using AiContagion.Model;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Io;

[TestClass]
public sealed class GoodInputTests
{
    [TestMethod]
    public void Json_Utf8ByteOrderMark_Accepted()
    {
        var text = File.ReadAllBytes(Repo.Graph("toy-chain.json"));
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(text).ToArray();

        var network = JsonNetworkReader.Read(withBom, "bom.json");

        Assert.AreEqual(6, network.EntityCount);
    }

    [TestMethod]
    public void Csv_ByteOrderMarkCaseInsensitiveHeadersAnyOrderAndExtraColumns_Accepted()
    {
        var entities = CsvSource.FromText("entities.csv", "\uFEFFSector,ID,Cash,country\r\nBank,a,1.5,FR\r\nModelLab,b,,\r\n");
        var links = CsvSource.FromText("links.csv", "Amount,Kind,To,From,deal\n2.5,loan,b,a,\"Series \"\"A\"\", 2025\"\n\n");

        var network = CsvNetworkReader.Read(entities, links);

        Assert.AreEqual(1.5, network["a"].Cash);
        Assert.AreEqual("FR", network["a"].Attributes["country"]);
        Assert.IsEmpty(network["b"].Attributes, "an empty cell is no attribute");
        Assert.AreEqual(LinkKind.Loan, network.Links[0].Kind);
        Assert.AreEqual("Series \"A\", 2025", network.Links[0].Attributes["deal"]);
    }

    [TestMethod]
    public void Csv_QuotedEmptyCell_IsEmptyStringNotAbsent()
    {
        var entities = CsvSource.FromText("entities.csv", "id,sector,note\na,Bank,\"\"\nb,Bank,\n");
        var links = CsvSource.FromText("links.csv", "from,to,kind,amount\n");

        var network = CsvNetworkReader.Read(entities, links);

        Assert.AreEqual(string.Empty, network["a"].Note);
        Assert.IsNull(network["b"].Note);
    }

    [TestMethod]
    public void GraphMl_WrittenByNetworkXStyle_Read()
    {
        // The shape NetworkX's write_graphml produces for a MultiDiGraph (keys d0.., edge ids, a default).
        const string graphml = """
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="d3" for="edge" attr.name="weight" attr.type="double" />
              <key id="d2" for="edge" attr.name="kind" attr.type="string"><default>Loan</default></key>
              <key id="d1" for="node" attr.name="label" attr.type="string" />
              <key id="d0" for="node" attr.name="sector" attr.type="string" />
              <key id="d4" for="node" attr.name="country" attr.type="string" />
              <graph edgedefault="directed">
                <node id="a"><data key="d0">Bank</data><data key="d1">Big Bank</data><data key="d4">FR</data></node>
                <node id="b"><data key="d0">ModelLab</data></node>
                <edge source="a" target="b" id="0"><data key="d3">3.5</data></edge>
                <edge source="a" target="b" id="1"><data key="d2">Equity</data><data key="d3">1</data></edge>
              </graph>
            </graphml>
            """;

        var network = GraphMlNetworkReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(graphml)), "nx.graphml");

        Assert.AreEqual("Big Bank", network["a"].Name);
        Assert.AreEqual("FR", network["a"].Attributes["country"]);
        Assert.AreEqual(2, network.LinkCount);
        Assert.AreEqual(LinkKind.Loan, network.Links[0].Kind, "key default applies");
        Assert.AreEqual(3.5, network.Links[0].Amount);
        Assert.AreEqual(LinkKind.Equity, network.Links[1].Kind);
    }
}
