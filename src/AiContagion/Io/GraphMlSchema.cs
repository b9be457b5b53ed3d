namespace AiContagion.Io;

/// <summary>Names used by the GraphML format (documented in <c>graphs/README.md</c>).</summary>
public static class GraphMlSchema
{
    /// <summary>The GraphML namespace.</summary>
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>The value types a GraphML <c>key</c> may declare (<c>attr.type</c>).</summary>
    public static IReadOnlyList<string> Types { get; } = ["boolean", "int", "long", "float", "double", "string"];
}

/// <summary>
/// An extra data column for <see cref="GraphMlNetworkWriter"/>: a named value for every entity (or link) of the
/// network, such as a cascade's failure round or a centrality score, so Gephi users see analysis results.
/// </summary>
/// <param name="Name">The attribute name (<c>attr.name</c>); must not clash with a field or attribute.</param>
/// <param name="Type">The GraphML type: <c>boolean</c>, <c>int</c>, <c>long</c>, <c>float</c>, <c>double</c> or <c>string</c>.</param>
/// <param name="Values">One value per entity (or link), in network order, already formatted in invariant culture; <see langword="null"/> omits it.</param>
public sealed record GraphMlColumn(string Name, string Type, IReadOnlyList<string?> Values);
