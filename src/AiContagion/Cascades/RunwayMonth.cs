namespace AiContagion.Cascades;

/// <summary>The state of a <see cref="RunwayCascade"/> at the end of one month (month 0: the start, after a withdrawal at month 0).</summary>
/// <param name="Month">The month, 0 to the horizon.</param>
/// <param name="LinksDown">Links down so far (docs/concepts.md#a-link-is-down: payer withdrew or failed while payments were still due, or a claim's recipient failed).</param>
/// <param name="AmountDown">Their amounts, in the network's unit.</param>
/// <param name="EntitiesFailed">Entities out of cash so far.</param>
/// <param name="FlowStopped">Payments due in this month that were not made (their payer withdrew or failed).</param>
/// <param name="BaselineLinksDown">Links down so far without the shock.</param>
/// <param name="BaselineEntitiesFailed">Entities out of cash so far without the shock.</param>
public readonly record struct RunwayMonth(
    int Month,
    int LinksDown,
    double AmountDown,
    int EntitiesFailed,
    double FlowStopped,
    int BaselineLinksDown,
    int BaselineEntitiesFailed);
