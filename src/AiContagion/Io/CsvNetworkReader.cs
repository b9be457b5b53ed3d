using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;
using nietras.SeparatedValues;

namespace AiContagion.Io;

/// <summary>
/// Reads the CSV pair: a folder holding <c>entities.csv</c> and <c>links.csv</c> (plus the optional
/// <c>network.csv</c> metadata, <c>annotations.csv</c>, and the holdings layer's <c>assets.csv</c> and
/// <c>holdings.csv</c>, whose unknown columns are errors). Columns are found by header name (any order, case
/// ignored); <b>unknown columns are kept</b> as string attributes of the entity or link (an empty cell means
/// no attribute). RFC 4180 quoting, invariant culture, UTF-8 (a byte-order mark is accepted).
/// </summary>
/// <remarks>
/// <para>Every problem (missing column, wrong number of fields, stray quote, bad number, unknown entity, ...)
/// is reported with file, line and column name, all at once; no partial network is returned.</para>
/// <para>An empty cell is an absent value; a quoted empty cell (<c>""</c>) is an empty string. Splitting
/// uses the Sep library (SIMD); quoting is validated and unescaped here, because Sep accepts malformed quoting
/// silently. Thread-safe.</para>
/// </remarks>
public static class CsvNetworkReader
{
    /// <summary>Reads a network from a CSV folder.</summary>
    /// <param name="folder">The folder holding <c>entities.csv</c> and <c>links.csv</c>.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The files are not a valid network.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static FinancingNetwork ReadFolder(string folder)
    {
        var (entities, links, network, annotations, assets, holdings) = Sources(folder);
        return ReadCore(entities, links, network, annotations, assets, holdings);
    }

    private static (CsvSource Entities, CsvSource Links, CsvSource? Network, CsvSource? Annotations, CsvSource? Assets, CsvSource? Holdings) Sources(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No such folder: '{folder}'.");
        }

        var entities = Path.Combine(folder, CsvSchema.EntitiesFile);
        var links = Path.Combine(folder, CsvSchema.LinksFile);
        var missing = new List<NetworkProblem>();
        foreach (var required in new[] { entities, links })
        {
            if (!File.Exists(required))
            {
                missing.Add(new NetworkProblem(new SourceLocation(required), null, null,
                    $"missing file; a CSV network is a folder holding {CsvSchema.EntitiesFile} and {CsvSchema.LinksFile}"));
            }
        }

        if (missing.Count > 0)
        {
            throw new NetworkFormatException(missing);
        }

