using System.Globalization;

namespace AiContagion.Model;

/// <summary>
/// Where each entity or link of a <see cref="FinancingNetworkBuilder"/> was read, stored compactly (one int per
/// item) so that reading 10⁶ links costs no location object per link; a <see cref="SourceLocation"/> is made only
/// when a problem is reported.
/// </summary>
internal sealed class LocationTable(string arrayName)
{
    // 0: unknown; > 0: a line number in File; < 0: index −(mark + 1) in the JSON array arrayName of File.
    private readonly List<int> _marks = [];
    private Dictionary<int, SourceLocation>? _explicit;

    /// <summary>The file every compact mark refers to.</summary>
    public string? File { get; set; }

    public void Add(SourceLocation? location)
    {
        if (location is not null)
        {
            (_explicit ??= [])[_marks.Count] = location;
        }

        _marks.Add(0);
    }

    public void AddLine(int line) => _marks.Add(Math.Max(0, line));

    /// <summary>Adds items read at these lines (all &gt; 0), in order.</summary>
    public void AddLines(List<int> lines) => _marks.AddRange(lines);

    /// <summary>Makes room for <paramref name="count"/> items in all.</summary>
    public void Reserve(int count) => _marks.EnsureCapacity(count);

    public void AddJsonIndex(int index) => _marks.Add(-(index + 1));

    public SourceLocation? this[int item]
    {
        get
        {
            if (_explicit is not null && _explicit.TryGetValue(item, out var location))
            {
                return location;
            }

            var mark = _marks[item];
            return mark switch
            {
                0 => null,
                > 0 => new SourceLocation(File, mark),
                _ => new SourceLocation(File, null, string.Create(CultureInfo.InvariantCulture, $"$.{arrayName}[{-(mark + 1)}]")),
            };
        }
    }
}
