using System.Text;

namespace AiContagion.Export;

/// <summary>
/// Escaping for text inside Graphviz HTML-like labels (<c>label=&lt;…&gt;</c>) and inside HTML/SVG documents: the
/// five XML specials and <c>]</c> become entities, line breaks and tabs become spaces, and characters XML forbids (control
/// characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. No input can close the label or add markup.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static class HtmlLabelText
{
    /// <summary>The escaped text.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>
    /// Appends the escaped text to a Graphviz HTML-like label, never nothing: Graphviz 2.43 refuses an empty element
    /// (<c>&lt;B&gt;&lt;/B&gt;</c>, <c>&lt;FONT …&gt;&lt;/FONT&gt;</c> is a syntax error), so empty or blank text becomes a no-break space.
    /// </summary>
    public static StringBuilder AppendLabel(StringBuilder builder, string text) =>
        string.IsNullOrWhiteSpace(text) ? builder.Append("&#160;") : Append(builder, text);

    /// <summary>Appends the escaped text.</summary>
    public static StringBuilder Append(StringBuilder builder, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                case ']':
                    // Graphviz 2.43's HTML-label lexer fails on "]" or "]]" right before a closing tag.
                    builder.Append("&#93;");
                    break;
                case '\n' or '\r' or '\t' or '\u2028' or '\u2029':
                    builder.Append(' ');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
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

        return builder;
    }
}
