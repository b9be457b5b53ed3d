using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// Reads GraphML: what <see cref="GraphMlNetworkWriter"/> writes, and what NetworkX, Gephi and yEd write. Nodes
/// become entities (node id = entity id), edges become links (source = payer, target = recipient). Data are
/// matched to fields by <c>attr.name</c>, case ignored (<c>sector</c> is required on nodes; <c>kind</c> and
/// <c>amount</c> on edges; <c>label</c> stands in for a missing <c>name</c> and <c>weight</c> for a missing
/// <c>amount</c>); other named data are kept as string attributes; key defaults apply; data whose key has no
/// <c>attr.name</c> (yEd graphics) are skipped.
/// </summary>
/// <remarks>
/// <para>Security: DTD processing is prohibited and no external resource is ever resolved, so a file with a
/// <c>&lt;!DOCTYPE&gt;</c> (entity expansion, external entities) is rejected with a clear message.</para>
/// <para>Rejected with file and line: malformed XML, undirected graphs or edges, hyperedges, nested graphs,
/// undeclared keys, bad values. Streams the file (XmlReader), so large files are read in bounded extra
/// memory. Thread-safe.</para>
/// </remarks>
public static class GraphMlNetworkReader
{
    /// <summary>Reads a network from a GraphML file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The file is not a valid network.</exception>
    public static FinancingNetwork ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads a network from a GraphML stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The input is not a valid network.</exception>
    public static FinancingNetwork Read(Stream stream, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var state = new ReaderState(fileName);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CloseInput = false,
        };
        try
        {
            using var xml = XmlReader.Create(stream, settings);
            state.ReadDocument(xml);
        }
        catch (XmlException error)
        {
            var message = error.Message.Contains("DTD", StringComparison.Ordinal)
                ? "a DTD (<!DOCTYPE ...>) is not allowed: DTD processing is off for security (no entity expansion, no external entities); remove the declaration"
                : "malformed XML: " + error.Message;
            state.Problems.Add(new NetworkProblem(new SourceLocation(fileName, error.LineNumber > 0 ? error.LineNumber : null), null, null, message));
        }
        catch (Exception error) when (error is ArgumentOutOfRangeException or System.Text.DecoderFallbackException
            && error.StackTrace?.Contains("System.Xml.", StringComparison.Ordinal) == true)
        {
            // System.Xml (.NET 10) throws these instead of an XmlException for some malformed XML declarations and
            // encodings (e.g. a garbled encoding="..." attribute); found by the GraphML fuzzer.
            state.Problems.Add(new NetworkProblem(new SourceLocation(fileName, 1), null, null, "malformed XML: the XML declaration or the encoding cannot be read (" + error.Message + ")"));
        }

        if (state.Problems.Count > 0 || !state.SawGraph)
        {
            if (!state.SawGraph && state.Problems.Count == 0)
            {
                state.Problems.Add(new NetworkProblem(new SourceLocation(fileName, 1), null, null, "no <graph> element; expected a GraphML document with one directed graph"));
            }

            // Builder problems are reported too when the XML itself was readable.
            if (state.SawGraph && !state.Builder.TryBuild(out _, out var more))
            {
                throw new NetworkFormatException([.. state.Problems, .. more]);
            }

            throw new NetworkFormatException(state.Problems);
        }