        var network = Path.Combine(folder, CsvSchema.NetworkFile);
        var annotations = Path.Combine(folder, CsvSchema.AnnotationsFile);
        var assets = Path.Combine(folder, CsvSchema.AssetsFile);
        var holdings = Path.Combine(folder, CsvSchema.HoldingsFile);
        return (
            CsvSource.FromFile(entities),
            CsvSource.FromFile(links),
            File.Exists(network) ? CsvSource.FromFile(network) : null,
            File.Exists(annotations) ? CsvSource.FromFile(annotations) : null,
            File.Exists(assets) ? CsvSource.FromFile(assets) : null,
            File.Exists(holdings) ? CsvSource.FromFile(holdings) : null);
    }

    /// <summary>Reads a network with a holdings layer from CSV texts.</summary>
    /// <param name="entities">The entities file.</param>
    /// <param name="links">The links file.</param>
    /// <param name="network">The metadata file, or <see langword="null"/>.</param>
    /// <param name="annotations">The annotations file, or <see langword="null"/>.</param>
    /// <param name="assets">The assets file (<see cref="CsvSchema.AssetsFile"/>), or <see langword="null"/>.</param>
    /// <param name="holdings">The holdings file (<see cref="CsvSchema.HoldingsFile"/>), or <see langword="null"/>.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The texts are not a valid network.</exception>
    public static FinancingNetwork ReadWithHoldings(CsvSource entities, CsvSource links, CsvSource? network, CsvSource? annotations, CsvSource? assets, CsvSource? holdings)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(links);
        return ReadCore(entities, links, network, annotations, assets, holdings);
    }

    /// <summary>Reads a network from CSV texts.</summary>
    /// <param name="entities">The entities file.</param>
    /// <param name="links">The links file.</param>
    /// <param name="network">The optional metadata file.</param>
    /// <param name="annotations">The optional annotations file.</param>
    /// <returns>The network.</returns>
    /// <exception cref="NetworkFormatException">The texts are not a valid network.</exception>
    public static FinancingNetwork Read(CsvSource entities, CsvSource links, CsvSource? network = null, CsvSource? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(links);
        return ReadCore(entities, links, network, annotations, null, null);
    }

    /// <summary>
    /// <see cref="Read"/> with the links file split into <paramref name="pieces"/> pieces read at the same time whatever its
    /// size (when it can be split, <see cref="CsvChunks"/>): tests compare it with the sequential read.
    /// </summary>
    internal static FinancingNetwork ReadInPieces(CsvSource entities, CsvSource links, int pieces) => ReadCore(entities, links, null, null, null, null, pieces);

    /// <summary>
    /// Checks a CSV folder as <see cref="ReadFolder"/> does, reporting the very same problems, without building the
    /// network (no compact index, no immutable copies): what <c>aicontagion validate</c> needs.
    /// </summary>
    /// <returns>The numbers of entities and links, when valid.</returns>
    /// <exception cref="NetworkFormatException">The files are not a valid network.</exception>
    internal static (int Entities, int Links) CheckFolder(string folder)
    {
        var (entities, links, network, annotations, assets, holdings) = Sources(folder);
        var problems = new List<NetworkProblem>();
        var builder = ReadInto(entities, links, network, annotations, assets, holdings, 0, problems);
        var validation = builder.Validate();
        if (validation.Count == 0 && problems.Count == 0)
        {
            return (builder.EntityCount, builder.LinkCount);
        }

        throw new NetworkFormatException([.. problems, .. validation]);
    }

    private static FinancingNetwork ReadCore(CsvSource entities, CsvSource links, CsvSource? network, CsvSource? annotations, CsvSource? assets, CsvSource? holdings, int pieces = 0)
    {
        var problems = new List<NetworkProblem>();
        var builder = ReadInto(entities, links, network, annotations, assets, holdings, pieces, problems);
        var valid = builder.TryBuild(out var built, out var validation);
        if (valid && problems.Count == 0)
        {
            return built!;
        }

        throw new NetworkFormatException([.. problems, .. validation]);
    }

    private static FinancingNetworkBuilder ReadInto(
        CsvSource entities, CsvSource links, CsvSource? network, CsvSource? annotations, CsvSource? assets, CsvSource? holdings, int pieces, List<NetworkProblem> problems)
    {
        var builder = new FinancingNetworkBuilder();
        var metadata = network is null ? NetworkMetadata.Empty : ReadMetadata(network, problems);
        if (annotations is not null)
        {
            metadata = metadata with { Annotations = ReadAnnotations(annotations, problems) };
        }

        builder.WithMetadata(metadata);
        builder.SetLocationFiles(entities.Name, links.Name);
        var positions = new EntityPositions();
        ReadEntities(entities, builder, problems, positions);
        ReadLinks(links, builder, problems, positions, pieces);
        builder.SetHoldingLocationFiles(assets?.Name, holdings?.Name);
        var assetPositions = new EntityPositions();
        if (assets is not null)
        {
            ReadAssets(assets, builder, problems, assetPositions);
        }

        if (holdings is not null)
        {
            ReadHoldings(holdings, builder, problems, positions, assetPositions);
        }

        return builder;
    }

    private static void ReadEntities(CsvSource source, FinancingNetworkBuilder builder, List<NetworkProblem> problems, EntityPositions positions)
    {
        var table = CsvTable.Open(source, CsvSchema.EntityColumns, ["id", "sector"], problems);
        if (table is null)
        {
            return;
        }

        using (table)
        {
            var c = table.Columns;
            int id = c["id"], name = c["name"], sector = c["sector"];
            var optional = table.OptionalFields(FieldSchema.Entities);
            if (source.LineBreaks > 0)
            {
                positions.Reserve(source.LineBreaks);
                builder.ReserveEntities(source.LineBreaks);
            }

            while (table.Next(out var line))
            {
                var idText = table.Text(id, "id", required: true);
                var sectorText = table.Text(sector, "sector", required: true);
                var sectorValue = Sector.Other;
                if (sectorText is not null && !SectorFacts.TryParse(sectorText, out sectorValue))
                {
                    table.Problem("sector", $"unknown sector '{sectorText}'; expected one of {SectorFacts.AllNames}");
                }

                var entity = new Entity(idText ?? string.Empty, sectorValue, table.Text(name, "name")) { Attributes = table.ExtraAttributes() };
                entity = table.ReadFields(optional, entity);
                if (idText is not null)
                {
                    positions.Add(entity.Id, builder.EntityCount);
                    builder.AddEntityAt(entity, line);
                }
            }
        }
    }

    private static void ReadLinks(CsvSource source, FinancingNetworkBuilder builder, List<NetworkProblem> problems, EntityPositions positions, int pieces)
    {
        var parts = pieces > 0 ? pieces : Environment.ProcessorCount;
        if (source.IsFile && CsvChunks.TryPlan(source.Name, parts, pieces > 0 ? 0 : CsvChunks.MinimumBytes, out var plan))
        {
            ReadLinkPieces(source, builder, problems, positions, plan);
            return;
        }

        var table = CsvTable.Open(source, CsvSchema.LinkColumns, ["from", "to", "kind", "amount"], problems);
        if (table is null)
        {
            return;
        }

        using (table)
        {
            var rows = ReadLinkRows(table, positions, Math.Max(0, source.LineBreaks));
            builder.ReserveLinks(rows.Links.Count);
            builder.AddLinksAt(rows.Links, rows.Lines, rows.From, rows.To);
        }
    }

    /// <summary>
    /// Reads the links file in pieces at the same time (<see cref="CsvChunks"/>): each piece's rows into its own lists,
    /// then the pieces in file order, so the links, their lines and the problems are those of one sequential read.
    /// </summary>
    private static void ReadLinkPieces(
        CsvSource source, FinancingNetworkBuilder builder, List<NetworkProblem> problems, EntityPositions positions, CsvChunks.Piece[] pieces)
    {
        var first = CsvTable.Open(CsvSource.FirstPiece(source.Name, pieces[0].Length), CsvSchema.LinkColumns, ["from", "to", "kind", "amount"], problems);
        if (first is null)
        {
            return;
        }

        var rows = new LinkRows[pieces.Length];
        var pieceProblems = new List<NetworkProblem>[pieces.Length];
        Parallel.For(0, pieces.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var piece = pieces[k];
            pieceProblems[k] = k == 0 ? problems : [];
            using var table = k == 0 ? first : first.Chunk(CsvChunks.Open(source.Name, piece), piece.LineOffset, pieceProblems[k]);
            rows[k] = ReadLinkRows(table, positions, piece.LineBreaks);
        });

        builder.ReserveLinks(rows.Sum(r => r.Links.Count));
        for (var k = 0; k < pieces.Length; k++)
        {
            builder.AddLinksAt(rows[k].Links, rows[k].Lines, rows[k].From, rows[k].To);
            if (k > 0)
            {
                problems.AddRange(pieceProblems[k]);
            }
        }
    }

    /// <summary>The rows of a links table: each link with its line and its endpoints' positions (−1: no such entity).</summary>
    private static LinkRows ReadLinkRows(CsvTable table, EntityPositions positions, int capacity)
    {
        var rows = new LinkRows(capacity);
        var c = table.Columns;
        int from = c["from"], to = c["to"], kind = c["kind"], amount = c["amount"];
        var optional = table.OptionalFields(FieldSchema.Links);
        while (table.Next(out var line))
        {
            table.Endpoints(from, to, positions, out var fromIndex, out var fromId, out var toIndex, out var toId);
            var kindValue = table.Kind(kind);
            var amountValue = table.Number(amount, "amount", required: true);
            var link = new Link(fromId ?? string.Empty, toId ?? string.Empty, kindValue, amountValue ?? 0) { Attributes = table.ExtraAttributes() };
            link = table.ReadFields(optional, link);
            if (fromId is not null && toId is not null)
            {
                rows.Links.Add(link);
                rows.Lines.Add(line);
                rows.From.Add(fromIndex);
                rows.To.Add(toIndex);
            }
        }

        return rows;
    }

    /// <summary>Links read from (a piece of) a links file, in file order.</summary>
    private sealed class LinkRows(int capacity)
    {
        public List<Link> Links { get; } = new(capacity);

        public List<int> Lines { get; } = new(capacity);

        public List<int> From { get; } = new(capacity);

        public List<int> To { get; } = new(capacity);
    }

    private static void ReadAssets(CsvSource source, FinancingNetworkBuilder builder, List<NetworkProblem> problems, EntityPositions positions)
    {
        var table = CsvTable.Open(source, CsvSchema.AssetColumns, ["id"], problems);
        if (table is null)
        {
            return;
        }

        using (table)
        {
            var c = table.Columns;
            int id = c["id"], name = c["name"];
            var optional = table.OptionalFields(FieldSchema.Assets);
            while (table.Next(out var line))
            {
                var idText = table.Text(id, "id", required: true);
                var asset = table.ReadFields(optional, new Asset(idText ?? string.Empty, table.Text(name, "name")));
                table.RejectExtraColumns();
                if (idText is not null)
                {
                    positions.Add(asset.Id, builder.AssetCount);
                    builder.AddAssetAt(asset, line);
                }
            }
        }
    }

    private static void ReadHoldings(CsvSource source, FinancingNetworkBuilder builder, List<NetworkProblem> problems, EntityPositions entities, EntityPositions assets)
    {
        var table = CsvTable.Open(source, CsvSchema.HoldingColumns, ["entity", "asset", "amount"], problems);
        if (table is null)
        {
            return;
        }

        using (table)
        {
            var c = table.Columns;
            int entity = c["entity"], asset = c["asset"], amount = c["amount"];
            var optional = table.OptionalFields(FieldSchema.Holdings);
            while (table.Next(out var line))
            {
                // Endpoint shares the entity's and the asset's own id strings (no string per row at 10^6 holdings).
                table.Endpoint(entity, "entity", entities, out var entityId);
                table.Endpoint(asset, "asset", assets, out var assetId);
                var value = table.Number(amount, "amount", required: true);
                var holding = table.ReadFields(optional, new Holding(entityId ?? string.Empty, assetId ?? string.Empty, value ?? 0));
                table.RejectExtraColumns();
                if (entityId is not null && assetId is not null && value is not null)
                {
                    builder.AddHoldingAt(holding, line);
                }
            }
        }
    }

    private static NetworkMetadata ReadMetadata(CsvSource source, List<NetworkProblem> problems)
    {
        var metadata = NetworkMetadata.Empty;
        var sources = ImmutableArray.CreateBuilder<string>();
        var table = CsvTable.Open(source, ["key", "value"], ["key", "value"], problems);
        if (table is null)
        {
            return metadata;
        }

        using (table)
        {
            var key = table.Columns["key"];
            var value = table.Columns["value"];
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (table.Next(out _))
            {
                var name = table.Text(key, "key", required: true);
                var text = table.Text(value, "value");
                if (name is null)
                {
                    continue;
                }

                if (!name.Equals("source", StringComparison.OrdinalIgnoreCase) && !seen.Add(name))
                {
                    table.Problem("key", $"'{name}' appears twice");
                    continue;
                }

                switch (name.ToUpperInvariant())
                {
                    case "FORMAT":
                        if (text != NetworkMetadata.CurrentFormat)
                        {
                            table.Problem("value", $"unsupported format '{text}'; this version reads '{NetworkMetadata.CurrentFormat}'");
                        }

                        break;
                    case "TITLE":
                        metadata = metadata with { Title = text };
                        break;
                    case "UNIT":
                        metadata = metadata with { Unit = text ?? NetworkMetadata.DefaultUnit };
                        break;
                    case "ASOF":
                        metadata = metadata with { AsOf = text };
                        break;
                    case "DESCRIPTION":
                        metadata = metadata with { Description = text };
                        break;
                    case "SOURCE":
                        sources.Add(text ?? string.Empty);
                        break;
                    default:
                        table.Problem("key", $"unknown key '{name}'; expected one of {string.Join(", ", CsvSchema.NetworkKeys)}");
                        break;
                }
            }
        }

        return metadata with { Sources = sources.ToImmutable() };
    }

    private static ImmutableArray<Annotation> ReadAnnotations(CsvSource source, List<NetworkProblem> problems)
    {
        var result = ImmutableArray.CreateBuilder<Annotation>();
        var table = CsvTable.Open(source, CsvSchema.AnnotationColumns, ["reason"], problems);
        if (table is null)
        {
            return [];
        }

        using (table)
        {
            var c = table.Columns;
            while (table.Next(out _))
            {
                var reason = table.Text(c["reason"], "reason", required: true);
                result.Add(new Annotation(reason ?? string.Empty)
                {
                    From = table.Text(c["from"], "from"),
                    To = table.Text(c["to"], "to"),
                    Type = table.Text(c["type"], "type"),
                    Amount = table.Number(c["amount"], "amount"),
                    AmountKind = table.Text(c["amountKind"], "amountKind"),
                    Date = table.Text(c["date"], "date"),
                    Source = table.Text(c["source"], "source"),
                    Note = table.Text(c["note"], "note"),
                });
                table.RejectExtraColumns();
            }
        }

        return result.ToImmutable();
    }
}

