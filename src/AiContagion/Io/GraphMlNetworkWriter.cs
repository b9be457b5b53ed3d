using System.Globalization;
using System.Text;
using System.Xml;
using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// Writes GraphML that Gephi, yEd, NetworkX (<c>read_graphml</c>) and Neo4j open: a directed graph whose nodes
/// are entities (id = entity id) and whose edges are links (source = payer, target = recipient), every field a
/// typed <c>key</c>. Graph-level data carry the metadata; sources, annotations and the holdings layer (assets,
/// holdings: the native JSON's arrays) are JSON arrays in string data.
/// </summary>
/// <remarks>
/// Deterministic: keys in a fixed order (fields, then attributes sorted by name, then extra columns), elements
/// in network order, shortest round-trip numbers, UTF-8 without byte-order mark. What
/// <see cref="GraphMlNetworkReader"/> reads back equals what was written. Written atomically. Thread-safe.
/// </remarks>
public static class GraphMlNetworkWriter
{
    // Every field but those GraphML holds in XML attributes: a node's id, an edge's source and target.
    private static readonly NetworkField<Entity>[] NodeFields = [.. FieldSchema.Entities.All.Where(f => f.Name != "id")];

    private static readonly NetworkField<Link>[] EdgeFields = [.. FieldSchema.Links.All.Where(f => f.Name is not ("from" or "to"))];

    // The key ids of those fields: n_NAME and e_NAME.
    private static readonly string[] NodeKeys = [.. NodeFields.Select(f => "n_" + f.Name)];

    private static readonly string[] EdgeKeys = [.. EdgeFields.Select(f => "e_" + f.Name)];

    private static readonly (string Name, string Type)[] GraphFields =
    [
        ("format", "string"), ("title", "string"), ("unit", "string"), ("asOf", "string"), ("description", "string"),
        ("sources", "string"), ("annotations", "string"), ("assets", "string"), ("holdings", "string"),
    ];

    /// <summary>Writes a network to a GraphML file, whole or not at all.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The target file.</param>
    /// <param name="nodeColumns">Extra per-entity data (e.g. analysis results).</param>
    /// <param name="edgeColumns">Extra per-link data.</param>
    public static void WriteFile(FinancingNetwork network, string path, IReadOnlyList<GraphMlColumn>? nodeColumns = null, IReadOnlyList<GraphMlColumn>? edgeColumns = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        AtomicFile.Write(path, stream => Write(network, stream, nodeColumns, edgeColumns));
    }

