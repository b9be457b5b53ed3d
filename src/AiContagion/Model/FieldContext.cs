namespace AiContagion.Model;

/// <summary>What a field's constraints may consult beyond the record itself: the network's date, its entity ids and its asset ids.</summary>
/// <param name="asOf">The network's <c>asOf</c> read as a month, when it reads as one.</param>
/// <param name="entityIds">The ids of the network's entities.</param>
/// <param name="assetIds">The ids of the network's assets (the holdings layer), or <see langword="null"/> for none.</param>
internal sealed class FieldContext(CalendarMonth? asOf, IReadOnlyDictionary<string, int> entityIds, IReadOnlyDictionary<string, int>? assetIds = null)
{
    /// <summary>The network's <c>asOf</c> as a month, or <see langword="null"/> when absent or not a month.</summary>
    public CalendarMonth? AsOf => asOf;

    /// <summary>Whether an entity has the id.</summary>
    public bool HasEntity(string id) => entityIds.ContainsKey(id);

    /// <summary>Whether an asset of the holdings layer has the id.</summary>
    public bool HasAsset(string id) => assetIds is not null && assetIds.ContainsKey(id);
}