/// <summary>One CSV file for <see cref="CsvNetworkReader.Read"/>: a file on disk (streamed) or a text in memory.</summary>
public sealed class CsvSource
{
    private readonly string? _text;
    private readonly long _firstPiece;

    private CsvSource(string name, string? text, long firstPiece = -1)
    {
        Name = name;
        _text = text;
        _firstPiece = firstPiece;
    }

    /// <summary>The file name used in error messages.</summary>
    public string Name { get; }

    /// <summary>Line breaks (<c>\n</c>) counted when the file's encoding was checked; −1 before, or for a text.</summary>
    internal int LineBreaks { get; private set; } = -1;

    /// <summary>Whether this is a whole file on disk (not a text, nor the first piece of a file).</summary>
    internal bool IsFile => _text is null && _firstPiece < 0;

    /// <summary>A CSV file on disk, read in a stream (no copy of the whole file in memory).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The source.</returns>
    public static CsvSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new CsvSource(path, null);
    }

    /// <summary>A CSV text in memory.</summary>
    /// <param name="name">The name used in error messages.</param>
    /// <param name="text">The CSV text (a leading byte-order mark is ignored).</param>
    /// <returns>The source.</returns>
    public static CsvSource FromText(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        return new CsvSource(name, text.StartsWith('\uFEFF') ? text[1..] : text);
    }

    /// <summary>The first piece (<see cref="CsvChunks"/>) of a file whose whole was already checked: the header and the rows up to the first split.</summary>
    internal static CsvSource FirstPiece(string path, long length) => new(path, null, length);

    /// <summary>A problem when a file source is not valid UTF-8 (texts are already decoded; pieces were checked with their file).</summary>
    internal NetworkProblem? CheckEncoding()
    {
        if (!IsFile)
        {
            return null;
        }

        var problem = Utf8Validation.CheckFile(Name, out var lineBreaks);
        LineBreaks = lineBreaks;
        return problem;
    }

    /// <summary>Whether the source holds nothing but white space (for a piece: its whole file).</summary>
    internal bool IsBlank()
    {
        if (_text is not null)
        {
            return string.IsNullOrWhiteSpace(_text);
        }

        var info = new FileInfo(Name);
        return info.Length == 0 || (info.Length < 4096 && string.IsNullOrWhiteSpace(File.ReadAllText(Name)));
    }

    /// <summary>Opens a Sep reader over the source.</summary>
    internal SepReader Open(SepReaderOptions options) =>
        _text is not null ? options.FromText(_text)
        : _firstPiece >= 0 ? options.From(CsvChunks.Open(Name, new CsvChunks.Piece(0, _firstPiece, 0, 0)))
        : options.FromFile(Name);
}
