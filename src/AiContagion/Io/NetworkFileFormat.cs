namespace AiContagion.Io;

/// <summary>The file formats a <see cref="FinancingNetworkFile"/> reads and writes.</summary>
public enum NetworkFileFormat
{
    /// <summary>The native JSON format (<c>.json</c>).</summary>
    Json,

    /// <summary>A folder holding <c>entities.csv</c> and <c>links.csv</c> (plus optional <c>network.csv</c> and <c>annotations.csv</c>).</summary>
    Csv,

    /// <summary>GraphML (<c>.graphml</c>), for Gephi, yEd, NetworkX and Neo4j.</summary>
    GraphMl,
}
