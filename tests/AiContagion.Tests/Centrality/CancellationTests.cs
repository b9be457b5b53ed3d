using AiContagion.Centrality;
using AiContagion.Flow;
using AiContagion.Provenance;
using AiContagion.Tests.Support;

namespace AiContagion.Tests.Centrality;

[TestClass]
public sealed class CancellationTests
{
    [TestMethod]
    public void StructureModels_CancelledToken_Throw()
    {
        var network = Networks.Random(300, 1500, 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var token = cancelled.Token;
        var sink = network.Entities.First(e => !e.IsFundingSource).Id;

        // Assert.Throws (not ThrowsExactly): a cancelled parallel run may surface as TaskCanceledException.

        Assert.Throws<OperationCanceledException>(() => PageRank.Compute(network, cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => EigenvectorCentrality.Compute(network, cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => KatzCentrality.Compute(network, cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => BetweennessCentrality.Compute(network, cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => HarmonicCentrality.Compute(network, cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => MinimumEntityCut.Compute(network, EntitySelection.FundingSources, EntitySelection.Of(sink), cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => MaximumFlow.Compute(network, EntitySelection.FundingSources, EntitySelection.Of(sink), token));
        Assert.Throws<OperationCanceledException>(() => DominatorTree.Compute(network, cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => MoneyProvenance.Trace(network, cancellationToken: token));
    }
}
