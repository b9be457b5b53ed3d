using AiContagion.Cascades;
using AiContagion.Cascades.Engines;
using CsCheck;

namespace AiContagion.Tests.Cascades.Engines;

/// <summary>
/// The ledger's bulk path (<see cref="LinkLedger.ApplyFailuresInLinkOrder"/>, used by the clearing engine when many
/// entities default) gives the same link states as applying each failure in (round, index) order.
/// </summary>
[TestClass]
public sealed class LinkLedgerTests
{
    [TestMethod]
    public void ApplyFailuresInLinkOrder_RandomFailuresAndRounds_SameStatesAsOneByOne() =>
        CascadeGen.Network
            .SelectMany(network => Gen.Int[-1, 3].Array[network.EntityCount], (network, rounds) => (network, rounds))
            .SelectMany(t => Gen.Bool.Array[t.network.EntityCount], (t, withdraw) => (t.network, t.rounds, withdraw))
            .Sample((network, roundOf, withdraw) =>
            {
                var index = network.Index;
                var withdrawn = Enumerable.Range(0, network.EntityCount).Where(i => withdraw[i] && roundOf[i] < 0).ToArray();
                var shock = ResolvedShock.FromIndices(withdrawn, 0.5, []);

                var oneByOne = new LinkLedger(index);
                oneByOne.ApplyWithdrawals(shock);
                foreach (var v in Enumerable.Range(0, network.EntityCount).Where(i => roundOf[i] >= 0).OrderBy(i => roundOf[i]).ThenBy(i => i))
                {
                    oneByOne.ApplyFailure(v, roundOf[v]);
                }

                var bulk = new LinkLedger(index);
                bulk.ApplyWithdrawals(shock);
                bulk.ApplyFailuresInLinkOrder(roundOf, Math.Max(0, roundOf.Max()));

                var expected = oneByOne.TakeSnapshot();
                var actual = bulk.TakeSnapshot();
                CollectionAssert.AreEqual(expected.Links, actual.Links, "links down");
                CollectionAssert.AreEqual(expected.Causes, actual.Causes, "causes");
                CollectionAssert.AreEqual(expected.Rounds, actual.Rounds, "rounds");
                CollectionAssert.AreEqual(expected.Amounts, actual.Amounts, "amounts");
                Assert.AreEqual(expected.DirectCount, actual.DirectCount);
                Assert.AreEqual(expected.DirectAmount, actual.DirectAmount, 1e-9 * Math.Max(1, expected.DirectAmount));
                Assert.AreEqual(expected.Amount, actual.Amount, 1e-9 * Math.Max(1, expected.Amount));
            }, iter: 3000);

    [TestMethod]
    public void FailuresInLinkOrder_RandomFailuresAndRounds_SameSnapshotAsTheLedger() =>
        CascadeGen.Network
            .SelectMany(network => Gen.Int[-1, 3].Array[network.EntityCount], (network, rounds) => (network, rounds))
            .Sample((network, roundOf) =>
            {
                // The clearing engine's direct path (no withdrawal, many failures) against the ledger's bulk path it
                // replaces: the same links, causes, rounds and amounts, and the same totals to the last bit (same order).
                var maxRound = Math.Max(0, roundOf.Max());
                var ledger = new LinkLedger(network.Index);
                ledger.ApplyFailuresInLinkOrder(roundOf, maxRound);
                var expected = ledger.TakeSnapshot();

                var actual = LinkLedger.FailuresInLinkOrder(network.Index, roundOf, maxRound);

                CollectionAssert.AreEqual(expected.Links, actual.Links, "links down");
                CollectionAssert.AreEqual(expected.Causes, actual.Causes, "causes");
                CollectionAssert.AreEqual(expected.Rounds, actual.Rounds, "rounds");
                CollectionAssert.AreEqual(expected.Amounts, actual.Amounts, "amounts");
                Assert.AreEqual(expected.DirectCount, actual.DirectCount);
                Assert.AreEqual(expected.DirectAmount, actual.DirectAmount, 0.0);
                Assert.AreEqual(expected.Amount, actual.Amount, 0.0);
                Assert.IsNull(actual.Direct);
            }, iter: 3000);
}
