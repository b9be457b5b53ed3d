namespace AiContagion.Cascades;

/// <summary>When a loss against a buffer (capital) makes an entity fail.</summary>
/// <remarks>
/// Both rules compare with a relative slack of 1e-12 (<c>|a − b| ≤ 1e-12 · max(|a|, |b|)</c> counts as equal), so
/// that a loss computed as a sum equals a capital it matches on paper (0.2 / 5 = 0.04 exactly, not
/// 0.04000000000000001).
/// </remarks>
public enum FailureRule
{
    /// <summary>Strict: the entity fails when its loss exceeds its capital (<c>loss &gt; capital</c>); a loss equal to capital leaves it standing with zero equity.</summary>
    LossExceedsCapital,

    /// <summary>Non-strict: the entity fails when its loss reaches its capital (<c>loss ≥ capital</c>), i.e. when its equity is no longer positive.</summary>
    LossReachesCapital,
}
