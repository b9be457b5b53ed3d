using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>
/// The base of every engine: a <see cref="PreparedCascade"/> that builds its <see cref="CascadeResult"/> from the run's
/// failures and link ledger. Every engine rents its work arrays from a <see cref="WorkspacePool"/> of
/// <see cref="EngineWorkspace"/>s. Engines are internal: a model (one public class in <c>AiContagion.Cascades</c>) chooses
/// an engine and its options in <c>PrepareCore</c>; docs/architecture.md maps the models to their engines.
/// </summary>
internal abstract class CascadeEngine : PreparedCascade
{
    private protected CascadeEngine(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings)
        : base(model, network, settings)
    {
    }

    /// <summary>Builds the result of a run; an iterative engine stopped by its iteration limit passes the residual it stopped at.</summary>
    private protected CascadeResult Result(ResolvedShock shock, int rounds, int iterations, List<int> failedOrder, int[] failedRound, LinkLedger ledger, EntityFigures figures, (double DebtRank, double InitialStress)? debtRank = null, double? unconvergedResidual = null) =>
        Result(shock, rounds, iterations, failedOrder, failedRound, ledger.TakeSnapshot(), figures, debtRank, unconvergedResidual);

    /// <summary>Builds the result of a run from its down links already taken (<see cref="LinkLedger.TakeSnapshot"/> or made the same way).</summary>
    private protected CascadeResult Result(ResolvedShock shock, int rounds, int iterations, List<int> failedOrder, int[] failedRound, DownLinks downLinks, EntityFigures figures, (double DebtRank, double InitialStress)? debtRank = null, double? unconvergedResidual = null)
    {
        var order = failedOrder.ToArray();
        var rounds2 = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rounds2[i] = failedRound[order[i]];
        }

        return new CascadeResult(Network, Model, Settings, rounds, iterations, shock.Shocked, order, rounds2, downLinks, figures)
        {
            DebtRank = debtRank?.DebtRank,
            InitialStress = debtRank?.InitialStress,
            Converged = unconvergedResidual is null,
            Residual = unconvergedResidual ?? 0.0,
        };
    }
}
