namespace AiContagion.Stress;

/// <summary>What a Monte Carlo trial records (<see cref="StressResult.Values"/>).</summary>
public enum StressMeasure
{
    /// <summary>Links down in the trial's cascade (docs/concepts.md#a-link-is-down), the shock's own included.</summary>
    LinksDown,

    /// <summary>Amount of the links down, in the network's unit.</summary>
    AmountDown,

    /// <summary>Entities failed, those the shock failed outright included.</summary>
    EntitiesFailed,

    /// <summary>Entities the copula drew (withdrawn or failed by the shock).</summary>
    EntitiesDrawn,
}
