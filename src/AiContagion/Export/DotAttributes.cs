using System.Text;

namespace AiContagion.Export;

/// <summary>Builds a DOT attribute list <c>[a=b, c="d"]</c>; every text value goes through <see cref="DotText"/>.</summary>
internal sealed class DotAttributes
{
    private readonly StringBuilder _builder = new();

    /// <summary>Whether no attribute was added.</summary>
    public bool IsEmpty => _builder.Length == 0;

    /// <summary>Adds an attribute whose value is a fixed token written by this code (a keyword or a number).</summary>
    public DotAttributes Token(string name, string value)
    {
        Separate().Append(name).Append('=').Append(value);
        return this;
    }

    /// <summary>Adds an attribute whose value is a fixed string written by this code, quoted (e.g. a colour).</summary>
    public DotAttributes Quoted(string name, string value)
    {
        Separate().Append(name).Append("=\"").Append(value).Append('"');
        return this;
    }

    /// <summary>Adds a label-like attribute (label, tooltip) made of lines of user text, escaped.</summary>
    public DotAttributes Text(string name, IEnumerable<string> lines)
    {
        Separate().Append(name).Append('=');
        DotText.AppendLabel(_builder, lines);
        return this;
    }

    /// <summary>Adds an HTML-like label. Only ever called with markup written by this code, never user text.</summary>
    public DotAttributes Html(string name, string markup)
    {
        Separate().Append(name).Append("=<").Append(markup).Append('>');
        return this;
    }

    /// <summary>The list, <c>[...]</c>, or an empty string when nothing was added.</summary>
    public override string ToString() => IsEmpty ? "" : "[" + _builder + "]";

    private StringBuilder Separate() => _builder.Length == 0 ? _builder : _builder.Append(", ");
}
