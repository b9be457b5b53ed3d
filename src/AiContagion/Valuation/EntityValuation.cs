using System.Collections.Immutable;
using System.Globalization;

namespace AiContagion.Valuation;

/// <summary>
/// One entity's row of a <see cref="ValuationResult"/>: its value, equity, net worth and what it pays its creditors at
/// the greatest fixed point of the cross-holdings valuation.
/// </summary>
/// <param name="Id">The entity's id.</param>
/// <param name="Index">Its position in the network.</param>
/// <param name="ExternalAssets">The external assets valued (after the shock; 0 when the figure is unknown).</param>
/// <param name="Value">
/// The firm's value V: external assets + what its debtors pay it + its shares of its issuers' equity values. Never
/// negative.
/// </param>
/// <param name="Equity">The value of its equity, <c>max(0, V − D)</c> (what its shareholders own).</param>
/// <param name="NetWorth"><c>V − D</c>: negative when the firm cannot pay what it owes.</param>
/// <param name="Defaulted">
/// Whether it cannot pay all it owes: <c>D − V &gt; 1e-12 × max(D, V)</c> (the clearing models' rule and slack; a firm
/// exactly at <c>V = D</c> pays in full and has not defaulted).
/// </param>
/// <param name="DebtPaid">What it pays its creditors, network and external, all layers: <c>min(V, D)</c> (the value of its debt).</param>
/// <param name="DebtOwed">What it owes, D: its network obligations at face value plus its external liabilities.</param>
/// <param name="PaidByLayer">What it pays in each layer, most senior first (<see cref="ValuationResult.Layers"/>).</param>
public sealed record EntityValuation(
    string Id,
    int Index,
    double ExternalAssets,
    double Value,
    double Equity,
    double NetWorth,
    bool Defaulted,
    double DebtPaid,
    double DebtOwed,
    ImmutableArray<double> PaidByLayer)
{
    /// <summary>A one-line description, invariant culture.</summary>
    /// <returns>Such as <c>b1: value 25, equity 0, net worth -20, defaulted, debt paid 25 of 45</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id}: value {Value:G10}, equity {Equity:G10}, net worth {NetWorth:G10}, {(Defaulted ? "defaulted" : "solvent")}, debt paid {DebtPaid:G10} of {DebtOwed:G10}");
}
