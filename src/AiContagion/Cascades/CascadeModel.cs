using System.Runtime.CompilerServices;
using AiContagion.Model;

namespace AiContagion.Cascades;

/// <summary>
/// Base of the models: implements <see cref="ICascadeModel.Run"/> through a per-network cache of
/// <see cref="PreparedCascade"/>, so repeated runs on one network share its precomputation.
/// </summary>
/// <remarks>Thread-safe. The cache holds networks weakly (it never keeps a network alive).</remarks>
public abstract class CascadeModel : ICascadeModel
{
    private readonly ConditionalWeakTable<FinancingNetwork, PreparedCascade> _prepared = [];

    private protected CascadeModel()
    {
    }

    /// <inheritdoc/>
    public abstract CascadeModelKind Kind { get; }

    /// <inheritdoc/>
    public string Name => CascadeModels.CommandName(Kind);

    /// <inheritdoc/>
    public abstract ShockChannels Accepts { get; }

    /// <inheritdoc/>
    public PreparedCascade Prepare(FinancingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return _prepared.GetValue(network, PrepareCore);
    }

    /// <inheritdoc/>
    public CascadeResult Run(FinancingNetwork network, CascadeShock shock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(shock);
        return Prepare(network).Run(shock, cancellationToken);
    }

    /// <summary>A one-line description: the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private protected abstract PreparedCascade PrepareCore(FinancingNetwork network);
}
