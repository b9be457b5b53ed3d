using System.Collections.Immutable;
using System.Globalization;
using AiContagion.Model;
using nietras.SeparatedValues;

namespace AiContagion.Io;

/// <summary>
/// One CSV file being read: header resolution, strict RFC 4180 quote validation and unescaping, typed cell
/// access, and problems that carry file, line and column. Splitting is Sep's; everything else is here.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly SepReader _reader;
    private readonly CsvSource _source;
    private readonly List<NetworkProblem> _problems;
    private readonly int _columnCount;
    private readonly (int Index, string Name)[] _extras;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _idLookup;
    private readonly int _lineOffset;
    private int _line;
    private bool _rowFailed;

    private CsvTable(SepReader reader, CsvSource source, List<NetworkProblem> problems, Dictionary<string, int> columns, (int, string)[] extras, int columnCount, int lineOffset = 0)
    {
        _reader = reader;
        _source = source;
        _problems = problems;
        Columns = columns;
        _extras = extras;
        _columnCount = columnCount;
        _lineOffset = lineOffset;
        _idLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Known column name → index in the file, or −1 when the file has no such column.</summary>
    public Dictionary<string, int> Columns { get; }

    /// <summary>
    /// A table over one later piece of the same file (<see cref="CsvChunks"/>): the rows from a line boundary on, no
    /// header (this table's header is used), line numbers counted from <paramref name="lineOffset"/> + 1, problems
    /// added to <paramref name="problems"/>.
    /// </summary>
    public CsvTable Chunk(Stream piece, int lineOffset, List<NetworkProblem> problems) =>
        new(ChunkOptions.From(piece), _source, problems, Columns, _extras, _columnCount, lineOffset);

    private static SepReaderOptions ChunkOptions => Sep.Reader(o => o with
    {
        Sep = new Sep(','),
        HasHeader = false,
        DisableColCountCheck = true,
        Unescape = false,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    /// <summary>Opens a table; returns <see langword="null"/> (with problems added) when the header is unusable.</summary>
    public static CsvTable? Open(CsvSource source, IReadOnlyList<string> known, IReadOnlyList<string> required, List<NetworkProblem> problems)
    {
        if (source.CheckEncoding() is { } encoding)
        {
            problems.Add(encoding);
            return null;
        }

        if (source.IsBlank())
        {
            problems.Add(new NetworkProblem(new SourceLocation(source.Name, 1), null, null,
                $"the file is empty; expected a header row naming the columns ({string.Join(",", known)})"));
            return null;
        }

        var reader = source.Open(ChunkOptions);
        var columns = known.ToDictionary(k => k, _ => -1, StringComparer.OrdinalIgnoreCase);
        var extras = new List<(int, string)>();
        // The header is read as an ordinary row: Sep would throw on duplicate or empty names, and we report those
        // ourselves with the file and line.
        if (!reader.MoveNext())
        {
            reader.Dispose();
            problems.Add(new NetworkProblem(new SourceLocation(source.Name, 1), null, null,
                $"the file is empty; expected a header row naming the columns ({string.Join(",", known)})"));
            return null;
        }

        var headerRow = reader.Current;
        var names = new List<string>(headerRow.ColCount);
        for (var i = 0; i < headerRow.ColCount; i++)
        {
            names.Add(headerRow[i].ToString());
        }

        var headerOk = true;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            if (!TryUnquote(names[i], out var name) || string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new NetworkProblem(new SourceLocation(source.Name, 1), null, null,
                    string.Create(CultureInfo.InvariantCulture, $"header column {i + 1} is empty or badly quoted ('{names[i]}')")));
                headerOk = false;
                continue;
            }

            name = name.Trim();
            if (!seen.Add(name))
            {
                problems.Add(new NetworkProblem(new SourceLocation(source.Name, 1), null, name, "the header names this column twice"));
                headerOk = false;
                continue;
            }

            if (columns.ContainsKey(name))
            {
                columns[name] = i;
            }
            else
            {
                extras.Add((i, AttributeColumns.Attribute(name)));
            }
        }

        foreach (var column in required)
        {
            if (columns[column] < 0)
            {
                problems.Add(new NetworkProblem(new SourceLocation(source.Name, 1), null, column,
                    $"missing required column; the header has {string.Join(",", names)}"));
                headerOk = false;
            }
        }

        if (!headerOk)
        {
            reader.Dispose();
            return null;
        }

        // Index by canonical (schema) spelling regardless of the header's case.
        var canonical = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in known)
        {
            canonical[k] = columns[k];
        }

        return new CsvTable(reader, source, problems, canonical, [.. extras], names.Count);
    }

    /// <summary>Moves to the next non-blank, well-formed row; problem rows are reported and skipped.</summary>
    public bool Next(out int line)
    {
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            // A piece has no quotes, so a row is one line: the line it ends on. (Sep numbers the first row of a reader
            // as starting on line 2; in a whole file that row is the header, which is not read here.)
            _line = _lineOffset > 0 ? _lineOffset + row.LineNumberToExcl - 1 : row.LineNumberFrom;
            _rowFailed = false;
            if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
            {
                continue;
            }

            if (row.ColCount != _columnCount)
            {
                Problem(null, string.Create(CultureInfo.InvariantCulture,
                    $"expected {_columnCount} fields as in the header, got {row.ColCount} (an unquoted comma, a missing field, or an unterminated quote?)"));
                continue;
            }

            var ok = true;
            for (var i = 0; i < row.ColCount && ok; i++)
            {
                var raw = row[i].Span;
                if (raw.Contains('"') && !IsWellQuoted(raw))
                {
                    Problem(null, string.Create(CultureInfo.InvariantCulture,
                        $"field {i + 1} is badly quoted: a quote inside an unquoted field, or an unterminated quoted field (RFC 4180 doubles quotes inside quoted fields)"));
                    ok = false;
                }
            }

            if (!ok)
            {
                continue;
            }

            line = _line;
            return true;
        }

        line = 0;
        return false;
    }

    /// <summary>Adds a problem at the current row.</summary>
    public void Problem(string? field, string message)
    {
        _rowFailed = true;
        _problems.Add(new NetworkProblem(new SourceLocation(_source.Name, _line), null, field, message));
    }

    /// <summary>Whether the current row has a problem so far.</summary>
    public bool RowFailed => _rowFailed;

    /// <summary>The text of a cell: <see langword="null"/> when the column is absent or the cell empty; <c>""</c> for a quoted empty cell.</summary>
    public string? Text(int column, string field, bool required = false)
    {
        if (column < 0)
        {
            return null;
        }

        var raw = _reader.Current[column].Span;
        if (raw.IsEmpty)
        {
            if (required)
            {
                Problem(field, "missing value");
            }

            return null;
        }

        return Unescape(raw);
    }

    /// <summary>
    /// A link endpoint cell resolved against the entities read before: the entity's own id string (so that links share
    /// their endpoints' strings) and its position, or an interned copy of the text and −1 when no entity has that id.
    /// </summary>
    public int Endpoint(int column, string field, EntityPositions entities, out string? id)
    {
        var raw = _reader.Current[column].Span;
        if (raw.IsEmpty)
        {
            Problem(field, "missing value; expected an entity id");
            id = null;
            return -1;
        }

        if (raw[0] == '"')
        {
            var text = Unescape(raw);
            if (entities.TryFind(text, out id, out var quoted))
            {
                return quoted;
            }

            id = Intern(text);
            return -1;
        }

        if (entities.TryFind(raw, out id, out var position))
        {
            return position;
        }

        id = _idLookup.TryGetValue(raw, out var existing) ? existing : Intern(raw.ToString());
        return -1;
    }

    /// <summary>
    /// A link's two endpoint cells, as two <see cref="Endpoint"/> calls (from, then to) would resolve and report them;
    /// two plain known ids (the common case) are looked up together (<see cref="EntityPositions.FindPair"/>).
    /// </summary>
    public void Endpoints(int fromColumn, int toColumn, EntityPositions entities, out int fromIndex, out string? fromId, out int toIndex, out string? toId)
    {
        var row = _reader.Current;
        var from = row[fromColumn].Span;
        var to = row[toColumn].Span;
        if (!from.IsEmpty && !to.IsEmpty && from[0] != '"' && to[0] != '"')
        {
            entities.FindPair(from, to, out fromId, out fromIndex, out toId, out toIndex);
            if (fromId is not null && toId is not null)
            {
                return;
            }
        }

        fromIndex = Endpoint(fromColumn, "from", entities, out fromId);
        toIndex = Endpoint(toColumn, "to", entities, out toId);
    }

    /// <summary>The optional fields of a schema that this file has a column for, with their columns.</summary>
    public (NetworkField<TRecord> Field, int Column)[] OptionalFields<TRecord>(RecordFields<TRecord> fields)
        where TRecord : class =>
        [.. fields.Optional.Select(f => (f, Columns[f.Name])).Where(fc => fc.Item2 >= 0)];

    /// <summary>
    /// Reads the current row's non-empty cells of the given fields into the record, as each field's kind says. The record
    /// is the reader's own fresh one: numbers are filled in place where the field can (<see cref="TypedField{TRecord, TValue}.TryFill"/>).
    /// </summary>
    public TRecord ReadFields<TRecord>((NetworkField<TRecord> Field, int Column)[] fields, TRecord record)
        where TRecord : class
    {
        foreach (var (field, column) in fields)
        {
            if (_reader.Current[column].Span.IsEmpty)
            {
                continue;
            }

            switch (field.Kind)
            {
                case FieldKind.Number:
                    if (Number(column, field.Name) is { } number)
                    {
                        var typed = (TypedField<TRecord, double>)field;
                        if (!typed.TryFill(record, number))
                        {
                            record = typed.Set(record, number);
                        }
                    }

                    break;
                case FieldKind.Boolean:
                    if (Boolean(column, field.Name) is { } flag)
                    {
                        record = ((TypedField<TRecord, bool>)field).Set(record, flag);
                    }

                    break;
                case FieldKind.Text:
                    record = ((TypedField<TRecord, string>)field).Set(record, Text(column, field.Name)!);
                    break;
                default:
                    // Months, choices and schedules: the field's text encoding, surrounding space ignored.
                    record = field.Parse(record, Text(column, field.Name)!.Trim(), out var error);
                    if (error is not null)
                    {
                        Problem(field.Name, error);
                    }

                    break;
            }
        }

        return record;
    }

    /// <summary>A link kind cell (required).</summary>
    public LinkKind Kind(int column)
    {
        var raw = _reader.Current[column].Span;
        var text = raw.Length > 0 && raw[0] == '"' ? Unescape(raw).AsSpan() : raw;
        if (text.IsEmpty)
        {
            Problem("kind", $"missing value; expected one of {LinkKindFacts.AllNames}");
            return default;
        }

        if (!LinkKindFacts.TryParse(text, out var kind))
        {
            Problem("kind", $"unknown kind '{text}'; expected one of {LinkKindFacts.AllNames}");
        }

        return kind;
    }

    /// <summary>A number cell (invariant culture); <see langword="null"/> when absent or empty.</summary>
    public double? Number(int column, string field, bool required = false)
    {
        if (column < 0)
        {
            return null;
        }

        var raw = _reader.Current[column].Span;
        var text = raw.Length > 0 && raw[0] == '"' ? Unescape(raw).AsSpan() : raw;
        text = text.Trim();
        if (text.IsEmpty)
        {
            if (required)
            {
                Problem(field, "missing value; expected a number");
            }

            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Problem(field, $"'{Shorten(text)}' is not a number (use a dot for decimals and no thousands separators)");
            return null;
        }

        if (!double.IsFinite(value))
        {
            Problem(field, $"'{Shorten(text)}' is not a finite number");
            return null;
        }

        return value;
    }

    /// <summary>A boolean cell (<c>true</c>/<c>false</c>/<c>1</c>/<c>0</c>); <see langword="null"/> when absent or empty.</summary>
    public bool? Boolean(int column, string field)
    {
        var text = Text(column, field)?.Trim();
        if (string.IsNullOrEmpty(text))
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

        Problem(field, $"'{Shorten(text)}' is not a boolean; expected true or false");
        return null;
    }

    /// <summary>The current row's unknown columns as attributes (empty cells skipped).</summary>
    public ImmutableSortedDictionary<string, string> ExtraAttributes()
    {
        var empty = Equality.NoAttributes;
        if (_extras.Length == 0)
        {
            return empty;
        }

        ImmutableSortedDictionary<string, string>.Builder? builder = null;
        foreach (var (index, name) in _extras)
        {
            var raw = _reader.Current[index].Span;
            if (raw.IsEmpty)
            {
                continue;
            }

            builder ??= empty.ToBuilder();
            builder[name] = Unescape(raw);
        }

        return builder?.ToImmutable() ?? empty;
    }

    /// <summary>Reports unknown columns with values as problems (for files that keep no attributes).</summary>
    public void RejectExtraColumns()
    {
        foreach (var (index, name) in _extras)
        {
            if (!_reader.Current[index].Span.IsEmpty)
            {
                Problem(name, "unknown column");
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private string Intern(string id)
    {
        if (_ids.TryGetValue(id, out var existing))
        {
            return existing;
        }

        _ids[id] = id;
        return id;
    }

    private static bool IsWellQuoted(ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return false;
        }

        var inner = raw[1..^1];
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private static bool TryUnquote(string raw, out string text)
    {
        if (!raw.Contains('"', StringComparison.Ordinal))
        {
            text = raw;
            return true;
        }

        if (!IsWellQuoted(raw))
        {
            text = string.Empty;
            return false;
        }

        text = Unescape(raw);
        return true;
    }

    private static string Unescape(ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2 || raw[0] != '"')
        {
            return raw.ToString();
        }

        var inner = raw[1..^1];
        return inner.Contains('"') ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : inner.ToString();
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
