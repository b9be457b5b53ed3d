using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Cascades;

/// <summary>Builds the sorted name → value settings a result echoes.</summary>
internal static class ModelSettings
{
    public static ImmutableSortedDictionary<string, string> Of(params (string Name, object Value)[] settings)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in settings)
        {
            builder[name] = value switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
        }

        return builder.ToImmutable();
    }

    public static (string, object)[] Liquidity(LiquidityOptions options) => [("defaultTolerance", options.DefaultTolerance)];

    public static (string, object)[] Capital(CapitalOptions options) =>
        [("capitalFromBalanceSheet", options.DeriveFromBalanceSheet), ("defaultCapital", options.Default)];

    public static (string, object)[] Solvency(SolvencyOptions options) =>
        [("recovery", options.Recovery.ToString()), ("failureRule", options.Rule), .. Capital(options.Capital), .. options.StakeLosses ? [("stakeLosses", (object)true)] : Array.Empty<(string, object)>()];
}
