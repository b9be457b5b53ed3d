namespace AiContagion.Cascades;

/// <summary>The state of one entity at the end of a cascade run.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Failed">Whether the entity failed (defaulted, ran out of liquidity or of capital, or reached full distress).</param>
/// <param name="Round">The round in which it failed (0 = failed by the shock itself), or <see langword="null"/>.</param>
/// <param name="Shocked">Whether the shock named the entity (withdrawn, failed, distressed or hit in its external assets).</param>
/// <param name="Payment">Clearing models: what the entity pays in total to its creditors (inside and outside the network); otherwise <see langword="null"/>.</param>
/// <param name="Equity">
/// Clearing models: face-value equity <c>e + received − external liabilities − owed</c>; solvency models: capital
/// minus losses; <see langword="null"/> when the model has no equity figure or the capital is unknown.
/// </param>
/// <param name="Distress">DebtRank models: the relative equity loss <c>h</c> in [0, 1]; otherwise <see langword="null"/>.</param>
public sealed record EntityOutcome(string Id, bool Failed, int? Round, bool Shocked, double? Payment, double? Equity, double? Distress)
{
    /// <summary>Liquidity models: the inflow the entity lost (in the network's unit); otherwise <see langword="null"/>.</summary>
    public double? LostInflow { get; init; }

    /// <summary>Solvency models: the losses charged against its capital (credit losses plus external-asset losses); otherwise <see langword="null"/>.</summary>
    public double? CreditLoss { get; init; }

    /// <summary>Clearing models: the part of <see cref="Payment"/> that reaches creditors inside the network; otherwise <see langword="null"/>.</summary>
    public double? NetworkPayment { get; init; }
}
