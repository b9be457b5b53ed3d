namespace AiContagion.Export;

/// <summary>Argument checks shared by the overlay constructors.</summary>
internal static class OverlayChecks
{
    /// <summary>Checks an entity id given to an overlay is present and not blank.</summary>
    public static void Id(string? id, string parameter)
    {
        ArgumentNullException.ThrowIfNull(id, parameter);
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameter);
    }
}
