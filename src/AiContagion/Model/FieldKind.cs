namespace AiContagion.Model;

/// <summary>
/// The kinds of value a field of the <see cref="FieldSchema"/> holds. The kind decides how each format encodes the
/// value: a JSON number, boolean, string or array; a CSV cell and a GraphML <c>data</c> element always hold its text.
/// </summary>
internal enum FieldKind
{
    /// <summary>Free text (JSON string; GraphML <c>string</c>).</summary>
    Text,

    /// <summary>A finite <see cref="double"/> (JSON number; text in shortest round-trip form; GraphML <c>double</c>).</summary>
    Number,

    /// <summary>A boolean (JSON <c>true</c>/<c>false</c>; text <c>true</c>/<c>false</c>, also <c>1</c>/<c>0</c> when read; GraphML <c>boolean</c>).</summary>
    Boolean,

    /// <summary>A <see cref="CalendarMonth"/> (JSON string <c>YYYY-MM</c>; read from <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>).</summary>
    Month,

    /// <summary>One name of an enum (JSON string), e.g. a sector or <c>estimate</c>.</summary>
    Choice,

    /// <summary>
    /// A list of <see cref="ScheduledPayment"/> (JSON array of <c>{"date": "2026-03", "amount": 5}</c>; text
    /// <c>2026-03:5;2026-09:5</c>; GraphML <c>string</c>).
    /// </summary>
    Schedule,
}
