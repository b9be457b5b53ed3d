using System.Collections.Concurrent;
using AiContagion.Model;

namespace AiContagion.Cascades.Engines;

/// <summary>The workspaces of one prepared engine: rented per run, one per running thread, returned cleared.</summary>
/// <param name="index">The network's index.</param>
/// <param name="accumulators">Per-entity accumulators per workspace.</param>
internal sealed class WorkspacePool(NetworkIndex index, int accumulators)
{
    private readonly ConcurrentBag<EngineWorkspace> _items = [];

    /// <summary>A clear workspace.</summary>
    public EngineWorkspace Rent() => _items.TryTake(out var item) ? item : new EngineWorkspace(index, accumulators);

    /// <summary>Clears a workspace and keeps it for the next run.</summary>
    public void Return(EngineWorkspace workspace)
    {
        workspace.Reset();
        _items.Add(workspace);
    }
}