    /// <summary>Writes a network as GraphML to a stream.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="nodeColumns">Extra per-entity data (e.g. analysis results).</param>
    /// <param name="edgeColumns">Extra per-link data.</param>
    /// <exception cref="ArgumentException">An extra column has the wrong length, an unknown type, or a clashing name.</exception>
    public static void Write(FinancingNetwork network, Stream stream, IReadOnlyList<GraphMlColumn>? nodeColumns = null, IReadOnlyList<GraphMlColumn>? edgeColumns = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        nodeColumns ??= [];
        edgeColumns ??= [];
        var nodeAttributes = network.Entities.SelectMany(e => e.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var edgeAttributes = network.Links.SelectMany(l => l.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var nodeKeys = nodeAttributes.Select(a => AttributeColumns.Column(a, FieldSchema.Entities, "label")).ToArray();
        var edgeKeys = edgeAttributes.Select(a => AttributeColumns.Column(a, FieldSchema.Links, "weight")).ToArray();
        CheckColumns(nodeColumns, network.EntityCount, FieldSchema.Entities.Names.Concat(nodeKeys), "node");
        CheckColumns(edgeColumns, network.LinkCount, FieldSchema.Links.Names.Concat(edgeKeys).Append("id"), "edge");

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", GraphMlSchema.Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");

        foreach (var (name, type) in GraphFields)
        {
            Key(xml, "g_" + name, "graph", name, type);
        }

        for (var f = 0; f < NodeFields.Length; f++)
        {
            Key(xml, NodeKeys[f], "node", NodeFields[f].Name, NodeFields[f].GraphMlType);
        }

        for (var i = 0; i < nodeAttributes.Length; i++)
        {
            Key(xml, Id("na", i), "node", nodeKeys[i], "string");
        }

        for (var i = 0; i < nodeColumns.Count; i++)
        {
            Key(xml, Id("nx", i), "node", nodeColumns[i].Name, nodeColumns[i].Type);
        }

        for (var f = 0; f < EdgeFields.Length; f++)
        {
            Key(xml, EdgeKeys[f], "edge", EdgeFields[f].Name, EdgeFields[f].GraphMlType);
        }

        for (var i = 0; i < edgeAttributes.Length; i++)
        {
            Key(xml, Id("ea", i), "edge", edgeKeys[i], "string");
        }

        for (var i = 0; i < edgeColumns.Count; i++)
        {
            Key(xml, Id("ex", i), "edge", edgeColumns[i].Name, edgeColumns[i].Type);
        }

        xml.WriteStartElement("graph", GraphMlSchema.Namespace);
        xml.WriteAttributeString("id", "G");
        xml.WriteAttributeString("edgedefault", "directed");
        var metadata = network.Metadata;
        Data(xml, "g_format", NetworkMetadata.CurrentFormat);
        Data(xml, "g_title", metadata.Title);
        Data(xml, "g_unit", metadata.Unit);
        Data(xml, "g_asOf", metadata.AsOf);
        Data(xml, "g_description", metadata.Description);
        if (!metadata.Sources.IsDefaultOrEmpty)
        {
            Data(xml, "g_sources", GraphMlJson.WriteStrings(metadata.Sources));
        }

        if (!metadata.Annotations.IsDefaultOrEmpty)
        {
            Data(xml, "g_annotations", GraphMlJson.WriteAnnotations(metadata.Annotations));
        }

        if (!network.Assets.IsDefaultOrEmpty)
        {
            Data(xml, "g_assets", JsonNetworkWriter.AssetsJson(network));
        }

        if (!network.Holdings.IsDefaultOrEmpty)
        {
            Data(xml, "g_holdings", JsonNetworkWriter.HoldingsJson(network));
        }

        for (var v = 0; v < network.EntityCount; v++)
        {
            var e = network.Entities[v];
            if (FirstBadXmlText(e, FieldSchema.Entities, e.Attributes) is { } badEntityText)
            {
                throw NotXmlText($"entity '{e.Id}'", badEntityText);
            }

            xml.WriteStartElement("node", GraphMlSchema.Namespace);
            xml.WriteAttributeString("id", e.Id);
            for (var f = 0; f < NodeFields.Length; f++)
            {
                Data(xml, NodeKeys[f], NodeFields[f].Format(e));
            }

            for (var i = 0; i < nodeAttributes.Length; i++)
            {
                Data(xml, Id("na", i), e.Attributes.TryGetValue(nodeAttributes[i], out var value) ? value : null);
            }

            for (var i = 0; i < nodeColumns.Count; i++)
            {
                Data(xml, Id("nx", i), nodeColumns[i].Values[v]);
            }

            xml.WriteEndElement();
        }

        for (var l = 0; l < network.LinkCount; l++)
        {
            var link = network.Links[l];
            if (FirstBadXmlText(link, FieldSchema.Links, link.Attributes) is { } badLinkText)
            {
                throw NotXmlText(string.Create(CultureInfo.InvariantCulture, $"link #{l}"), badLinkText);
            }

            xml.WriteStartElement("edge", GraphMlSchema.Namespace);
            xml.WriteAttributeString("id", Id("e", l));
            xml.WriteAttributeString("source", link.From);
            xml.WriteAttributeString("target", link.To);
            for (var f = 0; f < EdgeFields.Length; f++)
            {
                Data(xml, EdgeKeys[f], EdgeFields[f].Format(link));
            }

            for (var i = 0; i < edgeAttributes.Length; i++)
            {
                Data(xml, Id("ea", i), link.Attributes.TryGetValue(edgeAttributes[i], out var value) ? value : null);
            }

            for (var i = 0; i < edgeColumns.Count; i++)
            {
                Data(xml, Id("ex", i), edgeColumns[i].Values[l]);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void CheckColumns(IReadOnlyList<GraphMlColumn> columns, int count, IEnumerable<string> taken, string what)
    {
        var names = new HashSet<string>(taken, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            ArgumentNullException.ThrowIfNull(column);
            if (!names.Add(column.Name))
            {
                throw new ArgumentException($"The extra {what} column '{column.Name}' clashes with a field, an attribute or another column.", nameof(columns));
            }

            if (!GraphMlSchema.Types.Contains(column.Type))
            {
                throw new ArgumentException($"The extra {what} column '{column.Name}' has unknown type '{column.Type}'; expected one of {string.Join(", ", GraphMlSchema.Types)}.", nameof(columns));
            }

            if (column.Values.Count != count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The extra {what} column '{column.Name}' has {column.Values.Count} values; the network has {count}."), nameof(columns));
            }
        }
    }

    /// <summary>
    /// XML 1.0 cannot carry most control characters, even escaped: the error for the first free-text field or attribute
    /// of the record that holds one, or <see langword="null"/>.
    /// </summary>
    private static XmlException? FirstBadXmlText<TRecord>(TRecord record, RecordFields<TRecord> fields, System.Collections.Immutable.ImmutableSortedDictionary<string, string> attributes)
        where TRecord : class
    {
        foreach (var field in fields.All)
        {
            if (field.Kind == FieldKind.Text && BadXmlText(field.Format(record)) is { } error)
            {
                return error;
            }
        }

        foreach (var (key, value) in attributes)
        {
            if ((BadXmlText(key) ?? BadXmlText(value)) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static XmlException? BadXmlText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            XmlConvert.VerifyXmlChars(text);
            return null;
        }
        catch (XmlException error)
        {
            return error;
        }
    }

    private static ArgumentException NotXmlText(string subject, XmlException error) =>
        new($"{subject} cannot be written as GraphML: {error.Message} (XML 1.0 cannot carry control characters; use JSON or CSV)", error);

    private static string Id(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);

    private static void Key(XmlWriter xml, string id, string target, string name, string type)
    {
        xml.WriteStartElement("key", GraphMlSchema.Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", target);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("data", GraphMlSchema.Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
