using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// Loads and saves a <see cref="FinancingNetwork"/> in any supported format, chosen from the path: a
/// <c>.json</c> file, a <c>.graphml</c> (or <c>.xml</c>) file, or a folder holding <c>entities.csv</c> and
/// <c>links.csv</c> (a path to either CSV file also names its folder).
/// </summary>
/// <remarks>Reads never return a partial network; writes are whole or nothing. Thread-safe.</remarks>
public static class FinancingNetworkFile
{
    /// <summary>Loads a network.</summary>
    /// <param name="path">A <c>.json</c> or <c>.graphml</c> file, or a CSV folder.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The input is not a valid network; every problem is listed with its place.</exception>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static FinancingNetwork Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = DetectForReading(path);
        return format switch
        {
            NetworkFileFormat.Json => JsonNetworkReader.ReadFile(path),
            NetworkFileFormat.Csv => CsvNetworkReader.ReadFolder(CsvFolder(path)),
            _ => GraphMlNetworkReader.ReadFile(path),
        };
    }

    /// <summary>
    /// Checks a network file as <see cref="Load"/> does (the same problems, the same exception) and counts its entities
    /// and links; a CSV folder is checked without building the network.
    /// </summary>
    internal static (int Entities, int Links) Check(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (DetectForReading(path) == NetworkFileFormat.Csv)
        {
            return CsvNetworkReader.CheckFolder(CsvFolder(path));
        }

        var network = Load(path);
        return (network.EntityCount, network.LinkCount);
    }

    /// <summary>Saves a network in the format its path names (see <see cref="FormatOf"/>).</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">A <c>.json</c> or <c>.graphml</c> file, or a folder (any other path) for CSV.</param>
    public static void Save(FinancingNetwork network, string path) => Save(network, path, FormatOf(path));

    /// <summary>Saves a network in a given format.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The target file, or folder for CSV.</param>
    /// <param name="format">The format.</param>
    public static void Save(FinancingNetwork network, string path, NetworkFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (format)
        {
            case NetworkFileFormat.Json:
                JsonNetworkWriter.WriteFile(network, path);
                break;
            case NetworkFileFormat.Csv:
                CsvNetworkWriter.WriteFolder(network, CsvFolder(path));
                break;
            case NetworkFileFormat.GraphMl:
                GraphMlNetworkWriter.WriteFile(network, path);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown network file format.");
        }
    }

    /// <summary>The format a path names: by extension <c>.json</c> or <c>.graphml</c>/<c>.xml</c>; otherwise CSV (a folder).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The format.</returns>
    public static NetworkFileFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return NetworkFileFormat.Json;
        }

        return extension.Equals(".graphml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xml", StringComparison.OrdinalIgnoreCase)
            ? NetworkFileFormat.GraphMl
            : NetworkFileFormat.Csv;
    }

    private static NetworkFileFormat DetectForReading(string path)
    {
        if (Directory.Exists(path))
        {
            return NetworkFileFormat.Csv;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file or folder: '{path}'. Expected a .json or .graphml file, or a folder holding entities.csv and links.csv.", path);
        }

        var format = FormatOf(path);
        if (format == NetworkFileFormat.Csv && !Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new NetworkFormatException([new NetworkProblem(
                new SourceLocation(path), null, null,
                $"cannot tell the format from the extension '{Path.GetExtension(path)}'; expected .json, .graphml, or a folder holding entities.csv and links.csv")]);
        }

        return format;
    }

    private static string CsvFolder(string path) =>
        Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
}
