namespace AiContagion.Stress;

/// <summary>How an entity fares in a <see cref="RunwaySimulation"/>, compared with the no-shock baseline.</summary>
/// <remarks>
/// A withdrawal only takes inflows away from the other entities (a failed entity stops paying; payments into it go on),
/// so no entity but a withdrawn one fails later, or survives, because of the shock. A withdrawn entity pays less and
/// may therefore be spared.
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

    /// <summary>A withdrawn entity that fails later than in the baseline (it stopped paying).</summary>
    FailsLaterWithShock,

    /// <summary>A withdrawn entity that fails in the baseline but not with the shock (it stopped paying).</summary>
    SurvivesOnlyWithShock,
}
