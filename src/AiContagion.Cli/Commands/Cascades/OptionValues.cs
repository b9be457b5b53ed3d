using System.Globalization;
using AiContagion.Cli.Infrastructure;
using AiContagion.Model;

namespace AiContagion.Cli.Commands.Cascades;

/// <summary>Parsing of option values shared by the cascade and rank commands; every error names the option and the value.</summary>
internal static class OptionValues
{
    /// <summary>All comma-separated parts of a repeatable option.</summary>
    public static IReadOnlyList<string> Parts(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(v => CommonOptions.SplitList(v))];

    /// <summary>A number, in invariant culture.</summary>
    public static double Number(string option, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new CliUsageException($"{option}: '{text}' is not a number.");
        }

        return value;
    }

    /// <summary>A number in [0, 1] (or (0, 1] when zero is not allowed).</summary>
    public static double Fraction(string option, string text, bool allowZero = true)
    {
        var value = Number(option, text);
        if (value < 0 || value > 1 || (!allowZero && value == 0))
        {
            throw new CliUsageException($"{option}: '{text}' must lie in {(allowZero ? "[0, 1]" : "(0, 1]")}.");
        }

        return value;
    }

    /// <summary><c>NAME=value</c> pairs; with <paramref name="defaultValue"/>, a bare <c>NAME</c> is allowed.</summary>
    public static IReadOnlyList<(string Name, double Value)> Assignments(string option, IReadOnlyList<string> parts, double? defaultValue, bool allowZero = true)
    {
        var result = new List<(string, double)>();
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (defaultValue is not { } value)
                {
                    throw new CliUsageException($"{option}: '{part}' should be NAME=value.");
                }

                result.Add((part, value));
                continue;
            }

            var name = part[..equals].Trim();
            if (name.Length == 0)
            {
                throw new CliUsageException($"{option}: '{part}' has no name before '='.");
            }

            result.Add((name, Fraction(option, part[(equals + 1)..].Trim(), allowZero)));
        }

        return result;
    }

    /// <summary>Checks that every id names an entity of the network.</summary>
    public static void EnsureEntities(FinancingNetwork network, string option, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (!network.Contains(id))
            {
                throw new CliUsageException($"{option}: the graph has no entity '{id}'.");
            }
        }
    }
}
