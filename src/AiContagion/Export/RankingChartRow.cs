namespace AiContagion.Export;

/// <summary>
/// One bar of a withdrawal-ranking chart (<see cref="Chart.Ranking"/>): a candidate funding source and the
/// links its withdrawal brought down, split into its own links (direct) and the links the cascade then brought
/// down.
/// </summary>
/// <param name="Label">The bar's label (usually the source's id or name).</param>
/// <param name="DirectLinks">Links down because the source itself stopped paying (its own outgoing links); 0 or more.</param>
/// <param name="CascadeLinks">Further links down through failures the withdrawal caused; 0 or more.</param>
public sealed record RankingChartRow(string Label, int DirectLinks, int CascadeLinks)
{
    /// <summary>All links down: direct plus cascade.</summary>
    public int TotalLinks => DirectLinks + CascadeLinks;
}
