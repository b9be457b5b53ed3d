namespace AiContagion.Cascades;

/// <summary>The parts of a <see cref="CascadeShock"/> a model understands (<see cref="ICascadeModel.Accepts"/>).</summary>
/// <remarks>A model given a part it does not understand throws <see cref="ArgumentException"/>: a shock is never silently ignored.</remarks>
[Flags]
public enum ShockChannels
{
    /// <summary>No shock part.</summary>
    None = 0,

    /// <summary><see cref="CascadeShock.Withdrawals"/>: entities that stop (part of) their outgoing links.</summary>
    Withdrawal = 1,

    /// <summary><see cref="CascadeShock.Failures"/>: entities that fail at round 0.</summary>
    Failure = 2,

    /// <summary><see cref="CascadeShock.Distress"/>: initial relative equity losses (DebtRank).</summary>
    Distress = 4,

    /// <summary><see cref="CascadeShock.ExternalAssetLosses"/>: fractions of external assets lost.</summary>
    ExternalAssets = 8,

    /// <summary>Every part.</summary>
    All = Withdrawal | Failure | Distress | ExternalAssets,
}
