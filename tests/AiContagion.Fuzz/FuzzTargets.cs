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
        ["dot"] = Dot,
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

    /// <summary>
    /// The DOT writer with fuzzed text: the input's lines become entity ids, names, notes, the title and the unit of
    /// a small chain. Oracle: lexing the DOT as Graphviz does (quoted strings with backslash escapes, HTML strings
    /// in nested angle brackets), the braces and brackets balance outside strings, and the visible edges (an
    /// <c>-&gt;</c> outside strings without <c>style=invis</c>) number exactly the links drawn — so no text can add,
    /// remove or break a statement.
    /// </summary>
    public static void Dot(byte[] input)
    {
        var parts = Encoding.UTF8.GetString(input).Split('\n');
        string Part(int i) => parts.Length == 0 ? string.Empty : parts[i % parts.Length];
        var builder = FinancingNetwork.CreateBuilder().WithMetadata(new NetworkMetadata { Title = Part(0), Unit = Part(1).Trim().Length == 0 ? "u" : Part(1) });
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var id = Part(i + 2);
            id = id.Trim().Length == 0 || id.Trim() != id || ids.Contains(id) ? "id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + id.Trim() : id;
            if (ids.Contains(id))
            {
                id += "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            ids.Add(id);
            builder.AddEntity(new Entity(id, (Sector)(i * 3 % 14), Part(i + 6)) { Note = Part(i + 10) });
        }

        for (var i = 0; i < 5; i++)
        {
            builder.AddLink(new Link(ids[i % 4], ids[(i + 1) % 4], (LinkKind)(i * 5 % 12), i + 0.5) { Note = Part(i + 1) });
        }

        if (!builder.TryBuild(out var network, out _))
        {
            return;
        }

        var diagram = AiContagion.Export.DotWriter.Create(network);
        var (edges, balanced) = LexDot(diagram.Text);
        if (!balanced || edges != diagram.LinksShown)
        {
            throw new InvalidOperationException($"DOT structure broken by text: {edges} visible edges for {diagram.LinksShown} links, balanced={balanced}.");
        }
    }

    private static (int VisibleEdges, bool Balanced) LexDot(string dot)
    {
        var edges = 0;
        var depth = 0;
        var ok = true;
        var statement = new StringBuilder();
        for (var i = 0; i < dot.Length; i++)
        {
            var c = dot[i];
            if (c == '"')
            {
                for (i++; i < dot.Length && dot[i] != '"'; i++)
                {
                    if (dot[i] == '\\')
                    {
                        i++;
                    }
                }

                statement.Append("\"\"");
                continue;
            }

            if (c == '<' && statement.ToString().TrimEnd().EndsWith('='))
            {
                var nesting = 0;
                for (; i < dot.Length; i++)
                {
                    nesting += dot[i] == '<' ? 1 : dot[i] == '>' ? -1 : 0;
                    if (nesting == 0)
                    {
                        break;
                    }
                }

                statement.Append("<>");
                continue;
            }

            depth += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
            ok &= depth >= 0;
            if (c is ';' or '\n')
            {
                var text = statement.ToString();
                if (text.Contains("->", StringComparison.Ordinal) && !text.Contains("style=invis", StringComparison.Ordinal))
                {
                    edges += CountOf(text, "->");
                }

                statement.Clear();
                continue;
            }

            statement.Append(c);
        }

        return (edges, ok && depth == 0);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void Same(FinancingNetwork a, FinancingNetwork b)
    {
        if (!a.Metadata.Equals(b.Metadata) || !a.Entities.SequenceEqual(b.Entities) || !a.Links.SequenceEqual(b.Links))
        {
            throw new InvalidOperationException("Round trip changed the network: the writer and reader disagree.");
        }
    }
}
