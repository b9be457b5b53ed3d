using System.Globalization;
using System.Text;

namespace AiContagion.Export;

/// <summary>
/// Quoting and escaping for the DOT language, and the number formats diagrams use. Every piece of user text
/// (ids, names, units, notes) reaches a DOT file only through these methods, so no input can close a string,
/// add an attribute, a node, an edge or an HTML label.
/// </summary>
/// <remarks>
/// <para>In a DOT quoted string the only escape the parser applies is <c>\"</c>; every other backslash is kept
/// and later read by the label renderer (<c>\n</c>, <c>\l</c>, <c>\N</c>, ...). Hence two writers:</para>
/// <list type="bullet">
/// <item><see cref="AppendId"/> must keep distinct ids distinct after parsing (it is injective): a backslash is
/// written <c>\\</c>, a quote <c>\"</c>, line feed and carriage return <c>\n</c> and <c>\r</c>, and an
/// ampersand, a leading percent sign, a control character, a lone surrogate or U+FFFE/U+FFFF <c>\uXXXX</c>. The ampersand is escaped because Graphviz
/// 2.43 copies an entity-like <c>&amp;name;</c> in a node name into SVG <c>&lt;title&gt;</c> unescaped; a
/// leading <c>%</c> is escaped because Graphviz takes names starting with it for its own anonymous ids and
/// shows them as <c>%1</c>, <c>%2</c>, ....</item>
/// <item><see cref="AppendLabel"/> writes text to be shown: a backslash is written <c>\\</c> (so <c>\N</c>
/// in a name is shown as typed), a quote <c>\"</c>, an ampersand <c>&amp;amp;</c> (Graphviz decodes HTML
/// entities in plain labels), every line break <c>\n</c>, a tab a space; other control characters, lone
/// surrogates and U+FFFE/U+FFFF are replaced by U+FFFD.</item>
/// </list>
/// <para>Non-ASCII text is kept as UTF-8 (the graph declares <c>charset="UTF-8"</c>). Thread-safe.</para>
/// </remarks>
internal static class DotText
{
    /// <summary>The marker appended to text cut to the maximum length.</summary>
    public const string Ellipsis = "…";

    /// <summary>Appends <paramref name="text"/> as a quoted DOT id; the mapping is injective.</summary>
    public static StringBuilder AppendId(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (c == '&' || (c == '%' && i == 0) || IsUnsafe(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"');
    }

    /// <summary>Appends quoted label text made of lines; line breaks inside a line also become line breaks.</summary>
    public static StringBuilder AppendLabel(StringBuilder builder, IEnumerable<string> lines)
    {
        builder.Append('"');
        var first = true;
        foreach (var line in lines)
        {
            if (!first)
            {
                builder.Append("\\n");
            }

            first = false;
            AppendLabelContent(builder, line);
        }

        return builder.Append('"');
    }

    /// <summary>Cuts text longer than <paramref name="maximumLength"/> characters at a text-element boundary and marks the cut.</summary>
    public static string Truncate(string text, int maximumLength)
    {
        if (text.Length <= maximumLength)
        {
            return text;
        }

        // Keep whole text elements (surrogate pairs, combining marks) so the cut never splits a character.
        var keep = Math.Max(0, maximumLength - Ellipsis.Length);
        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text, end);
            if (next > keep)
            {
                break;
            }

            end = next;
        }

        return string.Concat(text.AsSpan(0, end), Ellipsis);
    }

    /// <summary>An amount for a label: thousands separated above 1,000, two decimals above 1, three below.</summary>
    public static string Amount(double value) => Math.Abs(value) switch
    {
        0 => "0",
        >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
        >= 0.001 => value.ToString("0.###", CultureInfo.InvariantCulture),
        _ => value.ToString("G3", CultureInfo.InvariantCulture),
    };

    /// <summary>A score for a label: four significant digits.</summary>
    public static string Score(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A number for a DOT attribute (pen width, node size): at most three decimals, invariant culture.</summary>
    public static string Attribute(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>An integer, invariant culture.</summary>
    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Characters that must not reach Graphviz raw: control characters (C0, DEL, C1), lone surrogates (not
    /// valid UTF-8) and U+FFFE/U+FFFF (not allowed in XML, so they would break SVG output).
    /// </summary>
    private static bool IsUnsafe(char c) => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';

    private static void AppendLabelContent(StringBuilder builder, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\r':
                    builder.Append("\\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                case '\u2028':
                case '\u2029':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append(' ');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (IsUnsafe(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }
}
