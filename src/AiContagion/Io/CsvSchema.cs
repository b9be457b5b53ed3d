using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>The file and column names of the CSV format (documented in <c>graphs/README.md</c>).</summary>
public static class CsvSchema
{
    /// <summary>The entities file.</summary>
    public const string EntitiesFile = "entities.csv";

    /// <summary>The links file.</summary>
    public const string LinksFile = "links.csv";

    /// <summary>The optional metadata file: columns <c>key,value</c>.</summary>
    public const string NetworkFile = "network.csv";

    /// <summary>The optional annotations file.</summary>
    public const string AnnotationsFile = "annotations.csv";

    /// <summary>The optional assets file of the holdings layer.</summary>
    public const string AssetsFile = "assets.csv";

    /// <summary>The optional holdings file of the holdings layer (requires <see cref="AssetsFile"/> for its assets).</summary>
    public const string HoldingsFile = "holdings.csv";

    /// <summary>
    /// Entity columns in the order they are written (every entity field); <c>id</c> and <c>sector</c> are required. The
    /// writer leaves out an optional column that no entity gives. Attribute columns follow, sorted by name.
    /// </summary>
    public static IReadOnlyList<string> EntityColumns { get; } = FieldSchema.Entities.Names;

    /// <summary>
    /// Link columns in the order they are written (every link field); <c>from</c>, <c>to</c>, <c>kind</c> and
    /// <c>amount</c> are required. The writer leaves out an optional column that no link gives. Attribute columns
    /// follow, sorted by name.
    /// </summary>
    public static IReadOnlyList<string> LinkColumns { get; } = FieldSchema.Links.Names;

    /// <summary>Asset columns in the order they are written; <c>id</c> is required. No attribute columns.</summary>
    public static IReadOnlyList<string> AssetColumns { get; } = FieldSchema.Assets.Names;

    /// <summary>Holding columns in the order they are written; <c>entity</c>, <c>asset</c> and <c>amount</c> are required. No attribute columns.</summary>
    public static IReadOnlyList<string> HoldingColumns { get; } = FieldSchema.Holdings.Names;

    /// <summary>Annotation columns in the order they are written; <c>reason</c> is required.</summary>
    public static IReadOnlyList<string> AnnotationColumns { get; } = ["from", "to", "type", "amount", "amountKind", "date", "source", "reason", "note"];

    /// <summary>Keys of <c>network.csv</c>; <c>source</c> may repeat.</summary>
    public static IReadOnlyList<string> NetworkKeys { get; } = ["format", "title", "unit", "asOf", "description", "source"];
}
