namespace AiContagion.Export;

/// <summary>A DOT document written by <see cref="DotWriter"/>, with how much of the network it shows.</summary>
/// <param name="Text">The DOT text (UTF-8 when saved, <c>\n</c> line ends, ends with a newline).</param>
/// <param name="EntitiesShown">Entities drawn.</param>
/// <param name="LinksShown">Links drawn.</param>
/// <param name="EntityCount">Entities in the network.</param>
/// <param name="LinkCount">Links in the network.</param>
public sealed record DotDiagram(string Text, int EntitiesShown, int LinksShown, int EntityCount, int LinkCount)
{
    /// <summary>A one-line summary such as <c>6 of 6 entities, 8 of 8 links</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{EntitiesShown} of {EntityCount} entities, {LinksShown} of {LinkCount} links");
}
