using System.Collections.Frozen;
using System.Collections.Immutable;

namespace AiContagion.Model;

/// <summary>The fields of one record type (<see cref="Entity"/> or <see cref="Link"/>) in their written order, with the lookups every format needs.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class RecordFields<TRecord>
    where TRecord : class
{
    private readonly FrozenDictionary<string, NetworkField<TRecord>> _byName;
    private readonly FrozenDictionary<string, NetworkField<TRecord>> _byExactName;

    public RecordFields(IEnumerable<NetworkField<TRecord>> fields, IEnumerable<string> otherReservedNames)
    {
        All = [.. fields];
        Optional = [.. All.Where(f => !f.InConstructor)];
        Names = [.. All.Select(f => f.Name)];
        _byName = All.ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _byExactName = All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        ReservedNames = All.Where(f => f.ReservesName).Select(f => f.Name).Concat(otherReservedNames).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        WithChecksAcross = [.. All.Where(f => f.AcrossRecords is not null)];
    }

    /// <summary>Every field, in the order the writers write them (the CSV column order).</summary>
    public ImmutableArray<NetworkField<TRecord>> All { get; }

    /// <summary>The fields the constructor does not take: read, written and checked through the schema alone.</summary>
    public ImmutableArray<NetworkField<TRecord>> Optional { get; }

    /// <summary>Every field name, in written order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The names an attribute may not take (case ignored).</summary>
    public FrozenSet<string> ReservedNames { get; }

    /// <summary>The fields with a check across all records.</summary>
    public ImmutableArray<NetworkField<TRecord>> WithChecksAcross { get; }

    /// <summary>The field of a name (case ignored), or <see langword="null"/>.</summary>
    public NetworkField<TRecord>? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The field of exactly this name (JSON names are case-sensitive), or <see langword="null"/>.</summary>
    public NetworkField<TRecord>? FindExact(string name) => _byExactName.GetValueOrDefault(name);

    /// <summary>Whether a name is a field name (case ignored).</summary>
    public bool IsField(string name) => _byName.ContainsKey(name);

    /// <summary>Whether two records hold the same value in every field.</summary>
    public bool SameFields(TRecord a, TRecord b)
    {
        foreach (var field in All)
        {
            if (!field.SameValue(a, b))
            {
                return false;
            }
        }

        return true;
    }
}
