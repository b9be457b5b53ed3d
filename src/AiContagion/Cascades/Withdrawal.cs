namespace AiContagion.Cascades;

/// <summary>One withdrawing entity of a <see cref="CascadeShock"/>: it stops a fraction of every outgoing link.</summary>
/// <param name="Id">The withdrawing entity.</param>
/// <param name="Fraction">
/// The share of each outgoing link's amount that stops, in (0, 1]; 1 (the default) is a full withdrawal. A partial
/// withdrawal still counts each outgoing link as down (its payer withdrew, docs/concepts.md#a-link-is-down) with
/// <c>Fraction × amount</c> as the amount down.
/// </param>
public readonly record struct Withdrawal(string Id, double Fraction = 1.0);
