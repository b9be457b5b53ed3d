using AiContagion.Cascades.Engines;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Cascades.Engines;

[TestClass]
public sealed class EngineWorkspaceTests
{
    [TestMethod]
    public void Reset_ClearsWhatTheRunTouched()
    {
        var network = Networks.ToyChain();
        var ws = new EngineWorkspace(network.Index, accumulators: 2);
        ws.Accumulator(0)[1] += 3;
        ws.Enqueue(1);
        ws.Accumulator(1)[4] += 2;
        ws.Touch(4);
        ws.State[4] = 7;
        ws.Fail(2, 1);
        ws.Ledger.StopFlow(0, AiContagion.Cascades.LinkDownCause.PayerFailed, 1, 1.0);

        CollectionAssert.AreEqual(new[] { 1, 4, 2 }, ws.Touched);
        CollectionAssert.AreEqual(new[] { 1 }, ws.Queue);
        Assert.AreEqual(1, ws.LastFailureRound);

        ws.Reset();

        Assert.IsTrue(ws.Accumulator(0).All(x => x == 0) && ws.Accumulator(1).All(x => x == 0));
        Assert.IsTrue(ws.FailRound.All(r => r == -1));
        Assert.IsTrue(ws.State.All(s => s == 0) && !ws.IsTouched.Any(t => t) && !ws.IsQueued.Any(q => q));
        Assert.IsEmpty(ws.Touched);
        Assert.IsEmpty(ws.Queue);
        Assert.IsEmpty(ws.FailedOrder);
        Assert.AreEqual(0, ws.Ledger.Count);
        Assert.AreEqual(0, ws.LastFailureRound);
    }

    [TestMethod]
    public void Enqueue_Twice_QueuesOnce()
    {
        var ws = new EngineWorkspace(Networks.ToyChain().Index, accumulators: 0);

        ws.Enqueue(3);
        ws.Enqueue(3);

        CollectionAssert.AreEqual(new[] { 3 }, ws.Queue);
        CollectionAssert.AreEqual(new[] { 3 }, ws.Touched);
    }
}
