using System.Collections.Immutable;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;
using AiContagion.Stress;

namespace AiContagion.Cli.Commands.Stress;

/// <summary>Parses the <c>--p</c> values of <c>stress</c>: <c>P</c> (every funding source), <c>sector:NAME=P</c>, <c>ID=P</c>.</summary>
internal static class ProbabilityValues
{
    /// <summary>Applies every <c>--p</c> part to the options; each error names the option and the value.</summary>
    public static StressOptions Apply(StressOptions options, IReadOnlyList<string> parts, FinancingNetwork network)
    {
        double? fallback = null;
        var sectors = ImmutableDictionary.CreateBuilder<Sector, double>();
        var entities = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (fallback is not null)
                {
                    throw new CliUsageException($"--p: the probability of every funding source is given twice ('{part}').");
                }

                fallback = OptionValues.Fraction("--p", part);
                continue;
            }

            var name = part[..equals].Trim();
            var p = OptionValues.Fraction("--p", part[(equals + 1)..].Trim());
            if (name.StartsWith("sector:", StringComparison.OrdinalIgnoreCase))
            {
                var sectorName = name["sector:".Length..].Trim();
                if (!SectorFacts.TryParse(sectorName, out var sector))
                {
                    throw new CliUsageException($"--p: unknown sector '{sectorName}' in '{part}'; expected one of {SectorFacts.AllNames}.");
                }

                if (!sectors.TryAdd(sector, p))
                {
                    throw new CliUsageException($"--p: sector {sector} is given twice.");
                }
            }
            else
            {
                if (name.Length == 0)
                {
                    throw new CliUsageException($"--p: '{part}' has no entity before '='; use P, sector:NAME=P or ID=P.");
                }

                if (!network.Contains(name))
                {
                    throw new CliUsageException($"--p: the graph has no entity '{name}'.");
                }

                if (!entities.TryAdd(name, p))
                {
                    throw new CliUsageException($"--p: '{name}' is given twice.");
                }
            }
        }

        return options with
        {
            DefaultProbability = fallback ?? options.DefaultProbability,
            SectorProbabilities = sectors.ToImmutable(),
            EntityProbabilities = entities.ToImmutable(),
        };
    }
}
