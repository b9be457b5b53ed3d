using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// A contagion model: given a network and a <see cref="CascadeShock"/>, the <see cref="CascadeResult"/> it leads to.
/// Every model reads links by docs/concepts.md#links and documents which way it walks them.
/// </summary>
/// <remarks>
/// <para>Models are immutable and thread-safe; a run never changes the network. For many runs on one network,
/// <see cref="Prepare"/> once and call <see cref="PreparedCascade.Run(CascadeShock, CancellationToken)"/>: the per-network
/// arrays (inflows, tolerances, capital, exposures) are computed once and each run costs what the shock reaches.
/// <see cref="Run"/> does the same through a per-network cache.</para>
/// </remarks>
public interface ICascadeModel
{
    /// <summary>Which model this is.</summary>
    CascadeModelKind Kind { get; }

    /// <summary>The model's command-line name (<c>funding</c>, <c>credit</c>, <c>chain</c>, <c>eisenberg-noe</c>, ...).</summary>
    string Name { get; }

    /// <summary>The shock parts the model understands; any other part makes a run throw <see cref="ArgumentException"/>.</summary>
    ShockChannels Accepts { get; }

    /// <summary>Precomputes what every run on <paramref name="network"/> shares.</summary>
    /// <param name="network">The network.</param>
    /// <returns>A prepared model, thread-safe, that can run many shocks.</returns>
    PreparedCascade Prepare(FinancingNetwork network);

    /// <summary>Runs the model once.</summary>
    /// <param name="network">The network (not changed).</param>
    /// <param name="shock">The shock.</param>
    /// <param name="cancellationToken">Cancels the run between rounds.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The shock names an unknown entity, repeats one, has a value out of range, or uses a part the model does not accept.</exception>
    /// <exception cref="CascadeConvergenceException">An iterative model did not converge.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    CascadeResult Run(FinancingNetwork network, CascadeShock shock, CancellationToken cancellationToken = default);
}
