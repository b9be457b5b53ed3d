using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// Reads the native JSON format (<c>"format": "aicontagion/1"</c>, documented in <c>graphs/README.md</c>).
/// Every problem (syntax, wrong type, unknown or missing field, invalid value, unknown entity) is reported at
/// once with its JSON path; no partial network is ever returned.
/// </summary>
/// <remarks>
/// Strict by design: unknown properties are errors (with the nearest known name suggested), numbers must be
/// JSON numbers within the range of <see cref="double"/>, and extra named values go in an explicit
/// <c>attributes</c> object. A UTF-8 byte-order mark is accepted; comments and trailing commas are not.
/// Thread-safe (no shared state).
/// </remarks>
public static class JsonNetworkReader
{
    private static readonly string[] TopFields = ["format", "title", "unit", "asOf", "description", "sources", "entities", "links", "assets", "holdings", "annotations"];
    private static readonly string[] EntityFields = [.. FieldSchema.Entities.Names, "attributes"];
    private static readonly string[] LinkFields = [.. FieldSchema.Links.Names, "attributes"];
    private static readonly string[] AssetFields = [.. FieldSchema.Assets.Names];
    private static readonly string[] HoldingFields = [.. FieldSchema.Holdings.Names];
    private static readonly string[] PaymentFields = ["date", "amount"];
    private static readonly string[] AnnotationFields = ["from", "to", "type", "amount", "amountKind", "date", "source", "reason", "note"];

