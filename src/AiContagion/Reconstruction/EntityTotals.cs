namespace AiContagion.Reconstruction;

/// <summary>
/// An entity's two totals in a square reconstruction (every entity both pays and receives): the amount on the links
/// leaving it (<see cref="Out"/>, the row sum) and on the links entering it (<see cref="In"/>, the column sum).
/// </summary>
/// <remarks>
/// Links point the way money moves (From → To). For loans that is lender → borrower, so <see cref="Out"/> is the
/// entity's interbank lending (assets) and <see cref="In"/> its interbank borrowing (liabilities), as in
/// NetworkRiskMeasures' <c>rowsums = A</c>, <c>colsums = L</c>.
/// </remarks>
/// <param name="Id">The entity's id.</param>
/// <param name="Out">Total amount on the links leaving the entity; finite and non-negative.</param>
/// <param name="In">Total amount on the links entering the entity; finite and non-negative.</param>
public readonly record struct EntityTotals(string Id, double Out, double In);
