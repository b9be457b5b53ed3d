namespace AiContagion.Cascades;

/// <summary>How an entity fares in a <see cref="RunwayCascade"/>, compared with the no-shock baseline.</summary>
/// <remarks>
/// A withdrawal mostly takes inflows away from the other entities (a failed entity stops paying; payments into it go
/// on), so in general no entity but a withdrawn one fails later, or survives, because of the shock. Two exceptions, both
/// of them real: a loan the withdrawing lender never pays out needs no repaying, so its borrower can be spared a
/// maturity it would not have met (<see cref="FailsLaterWithShock"/> or <see cref="SurvivesOnlyWithShock"/> for a
/// non-withdrawn borrower); and a withdrawn entity pays less and may therefore be spared, and then keeps servicing its
/// debts, paying what it did not withdraw and sparing its lenders their losses on it for longer. Without dated debt
/// and with withdrawn entities that do not fail in the baseline, the exceptions cannot occur.
/// </remarks>
public enum RunwayOutcome
{
    /// <summary>Never runs out of cash within the horizon, with or without the shock.</summary>
    Survives,

    /// <summary>Fails in the same month without the shock: its own burn, not the withdrawal, sinks it.</summary>
    FailsWithoutShock,

    /// <summary>Fails in the baseline too, but sooner with the shock.</summary>
    FailsSoonerWithShock,

    /// <summary>Fails only because of the shock.</summary>
    FailsOnlyWithShock,

    /// <summary>Fails later than in the baseline: a withdrawn entity (it stopped paying), or one of the exceptions above.</summary>
    FailsLaterWithShock,

    /// <summary>Fails in the baseline but not with the shock: a withdrawn entity (it stopped paying), or one of the exceptions above.</summary>
    SurvivesOnlyWithShock,
}
