using System.Collections.Immutable;

namespace AiContagion.Cascades;

/// <summary>The settings a DebtRank result echoes.</summary>
internal static class DebtRankSettings
{
    public static ImmutableSortedDictionary<string, string> Of(DebtRankOptions options, bool linear, bool nonLinear = false)
    {
        var settings = new List<(string, object)>
        {
            ("economicWeights", options.EconomicWeights is null ? "totalAssets" : "given"),
            ("failureDistress", options.FailureDistress),
        };
        settings.AddRange(ModelSettings.Capital(options.Capital));
        if (linear)
        {
            settings.Add(("capImpactAtOne", options.CapImpactAtOne));
            settings.Add(("tolerance", options.Tolerance));
        }

        if (nonLinear)
        {
            settings.Add(("alpha", options.Alpha));
        }

        return ModelSettings.Of([.. settings]);
    }
}
