namespace AiContagion.Export;

/// <summary>
/// Graphviz <c>dot</c> is not installed (not on <c>PATH</c>, or not at the configured path). The message names
/// the package to install: <c>graphviz</c> (Debian/Ubuntu <c>apt-get install graphviz</c>, Fedora
/// <c>dnf install graphviz</c>, macOS <c>brew install graphviz</c>, Windows <c>winget install Graphviz.Graphviz</c>).
/// </summary>
/// <remarks>A <see cref="FileNotFoundException"/>: the program file is what is missing; <see cref="FileNotFoundException.FileName"/> is the name or path looked for.</remarks>
public sealed class GraphvizNotFoundException : FileNotFoundException
{
    /// <summary>The package that provides <c>dot</c> on every common system.</summary>
    public const string PackageName = "graphviz";

    /// <summary>Creates the exception with the standard message.</summary>
    public GraphvizNotFoundException()
        : this(StandardMessage("dot"))
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public GraphvizNotFoundException(string message)
        : base(message, "dot")
    {
    }

    /// <summary>Creates the exception with a message and the name or path looked for.</summary>
    /// <param name="message">The message.</param>
    /// <param name="fileName">The name or path looked for.</param>
    public GraphvizNotFoundException(string message, string fileName)
        : base(message, fileName)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GraphvizNotFoundException(string message, Exception innerException)
        : base(message, "dot", innerException)
    {
    }

    /// <summary>The standard message for a missing <c>dot</c>, naming the package to install.</summary>
    /// <param name="lookedFor">The name or path that was looked for.</param>
    /// <returns>The message.</returns>
    public static string StandardMessage(string lookedFor) =>
        $"Graphviz '{lookedFor}' was not found{(lookedFor.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "" : " on PATH")}. "
        + $"Install the '{PackageName}' package (Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install graphviz; "
        + "macOS: brew install graphviz; Windows: winget install Graphviz.Graphviz), or render the DOT file yourself with 'dot -Tsvg'.";
}
