using AiContagion.Model;

namespace AiContagion.Centrality;

/// <summary>The centrality measures, by name, for callers that choose one at run time (CLI, diagrams).</summary>
public enum CentralityMeasure
{
    /// <summary><see cref="StrengthCentrality"/> (in-strength by default).</summary>
    Strength,

    /// <summary><see cref="PageRank"/>.</summary>
    PageRank,

    /// <summary><see cref="EigenvectorCentrality"/>.</summary>
    Eigenvector,

    /// <summary><see cref="KatzCentrality"/>.</summary>
    Katz,

    /// <summary><see cref="BetweennessCentrality"/>.</summary>
    Betweenness,

    /// <summary><see cref="HarmonicCentrality"/>.</summary>
    Harmonic,

    /// <summary><see cref="DebtRankImpact"/>.</summary>
    DebtRank,

    /// <summary><see cref="ImpactSusceptibility"/> (NetworkRiskMeasures).</summary>
    ImpactSusceptibility,

    /// <summary><see cref="ImpactFluidity"/>: one number per network; as scores, the susceptibilities it averages.</summary>
    ImpactFluidity,

    /// <summary><see cref="ImpactDiffusion"/> (the total per entity).</summary>
    ImpactDiffusion,
}

/// <summary>Runs a <see cref="CentralityMeasure"/> with its default options.</summary>
public static class CentralityMeasures
{
    /// <summary>The command-line names, in <see cref="CentralityMeasure"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["strength", "pagerank", "eigenvector", "katz", "betweenness", "harmonic", "debtrank", "impact-susceptibility", "impact-fluidity", "impact-diffusion"];

    /// <summary>Parses a measure name (case ignored).</summary>
    /// <param name="text">The name, e.g. <c>pagerank</c>.</param>
    /// <param name="measure">The measure, when the result is <see langword="true"/>.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? text, out CentralityMeasure measure)
    {
        var index = text is null ? -1 : Names.ToList().FindIndex(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        measure = index < 0 ? default : (CentralityMeasure)index;
        return index >= 0;
    }

    /// <summary>Computes a measure with its default options and says whether it converged (always, for the direct measures).</summary>
    /// <param name="network">The network.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="scores">The scores, converged or not.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>Whether the scores converged.</returns>
    public static bool TryCompute(FinancingNetwork network, CentralityMeasure measure, out CentralityScores scores, CancellationToken cancellationToken = default)
    {
        scores = Compute(network, measure, cancellationToken);
        return scores.Converged;
    }

    /// <summary>Computes a measure with its default options.</summary>
    /// <param name="network">The network.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>The scores; check <see cref="CentralityScores.Converged"/> for the iterative ones.</returns>
    public static CentralityScores Compute(FinancingNetwork network, CentralityMeasure measure, CancellationToken cancellationToken = default) => measure switch
    {
        CentralityMeasure.Strength => StrengthCentrality.Compute(network),
        CentralityMeasure.PageRank => PageRank.Compute(network, null, cancellationToken),
        CentralityMeasure.Eigenvector => EigenvectorCentrality.Compute(network, null, cancellationToken),
        CentralityMeasure.Katz => KatzCentrality.Compute(network, null, cancellationToken),
        CentralityMeasure.Betweenness => BetweennessCentrality.Compute(network, null, cancellationToken),
        CentralityMeasure.Harmonic => HarmonicCentrality.Compute(network, null, cancellationToken),
        CentralityMeasure.DebtRank => DebtRankImpact.Compute(network, null, cancellationToken),
        CentralityMeasure.ImpactSusceptibility => ImpactSusceptibility.Compute(network, null, cancellationToken),
        CentralityMeasure.ImpactFluidity => new CentralityScores(network, "impact-fluidity", ImpactSusceptibility.Values(network, null, cancellationToken)),
        CentralityMeasure.ImpactDiffusion => ImpactDiffusion.Compute(network, null, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown centrality measure."),
    };
}
