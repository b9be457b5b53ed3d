using System.Text.Json.Nodes;
using AiContagion.Io;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Io;

/// <summary>
/// GraphML interoperability with NetworkX, on a file NetworkX 2.8.8 really wrote (tests/peers/graphml_networkx.py:
/// our GraphML of the AI chain, read by <c>networkx.read_graphml</c> as a MultiDiGraph and written back by
/// <c>networkx.write_graphml</c>, with its own key ids, attribute types and edge order).
/// </summary>
[TestClass]
public sealed class GraphMlInteropTests
{
    [TestMethod]
    public void Read_AiChainWrittenByNetworkX_SameNetworkAsTheJson()
    {
        var original = FinancingNetworkFile.Load(Repo.Graph("ai-chain.json"));
        var viaNetworkX = FinancingNetworkFile.Load(Repo.TestData("Peers", "ai-chain.networkx.graphml"));

        var expected = JsonNode.Parse(JsonNetworkWriter.ToJson(original))!.AsObject();
        var actual = JsonNode.Parse(JsonNetworkWriter.ToJson(viaNetworkX))!.AsObject();

        // NetworkX groups a MultiDiGraph's edges by payer, so links come back in another order: compare them as a
        // multiset of whole links (every field, attributes included); everything else must be identical.
        Assert.AreEqual(142, viaNetworkX.LinkCount); // the AI chain v2 (graphs/ai-chain.json): 142 links
        CollectionAssert.AreEqual(Sorted(expected["links"]!), Sorted(actual["links"]!), "links");
        expected.Remove("links");
        actual.Remove("links");
        Assert.AreEqual(expected.ToJsonString(), actual.ToJsonString(), "entities, metadata and annotations");
    }

    private static List<string> Sorted(JsonNode links) =>
        [.. links.AsArray().Select(l => l!.ToJsonString()).Order(StringComparer.Ordinal)];
}
