using AiContagion.Model;

namespace AiContagion.Provenance;

/// <summary>The entities a provenance or round-trip run reports on: the targets named, or every entity.</summary>
internal static class ReportedEntities
{
    /// <summary>A mask over the network's entities: <see langword="true"/> for each target, or for all when <paramref name="targets"/> is null.</summary>
    /// <exception cref="ArgumentException">A target is not an entity of the network.</exception>
    public static bool[] Mask(FinancingNetwork network, IReadOnlyCollection<string>? targets)
    {
        var report = new bool[network.EntityCount];
        if (targets is null)
        {
            Array.Fill(report, true);
            return report;
        }

        foreach (var id in targets)
        {
            report[network.IndexOfRequired(id)] = true;
        }

        return report;
    }
}
