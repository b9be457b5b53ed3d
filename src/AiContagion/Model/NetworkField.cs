namespace AiContagion.Model;

/// <summary>
/// One field of an <see cref="Entity"/> or a <see cref="Link"/>, as the <see cref="FieldSchema"/> describes it: its
/// name in every format, its kind of value, how to read it from a record and set it on one, its constraints, and its
/// text encoding. Readers, writers, the builder's checks and record equality all work from these descriptions.
/// </summary>
/// <typeparam name="TRecord">The record the field belongs to.</typeparam>
internal abstract class NetworkField<TRecord>
    where TRecord : class
{
    protected NetworkField(string name, FieldKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The name in JSON, the CSV column and the GraphML <c>attr.name</c> (matched ignoring case in CSV and GraphML).</summary>
    public string Name { get; }

    /// <summary>The kind of value, which decides its encoding in each format.</summary>
    public FieldKind Kind { get; }

    /// <summary>
    /// Whether the record's constructor takes the field (<c>id</c>, <c>name</c>, <c>sector</c>; <c>from</c>, <c>to</c>,
    /// <c>kind</c>, <c>amount</c>): the readers read these themselves and the builder checks them itself; every other
    /// field is read, written and checked through this description alone.
    /// </summary>
    public bool InConstructor { get; private set; }

    /// <summary>Whether every record must give the field (a missing value is a reading problem).</summary>
    public bool Required { get; private set; }

    /// <summary>
    /// Whether an attribute may not take this name. True for every field but those that older data files already use
    /// as an attribute name (kept readable; CSV and GraphML then write the attribute as <c>attributes.NAME</c>).
    /// </summary>
    public bool ReservesName { get; private set; } = true;

    /// <summary>The GraphML <c>attr.type</c> of the field's key.</summary>
    public string GraphMlType => Kind switch
    {
        FieldKind.Number => "double",
        FieldKind.Boolean => "boolean",
        _ => "string",
    };

    /// <summary>
    /// A check across all records of a network (e.g. the shares of one recipient sum to at most 1): each problem is the
    /// position of the record it is reported on and the message. <see langword="null"/> when the field has none.
    /// </summary>
    public Func<IReadOnlyList<TRecord>, IEnumerable<(int Index, string Message)>>? AcrossRecords { get; private set; }

    /// <summary>Whether the record gives a value.</summary>
    public abstract bool IsPresent(TRecord record);

    /// <summary>Whether two records hold the same value (both absent counts as the same).</summary>
    public abstract bool SameValue(TRecord a, TRecord b);

    /// <summary>The value's text as CSV and GraphML write it, or <see langword="null"/> when nothing is written.</summary>
    public abstract string? Format(TRecord record);

    /// <summary>Sets the value read from a text (unquoted, trimmed); returns the record unchanged and an error when it does not parse.</summary>
    public abstract TRecord Parse(TRecord record, string text, out string? error);

    /// <summary>Adds the message of every constraint the record's value breaks (nothing when the value is absent).</summary>
    public abstract void Check(TRecord record, FieldContext context, List<string> messages);

    /// <summary>Marks the field as one the record's constructor takes.</summary>
    public NetworkField<TRecord> ConstructorField(bool required)
    {
        InConstructor = true;
        Required = required;
        return this;
    }

    /// <summary>Lets attributes keep this name, for data files written before the field existed.</summary>
    public NetworkField<TRecord> AllowingLegacyAttribute()
    {
        ReservesName = false;
        return this;
    }

    /// <summary>Adds a check across all records of a network.</summary>
    public NetworkField<TRecord> Across(Func<IReadOnlyList<TRecord>, IEnumerable<(int Index, string Message)>> check)
    {
        AcrossRecords = check;
        return this;
    }
}
