using AiContagion.Model;

namespace AiContagion.Io;

/// <summary>
/// How CSV columns and GraphML keys name attributes. An attribute is written under its own name, unless that name is a
/// field's (possible only for names that older data files used as attributes before the field existed, such as a link's
/// <c>confidence</c>), a reader's alias (GraphML's <c>label</c>, <c>weight</c>), or starts with <c>attributes.</c>:
/// then it is written <c>attributes.NAME</c>, as JSON nests it under <c>"attributes"</c>. Readers take any column or
/// key named <c>attributes.NAME</c> as the attribute <c>NAME</c>, so every attribute survives the round trip.
/// </summary>
internal static class AttributeColumns
{
    /// <summary>The prefix of an attribute column that would otherwise be read as something else.</summary>
    public const string Prefix = "attributes.";

    /// <summary>The column (or GraphML <c>attr.name</c>) an attribute is written under.</summary>
    public static string Column<TRecord>(string attribute, RecordFields<TRecord> fields, string? alias = null)
        where TRecord : class =>
        fields.IsField(attribute) || attribute.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || (alias is not null && attribute.Equals(alias, StringComparison.OrdinalIgnoreCase))
            ? Prefix + attribute
            : attribute;

    /// <summary>The attribute a column (or GraphML <c>attr.name</c>) that is no field holds.</summary>
    public static string Attribute(string column) =>
        column.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? column[Prefix.Length..] : column;
}
