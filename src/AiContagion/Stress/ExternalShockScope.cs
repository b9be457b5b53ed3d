namespace AiContagion.Stress;

/// <summary>Whether every entity of a trial loses the same fraction of its external assets, or each its own.</summary>
public enum ExternalShockScope
{
    /// <summary>One draw per trial, lost by every entity that holds external assets: a market-wide fall in asset prices.</summary>
    Common,

    /// <summary>An independent draw per entity and trial: idiosyncratic asset losses.</summary>
    PerEntity,
}
