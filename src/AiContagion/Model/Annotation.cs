namespace AiContagion.Model;

/// <summary>
/// A sourced figure that is kept with a network but <b>not</b> counted as a link: a valuation, an aggregate,
/// a projection, a superseded or overlapping headline. It documents why the figure is absent from the graph.
/// </summary>
/// <param name="Reason">Why the figure is not a link (e.g. <c>valuation, not a cash flow</c>).</param>
public sealed record Annotation(string Reason)
{
    /// <summary>The payer or subject named by the source, if any (an entity id or free text).</summary>
    public string? From { get; init; }

    /// <summary>The recipient named by the source, if any.</summary>
    public string? To { get; init; }

    /// <summary>What the figure is (the source's own wording, e.g. <c>equity investment</c>).</summary>
    public string? Type { get; init; }

    /// <summary>The figure, in the network's unit, if there is one.</summary>
    public double? Amount { get; init; }

    /// <summary>What kind of figure the amount is (e.g. <c>up-to</c>, <c>valuation</c>).</summary>
    public string? AmountKind { get; init; }

    /// <summary>When (free text).</summary>
    public string? Date { get; init; }

    /// <summary>Citation.</summary>
    public string? Source { get; init; }

    /// <summary>Free-text note.</summary>
    public string? Note { get; init; }
}
