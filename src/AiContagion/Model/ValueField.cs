namespace AiContagion.Model;

/// <summary>A field holding an optional struct value (a number, a boolean, a month or an enum), encoded by a <see cref="ValueCodec{T}"/>.</summary>
/// <param name="name">The field's name in every format.</param>
/// <param name="kind">The kind of value.</param>
/// <param name="codec">The text encoding.</param>
/// <param name="get">Reads the value from a record (<see langword="null"/>: absent).</param>
/// <param name="set">Sets the value, e.g. <c>(e, v) =&gt; e with { Cash = v }</c>.</param>
/// <param name="fill">Sets the value in place on a fresh record (<see cref="TypedField{TRecord, TValue}.TryFill"/>), or <see langword="null"/>.</param>
internal sealed class ValueField<TRecord, T>(string name, FieldKind kind, ValueCodec<T> codec, Func<TRecord, T?> get, Func<TRecord, T, TRecord> set, Action<TRecord, T>? fill = null)
    : TypedField<TRecord, T>(name, kind)
    where TRecord : class
    where T : struct
{
    /// <summary>The text encoding.</summary>
    public ValueCodec<T> Codec => codec;

    public override bool TryGet(TRecord record, out T value)
    {
        var got = get(record);
        value = got.GetValueOrDefault();
        return got.HasValue;
    }

    public override TRecord Set(TRecord record, T value) => set(record, value);

    public override bool TryFill(TRecord record, T value)
    {
        if (fill is null)
        {
            return false;
        }

        fill(record, value);
        return true;
    }

    public override bool SameValue(TRecord a, TRecord b) => Nullable.Equals(get(a), get(b));

    public override string? Format(TRecord record) => get(record) is { } value ? codec.Format(value) : null;

    public override TRecord Parse(TRecord record, string text, out string? error) =>
        codec.TryParse(text, out var value, out error) ? set(record, value) : record;
}
