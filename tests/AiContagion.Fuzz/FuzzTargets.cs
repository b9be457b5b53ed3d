using System.Text;
using AiContagion.Io;
using AiContagion.Model;

namespace AiContagion.Fuzz;

/// <summary>
/// The fuzz targets. Each reads one input; a <see cref="NetworkFormatException"/> is the expected answer to bad
/// input, and any other exception is a finding. When the reader accepts the input, the oracle writes the
/// network back in the same format and reads it again: the two networks must be equal.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The separator between entities.csv and links.csv in a CSV fuzz input.</summary>
    public const string CsvSeparator = "\n#links\n";

    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["json"] = Json,
        ["csv"] = Csv,
        ["graphml"] = GraphMl,
    };

    public static void Json(byte[] input)
    {
        FinancingNetwork network;
        try
        {
            network = JsonNetworkReader.Read(input, "fuzz.json");
        }
        catch (NetworkFormatException)
        {
            return;
        }

        var again = JsonNetworkReader.Parse(JsonNetworkWriter.ToJson(network), "again.json");
        Same(network, again);
    }

    public static void Csv(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var cut = text.IndexOf(CsvSeparator, StringComparison.Ordinal);
        var entities = cut < 0 ? text : text[..cut];
        var links = cut < 0 ? string.Empty : text[(cut + CsvSeparator.Length)..];
        FinancingNetwork network;
        try
        {
            network = CsvNetworkReader.Read(CsvSource.FromText("entities.csv", entities), CsvSource.FromText("links.csv", links));
        }
        catch (NetworkFormatException)
        {
            return;
        }

        var written = CsvNetworkWriter.ToCsv(network);
        var again = CsvNetworkReader.Read(
            CsvSource.FromText("entities.csv", written[CsvSchema.EntitiesFile]),
            CsvSource.FromText("links.csv", written[CsvSchema.LinksFile]),
            CsvSource.FromText("network.csv", written[CsvSchema.NetworkFile]),
            written.TryGetValue(CsvSchema.AnnotationsFile, out var annotations) ? CsvSource.FromText("annotations.csv", annotations) : null);
        Same(network, again);
    }

    public static void GraphMl(byte[] input)
    {
        FinancingNetwork network;
        try
        {
            network = GraphMlNetworkReader.Read(new MemoryStream(input), "fuzz.graphml");
        }
        catch (NetworkFormatException)
        {
            return;
        }

        using var buffer = new MemoryStream();
        GraphMlNetworkWriter.Write(network, buffer);
        buffer.Position = 0;
        Same(network, GraphMlNetworkReader.Read(buffer, "again.graphml"));
    }

    private static void Same(FinancingNetwork a, FinancingNetwork b)
    {
        if (!a.Metadata.Equals(b.Metadata) || !a.Entities.SequenceEqual(b.Entities) || !a.Links.SequenceEqual(b.Links))
        {
            throw new InvalidOperationException("Round trip changed the network: the writer and reader disagree.");
        }
    }
}
