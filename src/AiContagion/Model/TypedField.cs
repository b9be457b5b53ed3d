namespace AiContagion.Model;

/// <summary>
/// A <see cref="NetworkField{TRecord}"/> with a typed value and a list of constraints, checked in order: a
/// <see cref="Require"/> constraint that fails ends the checks of the field (later ones assume it holds), a
/// <see cref="Rule"/> that fails is reported and the checks go on.
/// </summary>
internal abstract class TypedField<TRecord, TValue> : NetworkField<TRecord>
    where TRecord : class
{
    private readonly List<(Func<TRecord, TValue, FieldContext, string?> Check, bool Stops)> _rules = [];

    protected TypedField(string name, FieldKind kind)
        : base(name, kind)
    {
    }

    /// <summary>The record's value, when present.</summary>
    public abstract bool TryGet(TRecord record, out TValue value);

    /// <summary>The record with this field set to <paramref name="value"/> (a <c>with</c> expression).</summary>
    public abstract TRecord Set(TRecord record, TValue value);

    /// <summary>
    /// Sets the value in place, on a record the caller has just made and not yet shared (a reader filling a fresh
    /// row): no copy per field, unlike <see cref="Set"/>. <see langword="false"/> when this field cannot, and then the
    /// caller uses <see cref="Set"/>.
    /// </summary>
    public virtual bool TryFill(TRecord record, TValue value) => false;

    /// <summary>Adds a constraint that later constraints rely on: the message when it fails, else <see langword="null"/>.</summary>
    public TypedField<TRecord, TValue> Require(Func<TRecord, TValue, FieldContext, string?> check)
    {
        _rules.Add((check, true));
        return this;
    }

    /// <summary>Adds a constraint: the message when it fails, else <see langword="null"/>.</summary>
    public TypedField<TRecord, TValue> Rule(Func<TRecord, TValue, FieldContext, string?> check)
    {
        _rules.Add((check, false));
        return this;
    }

    public override bool IsPresent(TRecord record) => TryGet(record, out _);

    public override void Check(TRecord record, FieldContext context, List<string> messages)
    {
        if (!TryGet(record, out var value))
        {
            return;
        }

        foreach (var (check, stops) in _rules)
        {
            if (check(record, value, context) is { } message)
            {
                messages.Add(message);
                if (stops)
                {
                    return;
                }
            }
        }
    }
}
