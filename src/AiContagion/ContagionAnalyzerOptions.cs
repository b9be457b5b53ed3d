using AiContagion.Cascades;
using AiContagion.Export;
using AiContagion.Ranking;

namespace AiContagion;

/// <summary>
/// The settings of a <see cref="ContagionAnalyzer"/>: default model, model options, ranking, Graphviz and diagram
/// defaults. Validated the same way whether the analyzer is built by hand or registered in a container by
/// <c>AiContagion.DependencyInjection.ServiceCollectionExtensions.AddAiContagion</c> (<see cref="Validate"/>).
/// </summary>
public sealed class ContagionAnalyzerOptions
{
    /// <summary>The model <see cref="ContagionAnalyzer"/> runs when none is named (default: the funding-withdrawal cascade).</summary>
    public CascadeModelKind DefaultModel { get; set; } = CascadeModelKind.Funding;

    /// <summary>Options of every model (tolerances, recovery rates, seniority, DebtRank and Gai–Kapadia settings).</summary>
    public CascadeModelSettings ModelSettings { get; set; } = new();

    /// <summary>Options of the withdrawal ranking (candidates, mode, shock, parallelism).</summary>
    public WithdrawalRankingOptions Ranking { get; set; } = new();

    /// <summary>Where and how to run Graphviz <c>dot</c>.</summary>
    public GraphvizOptions Graphviz { get; set; } = GraphvizOptions.Default;

    /// <summary>The default look of diagrams (filters, legend, labels); overlays are added per call.</summary>
    public DotOptions Diagrams { get; set; } = DotOptions.Default;

    /// <summary>Checks every setting, building each model once so its options are checked by the model itself.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(ModelSettings, nameof(ModelSettings));
        ArgumentNullException.ThrowIfNull(Ranking, nameof(Ranking));
        ArgumentNullException.ThrowIfNull(Graphviz, nameof(Graphviz));
        ArgumentNullException.ThrowIfNull(Diagrams, nameof(Diagrams));
        if (!Enum.IsDefined(DefaultModel))
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultModel), DefaultModel, "Unknown cascade model.");
        }

        foreach (var kind in CascadeModels.All)
        {
            _ = CascadeModels.Create(kind, ModelSettings);
        }

        _ = new WithdrawalRanking(CascadeModels.Create(DefaultModel, ModelSettings), Ranking);
        Graphviz.Validate();
        Diagrams.Validate();
    }
}