    /// <summary>Reads a network from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The file is not a valid network; every problem is listed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static FinancingNetwork ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadOwned(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a network from a stream of UTF-8 JSON.</summary>
    /// <param name="stream">The stream; read to its end.</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The input is not a valid network.</exception>
    public static FinancingNetwork Read(Stream stream, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ReadOwned(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), fileName);
    }

    /// <summary>Reads a network from a JSON string.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The input is not a valid network.</exception>
    public static FinancingNetwork Parse(string json, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), fileName);
    }

    /// <summary>Reads a network from UTF-8 JSON bytes.</summary>
    /// <param name="utf8">The bytes (a leading byte-order mark is skipped).</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The input is not a valid network.</exception>
    public static FinancingNetwork Read(ReadOnlySpan<byte> utf8, string? fileName = null) =>
        TryRead(utf8, fileName, out var network, out var problems)
            ? network
            : throw new NetworkFormatException(problems);

    /// <summary>Tries to read a network from UTF-8 JSON bytes without throwing for bad input.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <param name="network">The network, when valid.</param>
    /// <param name="problems">Every problem, when invalid.</param>
    /// <returns>Whether the input is a valid network.</returns>
    public static bool TryRead(
        ReadOnlySpan<byte> utf8,
        string? fileName,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FinancingNetwork? network,
        out IReadOnlyList<NetworkProblem> problems) =>
        TryReadOwned(utf8.ToArray(), fileName, out network, out problems);

    // Reads bytes the caller hands over (a file's or a stream's buffer): the parsed document keeps them without
    // another copy, which matters at 10^6 links (a 130 MB file).
    private static FinancingNetwork ReadOwned(ReadOnlyMemory<byte> utf8, string? fileName) =>
        TryReadOwned(utf8, fileName, out var network, out var problems)
            ? network
            : throw new NetworkFormatException(problems);

    private static bool TryReadOwned(
        ReadOnlyMemory<byte> owned,
        string? fileName,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FinancingNetwork? network,
        out IReadOnlyList<NetworkProblem> problems)
    {
        network = null;
        if (owned.Span.StartsWith("\uFEFF"u8))
        {
            owned = owned[3..];
        }

        var utf8 = owned.Span;
        if (utf8.Length >= 2 && ((utf8[0] == 0xFF && utf8[1] == 0xFE) || (utf8[0] == 0xFE && utf8[1] == 0xFF)))
        {
            problems = [new NetworkProblem(new SourceLocation(fileName, 1, "$"), null, null, "the file is UTF-16 encoded; save it as UTF-8")];
            return false;
        }

        if (Utf8Validation.Check(utf8, fileName) is { } encoding)
        {
            problems = [encoding];
            return false;
        }

        if (utf8.IsEmpty || utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            problems = [new NetworkProblem(new SourceLocation(fileName, 1, "$"), null, null, "the file is empty; expected a JSON object with \"format\": \"aicontagion/1\"")];
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(owned, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException error)
        {
            var line = (int)(error.LineNumber ?? 0) + 1;
            var column = (int)(error.BytePositionInLine ?? 0) + 1;
            problems = [new NetworkProblem(
                new SourceLocation(fileName, line, error.Path ?? "$"),
                null,
                null,
                string.Create(CultureInfo.InvariantCulture, $"malformed JSON at column {column}: {TrimParserMessage(error.Message)}"))];
            return false;
        }

        using (document)
        {
            var context = new Context(fileName);
            var builder = context.Read(document.RootElement);
            if (builder is null)
            {
                problems = context.Problems;
                return false;
            }

            // Report field-level and network-level problems together (an entity with a bad sector is still
            // added, so links to it do not also read as links to an unknown entity).
            var valid = builder.TryBuild(out var built, out var validation);
            if (valid && context.Problems.Count == 0)
            {
                network = built!;
                problems = [];
                return true;
            }

            problems = [.. context.Problems, .. validation];
            return false;
        }
    }

    /// <summary>
    /// Reads one array of the holdings layer (<c>assets</c> or <c>holdings</c>) given as JSON text, as GraphML carries
    /// it in graph data, into the builder; problems are located at the file, the data element's line and the JSON path.
    /// </summary>
    internal static void ReadHoldingsLayer(string json, string name, string? fileName, int line, FinancingNetworkBuilder builder, List<NetworkProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException error)
        {
            problems.Add(new NetworkProblem(new SourceLocation(fileName, line, "$." + name), "graph", name, $"malformed JSON in the '{name}' data: {TrimParserMessage(error.Message)}"));
            return;
        }

        using (document)
        {
            var context = new Context(fileName, line);
            context.ReadHoldingsLayerArray(document.RootElement, name, builder);
            problems.AddRange(context.Problems);
        }
    }

    private static string TrimParserMessage(string message)
    {
        // System.Text.Json appends " Path: $ | LineNumber: 0 | BytePositionInLine: 3." which we report ourselves.
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }

    private sealed class Context(string? fileName, int? line = null)
    {
        // The optional fields of the entity or link being read (reused from one item to the next).
        private readonly List<(NetworkField<Entity> Field, JsonElement Value)> _entityFields = [];
        private readonly List<(NetworkField<Link> Field, JsonElement Value)> _linkFields = [];
        private readonly List<(NetworkField<Asset> Field, JsonElement Value)> _assetFields = [];
        private readonly List<(NetworkField<Holding> Field, JsonElement Value)> _holdingFields = [];

        public List<NetworkProblem> Problems { get; } = [];

        public FinancingNetworkBuilder? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("$", null, $"expected a JSON object with \"format\": \"{NetworkMetadata.CurrentFormat}\"; got {Describe(root)}");
                return null;
            }

            CheckFields(root, "$", TopFields);
            var format = String(root, "$", "format", required: true);
            if (format is not null && format != NetworkMetadata.CurrentFormat)
            {
                Problem("$.format", "format", $"unsupported format '{format}'; this version reads '{NetworkMetadata.CurrentFormat}'");
            }

            var metadata = new NetworkMetadata
            {
                Title = String(root, "$", "title"),
                Unit = String(root, "$", "unit") ?? NetworkMetadata.DefaultUnit,
                AsOf = String(root, "$", "asOf"),
                Description = String(root, "$", "description"),
                Sources = Strings(root, "$", "sources"),
            };

            var builder = new FinancingNetworkBuilder();
            builder.SetLocationFiles(fileName, fileName);
            var annotations = ImmutableArray.CreateBuilder<Annotation>();
            ForEach(root, "entities", required: true, (element, path, i) => ReadEntity(element, path, i, builder));
            ForEach(root, "links", required: true, (element, path, i) => ReadLink(element, path, i, builder));
            builder.SetHoldingLocationFiles(fileName, fileName);
            ForEach(root, "assets", required: false, (element, path, i) => ReadAsset(element, path, i, builder));
            ForEach(root, "holdings", required: false, (element, path, i) => ReadHolding(element, path, i, builder));
            ForEach(root, "annotations", required: false, (element, path, _) =>
            {
                if (ReadAnnotation(element, path) is { } annotation)
                {
                    annotations.Add(annotation);
                }
            });
            builder.WithMetadata(metadata with { Annotations = annotations.ToImmutable() });
            return builder;
        }

        private void ReadEntity(JsonElement element, string path, int index, FinancingNetworkBuilder builder)
        {
            if (!ExpectObject(element, path, "an entity object"))
            {
                return;
            }

            CheckFields(element, path, EntityFields, FieldSchema.Entities, _entityFields);
            var id = String(element, path, "id", required: true);
            var sectorText = String(element, path, "sector", required: true);
            var sector = Sector.Other;
            if (sectorText is not null && !SectorFacts.TryParse(sectorText, out sector))
            {
                Problem(path + ".sector", "sector", $"unknown sector '{sectorText}'; expected one of {SectorFacts.AllNames}");
            }

            var entity = new Entity(id ?? string.Empty, sector, String(element, path, "name")) { Attributes = Attributes(element, path) };
            entity = ReadFields(_entityFields, path, entity);
            if (id is not null)
            {
                builder.AddEntityAt(entity, 0, index);
            }
        }

        private void ReadLink(JsonElement element, string path, int index, FinancingNetworkBuilder builder)
        {
            if (!ExpectObject(element, path, "a link object"))
            {
                return;
            }

            CheckFields(element, path, LinkFields, FieldSchema.Links, _linkFields);
            var from = String(element, path, "from", required: true);
            var to = String(element, path, "to", required: true);
            var kindText = String(element, path, "kind", required: true);
            LinkKind kind = default;
            if (kindText is not null && !LinkKindFacts.TryParse(kindText, out kind))
            {
                Problem(path + ".kind", "kind", $"unknown kind '{kindText}'; expected one of {LinkKindFacts.AllNames}");
            }

            var amount = Number(element, path, "amount", required: true);
            var link = new Link(from ?? string.Empty, to ?? string.Empty, kind, amount ?? 0) { Attributes = Attributes(element, path) };
            link = ReadFields(_linkFields, path, link);
            if (from is not null && to is not null)
            {
                builder.AddLinkAt(link, 0, index);
            }
        }

        /// <summary>Reads an <c>assets</c> or <c>holdings</c> array given on its own (GraphML graph data).</summary>
        public void ReadHoldingsLayerArray(JsonElement array, string name, FinancingNetworkBuilder builder)
        {
            var path = "$." + name;
            if (array.ValueKind != JsonValueKind.Array)
            {
                Problem(path, name, $"expected an array; got {Describe(array)}");
                return;
            }

            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                if (name == "assets")
                {
                    ReadAsset(element, itemPath, i, builder);
                }
                else
                {
                    ReadHolding(element, itemPath, i, builder);
                }

                i++;
            }
        }

        private void ReadAsset(JsonElement element, string path, int index, FinancingNetworkBuilder builder)
        {
            if (!ExpectObject(element, path, "an asset object such as {\"id\": \"gpu-collateral\", \"marketSize\": 100}"))
            {
                return;
            }

            CheckFields(element, path, AssetFields, FieldSchema.Assets, _assetFields);
            var id = String(element, path, "id", required: true);
            var asset = ReadFields(_assetFields, path, new Asset(id ?? string.Empty, String(element, path, "name")));
            if (id is not null)
            {
                builder.AddAssetAt(asset, 0, index);
            }
        }

        private void ReadHolding(JsonElement element, string path, int index, FinancingNetworkBuilder builder)
        {
            if (!ExpectObject(element, path, "a holding object such as {\"entity\": \"coreweave\", \"asset\": \"gpu-collateral\", \"amount\": 20}"))
            {
                return;
            }

            CheckFields(element, path, HoldingFields, FieldSchema.Holdings, _holdingFields);
            var entity = String(element, path, "entity", required: true);
            var asset = String(element, path, "asset", required: true);
            var amount = Number(element, path, "amount", required: true);
            var holding = ReadFields(_holdingFields, path, new Holding(entity ?? string.Empty, asset ?? string.Empty, amount ?? 0));
            if (entity is not null && asset is not null && amount is not null)
            {
                builder.AddHoldingAt(holding, 0, index);
            }
        }

        /// <summary>Reads the fields the constructor does not take (found by <see cref="CheckFields{TRecord}"/>), as the schema describes them.</summary>
        private TRecord ReadFields<TRecord>(List<(NetworkField<TRecord> Field, JsonElement Value)> present, string path, TRecord record)
            where TRecord : class
        {
            foreach (var (field, value) in present)
            {
                var valuePath = $"{path}.{field.Name}";
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                switch (field.Kind)
                {
                    case FieldKind.Number:
                        if (NumberValue(value, valuePath, field.Name) is { } number)
                        {
                            record = ((TypedField<TRecord, double>)field).Set(record, number);
                        }

                        break;
                    case FieldKind.Boolean:
                        if (BooleanValue(value, valuePath, field.Name) is { } flag)
                        {
                            record = ((TypedField<TRecord, bool>)field).Set(record, flag);
                        }

                        break;
                    case FieldKind.Schedule:
                        if (Schedule(value, valuePath, field.Name) is { } payments)
                        {
                            record = ((TypedField<TRecord, ImmutableArray<ScheduledPayment>>)field).Set(record, payments);
                        }

                        break;
                    default:
                        // Text, months and choices are JSON strings in the field's text encoding.
                        if (StringValue(value, valuePath, field.Name) is { } text)
                        {
                            record = field.Parse(record, text, out var error);
                            if (error is not null)
                            {
                                Problem(valuePath, field.Name, error);
                            }
                        }

                        break;
                }
            }

            return record;
        }

        /// <summary>A schedule: a non-empty array of <c>{"date": "YYYY-MM", "amount": x}</c> objects.</summary>
        private ImmutableArray<ScheduledPayment>? Schedule(JsonElement value, string path, string name)
        {
            const string Example = "[{\"date\": \"2026-03\", \"amount\": 5}, ...]";
            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(path, name, $"expected an array of payments such as {Example}; got {Describe(value)}");
                return null;
            }

            if (value.GetArrayLength() == 0)
            {
                Problem(path, name, "expected at least one payment; leave the field out when there is none");
                return null;
            }

            var payments = ImmutableArray.CreateBuilder<ScheduledPayment>(value.GetArrayLength());
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Problem(itemPath, name, $"expected a payment object such as {{\"date\": \"2026-03\", \"amount\": 5}}; got {Describe(item)}");
                    continue;
                }

                CheckFields(item, itemPath, PaymentFields);
                var dateText = String(item, itemPath, "date", required: true);
                var amount = Number(item, itemPath, "amount", required: true);
                CalendarMonth month = default;
                if (dateText is not null && !MonthCodec.Instance.TryParse(dateText, out month, out var error))
                {
                    Problem(itemPath + ".date", "date", error);
                    dateText = null;
                }

                if (dateText is not null && amount is { } paid)
                {
                    payments.Add(new ScheduledPayment(month, paid));
                }
            }

            return payments.Count == value.GetArrayLength() ? payments.MoveToImmutable() : null;
        }

        private Annotation? ReadAnnotation(JsonElement element, string path)
        {
            if (!ExpectObject(element, path, "an annotation object"))
            {
                return null;
            }

            CheckFields(element, path, AnnotationFields);
            var reason = String(element, path, "reason", required: true);
            return new Annotation(reason ?? string.Empty)
            {
                From = String(element, path, "from"),
                To = String(element, path, "to"),
                Type = String(element, path, "type"),
                Amount = Number(element, path, "amount"),
                AmountKind = String(element, path, "amountKind"),
                Date = String(element, path, "date"),
                Source = String(element, path, "source"),
                Note = String(element, path, "note"),
            };
        }

        private void ForEach(JsonElement parent, string name, bool required, Action<JsonElement, string, int> read)
        {
            var path = "$." + name;
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem(path, name, "missing; expected an array (it may be empty)");
                }

                return;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Problem(path, name, $"expected an array; got {Describe(array)}");
                return;
            }

            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                read(element, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), i);
                i++;
            }
        }

        private bool ExpectObject(JsonElement element, string path, string what)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Problem(path, null, $"expected {what}; got {Describe(element)}");
            return false;
        }

        /// <summary>
        /// <see cref="CheckFields(JsonElement, string, string[])"/> for an entity or a link, which also collects, in the same
        /// pass over the object, the schema fields the constructor does not take (read once the record exists).
        /// </summary>
        private void CheckFields<TRecord>(
            JsonElement element, string path, string[] known, RecordFields<TRecord> fields, List<(NetworkField<TRecord> Field, JsonElement Value)> present)
            where TRecord : class
        {
            present.Clear();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                if (!seen.Add(name))
                {
                    Problem($"{path}.{name}", name, "appears twice in the same object");
                }

                if (fields.FindExact(name) is { } field)
                {
                    if (!field.InConstructor)
                    {
                        present.Add((field, property.Value));
                    }
                }
                else if (name != "attributes" || known == AssetFields || known == HoldingFields)
                {
                    UnknownField(path, name, known);
                }
            }
        }

        private void CheckFields(JsonElement element, string path, string[] known)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    Problem($"{path}.{property.Name}", property.Name, "appears twice in the same object");
                }

                if (Array.IndexOf(known, property.Name) < 0)
                {
                    UnknownField(path, property.Name, known);
                }
            }
        }

        private void UnknownField(string path, string name, string[] known)
        {
            var hint = Nearest(name, known);
            var extras = known == AssetFields || known == HoldingFields ? " (assets and holdings carry no attributes; use \"note\")" : " (put extra values in \"attributes\")";
            Problem(
                $"{path}.{name}",
                name,
                hint is null
                    ? $"unknown field; expected one of {string.Join(", ", known)}{extras}"
                    : $"unknown field; did you mean '{hint}'?{extras}");
        }

        private string? String(JsonElement parent, string parentPath, string name, bool required = false)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem($"{parentPath}.{name}", name, "missing required field");
                }

                return null;
            }

            return StringValue(value, $"{parentPath}.{name}", name);
        }

        private string? StringValue(JsonElement value, string path, string name)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Problem(path, name, $"expected a string; got {Describe(value)}");
                return null;
            }

            return value.GetString();
        }

        private double? Number(JsonElement parent, string parentPath, string name, bool required = false)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem($"{parentPath}.{name}", name, "missing required field; expected a number");
                }

                return null;
            }

            return NumberValue(value, $"{parentPath}.{name}", name);
        }

        private double? NumberValue(JsonElement value, string path, string name)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                Problem(path, name, $"expected a number; got {Describe(value)}");
                return null;
            }

            if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                Problem(path, name, $"number {value.GetRawText()} is out of the range of a double");
                return null;
            }

            return number;
        }

        private bool? BooleanValue(JsonElement value, string path, string name)
        {
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem(path, name, $"expected true or false; got {Describe(value)}");
                return null;
            }

            return value.GetBoolean();
        }

        private ImmutableArray<string> Strings(JsonElement parent, string parentPath, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            var path = $"{parentPath}.{name}";
            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(path, name, $"expected an array of strings; got {Describe(value)}");
                return [];
            }

            var result = ImmutableArray.CreateBuilder<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    result.Add(item.GetString()!);
                }
                else
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), name, $"expected a string; got {Describe(item)}");
                }

                i++;
            }

            return result.ToImmutable();
        }

        private ImmutableSortedDictionary<string, string> Attributes(JsonElement parent, string parentPath)
        {
            var empty = Equality.NoAttributes;
            if (!parent.TryGetProperty("attributes", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return empty;
            }

            var path = parentPath + ".attributes";
            if (value.ValueKind != JsonValueKind.Object)
            {
                Problem(path, "attributes", $"expected an object of string values; got {Describe(value)}");
                return empty;
            }

            var result = empty.ToBuilder();
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    Problem($"{path}.{property.Name}", "attributes", $"expected a string value; got {Describe(property.Value)}");
                    continue;
                }

                result[property.Name] = property.Value.GetString()!;
            }

            return result.ToImmutable();
        }

        private void Problem(string path, string? field, string message) =>
            Problems.Add(new NetworkProblem(new SourceLocation(fileName, line, path), null, field, message));

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string \"{Shorten(element.GetString()!)}\"",
            JsonValueKind.Number => $"the number {element.GetRawText()}",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        };

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

        private static string? Nearest(string name, string[] known)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in known)
            {
                var distance = Levenshtein(name.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = candidate;
                }
            }

            return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
        }

        private static int Levenshtein(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
