using AiContagion.Model;

namespace AiContagion.Provenance;

/// <summary>
/// The adjoint trace of one target at a time (<see cref="ProvenanceTracer"/>'s path for targets behind a loop too large
/// for a dense solve): the expected visits of the backward walk from the target, pushed from each entity to its payers
/// and revenue, downstream first; each loop on the way is solved by its transposed system (<see cref="BackwardLoopSystem"/>).
/// The origins reached accumulate in the tracer's scratch row.
/// </summary>
internal sealed class BackwardWalk
{
    private readonly ProvenanceTracer _tracer;
    private readonly List<int[]> _components;
    private readonly double[] _visits;
    private readonly List<int> _visited = [];
    private readonly int[] _local;
    private readonly int[] _componentOf;
    private readonly Dictionary<int, BackwardLoopSystem> _loops = [];

    public BackwardWalk(ProvenanceTracer tracer, List<int[]> components)
    {
        _tracer = tracer;
        _components = components;
        _visits = new double[tracer.EntityCount];
        _local = new int[tracer.EntityCount];
        Array.Fill(_local, -1);
        _componentOf = new int[tracer.EntityCount];
        Array.Fill(_componentOf, -1);
        for (var c = 0; c < components.Count; c++)
        {
            foreach (var v in components[c])
            {
                _componentOf[v] = c;
            }
        }
    }

    /// <summary>Leaves the target's origin shares in the tracer's scratch row (read them with Gather).</summary>
    public void Run(int target)
    {
        Push(target, 1.0, -1);
        for (var c = _components.Count - 1; c >= 0; c--)
        {
            _tracer.CancellationToken.ThrowIfCancellationRequested();
            var component = _components[c];
            if (_tracer.IsOrigin(component[0]))
            {
                continue; // a closed loop turned origin: reached only as an origin
            }

            if (component.Length == 1)
            {
                var v = component[0];
                if (_visits[v] != 0)
                {
                    Push(v, _visits[v], -1);
                }

                continue;
            }

            var any = false;
            foreach (var v in component)
            {
                any |= _visits[v] != 0;
            }

            if (!any)
            {
                continue;
            }

            if (!_loops.TryGetValue(c, out var loop))
            {
                _loops[c] = loop = BackwardLoopSystem.Build(_tracer, component, _local);
            }

            _visited.AddRange(component);
            loop.Solve(_tracer, _visits);
            foreach (var v in component)
            {
                if (_visits[v] != 0)
                {
                    Push(v, _visits[v], c);
                }
            }
        }

        foreach (var v in _visited)
        {
            _visits[v] = 0;
        }

        _visited.Clear();
    }

    /// <summary>Entity v, visited <paramref name="weight"/> times, passes the visits on to its payers and revenue (loop-mates excluded: the loop solve counted them).</summary>
    private void Push(int v, double weight, int loop)
    {
        var index = _tracer.Index;
        var inflow = _tracer.Inflow(v);
        foreach (var l in index.LinksInto(v))
        {
            var a = index.Amount[l];
            if (a <= 0)
            {
                continue;
            }

            var u = index.LinkFrom[l];
            var share = weight * (a / inflow);
            if (_tracer.IsOrigin(u))
            {
                _tracer.Add(u, share);
            }
            else if (loop < 0 || _componentOf[u] != loop)
            {
                if (_visits[u] == 0)
                {
                    _visited.Add(u);
                }

                _visits[u] += share;
            }
        }

        if (_tracer.Revenue[v] > 0)
        {
            _tracer.Add(_tracer.EntityCount + v, weight * (_tracer.Revenue[v] / inflow));
        }
    }
}
