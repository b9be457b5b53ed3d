using System.Collections.Immutable;
using System.Text;

namespace AiContagion.Model;

/// <summary>
/// A field holding a list of <see cref="ScheduledPayment"/> (empty: absent). Text form, for CSV cells and GraphML
/// data: <c>month:amount</c> pairs separated by <c>;</c>, e.g. <c>2026-03:5;2026-09:5</c>.
/// </summary>
/// <param name="name">The field's name in every format.</param>
/// <param name="get">Reads the payments from a record.</param>
/// <param name="set">Sets the payments.</param>
internal sealed class ScheduleField<TRecord>(string name, Func<TRecord, ImmutableArray<ScheduledPayment>> get, Func<TRecord, ImmutableArray<ScheduledPayment>, TRecord> set)
    : TypedField<TRecord, ImmutableArray<ScheduledPayment>>(name, FieldKind.Schedule)
    where TRecord : class
{
    /// <summary>The form of the text, for messages.</summary>
    public const string TextForm = "month:amount pairs separated by ';', e.g. 2026-03:5;2026-09:5";

    public override bool TryGet(TRecord record, out ImmutableArray<ScheduledPayment> value)
    {
        value = get(record);
        return !value.IsDefaultOrEmpty;
    }

    public override TRecord Set(TRecord record, ImmutableArray<ScheduledPayment> value) => set(record, value);

    public override bool SameValue(TRecord a, TRecord b) => Equality.SameSequence(get(a), get(b));

    public override string? Format(TRecord record)
    {
        var payments = get(record);
        if (payments.IsDefaultOrEmpty)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var payment in payments)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(payment.ToString());
        }

        return text.ToString();
    }

    public override TRecord Parse(TRecord record, string text, out string? error) =>
        TryParseText(text, out var payments, out error) ? set(record, payments) : record;

    /// <summary>Parses the text form; an empty text is an error (leave the field out for no schedule).</summary>
    public static bool TryParseText(string text, out ImmutableArray<ScheduledPayment> payments, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        payments = [];
        var parts = text.Split(';');
        var result = ImmutableArray.CreateBuilder<ScheduledPayment>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var what = parts.Length == 1 ? $"'{Shorten(part)}'" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"payment {i + 1} '{Shorten(part)}'");
            if (colon < 0)
            {
                error = $"{what} is not month:amount; expected {TextForm}";
                return false;
            }

            if (!MonthCodec.Instance.TryParse(part[..colon].Trim(), out var month, out var monthError))
            {
                error = $"{what}: {monthError}";
                return false;
            }

            if (!NumberCodec.Instance.TryParse(part[(colon + 1)..].Trim(), out var amount, out var amountError))
            {
                error = $"{what}: {amountError}";
                return false;
            }

            result.Add(new ScheduledPayment(month, amount));
        }

        payments = result.MoveToImmutable();
        error = null;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
