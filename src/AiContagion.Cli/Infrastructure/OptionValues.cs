using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Cli.Infrastructure;

/// <summary>Parsing of option values; every error names the option and the value (exit code 2).</summary>
internal static class OptionValues
{
    /// <summary>Splits a comma-separated option value into trimmed, non-empty parts.</summary>
    public static IReadOnlyList<string> SplitList(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>All comma-separated parts of a repeatable option.</summary>
    public static IReadOnlyList<string> Parts(IEnumerable<string>? values) =>
        values is null ? [] : [.. values.SelectMany(v => SplitList(v))];

    /// <summary>A finite number, in invariant culture.</summary>
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

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static long Integer(string option, string text, long minimum = long.MinValue, long maximum = long.MaxValue)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliUsageException($"{option}: '{text}' is not a whole number.");
        }

        if (value < minimum || value > maximum)
        {
            throw new CliUsageException(minimum == 1 && maximum >= int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"{option}: {value} must be positive.")
                : string.Create(CultureInfo.InvariantCulture, $"{option}: {value} must lie in [{minimum}, {maximum}]."));
        }

        return value;
    }

    /// <summary><c>NAME=value</c> pairs, value a fraction; with <paramref name="defaultValue"/>, a bare <c>NAME</c> is allowed.</summary>
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

    /// <summary>Checks that no id is given twice.</summary>
    public static void EnsureUnique(string option, IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new CliUsageException($"{option}: '{id}' is given twice.");
            }
        }
    }
}