        return state.Builder.TryBuild(out var network, out var problems) ? network : throw new NetworkFormatException(problems);
    }

    private sealed record Key(string Id, string For, string? Name, string Type, string? Default);

    private sealed class ReaderState
    {
        private readonly string? fileName;

        public ReaderState(string? fileName)
        {
            this.fileName = fileName;
            Builder.SetLocationFiles(fileName, fileName);
            Builder.SetHoldingLocationFiles(fileName, fileName);
        }

        private readonly Dictionary<string, Key> _keys = new(StringComparer.Ordinal);
        private NetworkMetadata _metadata = NetworkMetadata.Empty;
        private bool _directedByDefault = true;

        public List<NetworkProblem> Problems { get; } = [];

        public FinancingNetworkBuilder Builder { get; } = new();

        public bool SawGraph { get; private set; }

        public void ReadDocument(XmlReader xml)
        {
            xml.MoveToContent();
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "graphml")
            {
                Problem(xml, null, $"the root element is <{xml.LocalName}>; expected <graphml>");
                return;
            }

            if (xml.IsEmptyElement)
            {
                return;
            }

            xml.Read();
            while (xml.NodeType != XmlNodeType.EndElement && !xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "key":
                        ReadKey(xml);
                        break;
                    case "graph" when SawGraph:
                        Problem(xml, null, "more than one <graph>; a file holds one financing network");
                        xml.Skip();
                        break;
                    case "graph":
                        SawGraph = true;
                        ReadGraph(xml);
                        break;
                    default:
                        xml.Skip();
                        break;
                }
            }

            Builder.WithMetadata(_metadata);
        }

        private void ReadKey(XmlReader xml)
        {
            var line = Line(xml);
            var id = xml.GetAttribute("id");
            var target = xml.GetAttribute("for") ?? "all";
            var name = xml.GetAttribute("attr.name");
            var type = xml.GetAttribute("attr.type") ?? "string";
            string? defaultValue = null;
            if (!xml.IsEmptyElement)
            {
                using var subtree = xml.ReadSubtree();
                subtree.Read();
                while (subtree.Read())
                {
                    if (subtree.NodeType == XmlNodeType.Element && subtree.LocalName == "default")
                    {
                        defaultValue = subtree.ReadElementContentAsString();
                        break;
                    }
                }
            }

            xml.Skip();
            if (id is null)
            {
                Problems.Add(new NetworkProblem(new SourceLocation(fileName, line), null, "id", "a <key> needs an id"));
                return;
            }

            if (!GraphMlSchema.Types.Contains(type))
            {
                Problems.Add(new NetworkProblem(new SourceLocation(fileName, line), $"key '{id}'", "attr.type",
                    $"unknown type '{type}'; expected one of {string.Join(", ", GraphMlSchema.Types)}"));
                return;
            }

            if (!_keys.TryAdd(id, new Key(id, target, name, type, defaultValue)))
            {
                Problems.Add(new NetworkProblem(new SourceLocation(fileName, line), $"key '{id}'", "id", "declared twice"));
            }
        }

        private void ReadGraph(XmlReader xml)
        {
            var edgeDefault = xml.GetAttribute("edgedefault");
            _directedByDefault = edgeDefault is null or "directed";
            if (!_directedByDefault)
            {
                Problem(xml, "edgedefault", $"the graph is '{edgeDefault}'; a financing network is directed (edgedefault=\"directed\")");
            }

            if (xml.IsEmptyElement)
            {
                xml.Read();
                return;
            }

            var graphData = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
            xml.Read();
            while (xml.NodeType != XmlNodeType.EndElement && !xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "data":
                        ReadData(xml, "graph", graphData);
                        break;
                    case "node":
                        ReadNode(xml);
                        break;
                    case "edge":
                        ReadEdge(xml);
                        break;
                    case "hyperedge":
                        Problem(xml, null, "hyperedges are not supported; a link joins one payer and one recipient");
                        xml.Skip();
                        break;
                    default:
                        xml.Skip();
                        break;
                }
            }

            xml.Read();
            ApplyGraphData(graphData);
        }

        private void ApplyGraphData(Dictionary<string, (string Value, int Line)> data)
        {
            foreach (var (name, (value, line)) in data)
            {
                var location = new SourceLocation(fileName, line);
                switch (name.ToUpperInvariant())
                {
                    case "FORMAT":
                        if (value != NetworkMetadata.CurrentFormat)
                        {
                            Problems.Add(new NetworkProblem(location, "graph", "format", $"unsupported format '{value}'; this version reads '{NetworkMetadata.CurrentFormat}'"));
                        }

                        break;
                    case "TITLE":
                        _metadata = _metadata with { Title = value };
                        break;
                    case "UNIT":
                        _metadata = _metadata with { Unit = value };
                        break;
                    case "ASOF":
                        _metadata = _metadata with { AsOf = value };
                        break;
                    case "DESCRIPTION":
                        _metadata = _metadata with { Description = value };
                        break;
                    case "SOURCES":
                        var sources = GraphMlJson.ReadStrings(value, out var sourcesError);
                        if (sourcesError is not null)
                        {
                            Problems.Add(new NetworkProblem(location, "graph", "sources", sourcesError));
                        }

                        _metadata = _metadata with { Sources = sources };
                        break;
                    case "ANNOTATIONS":
                        var annotations = GraphMlJson.ReadAnnotations(value, out var annotationsError);
                        if (annotationsError is not null)
                        {
                            Problems.Add(new NetworkProblem(location, "graph", "annotations", annotationsError));
                        }

                        _metadata = _metadata with { Annotations = annotations };
                        break;
                    case "ASSETS":
                    case "HOLDINGS":
                        // The holdings layer: the native JSON's arrays, in string data (graphs/README.md).
                        JsonNetworkReader.ReadHoldingsLayer(value, name.Equals("assets", StringComparison.OrdinalIgnoreCase) ? "assets" : "holdings", fileName, line, Builder, Problems);
                        break;
                    default:
                        // Other graph-level data (e.g. NetworkX graph attributes) carry no meaning here.
                        break;
                }
            }
        }

        private void ReadNode(XmlReader xml)
        {
            var line = Line(xml);
            var id = xml.GetAttribute("id");
            var data = ReadElementData(xml, "node");
            var location = new SourceLocation(fileName, line);
            var subject = id is null ? "node" : $"node '{id}'";
            if (id is null)
            {
                Problems.Add(new NetworkProblem(location, subject, "id", "a <node> needs an id"));
                return;
            }

            var fields = new FieldReader(this, data, location, subject);
            var sectorText = fields.Text("sector", required: true);
            var sector = Sector.Other;
            if (sectorText is not null && !SectorFacts.TryParse(sectorText, out sector))
            {
                fields.Problem("sector", $"unknown sector '{sectorText}'; expected one of {SectorFacts.AllNames}");
            }

            var entity = new Entity(id, sector, fields.Text("name") ?? fields.Text("label"));
            entity = fields.ReadOptional(FieldSchema.Entities, entity);
            if (fields.Rest(FinancingNetworkBuilder.ReservedEntityFields, "label") is { IsEmpty: false } entityAttributes)
            {
                entity = entity with { Attributes = entityAttributes };
            }

            Builder.AddEntityAt(entity, line);
        }

        private void ReadEdge(XmlReader xml)
        {
            var line = Line(xml);
            var source = xml.GetAttribute("source");
            var target = xml.GetAttribute("target");
            var directed = xml.GetAttribute("directed");
            var location = new SourceLocation(fileName, line);
            var subject = $"edge ({source} -> {target})";
            var data = ReadElementData(xml, "edge");
            if (directed is "false" || (directed is null && !_directedByDefault))
            {
                Problems.Add(new NetworkProblem(location, subject, "directed", "undirected edge; a link points the way money moves"));
            }

            if (source is null || target is null)
            {
                Problems.Add(new NetworkProblem(location, subject, source is null ? "source" : "target", "an <edge> needs source and target"));
                return;
            }

            var fields = new FieldReader(this, data, location, subject);
            var kindText = fields.Text("kind", required: true);
            LinkKind kind = default;
            if (kindText is not null && !LinkKindFacts.TryParse(kindText, out kind))
            {
                fields.Problem("kind", $"unknown kind '{kindText}'; expected one of {LinkKindFacts.AllNames}");
            }

            var amount = fields.Has("amount") ? fields.Number("amount", required: true) : fields.Has("weight") ? fields.Number("weight") : fields.Number("amount", required: true);
            var link = new Link(source, target, kind, amount ?? 0);
            link = fields.ReadOptional(FieldSchema.Links, link);
            if (fields.Rest(FinancingNetworkBuilder.ReservedLinkFields, "weight") is { IsEmpty: false } linkAttributes)
            {
                link = link with { Attributes = linkAttributes };
            }

            Builder.AddLinkAt(link, line);
        }

        private Dictionary<string, (string Value, int Line)> ReadElementData(XmlReader xml, string target)
        {
            var data = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
            if (xml.IsEmptyElement)
            {
                xml.Read();
                AddDefaults(data, target, Line(xml));
                return data;
            }

            var elementLine = Line(xml);
            xml.Read();
            while (xml.NodeType != XmlNodeType.EndElement && !xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "data":
                        ReadData(xml, target, data);
                        break;
                    case "graph":
                        Problem(xml, null, "nested graphs are not supported");
                        xml.Skip();
                        break;
                    default:
                        xml.Skip();
                        break;
                }
            }

            xml.Read();
            AddDefaults(data, target, elementLine);
            return data;
        }

        private void AddDefaults(Dictionary<string, (string, int)> data, string target, int line)
        {
            foreach (var key in _keys.Values)
            {
                if (key.Default is not null && key.Name is not null && (key.For == target || key.For == "all"))
                {
                    data.TryAdd(key.Name, (key.Default, line));
                }
            }
        }

        private void ReadData(XmlReader xml, string target, Dictionary<string, (string Value, int Line)> data)
        {
            var line = Line(xml);
            var keyId = xml.GetAttribute("key");
            if (keyId is null || !_keys.TryGetValue(keyId, out var key))
            {
                Problems.Add(new NetworkProblem(new SourceLocation(fileName, line), target, "key",
                    $"<data key=\"{keyId}\"> refers to no declared <key>"));
                xml.Skip();
                return;
            }

            if (key.Name is null)
            {
                // yEd graphics and other tool-specific XML payloads: not data we read.
                xml.Skip();
                return;
            }

            if (key.For != target && key.For != "all")
            {
                Problems.Add(new NetworkProblem(new SourceLocation(fileName, line), target, key.Name,
                    $"key '{key.Id}' is declared for '{key.For}', used on a <{target}>"));
                xml.Skip();
                return;
            }

            var value = xml.ReadElementContentAsString();
            if (!data.TryAdd(key.Name, (value, line)))
            {
                Problems.Add(new NetworkProblem(new SourceLocation(fileName, line), target, key.Name, "given twice"));
            }
        }

        private void Problem(XmlReader xml, string? field, string message) =>
            Problems.Add(new NetworkProblem(new SourceLocation(fileName, Line(xml)), null, field, message));

        private static int Line(XmlReader xml) => xml is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
    }

    private sealed class FieldReader(ReaderState state, Dictionary<string, (string Value, int Line)> data, SourceLocation location, string subject)
    {
        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

        public bool Has(string name) => data.ContainsKey(name);

        public string? Text(string name, bool required = false)
        {
            _used.Add(name);
            if (data.TryGetValue(name, out var value))
            {
                return value.Value;
            }

            if (required)
            {
                Problem(name, "missing required data");
            }

            return null;
        }

        public double? Number(string name, bool required = false)
        {
            var text = Text(name, required)?.Trim();
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Problem(name, $"'{text}' is not a finite number");
                return null;
            }

            return value;
        }

        public bool? Boolean(string name)
        {
            var text = Text(name)?.Trim();
            if (text is null)
            {
                return null;
            }

            if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            Problem(name, $"'{text}' is not a boolean");
            return null;
        }

        /// <summary>Reads every optional field of the schema that the element's data give, as each field's kind says.</summary>
        public TRecord ReadOptional<TRecord>(RecordFields<TRecord> fields, TRecord record)
            where TRecord : class
        {
            // Walk the element's few data rather than the schema's many fields.
            foreach (var name in data.Keys)
            {
                if (fields.Find(name) is not { InConstructor: false } field)
                {
                    continue;
                }

                switch (field.Kind)
                {
                    case FieldKind.Number:
                        if (Number(field.Name) is { } number)
                        {
                            record = ((TypedField<TRecord, double>)field).Set(record, number);
                        }

                        break;
                    case FieldKind.Boolean:
                        if (Boolean(field.Name) is { } flag)
                        {
                            record = ((TypedField<TRecord, bool>)field).Set(record, flag);
                        }

                        break;
                    case FieldKind.Text:
                        record = ((TypedField<TRecord, string>)field).Set(record, Text(field.Name)!);
                        break;
                    default:
                        // Months, choices and schedules: the field's text encoding, surrounding space ignored.
                        record = field.Parse(record, Text(field.Name)!.Trim(), out var error);
                        if (error is not null)
                        {
                            Problem(field.Name, error);
                        }

                        break;
                }
            }

            return record;
        }

        /// <summary>
        /// The data no field took, as attributes: a name written <c>attributes.NAME</c> is the attribute NAME; the alias
        /// and the reserved names (e.g. GraphML's <c>id</c> data) are skipped.
        /// </summary>
        public ImmutableSortedDictionary<string, string> Rest(System.Collections.Frozen.FrozenSet<string> reserved, string alias)
        {
            var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (name, (value, _)) in data)
            {
                if (_used.Contains(name) || reserved.Contains(name) || name.Equals(alias, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                result[AttributeColumns.Attribute(name)] = value;
            }

            return result.ToImmutable();
        }

        public void Problem(string field, string message) =>
            state.Problems.Add(new NetworkProblem(new SourceLocation(location.File, data.TryGetValue(field, out var d) ? d.Line : location.Line), subject, field, message));
    }
}
