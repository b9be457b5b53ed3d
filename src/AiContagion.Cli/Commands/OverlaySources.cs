using AiContagion.Cascades;
using AiContagion.Centrality;
using AiContagion.Export;
using AiContagion.Flow;
using AiContagion.Model;

namespace AiContagion.Cli.Commands;

/// <summary>
/// Where <c>export</c> gets its overlays: the seam between the command and the models (AiContagion.Cascades,
/// .Flow, .Centrality). Options and ids have been checked against the network before any call.
/// </summary>
internal interface IOverlaySource
{
    /// <summary>Runs the cascade model with the shock.</summary>
    CascadeOverlay Cascade(FinancingNetwork network, ICascadeModel model, CascadeShock shock, CancellationToken cancellationToken);

    /// <summary>The minimum cut between the sources and the sinks.</summary>
    CutOverlay Cut(FinancingNetwork network, EntitySelection from, EntitySelection to, CancellationToken cancellationToken);

    /// <summary>The dominators of the sinks on money paths from the sources.</summary>
    DominatorOverlay Dominators(FinancingNetwork network, EntitySelection from, EntitySelection to, CancellationToken cancellationToken);

    /// <summary>A centrality measure's scores.</summary>
    CentralityOverlay Centrality(FinancingNetwork network, CentralityMeasure measure, CancellationToken cancellationToken);
}

/// <summary>The overlay source of this build: each overlay is one library call and one <see cref="ModelOverlays"/> adapter.</summary>
internal sealed class OverlaySources : IOverlaySource
{
    public static OverlaySources Instance { get; } = new();

    public CascadeOverlay Cascade(FinancingNetwork network, ICascadeModel model, CascadeShock shock, CancellationToken cancellationToken)
    {
        var result = model.Run(network, shock, cancellationToken);
        return ModelOverlays.Cascade(result, RoundUnitOf(result));
    }

    /// <summary>
    /// What a model's rounds are, for the picture's labels: plain rounds today. A model whose rounds are calendar
    /// months (the runway) answers <c>RoundUnit.Months(first month)</c> here, and every picture and report section
    /// then says "fails 2026-03" instead of "fails round 3".
    /// </summary>
    public static RoundUnit RoundUnitOf(CascadeResult result) => RoundUnit.Rounds;

    public CutOverlay Cut(FinancingNetwork network, EntitySelection from, EntitySelection to, CancellationToken cancellationToken)
    {
        var flow = MaximumFlow.Compute(network, from, to, cancellationToken);
        return ModelOverlays.Cut(flow, Label(from) + " → " + to);
    }

    public DominatorOverlay Dominators(FinancingNetwork network, EntitySelection from, EntitySelection to, CancellationToken cancellationToken)
    {
        var tree = DominatorTree.Compute(network, from, cancellationToken);
        return ModelOverlays.Dominators(tree, to.Select(network), to.ToString());
    }

    public CentralityOverlay Centrality(FinancingNetwork network, CentralityMeasure measure, CancellationToken cancellationToken)
    {
        var scores = CentralityMeasures.Compute(network, measure, cancellationToken);
        if (!scores.Converged)
        {
            throw new InvalidOperationException($"{scores.Measure} did not converge in {scores.Iterations} iterations; run 'aicontagion centrality' to tune it.");
        }

        return ModelOverlays.Centrality(scores);
    }

    private static string Label(EntitySelection from) => from.Equals(EntitySelection.FundingSources) ? "funding sources" : from.ToString();
}
