using AiContagion.Cascades;
using CsCheck;

namespace AiContagion.Tests.Cascades;

/// <summary>
/// Resolving a shock's entity list: ids in network order take a fast path (no hashing, no sort); any other order,
/// repeats included, must resolve exactly as a plain sort of distinct entities, or fail naming the first repeat.
/// </summary>
[TestClass]
public sealed class ResolvedShockTests
{
    [TestMethod]
    public void Resolve_AnyOrderWithRepeats_SortedDistinctOrFirstRepeatNamed() =>
        CascadeGen.Network
            .SelectMany(network => Gen.Int[0, network.EntityCount - 1].Array[0, 3 * network.EntityCount], (network, picks) => (network, picks))
            .SelectMany(t => Gen.Bool, (t, inOrder) => (t.network, picks: inOrder ? [.. t.picks.Order()] : t.picks))
            .Sample((network, picks) =>
            {
                var shocks = picks.Select((v, i) => new EntityShock(network.Entities[v].Id, (i % 9 + 1) / 10.0)).ToArray();
                var shock = new CascadeShock { ExternalAssetLosses = [.. shocks] };
                var repeatAt = Enumerable.Range(0, picks.Length).FirstOrDefault(i => picks.Take(i).Contains(picks[i]), -1);

                if (repeatAt >= 0)
                {
                    var error = Assert.ThrowsExactly<ArgumentException>(() => ResolvedShock.Resolve(network, shock));
                    StringAssert.StartsWith(error.Message, $"The shock names '{network.Entities[picks[repeatAt]].Id}' twice in its external-asset loss");
                    return;
                }

                var resolved = ResolvedShock.Resolve(network, shock);
                var expected = picks.Select((v, i) => (v, value: shocks[i].Value)).OrderBy(p => p.v).ToArray();
                CollectionAssert.AreEqual(expected.Select(p => p.v).ToArray(), resolved.ExternallyHit);
                CollectionAssert.AreEqual(expected.Select(p => p.value).ToArray(), resolved.ExternalFractions);
            }, iter: 2000);
}
