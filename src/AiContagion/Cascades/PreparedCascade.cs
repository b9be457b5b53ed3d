using System.Collections.Immutable;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// A model bound to one network, with the per-network arrays computed once. Runs many shocks, from many threads
/// at once; each run reuses pooled work arrays and costs what the shock reaches.
/// </summary>
/// <remarks>Thread-safe. Obtain one from <see cref="ICascadeModel.Prepare"/>.</remarks>
public abstract class PreparedCascade
{
    private readonly Lock _baselineLock = new();
    private CascadeResult? _baseline;

    private protected PreparedCascade(ICascadeModel model, FinancingNetwork network, ImmutableSortedDictionary<string, string> settings)
    {
        Model = model;
        Network = network;
        Settings = settings;
    }

    /// <summary>The model.</summary>
    public ICascadeModel Model { get; }

    /// <summary>The network.</summary>
    public FinancingNetwork Network { get; }

    /// <summary>The options the model runs with, by name, sorted (echoed in every result).</summary>
    public ImmutableSortedDictionary<string, string> Settings { get; }

    /// <summary>Runs one shock.</summary>
    /// <param name="shock">The shock.</param>
    /// <param name="cancellationToken">Cancels the run between rounds.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The shock names an unknown entity, repeats one, has a value out of range, or uses a part the model does not accept.</exception>
    /// <exception cref="CascadeConvergenceException">An iterative model did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public CascadeResult Run(CascadeShock shock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shock);
        var resolved = ResolvedShock.Resolve(Network, shock);
        resolved.EnsureAccepted(Model.Accepts, Model.Name);
        var result = Run(resolved, cancellationToken);
        return result.Converged ? result : throw new CascadeConvergenceException(result);
    }

    /// <summary>
    /// Runs one shock and returns the result whether or not the model converged: <see langword="false"/> (and the
    /// state the model stopped in, with <see cref="CascadeResult.Converged"/> = <see langword="false"/> and its
    /// <see cref="CascadeResult.Residual"/>) when an iterative model reached its iteration limit. Only the clearing
    /// models and linear DebtRank can return <see langword="false"/>; the round-based models always end.
    /// </summary>
    /// <param name="shock">The shock.</param>
    /// <param name="result">The result, converged or not.</param>
    /// <param name="cancellationToken">Cancels the run between rounds.</param>
    /// <returns>Whether the model converged.</returns>
    /// <exception cref="ArgumentException">As <see cref="Run(CascadeShock, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public bool TryRun(CascadeShock shock, out CascadeResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shock);
        var resolved = ResolvedShock.Resolve(Network, shock);
        resolved.EnsureAccepted(Model.Accepts, Model.Name);
        result = Run(resolved, cancellationToken);
        return result.Converged;
    }

    /// <summary>
    /// Runs one shock and keeps only its counts and amounts: no per-entity or per-link outcome is built, so for the
    /// cascades a run allocates almost nothing beyond what the shock reaches. The numbers equal
    /// <see cref="CascadeResult.Summary"/> of <see cref="Run(CascadeShock, CancellationToken)"/>.
    /// </summary>
    /// <param name="shock">The shock.</param>
    /// <param name="cancellationToken">Cancels the run between rounds.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">As <see cref="Run(CascadeShock, CancellationToken)"/>.</exception>
    /// <exception cref="CascadeConvergenceException">An iterative model did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public CascadeSummary Summarize(CascadeShock shock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shock);
        var resolved = ResolvedShock.Resolve(Network, shock);
        resolved.EnsureAccepted(Model.Accepts, Model.Name);
        return Summarize(resolved, null, cancellationToken);
    }

    /// <summary>
    /// The run with no shock at all, computed once and kept (what a ranking against the baseline subtracts). For most
    /// models only entities insolvent or out of cash from the start fail in it; for the runway it holds every firm that
    /// runs out of cash on its own within the horizon.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run (the next call runs it again).</param>
    /// <returns>The no-shock result.</returns>
    /// <exception cref="CascadeConvergenceException">An iterative model did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public CascadeResult RunBaseline(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _baseline) is { } done)
        {
            return done;
        }

        lock (_baselineLock)
        {
            if (_baseline is null)
            {
                var result = Run(ResolvedShock.Resolve(Network, CascadeShock.None), cancellationToken);
                _baseline = result.Converged ? result : throw new CascadeConvergenceException(result);
            }

            return _baseline;
        }
    }

    /// <summary>
    /// Runs a resolved, accepted shock and keeps what it adds to <see cref="RunBaseline"/> (links down and entities
    /// failed that the baseline does not have). The general path runs the model twice and compares; a model with a
    /// faster way (the runway's difference evaluator) overrides it with a proven-equal one.
    /// </summary>
    internal virtual BaselineDifference SummarizeAgainstBaseline(ResolvedShock shock, CancellationToken cancellationToken)
    {
        var baseline = RunBaseline(cancellationToken);
        var result = Run(shock, cancellationToken);
        if (!result.Converged)
        {
            throw new CascadeConvergenceException(result);
        }

        return BaselineDifference.Between(result, baseline, shock);
    }

    /// <summary>Runs a resolved, accepted shock; the result may have <see cref="CascadeResult.Converged"/> = <see langword="false"/>.</summary>
    internal abstract CascadeResult Run(ResolvedShock shock, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a resolved, accepted shock for its summary; when <paramref name="failed"/> is given, the failed entities'
    /// indices are added to it (by round, then index). Models that do not override it build the full result.
    /// Throws <see cref="CascadeConvergenceException"/> when the model did not converge: a summary has no flag to carry it.
    /// </summary>
    internal virtual CascadeSummary Summarize(ResolvedShock shock, List<int>? failed, CancellationToken cancellationToken)
    {
        var result = Run(shock, cancellationToken);
        if (!result.Converged)
        {
            throw new CascadeConvergenceException(result);
        }

        failed?.AddRange(result.FailedEntityIndices);
        return result.Summary;
    }
}
