using System.Globalization;

namespace AiContagion.Export;

/// <summary>Short texts for chain pictures: money labels of at most 12 characters, wrapped names.</summary>
internal static class ChainText
{
    /// <summary>The longest edge label the chain diagrams write.</summary>
    public const int MaximumLabelLength = 12;

    /// <summary>
    /// A short amount: <c>$300bn</c> for the unit <c>USD bn</c>, <c>€4.5bn</c> for <c>EUR bn</c>, <c>$12</c> for
    /// <c>USD</c>, else the number and the unit when that fits in 12 characters, else the number alone. Numbers:
    /// no decimals from 10, one below 10, two below 1.
    /// </summary>
    public static string Money(double amount, string unit)
    {
        var number = Number(amount);
        var (prefix, suffix) = UnitParts(unit);
        var text = prefix + number + suffix;
        return text.Length <= MaximumLabelLength ? text : Compact(amount);
    }

    /// <summary>The flow label: the amount and, for several deals, <c>×n</c>; cut down to 12 characters.</summary>
    public static string FlowLabel(double amount, int deals, string unit, string? prefix = null)
    {
        var money = Money(amount, unit);
        var head = prefix is null ? money : prefix + " " + money;
        var withDeals = deals > 1 ? head + " ×" + deals.ToString(CultureInfo.InvariantCulture) : head;
        if (withDeals.Length <= MaximumLabelLength)
        {
            return withDeals;
        }

        return head.Length <= MaximumLabelLength ? head : Compact(amount);
    }

    /// <summary>The number alone, or in scientific notation when even that is longer than 12 characters.</summary>
    public static string Compact(double amount)
    {
        var number = Number(amount);
        return number.Length <= MaximumLabelLength ? number : amount.ToString("0.#e0", CultureInfo.InvariantCulture);
    }

    public static string Number(double amount) => Math.Abs(amount) switch
    {
        >= 10 => amount.ToString("#,0", CultureInfo.InvariantCulture),
        >= 1 => amount.ToString("0.#", CultureInfo.InvariantCulture),
        _ => amount.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>The unit split into a symbol before the number and a suffix after it.</summary>
    public static (string Prefix, string Suffix) UnitParts(string unit)
    {
        var parts = unit.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 1 or 2)
        {
            var symbol = parts[0].ToUpperInvariant() switch
            {
                "USD" => "$",
                "EUR" => "€",
                "GBP" => "£",
                "JPY" => "¥",
                _ => null,
            };
            if (symbol is not null)
            {
                return (symbol, parts.Length == 2 && parts[1].Length <= 3 ? parts[1] : "");
            }
        }

        return ("", unit.Length <= 6 ? " " + unit : "");
    }

    /// <summary>
    /// A name for a node label: a name longer than 26 characters loses a trailing parenthesis, then words are
    /// wrapped at <paramref name="width"/> characters into at most <paramref name="lines"/> lines (the last ends
    /// with "…" when words are left over).
    /// </summary>
    public static List<string> Wrap(string name, int width = 22, int lines = 2)
    {
        var text = name.Trim();
        if (text.Length > 26 && text.IndexOf(" (", StringComparison.Ordinal) is var open and >= 3)
        {
            text = text[..open];
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>();
        var current = "";
        var i = 0;
        for (; i < words.Length; i++)
        {
            var word = words[i];
            var next = current.Length == 0 ? word : current + " " + word;
            if (next.Length <= width || current.Length == 0)
            {
                current = next;
                continue;
            }

            result.Add(current);
            current = word;
            if (result.Count == lines - 1)
            {
                // Last line: take what fits.
                for (i++; i < words.Length; i++)
                {
                    var more = current + " " + words[i];
                    if (more.Length > width)
                    {
                        break;
                    }

                    current = more;
                }

                break;
            }
        }

        var leftOver = i < words.Length;
        if (current.Length > 0)
        {
            result.Add(current);
        }

        for (var k = 0; k < result.Count; k++)
        {
            if (result[k].Length > width + 4)
            {
                result[k] = DotText.Truncate(result[k], width + 1);
            }
        }

        if (result.Count == 0)
        {
            result.Add("");
        }

        if (leftOver && !result[^1].EndsWith(DotText.Ellipsis, StringComparison.Ordinal))
        {
            result[^1] = DotText.Truncate(result[^1] + " " + DotText.Ellipsis, width + 2);
        }

        return result;
    }
}
