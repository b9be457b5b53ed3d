using AiContagion.Model;

namespace AiContagion.Flow;

/// <summary>Sources and sinks resolved against a network and checked: non-empty and disjoint.</summary>
internal readonly record struct FlowEnds(int[] Sources, int[] Sinks, bool[] IsSource, bool[] IsSink)
{
    public static FlowEnds Resolve(FinancingNetwork network, EntitySelection from, EntitySelection to)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var sources = from.Resolve(network);
        var sinks = to.Resolve(network);
        var isSource = new bool[network.EntityCount];
        var isSink = new bool[network.EntityCount];
        foreach (var s in sources)
        {
            isSource[s] = true;
        }

        var overlap = new List<string>();
        foreach (var t in sinks)
        {
            isSink[t] = true;
            if (isSource[t])
            {
                overlap.Add(network.Entities[t].Id);
            }
        }

        if (overlap.Count > 0)
        {
            throw new UnboundedFlowException(
                $"Entities {string.Join(", ", overlap)} are both a source ('{from}') and a sink ('{to}'); the flow between them is unbounded.");
        }

        return new FlowEnds(sources, sinks, isSource, isSink);
    }

    public string[] SourceIds(FinancingNetwork network) => [.. Sources.Select(v => network.Entities[v].Id)];

    public string[] SinkIds(FinancingNetwork network) => [.. Sinks.Select(v => network.Entities[v].Id)];
}
