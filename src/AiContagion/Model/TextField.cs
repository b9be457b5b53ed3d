namespace AiContagion.Model;

/// <summary>A field holding optional free text (an id, a date as written, a citation, a note).</summary>
/// <param name="name">The field's name in every format.</param>
/// <param name="get">Reads the text from a record (<see langword="null"/>: absent).</param>
/// <param name="set">Sets the text, e.g. <c>(l, v) =&gt; l with { Note = v }</c>.</param>
/// <param name="omit">When the writers leave the text out although present (a name equal to the id); <see langword="null"/>: never.</param>
internal sealed class TextField<TRecord>(string name, Func<TRecord, string?> get, Func<TRecord, string, TRecord> set, Func<TRecord, bool>? omit = null)
    : TypedField<TRecord, string>(name, FieldKind.Text)
    where TRecord : class
{
    public override bool TryGet(TRecord record, out string value)
    {
        value = get(record)!;
        return value is not null;
    }

    public override TRecord Set(TRecord record, string value) => set(record, value);

    public override bool SameValue(TRecord a, TRecord b) => string.Equals(get(a), get(b), StringComparison.Ordinal);

    public override string? Format(TRecord record) => omit is not null && omit(record) ? null : get(record);

    public override TRecord Parse(TRecord record, string text, out string? error)
    {
        error = null;
        return set(record, text);
    }
}
