using System.Globalization;

namespace AiContagion.Export;

/// <summary>The kinds of chain diagram <see cref="ChainDiagram"/> writes.</summary>
public enum ChainView
{
    /// <summary>The whole chain in tier columns (<see cref="ChainDiagram.Tiered"/> without focus or cascade).</summary>
    Tiered,

    /// <summary>The neighbourhood of one firm, in tier columns (<see cref="ChainDiagramOptions.Focus"/>).</summary>
    Focus,

    /// <summary>What a cascade touched, in tier columns (<see cref="ChainDiagramOptions.Cascade"/>).</summary>
    Cascade,

    /// <summary>The largest firms on a circle-like layout (<see cref="ChainDiagram.Core"/>).</summary>
    Core,
}

/// <summary>A chain diagram as DOT text, with what it shows and what it hid.</summary>
/// <param name="Text">The DOT text (<c>\n</c> line ends); its graph attribute <c>layout</c> names the Graphviz engine.</param>
/// <param name="View">The kind of diagram.</param>
/// <param name="NodesShown">Nodes drawn (entities, or groups of anonymous funders).</param>
/// <param name="FlowsShown">Edges drawn: links summed per payer, recipient and deal class.</param>
/// <param name="LinksShown">Links of the network inside the edges drawn.</param>
/// <param name="LinkCount">Links in the network.</param>
/// <param name="LinksHidden">Links below the threshold (or outside the view) that no edge carries.</param>
/// <param name="AmountHidden">Their amount, in the network's unit.</param>
/// <param name="MinimumAmount">The threshold in force.</param>
/// <param name="LabelledFlows">Edges that carry an amount label.</param>
public sealed record ChainDiagramDocument(
    string Text,
    ChainView View,
    int NodesShown,
    int FlowsShown,
    int LinksShown,
    int LinkCount,
    int LinksHidden,
    double AmountHidden,
    double MinimumAmount,
    int LabelledFlows)
{
    /// <summary>A one-line summary such as <c>tiered: 38 nodes, 61 edges (92 of 108 links; threshold 5)</c>.</summary>
    /// <returns>The summary, invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{View.ToString().ToLowerInvariant()}: {NodesShown} nodes, {FlowsShown} edges ({LinksShown} of {LinkCount} links; threshold {DotText.Amount(MinimumAmount)})");
}
